import type { KnownRoom } from "~/domain/booking-rules";
import { type BlockRule, blocksOfRoom } from "~/domain/blocks";
import type { DayType } from "~/domain/fees";
import { addDays, dbDateFromIsoDate, type IsoDate, isoDateFromDbDate } from "~/domain/calendar";
import type { Interval } from "~/domain/availability";
import { isOfferedOn } from "~/domain/time-frames";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { Municipality } from "./catalog.server";

type Client = Prisma.TransactionClient | typeof db;

const roomSelect = {
  id: true,
  name: true,
  capacity: true,
  description: true,
  sortOrder: true,
  facility: { select: { id: true, name: true, closedWeekdays: true } },
  spaces: { select: { spaceId: true } },
  // retired frames too: a selection that names one is told it is no longer offered
  timeFrames: {
    orderBy: { sortOrder: "asc" },
    select: { id: true, name: true, startMinute: true, endMinute: true, dayTypes: true, active: true },
  },
} as const;

export type RoomDetail = {
  id: string;
  name: string;
  capacity: number;
  description: string;
  facility: { id: string; name: string; closedWeekdays: number[] };
  spaceIds: string[];
  /** every frame, retired ones too; framesOn (app/domain/time-frames.ts) gives a date's */
  timeFrames: { id: string; name: string; startMinute: number; endMinute: number; dayTypes: DayType[]; active: boolean }[];
};

function toDetail(room: {
  id: string;
  name: string;
  capacity: number;
  description: string;
  facility: RoomDetail["facility"];
  spaces: { spaceId: string }[];
  timeFrames: RoomDetail["timeFrames"];
}): RoomDetail {
  const { spaces, ...rest } = room;
  return { ...rest, spaceIds: spaces.map((s) => s.spaceId) };
}

/**
 * Rooms of the municipality that are offered, by id; ids of other municipalities and retired
 * rooms are simply not found.
 */
export async function findRooms(municipalityId: string, roomIds: readonly string[]) {
  const rooms = await db.room.findMany({
    where: { municipalityId, active: true, id: { in: [...new Set(roomIds)] } },
    select: roomSelect,
  });
  return new Map(rooms.map((r) => [r.id, toDetail(r)]));
}

export async function findRoom(municipalityId: string, roomId: string) {
  return (await findRooms(municipalityId, [roomId])).get(roomId) ?? null;
}

/**
 * The positions of slots whose frame or room is no longer offered on their date, read inside a
 * booking's transaction after it locked the rooms' spaces (retiring takes the same locks).
 */
export async function slotsNoLongerOffered(
  tx: Prisma.TransactionClient,
  municipalityId: string,
  slots: readonly { timeFrameId: string; date: IsoDate }[],
): Promise<number[]> {
  const frames = await tx.timeFrame.findMany({
    where: { municipalityId, id: { in: [...new Set(slots.map((s) => s.timeFrameId))] } },
    select: { id: true, dayTypes: true, active: true, room: { select: { active: true } } },
  });
  const byId = new Map(frames.map((f) => [f.id, f]));
  return slots.flatMap((slot, item) => {
    const frame = byId.get(slot.timeFrameId);
    return frame && frame.room.active && isOfferedOn(frame, slot.date) ? [] : [item];
  });
}

/** The other rooms of a facility, for offering alternatives. */
export async function findFacilityRooms(municipalityId: string, facilityId: string) {
  const rooms = await db.room.findMany({
    where: { municipalityId, facilityId, active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: roomSelect,
  });
  return rooms.map(toDetail);
}

/** Dated closures of the facility or the whole municipality, from..to inclusive. */
export async function loadClosedDates(
  municipalityId: string,
  facilityIds: readonly string[],
  from: IsoDate,
  to: IsoDate,
  client: Client = db,
) {
  const rows = await client.closedDate.findMany({
    where: {
      municipalityId,
      date: { gte: dbDateFromIsoDate(from), lte: dbDateFromIsoDate(to) },
      OR: [{ facilityId: null }, { facilityId: { in: [...facilityIds] } }],
    },
    select: { facilityId: true, date: true, reason: true },
  });
  /** reasons by facility id, for one facility */
  return (facilityId: string) =>
    new Map(
      rows
        .filter((r) => r.facilityId === null || r.facilityId === facilityId)
        .map((r) => [isoDateFromDbDate(r.date), r.reason]),
    );
}

/**
 * Blocks in force (not lifted) of the facilities overlapping [from, to), each with the spaces
 * it covers: its room's, or every space of its facility.
 */
export async function loadBlocks(
  municipalityId: string,
  facilityIds: readonly string[],
  from: Date,
  to: Date,
  client: Client = db,
): Promise<BlockRule[]> {
  const rows = await client.block.findMany({
    where: { municipalityId, facilityId: { in: [...new Set(facilityIds)] }, liftedAt: null, startsAt: { lt: to }, endsAt: { gt: from } },
    orderBy: { startsAt: "asc" },
    select: { startsAt: true, endsAt: true, reason: true, roomId: true, facilityId: true },
  });
  // Nearly always none: then no more queries (Prisma's nested selects would still send four,
  // one per relation, on every availability page).
  if (rows.length === 0) return [];
  const roomIds = [...new Set(rows.flatMap((b) => (b.roomId ? [b.roomId] : [])))];
  const wholeFacilities = [...new Set(rows.filter((b) => !b.roomId).map((b) => b.facilityId))];
  // one after the other: inside a transaction the queries share one connection
  const roomSpaces = roomIds.length
    ? await client.roomSpace.findMany({ where: { municipalityId, roomId: { in: roomIds } }, select: { roomId: true, spaceId: true } })
    : [];
  const facilitySpaces = wholeFacilities.length
    ? await client.space.findMany({ where: { municipalityId, facilityId: { in: wholeFacilities } }, select: { id: true, facilityId: true } })
    : [];
  return rows.map((b) => ({
    startsAt: b.startsAt,
    endsAt: b.endsAt,
    reason: b.reason,
    spaceIds: b.roomId
      ? roomSpaces.filter((rs) => rs.roomId === b.roomId).map((rs) => rs.spaceId)
      : facilitySpaces.filter((sp) => sp.facilityId === b.facilityId).map((sp) => sp.id),
  }));
}

/**
 * Inside a transaction: locks the spaces, always in id order, so that transactions that
 * change what may occupy them (a booking, a block, a closure) run one after the other.
 */
export async function lockSpaces(tx: Prisma.TransactionClient, municipalityId: string, spaceIds: readonly string[]) {
  await tx.$queryRaw`SELECT "id" FROM "Space"
    WHERE "municipalityId" = ${municipalityId} AND "id" = ANY(${[...new Set(spaceIds)]})
    ORDER BY "id" FOR NO KEY UPDATE`;
}

/**
 * Active occupied intervals of the spaces overlapping [from, to). Asked as a range overlap, so
 * the no-double-booking constraint's GiST index (municipality, space, range) finds just these
 * rows; a plain `startsAt < to AND endsAt > from` read every past booking of the spaces.
 */
export async function loadOccupied(
  municipalityId: string,
  spaceIds: readonly string[],
  from: Date,
  to: Date,
  now: Date,
): Promise<Map<string, Interval[]>> {
  const rows = await db.$queryRaw<{ spaceId: string; startsAt: Date; endsAt: Date }[]>`
    SELECT "spaceId", "startsAt", "endsAt" FROM "Occupancy"
    WHERE "municipalityId" = ${municipalityId} AND "active"
      AND "spaceId" = ANY(${[...new Set(spaceIds)]})
      AND tstzrange("startsAt", "endsAt", '[)') && tstzrange(${from}, ${to}, '[)')
      -- a hold that ran out is free, even before anything marks it inactive
      AND ("expiresAt" IS NULL OR "expiresAt" > ${now})`;
  const bySpace = new Map<string, Interval[]>();
  for (const r of rows) {
    const list = bySpace.get(r.spaceId) ?? [];
    list.push({ startsAt: r.startsAt, endsAt: r.endsAt });
    bySpace.set(r.spaceId, list);
  }
  return bySpace;
}

export function occupiedForRoom(room: RoomDetail, bySpace: Map<string, Interval[]>): Interval[] {
  return room.spaceIds.flatMap((id) => bySpace.get(id) ?? []);
}

export function knownRoom(
  room: RoomDetail,
  municipality: Municipality,
  closedDates: ReadonlyMap<IsoDate, string>,
  blocks: readonly BlockRule[],
): KnownRoom {
  return {
    id: room.id,
    capacity: room.capacity,
    spaceIds: room.spaceIds,
    blocks: blocksOfRoom(room.spaceIds, blocks),
    timeFrames: new Map(room.timeFrames.map((f) => [f.id, f])),
    closure: {
      closedWeekdays: room.facility.closedWeekdays,
      closedOnHolidays: municipality.closedOnHolidays,
      closedAtYearEnd: municipality.closedAtYearEnd,
      closedDates,
    },
  };
}

/** A day before and after, so intervals in any time zone are covered. */
export function instantRange(from: IsoDate, to: IsoDate) {
  return {
    from: new Date(`${addDays(from, -1)}T00:00:00Z`),
    to: new Date(`${addDays(to, 2)}T00:00:00Z`),
  };
}
