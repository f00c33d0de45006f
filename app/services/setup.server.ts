import { dbDateFromIsoDate, type IsoDate, isoDateFromDbDate, todayIn, weekday } from "~/domain/calendar";
import { type DayType, isFee, scheduleInForce } from "~/domain/fees";
import {
  type BookedSlot,
  checkFacility,
  checkRoom,
  type FacilityDraft,
  type FacilityProblemCode,
  type RoomDraft,
  type RoomProblemCode,
  type SetupProblem,
  type SetupProblems,
} from "~/domain/setup";
import { checkFrame, DAY_TYPES, dayTypeOn, type FrameDraft } from "~/domain/time-frames";
import { type CsvError, type ParsedSetup, sortCsvErrors } from "~/domain/setup-csv";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";
import type { Municipality } from "./catalog.server";
import { loadFeeTable } from "./fees.server";

type Tx = Prisma.TransactionClient;
type Tenant = Pick<Municipality, "id" | "timeZone">;

/** Saved (the record's id), refused with problems by field, or null: not the municipality's. */
export type SetupResult = { ok: true; id: string } | { ok: false; problems: SetupProblems } | null;

/** How many bookings to come a refusal lists by number (it always says how many in all). */
const LISTED_BOOKINGS = 10;

// ---- reading -------------------------------------------------------------------------------

/** Every facility of the municipality with how many rooms it offers (staff's list). */
export async function setupFacilities(municipalityId: string) {
  const rows = await db.facility.findMany({
    where: { municipalityId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      address: true,
      phone: true,
      closedWeekdays: true,
      sortOrder: true,
      rooms: { select: { active: true } },
    },
  });
  return rows.map(({ rooms, ...f }) => ({
    ...f,
    offeredRooms: rooms.filter((r) => r.active).length,
    retiredRooms: rooms.filter((r) => !r.active).length,
  }));
}

/** The next free place at the end of the municipality's facilities. */
export async function nextFacilityOrder(municipalityId: string) {
  const last = await db.facility.aggregate({ where: { municipalityId }, _max: { sortOrder: true } });
  return (last._max.sortOrder ?? -1) + 1;
}

/** One facility with its rooms (retired ones too), or null when it is not the municipality's. */
export async function setupFacility(municipalityId: string, facilityId: string) {
  const facility = await db.facility.findFirst({
    where: { id: facilityId, municipalityId },
    select: {
      id: true,
      name: true,
      address: true,
      phone: true,
      closedWeekdays: true,
      sortOrder: true,
      rooms: {
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          capacity: true,
          active: true,
          sortOrder: true,
          timeFrames: { where: { active: true }, select: { id: true } },
        },
      },
    },
  });
  if (!facility) return null;
  const last = facility.rooms.reduce((max, r) => Math.max(max, r.sortOrder), -1);
  return {
    ...facility,
    rooms: facility.rooms.map(({ timeFrames, ...r }) => ({ ...r, offeredFrames: timeFrames.length })),
    nextRoomOrder: last + 1,
  };
}

/**
 * One room with its frames (retired ones too) and each frame's fees in the schedule in force
 * today, and the other rooms it shares a space with (a divisible hall and its halves).
 */
export async function setupRoom(municipality: Tenant, roomId: string, now: Date) {
  const room = await db.room.findFirst({
    where: { id: roomId, municipalityId: municipality.id },
    select: {
      id: true,
      name: true,
      capacity: true,
      description: true,
      sortOrder: true,
      active: true,
      facility: { select: { id: true, name: true } },
      spaces: { select: { space: { select: { rooms: { where: { roomId: { not: roomId } }, select: { room: { select: { name: true } } } } } } } },
      timeFrames: {
        orderBy: { sortOrder: "asc" },
        select: { id: true, name: true, startMinute: true, endMinute: true, dayTypes: true, active: true },
      },
    },
  });
  if (!room) return null;
  const table = await loadFeeTable(municipality.id);
  const schedule = scheduleInForce(table.schedules, todayIn(municipality.timeZone, now));
  const { spaces, timeFrames, ...rest } = room;
  return {
    ...rest,
    sharesSpaceWith: [...new Set(spaces.flatMap((s) => s.space.rooms.map((r) => r.room.name)))],
    timeFrames: timeFrames.map((f) => ({
      ...f,
      fees: Object.fromEntries(DAY_TYPES.map((d) => [d, schedule?.rates.get(`${f.id}:${d}`) ?? null])) as Record<DayType, number | null>,
    })),
  };
}

/**
 * One frame with its room, the day types that have no fee in the current or a later schedule
 * (the edit form asks for those), and whether its times are fixed by bookings on record.
 */
export async function setupFrame(municipality: Tenant, frameId: string, now: Date) {
  const frame = await db.timeFrame.findFirst({
    where: { id: frameId, municipalityId: municipality.id },
    select: {
      id: true,
      name: true,
      startMinute: true,
      endMinute: true,
      dayTypes: true,
      active: true,
      room: { select: { id: true, name: true, facility: { select: { id: true, name: true } } } },
      _count: { select: { items: true } },
    },
  });
  if (!frame) return null;
  const { _count, ...rest } = frame;
  return { ...rest, booked: _count.items > 0, unpriced: await unpricedDayTypes(db, municipality, frameId, now) };
}

// ---- facilities ----------------------------------------------------------------------------

const facilityFields = { name: true, address: true, phone: true, closedWeekdays: true, sortOrder: true } as const;

export async function addFacility(municipality: Tenant, staffId: string, draft: FacilityDraft): Promise<SetupResult> {
  const checked = checkFacility(draft);
  if (!checked.ok) return { ok: false, problems: coded(checked.problems) };
  const after = checked.facility;
  return db.$transaction(async (tx) => {
    await lockMunicipality(tx, municipality.id);
    if (await facilityNamed(tx, municipality.id, after.name)) return { ok: false, problems: { name: { code: "FACILITY_NAME_TAKEN" } } };
    const created = await tx.facility.create({ data: { municipalityId: municipality.id, ...after }, select: { id: true } });
    await audit(tx, { municipalityId: municipality.id, actorId: staffId, action: "facility.added", entity: "Facility", entityId: created.id, details: { before: null, after } });
    return { ok: true, id: created.id };
  });
}

/**
 * Changes a facility. A weekday newly closed every week is refused while bookings to come fall
 * on it (they are listed, to be cancelled first).
 */
export async function updateFacility(municipality: Tenant, staffId: string, facilityId: string, draft: FacilityDraft, now: Date): Promise<SetupResult> {
  const checked = checkFacility(draft);
  return db.$transaction(async (tx): Promise<SetupResult> => {
    await lockMunicipality(tx, municipality.id);
    const before = await tx.facility.findFirst({ where: { id: facilityId, municipalityId: municipality.id }, select: facilityFields });
    if (!before) return null;
    // every problem at once: the form's, a name taken, and bookings on a weekday to be closed
    const problems: SetupProblems = checked.ok ? {} : coded(checked.problems);
    const sameName = await facilityNamed(tx, municipality.id, draft.name.trim());
    if (sameName && sameName.id !== facilityId) problems.name ??= { code: "FACILITY_NAME_TAKEN" };
    const newlyClosed = (draft.closedWeekdays ?? []).filter((d) => !before.closedWeekdays.includes(d));
    if (newlyClosed.length > 0 && !problems.closedWeekdays) {
      const booked = await futureBookings(tx, municipality, { room: { facilityId } }, now);
      const stranded = booked.filter((b) => newlyClosed.includes(weekday(b.date)));
      if (stranded.length > 0) problems.closedWeekdays = bookingsProblem(stranded);
    }
    if (!checked.ok || Object.keys(problems).length > 0) return { ok: false, problems };
    const after = checked.facility;
    if (!changed(before, after)) return { ok: true, id: facilityId };
    await tx.facility.update({ where: { id: facilityId }, data: after });
    await audit(tx, { municipalityId: municipality.id, actorId: staffId, action: "facility.updated", entity: "Facility", entityId: facilityId, details: { before, after } });
    return { ok: true, id: facilityId };
  });
}

// ---- rooms ---------------------------------------------------------------------------------

const roomFields = { name: true, capacity: true, description: true, sortOrder: true } as const;

/** Adds a room to a facility, with a space of its own (what bookings of it occupy). */
export async function addRoom(municipality: Tenant, staffId: string, facilityId: string, draft: RoomDraft): Promise<SetupResult> {
  const checked = checkRoom(draft);
  return db.$transaction(async (tx): Promise<SetupResult> => {
    if (!(await lockFacility(tx, municipality.id, facilityId))) return null;
    if (!checked.ok) return { ok: false, problems: coded(checked.problems) };
    const after = checked.room;
    if (await roomNamed(tx, municipality.id, facilityId, after.name)) return { ok: false, problems: { name: { code: "ROOM_NAME_TAKEN" } } };
    const space = await tx.space.create({ data: { municipalityId: municipality.id, facilityId, name: after.name }, select: { id: true } });
    const created = await tx.room.create({
      data: { municipalityId: municipality.id, facilityId, ...after, spaces: { create: { municipalityId: municipality.id, spaceId: space.id } } },
      select: { id: true },
    });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "room.added",
      entity: "Room",
      entityId: created.id,
      details: { before: null, after: { facilityId, ...after, spaceId: space.id } },
    });
    return { ok: true, id: created.id };
  });
}

export async function updateRoom(municipality: Tenant, staffId: string, roomId: string, draft: RoomDraft): Promise<SetupResult> {
  const checked = checkRoom(draft);
  return db.$transaction(async (tx): Promise<SetupResult> => {
    const room = await tx.room.findFirst({ where: { id: roomId, municipalityId: municipality.id }, select: { facilityId: true, ...roomFields } });
    if (!room) return null;
    if (!checked.ok) return { ok: false, problems: coded(checked.problems) };
    const { facilityId, ...before } = room;
    await lockFacility(tx, municipality.id, facilityId);
    const after = checked.room;
    const sameName = await roomNamed(tx, municipality.id, facilityId, after.name);
    if (sameName && sameName.id !== roomId) return { ok: false, problems: { name: { code: "ROOM_NAME_TAKEN" } } };
    if (!changed(before, after)) return { ok: true, id: roomId };
    await tx.room.update({ where: { id: roomId }, data: after });
    await audit(tx, { municipalityId: municipality.id, actorId: staffId, action: "room.updated", entity: "Room", entityId: roomId, details: { before, after } });
    return { ok: true, id: roomId };
  });
}

/**
 * Retires a room (no longer offered; its bookings on record still show) or offers it again.
 * Refused while it has bookings to come, which are listed.
 */
export async function setRoomActive(municipality: Tenant, staffId: string, roomId: string, active: boolean, now: Date): Promise<SetupResult> {
  return db.$transaction(async (tx): Promise<SetupResult> => {
    const room = await tx.room.findFirst({ where: { id: roomId, municipalityId: municipality.id }, select: { active: true } });
    if (!room) return null;
    if (room.active === active) return { ok: true, id: roomId };
    if (!active) {
      await lockSpacesOfRooms(tx, municipality.id, [roomId]);
      const booked = await futureBookings(tx, municipality, { roomId }, now);
      if (booked.length > 0) return { ok: false, problems: { form: bookingsProblem(booked) } };
    }
    await tx.room.update({ where: { id: roomId }, data: { active } });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: active ? "room.offered" : "room.retired",
      entity: "Room",
      entityId: roomId,
      details: { before: { active: room.active }, after: { active } },
    });
    return { ok: true, id: roomId };
  });
}

// ---- time frames ---------------------------------------------------------------------------

/** A frame as typed: its times null when not a time; fees by day type, null when left blank, NaN when not a number. */
export type FrameInput = FrameDraft & { fees: Partial<Record<DayType, number | null>> };

const frameSelect = { id: true, name: true, startMinute: true, endMinute: true, dayTypes: true, active: true } as const;

/**
 * Adds a time frame to a room, priced for each of its day types in the fee schedule in force
 * today and every later one (a first schedule from today when there is none yet), so it can be
 * booked at once and after revisions.
 */
export async function addFrame(municipality: Tenant, staffId: string, roomId: string, input: FrameInput, now: Date): Promise<SetupResult> {
  return db.$transaction(async (tx): Promise<SetupResult> => {
    if (!(await lockRoom(tx, municipality.id, roomId))) return null;
    const siblings = await tx.timeFrame.findMany({ where: { roomId, municipalityId: municipality.id }, select: frameSelect });
    const problems = frameProblems(input, siblings);
    const fees = feesFor(input, input.dayTypes, problems);
    if (Object.keys(problems).length > 0) return { ok: false, problems };
    const after = frameData(input);
    const created = await tx.timeFrame.create({ data: { municipalityId: municipality.id, roomId, ...after }, select: { id: true } });
    await renumberFrames(tx, roomId);
    const scheduleIds = await priceFrame(tx, municipality, staffId, created.id, fees, now);
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "time_frame.added",
      entity: "TimeFrame",
      entityId: created.id,
      details: { before: null, after: { roomId, ...after, fees, scheduleIds } },
    });
    return { ok: true, id: created.id };
  });
}

/**
 * Changes a frame. Its times are fixed once it has bookings on record (they were booked and
 * priced for those times: retire it and add another); a day type is not taken away while
 * bookings to come fall on it; a day type given to it that has no fee yet needs one.
 */
export async function updateFrame(municipality: Tenant, staffId: string, frameId: string, input: FrameInput, now: Date): Promise<SetupResult> {
  return db.$transaction(async (tx): Promise<SetupResult> => {
    const frame = await tx.timeFrame.findFirst({
      where: { id: frameId, municipalityId: municipality.id },
      select: { roomId: true, ...frameSelect, _count: { select: { items: true } } },
    });
    if (!frame) return null;
    await lockRoom(tx, municipality.id, frame.roomId);
    const siblings = await tx.timeFrame.findMany({ where: { roomId: frame.roomId, municipalityId: municipality.id, id: { not: frameId } }, select: frameSelect });
    const problems = frame.active ? frameProblems(input, siblings) : frameProblems(input, []);
    const timesChanged = input.startMinute !== frame.startMinute || input.endMinute !== frame.endMinute;
    if (timesChanged && frame._count.items > 0) problems.start ??= { code: "TIMES_LOCKED" };
    const unpriced = await unpricedDayTypes(tx, municipality, frameId, now);
    const fees = feesFor(input, input.dayTypes.filter((d) => unpriced.includes(d)), problems);
    const dropped = frame.dayTypes.filter((d) => !input.dayTypes.includes(d));
    if (dropped.length > 0 && !problems.dayTypes) {
      await lockSpacesOfRooms(tx, municipality.id, [frame.roomId]);
      const stranded = (await futureBookings(tx, municipality, { timeFrameId: frameId }, now)).filter((b) => dropped.includes(dayTypeOn(b.date)));
      if (stranded.length > 0) problems.dayTypes = bookingsProblem(stranded);
    }
    if (Object.keys(problems).length > 0) return { ok: false, problems };
    const { roomId, _count, id: _, active: __, ...before } = frame;
    const after = frameData(input);
    const priced = Object.keys(fees).length > 0;
    if (!changed(before, after) && !priced) return { ok: true, id: frameId };
    await tx.timeFrame.update({ where: { id: frameId }, data: after });
    await renumberFrames(tx, roomId);
    const scheduleIds = priced ? await priceFrame(tx, municipality, staffId, frameId, fees, now) : [];
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "time_frame.updated",
      entity: "TimeFrame",
      entityId: frameId,
      details: { before, after: priced ? { ...after, fees, scheduleIds } : after },
    });
    return { ok: true, id: frameId };
  });
}

/**
 * Retires a frame (no longer offered; its bookings on record still show), refused while it has
 * bookings to come; or offers it again, refused when it would overlap an offered frame or has
 * no fee in the current or a later schedule.
 */
export async function setFrameActive(municipality: Tenant, staffId: string, frameId: string, active: boolean, now: Date): Promise<SetupResult> {
  return db.$transaction(async (tx): Promise<SetupResult> => {
    const frame = await tx.timeFrame.findFirst({ where: { id: frameId, municipalityId: municipality.id }, select: { roomId: true, ...frameSelect } });
    if (!frame) return null;
    if (frame.active === active) return { ok: true, id: frameId };
    await lockRoom(tx, municipality.id, frame.roomId);
    if (active) {
      const siblings = await tx.timeFrame.findMany({ where: { roomId: frame.roomId, municipalityId: municipality.id, id: { not: frameId } }, select: frameSelect });
      const { overlapping } = checkFrame(frame, siblings);
      if (overlapping) return { ok: false, problems: { form: overlapProblem(overlapping) } };
      const unpriced = await unpricedDayTypes(tx, municipality, frameId, now);
      if (frame.dayTypes.some((d) => unpriced.includes(d))) return { ok: false, problems: { form: { code: "FEE_MISSING" } } };
    } else {
      await lockSpacesOfRooms(tx, municipality.id, [frame.roomId]);
      const booked = await futureBookings(tx, municipality, { timeFrameId: frameId }, now);
      if (booked.length > 0) return { ok: false, problems: { form: bookingsProblem(booked) } };
    }
    await tx.timeFrame.update({ where: { id: frameId }, data: { active } });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: active ? "time_frame.offered" : "time_frame.retired",
      entity: "TimeFrame",
      entityId: frameId,
      details: { before: { active: frame.active }, after: { active } },
    });
    return { ok: true, id: frameId };
  });
}

/** The domain's problem codes by field as problems. */
function coded(problems: Partial<Record<string, FacilityProblemCode | RoomProblemCode>>): SetupProblems {
  return Object.fromEntries(Object.entries(problems).map(([field, code]) => [field, { code: code! }]));
}

function frameProblems(input: FrameDraft, siblings: Parameters<typeof checkFrame>[1]): SetupProblems {
  const { problems, overlapping } = checkFrame(input, siblings);
  const result: SetupProblems = {};
  for (const [field, code] of Object.entries(problems)) {
    result[field] = code === "OVERLAPS" && overlapping ? overlapProblem(overlapping) : { code: code as Exclude<typeof code, "OVERLAPS"> };
  }
  return result;
}

function overlapProblem(frame: { name: string; startMinute: number; endMinute: number }): SetupProblem {
  return { code: "OVERLAPS", name: frame.name, startMinute: frame.startMinute, endMinute: frame.endMinute };
}

/** The fee typed for each day type in `needed` (problems go on `fee-WEEKDAY` / `fee-HOLIDAY`). */
function feesFor(input: FrameInput, needed: readonly DayType[], problems: SetupProblems) {
  const fees: Partial<Record<DayType, number>> = {};
  for (const dayType of needed) {
    const fee = input.fees[dayType];
    if (fee === null || fee === undefined) problems[`fee-${dayType}`] = { code: "FEE_REQUIRED" };
    else if (!isFee(fee)) problems[`fee-${dayType}`] = { code: "FEE_INVALID" };
    else fees[dayType] = fee;
  }
  return fees;
}

function frameData(input: FrameDraft) {
  return { name: input.name.trim(), startMinute: input.startMinute!, endMinute: input.endMinute!, dayTypes: DAY_TYPES.filter((d) => input.dayTypes.includes(d)) };
}

/** A room's frames are numbered by time of day, so every list shows them in that order. */
async function renumberFrames(tx: Tx, roomId: string) {
  const frames = await tx.timeFrame.findMany({
    where: { roomId },
    orderBy: [{ startMinute: "asc" }, { endMinute: "asc" }, { name: "asc" }],
    select: { id: true, sortOrder: true },
  });
  for (const [sortOrder, frame] of frames.entries()) {
    if (frame.sortOrder !== sortOrder) await tx.timeFrame.update({ where: { id: frame.id }, data: { sortOrder } });
  }
}

/** The schedules a new fee goes into: the one in force today and every later one. */
function schedulesFromToday<S extends { id: string; effectiveFrom: IsoDate }>(schedules: readonly S[], today: IsoDate): S[] {
  const from = scheduleInForce(schedules, today)?.effectiveFrom ?? today;
  return schedules.filter((s) => s.effectiveFrom >= from);
}

/** Day types with no fee for the frame in the schedule in force today or a later one. */
async function unpricedDayTypes(client: Tx | typeof db, municipality: Tenant, frameId: string, now: Date): Promise<DayType[]> {
  const { schedules } = await loadFeeTable(municipality.id, client);
  const relevant = schedulesFromToday(schedules, todayIn(municipality.timeZone, now));
  if (relevant.length === 0) return [...DAY_TYPES];
  return DAY_TYPES.filter((d) => relevant.some((s) => !s.rates.has(`${frameId}:${d}`)));
}

/**
 * Writes a frame's fees into the schedule in force today and every later one, where the frame
 * has none for that day type yet; with no schedule at all, first adds one from today.
 */
async function priceFrame(tx: Tx, municipality: Tenant, staffId: string, frameId: string, fees: Partial<Record<DayType, number>>, now: Date) {
  const scheduleIds = await ensureSchedules(tx, municipality, staffId, now);
  await tx.feeRate.createMany({
    data: scheduleIds.flatMap((scheduleId) =>
      Object.entries(fees).map(([dayType, amount]) => ({ municipalityId: municipality.id, scheduleId, timeFrameId: frameId, dayType: dayType as DayType, amount })),
    ),
    skipDuplicates: true,
  });
  return scheduleIds;
}

/** The ids of the schedules new fees go into, adding a first schedule from today when there is none. */
async function ensureSchedules(tx: Tx, municipality: Tenant, staffId: string, now: Date) {
  const today = todayIn(municipality.timeZone, now);
  const { schedules } = await loadFeeTable(municipality.id, tx);
  if (schedules.length > 0) return schedulesFromToday(schedules, today).map((s) => s.id);
  const created = await tx.feeSchedule.create({ data: { municipalityId: municipality.id, effectiveFrom: dbDateFromIsoDate(today) }, select: { id: true } });
  await audit(tx, {
    municipalityId: municipality.id,
    actorId: staffId,
    action: "fees.schedule_added",
    entity: "FeeSchedule",
    entityId: created.id,
    details: { before: null, after: { effectiveFrom: today, first: true } },
  });
  return [created.id];
}

// ---- shared --------------------------------------------------------------------------------

/**
 * Slots booked and not cancelled that have not ended (holds that ran out do not count), oldest
 * first; `where` narrows them to a room, a frame or a facility's rooms.
 */
async function futureBookings(tx: Tx, municipality: Tenant, where: Prisma.ApplicationItemWhereInput, now: Date): Promise<BookedSlot[]> {
  const items = await tx.applicationItem.findMany({
    where: {
      ...where,
      municipalityId: municipality.id,
      cancelledAt: null,
      endsAt: { gt: now },
      application: { status: { in: ["TENTATIVE", "CONFIRMED"] }, OR: [{ holdExpiresAt: null }, { holdExpiresAt: { gt: now } }] },
    },
    orderBy: [{ startsAt: "asc" }],
    select: { useDate: true, application: { select: { number: true } }, room: { select: { name: true } }, timeFrame: { select: { name: true } } },
  });
  return items.map((i) => ({ number: i.application.number, date: isoDateFromDbDate(i.useDate), roomName: i.room.name, frameName: i.timeFrame.name }));
}

function bookingsProblem(booked: readonly BookedSlot[]): SetupProblem {
  return { code: "HAS_FUTURE_BOOKINGS", count: booked.length, bookings: booked.slice(0, LISTED_BOOKINGS) };
}

function changed(before: Record<string, unknown>, after: Record<string, unknown>) {
  return Object.keys(after).some((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** Facility names are unique in a municipality: the row lock makes two staff adding one wait in turn. */
async function lockMunicipality(tx: Tx, municipalityId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Municipality" WHERE "id" = ${municipalityId} FOR UPDATE`;
}

async function lockFacility(tx: Tx, municipalityId: string, facilityId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Facility" WHERE "municipalityId" = ${municipalityId} AND "id" = ${facilityId} FOR UPDATE`;
  return rows.length > 0;
}

async function lockRoom(tx: Tx, municipalityId: string, roomId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Room" WHERE "municipalityId" = ${municipalityId} AND "id" = ${roomId} FOR UPDATE`;
  return rows.length > 0;
}

/**
 * Locks the spaces of rooms as a booking locks them (submitApplication), so no booking of the
 * room can be added between counting its bookings and retiring it: the booking waits, then
 * finds the frame or room no longer offered.
 */
async function lockSpacesOfRooms(tx: Tx, municipalityId: string, roomIds: string[]) {
  await tx.$queryRaw`SELECT s."id" FROM "Space" s JOIN "RoomSpace" rs ON rs."spaceId" = s."id"
    WHERE s."municipalityId" = ${municipalityId} AND rs."roomId" = ANY(${roomIds}) ORDER BY s."id" FOR UPDATE OF s`;
}

function facilityNamed(tx: Tx, municipalityId: string, name: string) {
  return tx.facility.findFirst({ where: { municipalityId, name }, select: { id: true } });
}

function roomNamed(tx: Tx, municipalityId: string, facilityId: string, name: string) {
  return tx.room.findFirst({ where: { municipalityId, facilityId, name }, select: { id: true } });
}

// ---- onboarding from a CSV file ------------------------------------------------------------

export type ImportSummary = { facilities: number; rooms: number; frames: number };
export type ImportResult = { ok: true; saved: boolean; summary: ImportSummary } | { ok: false; errors: CsvError[] };

/**
 * Creates the facilities of a read CSV file (parseSetupCsv) with their rooms, a space for each
 * room, their frames and the frames' fees (as addFrame prices them), all in one transaction:
 * everything or nothing. A facility whose name the municipality already has is refused, so a file
 * imported twice adds nothing twice; rooms are added to an existing facility on its own page.
 * The file's problems and the facilities that exist already are reported together. With
 * `save: false` it only checks.
 */
export async function importFacilities(
  municipality: Tenant,
  staffId: string,
  parsed: ParsedSetup,
  now: Date,
  { save = true, fileName = "" }: { save?: boolean; fileName?: string } = {},
): Promise<ImportResult> {
  if (!parsed.ok) {
    const existing = await existingFacilityErrors(db, municipality.id, parsed.named);
    return { ok: false, errors: sortCsvErrors([...parsed.errors, ...existing]) };
  }
  const { facilities } = parsed;
  const summary = {
    facilities: facilities.length,
    rooms: facilities.reduce((n, f) => n + f.rooms.length, 0),
    frames: facilities.reduce((n, f) => n + f.rooms.reduce((m, r) => m + r.frames.length, 0), 0),
  };
  const existing = (client: Tx | typeof db) => existingFacilityErrors(client, municipality.id, facilities);
  if (!save) {
    const errors = await existing(db);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, saved: false, summary };
  }
  return db.$transaction(async (tx): Promise<ImportResult> => {
    await lockMunicipality(tx, municipality.id);
    const errors = await existing(tx);
    if (errors.length > 0) return { ok: false, errors };
    const scheduleIds = await ensureSchedules(tx, municipality, staffId, now);
    let sortOrder = (await tx.facility.aggregate({ where: { municipalityId: municipality.id }, _max: { sortOrder: true } }))._max.sortOrder ?? -1;
    const rates: Prisma.FeeRateCreateManyInput[] = [];
    for (const f of facilities) {
      const facility = { name: f.name, address: f.address, phone: f.phone, closedWeekdays: f.closedWeekdays, sortOrder: ++sortOrder };
      const { id: facilityId } = await tx.facility.create({ data: { municipalityId: municipality.id, ...facility }, select: { id: true } });
      const rooms = [];
      for (const [roomOrder, r] of f.rooms.entries()) {
        const room = { name: r.name, capacity: r.capacity, description: r.description, sortOrder: roomOrder };
        const space = await tx.space.create({ data: { municipalityId: municipality.id, facilityId, name: r.name }, select: { id: true } });
        const { id: roomId } = await tx.room.create({
          data: { municipalityId: municipality.id, facilityId, ...room, spaces: { create: { municipalityId: municipality.id, spaceId: space.id } } },
          select: { id: true },
        });
        const ordered = [...r.frames].sort((a, b) => a.startMinute - b.startMinute || a.endMinute - b.endMinute || a.name.localeCompare(b.name));
        const frames = [];
        for (const [frameOrder, fr] of ordered.entries()) {
          const frame = { name: fr.name, startMinute: fr.startMinute, endMinute: fr.endMinute, dayTypes: fr.dayTypes, sortOrder: frameOrder };
          const { id: timeFrameId } = await tx.timeFrame.create({ data: { municipalityId: municipality.id, roomId, ...frame }, select: { id: true } });
          for (const scheduleId of scheduleIds) {
            for (const [dayType, amount] of Object.entries(fr.fees)) {
              rates.push({ municipalityId: municipality.id, scheduleId, timeFrameId, dayType: dayType as DayType, amount });
            }
          }
          frames.push({ id: timeFrameId, ...frame, fees: fr.fees });
        }
        rooms.push({ id: roomId, ...room, spaceId: space.id, frames });
      }
      await audit(tx, {
        municipalityId: municipality.id,
        actorId: staffId,
        action: "facility.imported",
        entity: "Facility",
        entityId: facilityId,
        details: { before: null, after: { ...facility, rooms, scheduleIds }, fileName, line: f.line },
      });
    }
    await tx.feeRate.createMany({ data: rates });
    return { ok: true, saved: true, summary };
  });
}

async function existingFacilityErrors(client: Tx | typeof db, municipalityId: string, facilities: readonly { name: string; line: number }[]): Promise<CsvError[]> {
  const taken = await client.facility.findMany({ where: { municipalityId, name: { in: facilities.map((f) => f.name) } }, select: { name: true } });
  const names = new Set(taken.map((f) => f.name));
  return facilities.filter((f) => names.has(f.name)).map((f) => ({ line: f.line, column: "facility", problem: { code: "FACILITY_EXISTS" } }));
}
