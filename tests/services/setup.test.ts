import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dbDateFromIsoDate, type IsoDate, todayIn, weekday } from "~/domain/calendar";
import { closureOn } from "~/domain/closures";
import { parseSetupCsv, SETUP_CSV_COLUMNS, SETUP_CSV_EXAMPLE } from "~/domain/setup-csv";
import { dayTypeOn } from "~/domain/time-frames";
import { roomDay, roomMonth } from "~/services/availability.server";
import { cancelBooking, getMyApplication, submitApplication } from "~/services/booking.server";
import { findFacility, findMunicipality, listFacilities } from "~/services/catalog.server";
import { slotsNoLongerOffered } from "~/services/rooms.server";
import { addFeeSchedule } from "~/services/fees.server";
import {
  addFacility,
  addFrame,
  addRoom,
  type FrameInput,
  importFacilities,
  setFrameActive,
  setRoomActive,
  setupFacility,
  setupFrame,
  setupRoom,
  updateFacility,
  updateFrame,
  updateRoom,
} from "~/services/setup.server";
import { toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident } from "../factories/municipality";

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
let world: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
let staff: { id: string };
let resident: { id: string };

/** Open dates of the test facility (closed on Mondays) from a week ahead, each handed out once. */
const used = new Set<IsoDate>();
function nextDate(dayType: "WEEKDAY" | "HOLIDAY", from = addDays(today, 7)): IsoDate {
  const rules = { closedWeekdays: [1], closedOnHolidays: true, closedAtYearEnd: true, closedDates: new Map() };
  let date = from;
  while (used.has(date) || closureOn(date, rules) || dayTypeOn(date) !== dayType) date = addDays(date, 1);
  used.add(date);
  return date;
}

const book = (roomId: string, timeFrameId: string, date: IsoDate) =>
  submitApplication(
    world.municipality,
    resident.id,
    { slots: [{ roomId, timeFrameId, date }], purpose: "会議", headcount: 5, contactPhone: "090-1111-2222", idempotencyKey: randomUUID() },
    now,
  );
const booked = async (roomId: string, timeFrameId: string, date: IsoDate) => {
  const result = await book(roomId, timeFrameId, date);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result;
};
const audits = (action: string, entityId?: string) =>
  db.auditEvent.findMany({ where: { municipalityId: world.municipality.id, action, ...(entityId ? { entityId } : {}) }, select: { actorId: true, details: true } });
const facilityDraft = (over: Partial<Parameters<typeof addFacility>[2]> = {}) => ({
  name: "中部会館",
  address: "東京都あきる野市秋川1-1",
  phone: "042-000-0303",
  closedWeekdays: [1],
  sortOrder: 5,
  ...over,
});
const roomDraft = (over: Partial<Parameters<typeof addRoom>[3]> = {}) => ({ name: "会議室", capacity: 30, description: "机といす", sortOrder: 0, ...over });
const frameInput = (over: Partial<FrameInput> = {}): FrameInput => ({
  name: "夜間",
  startMinute: 18 * 60,
  endMinute: 21 * 60 + 30,
  dayTypes: ["WEEKDAY", "HOLIDAY"],
  fees: { WEEKDAY: 1300, HOLIDAY: 1600 },
  ...over,
});
const idOf = (result: unknown) => {
  expect(result).toMatchObject({ ok: true });
  return (result as { id: string }).id;
};

/** A room of its own in the test facility, with no frames yet. */
const newRoom = async (name: string) => idOf(await addRoom(world.municipality, staff.id, world.facility.id, roomDraft({ name })));

beforeAll(async () => {
  world = await createMunicipality();
  other = await createMunicipality();
  staff = await createResident(world.municipality.id, "職員");
  resident = await createResident(world.municipality.id);
});

describe("facilities", () => {
  it("adds a facility, tidied, audited with what it holds", async () => {
    const id = idOf(await addFacility(world.municipality, staff.id, facilityDraft({ name: " 中部会館 ", phone: "０４２－０００－０３０３", closedWeekdays: [4, 1] })));
    expect(await db.facility.findUniqueOrThrow({ where: { id } })).toMatchObject({
      municipalityId: world.municipality.id,
      name: "中部会館",
      phone: "042-000-0303",
      closedWeekdays: [1, 4],
      sortOrder: 5,
    });
    const [event] = await audits("facility.added", id);
    expect(event).toEqual({ actorId: staff.id, details: { before: null, after: { name: "中部会館", address: "東京都あきる野市秋川1-1", phone: "042-000-0303", closedWeekdays: [1, 4], sortOrder: 5 } } });
  });

  it("refuses a name the municipality already has, and bad input, saving nothing", async () => {
    const count = () => db.facility.count({ where: { municipalityId: world.municipality.id } });
    const before = await count();
    expect(await addFacility(world.municipality, staff.id, facilityDraft({ name: "テスト会館" }))).toEqual({ ok: false, problems: { name: { code: "FACILITY_NAME_TAKEN" } } });
    expect(await addFacility(world.municipality, staff.id, facilityDraft({ name: "", address: "", phone: "123", closedWeekdays: null, sortOrder: Number.NaN }))).toEqual({
      ok: false,
      problems: {
        name: { code: "FACILITY_NAME_REQUIRED" },
        address: { code: "ADDRESS_REQUIRED" },
        phone: { code: "PHONE_INVALID" },
        closedWeekdays: { code: "WEEKDAYS_INVALID" },
        sortOrder: { code: "ORDER_INVALID" },
      },
    });
    expect(await count()).toBe(before);
    // another municipality may have a facility of the same name
    idOf(await addFacility(other.municipality, staff.id, facilityDraft({ name: "中部会館" })));
  });

  it("changes a facility with before and after in the audit log; another municipality's is not found", async () => {
    const id = idOf(await addFacility(world.municipality, staff.id, facilityDraft({ name: "西部会館" })));
    idOf(await updateFacility(world.municipality, staff.id, id, facilityDraft({ name: "西部地区会館", closedWeekdays: [2] }), now));
    expect(await db.facility.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "西部地区会館", closedWeekdays: [2] });
    const [event] = await audits("facility.updated", id);
    expect(event!.details).toMatchObject({ before: { name: "西部会館", closedWeekdays: [1] }, after: { name: "西部地区会館", closedWeekdays: [2] } });
    // nothing changed: nothing recorded
    idOf(await updateFacility(world.municipality, staff.id, id, facilityDraft({ name: "西部地区会館", closedWeekdays: [2] }), now));
    expect(await audits("facility.updated", id)).toHaveLength(1);
    expect(await updateFacility(world.municipality, staff.id, id, facilityDraft({ name: "テスト会館" }), now)).toEqual({ ok: false, problems: { name: { code: "FACILITY_NAME_TAKEN" } } });
    expect(await updateFacility(other.municipality, staff.id, id, facilityDraft(), now)).toBeNull();
    expect(await setupFacility(other.municipality.id, id)).toBeNull();
    expect(await setupFacility(world.municipality.id, other.facility.id)).toBeNull();
  });

  it("refuses to close a weekday every week while bookings to come fall on it, naming how many", async () => {
    const date = nextDate("WEEKDAY");
    const { number } = await booked(world.rooms.small.id, world.rooms.small.frames[2]!.id, date);
    const result = await updateFacility(world.municipality, staff.id, world.facility.id, facilityDraft({ name: "テスト会館", closedWeekdays: [1, weekday(date)] }), now);
    expect(result).toMatchObject({ ok: false, problems: { closedWeekdays: { code: "HAS_FUTURE_BOOKINGS" } } });
    const problem = (result as unknown as { problems: { closedWeekdays: { count: number; bookings: { number: number; date: string }[] } } }).problems.closedWeekdays;
    expect(problem.bookings).toContainEqual({ number, date, roomName: "学習室", frameName: "夜間" });
    expect(problem.count).toBe(problem.bookings.length);
    // told together with the form's own problems
    const both = await updateFacility(world.municipality, staff.id, world.facility.id, facilityDraft({ name: "テスト会館", phone: "042", closedWeekdays: [1, weekday(date)] }), now);
    expect(both).toMatchObject({ ok: false, problems: { phone: { code: "PHONE_INVALID" }, closedWeekdays: { code: "HAS_FUTURE_BOOKINGS" } } });
    expect((await db.facility.findUniqueOrThrow({ where: { id: world.facility.id } })).closedWeekdays).toEqual([1]);
  });
});

describe("rooms", () => {
  it("adds a room with a space of its own, audited; another municipality's facility is not found", async () => {
    const id = await newRoom("講習室");
    const room = await db.room.findUniqueOrThrow({ where: { id }, select: { name: true, capacity: true, active: true, spaces: { select: { space: { select: { facilityId: true, name: true } } } } } });
    expect(room).toEqual({ name: "講習室", capacity: 30, active: true, spaces: [{ space: { facilityId: world.facility.id, name: "講習室" } }] });
    expect(await audits("room.added", id)).toHaveLength(1);
    expect(await addRoom(world.municipality, staff.id, other.facility.id, roomDraft())).toBeNull();
    expect(await addRoom(world.municipality, staff.id, world.facility.id, roomDraft({ name: "講習室" }))).toEqual({ ok: false, problems: { name: { code: "ROOM_NAME_TAKEN" } } });
    expect(await addRoom(world.municipality, staff.id, world.facility.id, roomDraft({ name: "", capacity: 0 }))).toEqual({
      ok: false,
      problems: { name: { code: "ROOM_NAME_REQUIRED" }, capacity: { code: "CAPACITY_INVALID" } },
    });
  });

  it("changes a room with before and after; another municipality's room is not found", async () => {
    const id = await newRoom("小会議室");
    idOf(await updateRoom(world.municipality, staff.id, id, roomDraft({ name: "小会議室", capacity: 12, description: "" })));
    const [event] = await audits("room.updated", id);
    expect(event!.details).toEqual({
      before: { name: "小会議室", capacity: 30, description: "机といす", sortOrder: 0 },
      after: { name: "小会議室", capacity: 12, description: "", sortOrder: 0 },
    });
    expect(await updateRoom(world.municipality, staff.id, id, roomDraft({ name: "和室" }))).toMatchObject({ ok: true });
    expect(await updateRoom(world.municipality, staff.id, id, roomDraft({ name: "学習室" }))).toEqual({ ok: false, problems: { name: { code: "ROOM_NAME_TAKEN" } } });
    expect(await updateRoom(world.municipality, staff.id, other.rooms.small.id, roomDraft())).toBeNull();
    expect(await setupRoom(world.municipality, other.rooms.small.id, now)).toBeNull();
    expect(await setRoomActive(world.municipality, staff.id, other.rooms.small.id, false, now)).toBeNull();
  });

  it("keeps the divisible hall working: the hall and its halves share their spaces", async () => {
    const hall = await setupRoom(world.municipality, world.rooms.hall.id, now);
    expect(hall!.sharesSpaceWith.sort()).toEqual(["集会室A", "集会室B"]);
    const date = nextDate("WEEKDAY");
    await booked(world.rooms.hallA.id, world.rooms.hallA.frames[0]!.id, date);
    const day = await roomDay(world.municipality, world.rooms.hall.id, date, now);
    expect(day!.frames.map((f) => f.free)).toEqual([false, true, true]);
  });

  it("refuses to retire a room with bookings to come, then retires it: no longer offered, its bookings still show", async () => {
    const roomId = await newRoom("視聴覚室");
    const frameId = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput(), now));
    const date = nextDate("WEEKDAY");
    const { applicationId, number } = await booked(roomId, frameId, date);
    expect(await setRoomActive(world.municipality, staff.id, roomId, false, now)).toEqual({
      ok: false,
      problems: { form: { code: "HAS_FUTURE_BOOKINGS", count: 1, bookings: [{ number, date, roomName: "視聴覚室", frameName: "夜間" }] } },
    });
    expect(await cancelBooking(world.municipality, resident.id, applicationId, undefined, now)).toEqual({ ok: true });
    idOf(await setRoomActive(world.municipality, staff.id, roomId, false, now));
    const [event] = await audits("room.retired", roomId);
    expect(event!.details).toEqual({ before: { active: true }, after: { active: false } });

    expect((await findFacility(world.municipality.id, world.facility.id))!.rooms.map((r) => r.id)).not.toContain(roomId);
    expect((await listFacilities(world.municipality.id)).flatMap((f) => f.rooms.map((r) => r.id))).not.toContain(roomId);
    expect(await roomDay(world.municipality, roomId, date, now)).toBeNull();
    expect(await book(roomId, frameId, nextDate("WEEKDAY"))).toMatchObject({ ok: false, problems: [{ code: "UNKNOWN_ROOM", item: 0 }] });
    const application = await getMyApplication(world.municipality.id, resident.id, applicationId);
    expect(application!.items.map((i) => i.roomName)).toEqual(["視聴覚室"]);

    idOf(await setRoomActive(world.municipality, staff.id, roomId, true, now));
    expect(await audits("room.offered", roomId)).toHaveLength(1);
    expect(await roomDay(world.municipality, roomId, date, now)).not.toBeNull();
  });
});

describe("time frames by day type", () => {
  it("adds a weekday-only frame priced in the schedule in force today and every later one", async () => {
    const municipalityId = world.municipality.id;
    const older = await db.feeSchedule.create({ data: { municipalityId, effectiveFrom: dbDateFromIsoDate("1999-01-01") } });
    const later = await db.feeSchedule.create({ data: { municipalityId, effectiveFrom: dbDateFromIsoDate(addDays(today, 80)) } });
    const roomId = await newRoom("料理室");
    // a holiday fee typed for a weekday-only frame is not asked for and not written
    const id = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ dayTypes: ["WEEKDAY"], fees: { WEEKDAY: 1300, HOLIDAY: 99 } }), now));
    const rates = await db.feeRate.findMany({ where: { timeFrameId: id }, select: { scheduleId: true, dayType: true, amount: true } });
    expect(rates.map((r) => [r.scheduleId, r.dayType, r.amount]).sort()).toEqual(
      [
        [world.schedule.id, "WEEKDAY", 1300],
        [later.id, "WEEKDAY", 1300],
      ].sort(),
    );
    expect(rates.some((r) => r.scheduleId === older.id)).toBe(false);
    const [event] = await audits("time_frame.added", id);
    expect(event!.details).toMatchObject({
      before: null,
      after: { roomId, name: "夜間", startMinute: 1080, endMinute: 1290, dayTypes: ["WEEKDAY"], fees: { WEEKDAY: 1300 } },
    });
    // a new revision needs its weekday fee only
    const revision = await addFeeSchedule(
      world.municipality,
      staff.id,
      {
        effectiveFrom: addDays(today, 85),
        airconFee: 0,
        nonResidentPercent: 150,
        commercialPercent: 200,
        admissionPercent: 150,
        roundingUnit: 10,
        rates: Object.fromEntries(
          (await db.timeFrame.findMany({ where: { municipalityId, active: true, room: { active: true } }, select: { id: true, dayTypes: true } })).flatMap((f) =>
            f.dayTypes.map((d) => [`${f.id}:${d}`, 100]),
          ),
        ),
      },
      now,
    );
    expect(revision).toMatchObject({ ok: true });
  });

  it("offers a frame only on the dates of its day types, and refuses booking it on others", async () => {
    const roomId = await newRoom("工作室");
    const weekdayFrame = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "午後", startMinute: 780, endMinute: 1020, dayTypes: ["WEEKDAY"], fees: { WEEKDAY: 1000 } }), now));
    const holidayFrame = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "午後（短縮）", startMinute: 780, endMinute: 960, dayTypes: ["HOLIDAY"], fees: { HOLIDAY: 1500 } }), now));
    const weekdayDate = nextDate("WEEKDAY");
    const saturday = nextDate("HOLIDAY");

    const onWeekday = await roomDay(world.municipality, roomId, weekdayDate, now);
    expect(onWeekday!.frames.map((f) => [f.id, f.fee])).toEqual([[weekdayFrame, 1000]]);
    const onSaturday = await roomDay(world.municipality, roomId, saturday, now);
    expect(onSaturday!.frames.map((f) => [f.id, f.fee])).toEqual([[holidayFrame, 1500]]);

    expect(await book(roomId, weekdayFrame, saturday)).toEqual({ ok: false, problems: [{ code: "FRAME_NOT_OFFERED", item: 0 }], alternatives: [] });
    expect(await book(roomId, holidayFrame, weekdayDate)).toEqual({ ok: false, problems: [{ code: "FRAME_NOT_OFFERED", item: 0 }], alternatives: [] });
    const ok = await booked(roomId, holidayFrame, saturday);
    expect((await getMyApplication(world.municipality.id, resident.id, ok.applicationId))!.totalFee).toBe(1500);

    // a month shows ○ on both kinds of day, since each has a frame
    const month = await roomMonth(world.municipality, roomId, weekdayDate.slice(0, 7), now);
    expect(month!.days.find((d) => d.date === weekdayDate)!.mark).toBe("free");
  });

  it("marks a day on which a room offers no frame as none", async () => {
    const roomId = await newRoom("休日だけの部屋");
    idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ dayTypes: ["HOLIDAY"], fees: { HOLIDAY: 800 } }), now));
    const date = nextDate("WEEKDAY");
    const day = await roomDay(world.municipality, roomId, date, now);
    expect(day!.frames).toEqual([]);
    expect(day!.mark).toBe("none");
  });

  it("refuses frames that overlap a frame of a shared day type, off the grid, backwards or without a fee", async () => {
    const roomId = await newRoom("音楽室");
    idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "午前", startMinute: 540, endMinute: 720, dayTypes: ["WEEKDAY"], fees: { WEEKDAY: 500 } }), now));
    expect(await addFrame(world.municipality, staff.id, roomId, frameInput({ startMinute: 660, endMinute: 780 }), now)).toEqual({
      ok: false,
      problems: { start: { code: "OVERLAPS", name: "午前", startMinute: 540, endMinute: 720 } },
    });
    expect(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "", startMinute: 662, endMinute: 600, dayTypes: ["HOLIDAY"], fees: { HOLIDAY: null } }), now)).toEqual({
      ok: false,
      problems: { name: { code: "FRAME_NAME_REQUIRED" }, start: { code: "OFF_GRID" }, end: { code: "END_NOT_AFTER_START" }, "fee-HOLIDAY": { code: "FEE_REQUIRED" } },
    });
    expect(await addFrame(world.municipality, staff.id, roomId, frameInput({ startMinute: null, dayTypes: [], fees: { WEEKDAY: Number.NaN } }), now)).toEqual({
      ok: false,
      problems: { start: { code: "TIME_INVALID" }, dayTypes: { code: "NO_DAY_TYPE" } },
    });
    expect(await addFrame(world.municipality, staff.id, roomId, frameInput({ fees: { WEEKDAY: -1, HOLIDAY: 2_000_000 } }), now)).toEqual({
      ok: false,
      problems: { "fee-WEEKDAY": { code: "FEE_INVALID" }, "fee-HOLIDAY": { code: "FEE_INVALID" } },
    });
    // the same times on the other day type are fine
    idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "午前（休日）", startMinute: 600, endMinute: 720, dayTypes: ["HOLIDAY"], fees: { HOLIDAY: 700 } }), now));
    expect(await db.timeFrame.count({ where: { roomId } })).toBe(2);
    expect(await addFrame(world.municipality, staff.id, other.rooms.small.id, frameInput(), now)).toBeNull();
  });

  it("adds a first fee schedule from today when the municipality has none", async () => {
    const bare = await db.municipality.create({ data: { slug: `bare-${randomUUID().slice(0, 8)}`, name: "新市", helpPhone: "000-0000-0000" } });
    const tenant = (await findMunicipality(bare.slug))!;
    const facilityId = idOf(await addFacility(tenant, staff.id, facilityDraft()));
    const roomId = idOf(await addRoom(tenant, staff.id, facilityId, roomDraft()));
    const frameId = idOf(await addFrame(tenant, staff.id, roomId, frameInput(), now));
    const schedules = await db.feeSchedule.findMany({ where: { municipalityId: bare.id }, select: { effectiveFrom: true, rates: { select: { timeFrameId: true, amount: true } } } });
    expect(schedules).toHaveLength(1);
    expect(schedules[0]!.effectiveFrom).toEqual(dbDateFromIsoDate(today));
    expect(schedules[0]!.rates.map((r) => r.timeFrameId)).toEqual([frameId, frameId]);
  });

  it("keeps the times of a frame with bookings on record, but lets its name change", async () => {
    const roomId = await newRoom("集会室C");
    const frameId = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput(), now));
    const frame = await setupFrame(world.municipality, frameId, now);
    expect(frame).toMatchObject({ booked: false, unpriced: [] });
    await booked(roomId, frameId, nextDate("WEEKDAY"));
    expect((await setupFrame(world.municipality, frameId, now))!.booked).toBe(true);
    expect(await updateFrame(world.municipality, staff.id, frameId, frameInput({ endMinute: 1260 }), now)).toEqual({ ok: false, problems: { start: { code: "TIMES_LOCKED" } } });
    idOf(await updateFrame(world.municipality, staff.id, frameId, frameInput({ name: "夜（よる）" }), now));
    const [event] = await audits("time_frame.updated", frameId);
    expect(event!.details).toEqual({
      before: { name: "夜間", startMinute: 1080, endMinute: 1290, dayTypes: ["WEEKDAY", "HOLIDAY"] },
      after: { name: "夜（よる）", startMinute: 1080, endMinute: 1290, dayTypes: ["WEEKDAY", "HOLIDAY"] },
    });
    expect(await updateFrame(other.municipality, staff.id, frameId, frameInput(), now)).toBeNull();
    expect(await setupFrame(other.municipality, frameId, now)).toBeNull();
  });

  it("does not take a day type away from bookings to come; a day type without a fee needs one", async () => {
    const roomId = await newRoom("集会室D");
    const frameId = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ dayTypes: ["WEEKDAY"], fees: { WEEKDAY: 900 } }), now));
    expect((await setupFrame(world.municipality, frameId, now))!.unpriced).toEqual(["HOLIDAY"]);
    // holidays too: the holiday fee is asked for, then written
    expect(await updateFrame(world.municipality, staff.id, frameId, frameInput({ dayTypes: ["WEEKDAY", "HOLIDAY"], fees: { HOLIDAY: null } }), now)).toEqual({
      ok: false,
      problems: { "fee-HOLIDAY": { code: "FEE_REQUIRED" } },
    });
    idOf(await updateFrame(world.municipality, staff.id, frameId, frameInput({ dayTypes: ["WEEKDAY", "HOLIDAY"], fees: { HOLIDAY: 1100 } }), now));
    expect(await db.feeRate.findMany({ where: { timeFrameId: frameId, scheduleId: world.schedule.id }, select: { dayType: true, amount: true }, orderBy: { dayType: "asc" } })).toEqual([
      { dayType: "WEEKDAY", amount: 900 },
      { dayType: "HOLIDAY", amount: 1100 },
    ]);
    const saturday = nextDate("HOLIDAY");
    const { number } = await booked(roomId, frameId, saturday);
    // weekdays only now would strand the Saturday booking
    expect(await updateFrame(world.municipality, staff.id, frameId, frameInput({ dayTypes: ["WEEKDAY"] }), now)).toEqual({
      ok: false,
      problems: { dayTypes: { code: "HAS_FUTURE_BOOKINGS", count: 1, bookings: [{ number, date: saturday, roomName: "集会室D", frameName: "夜間" }] } },
    });
    // holidays only strands nothing
    idOf(await updateFrame(world.municipality, staff.id, frameId, frameInput({ dayTypes: ["HOLIDAY"] }), now));
    expect((await roomDay(world.municipality, roomId, nextDate("WEEKDAY"), now))!.frames).toEqual([]);
  });

  it("retires a frame without bookings to come (refused while it has some) and offers it again", async () => {
    const roomId = await newRoom("集会室E");
    const frameId = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput(), now));
    const date = nextDate("WEEKDAY");
    const { applicationId, number } = await booked(roomId, frameId, date);
    expect(await setFrameActive(world.municipality, staff.id, frameId, false, now)).toEqual({
      ok: false,
      problems: { form: { code: "HAS_FUTURE_BOOKINGS", count: 1, bookings: [{ number, date, roomName: "集会室E", frameName: "夜間" }] } },
    });
    await cancelBooking(world.municipality, resident.id, applicationId, undefined, now);
    idOf(await setFrameActive(world.municipality, staff.id, frameId, false, now));
    expect(await audits("time_frame.retired", frameId)).toHaveLength(1);
    expect((await roomDay(world.municipality, roomId, date, now))!.frames).toEqual([]);
    expect(await book(roomId, frameId, nextDate("WEEKDAY"))).toMatchObject({ ok: false, problems: [{ code: "FRAME_NOT_OFFERED", item: 0 }] });
    // the cancelled booking still shows its frame
    expect((await getMyApplication(world.municipality.id, resident.id, applicationId))!.items[0]!.frameName).toBe("夜間");

    // a new frame in its place; the retired one cannot come back over it
    const replacement = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "夜間（新）", startMinute: 1110 }), now));
    expect(await setFrameActive(world.municipality, staff.id, frameId, true, now)).toEqual({
      ok: false,
      problems: { form: { code: "OVERLAPS", name: "夜間（新）", startMinute: 1110, endMinute: 1290 } },
    });
    idOf(await setFrameActive(world.municipality, staff.id, replacement, false, now));
    idOf(await setFrameActive(world.municipality, staff.id, frameId, true, now));
    expect(await audits("time_frame.offered", frameId)).toHaveLength(1);
    expect((await roomDay(world.municipality, roomId, date, now))!.frames.map((f) => f.id)).toEqual([frameId]);
    expect(await setFrameActive(other.municipality, staff.id, frameId, false, now)).toBeNull();
  });

  it("tells a booking's transaction which slots are no longer offered (retired since its check)", async () => {
    const roomId = await newRoom("集会室G");
    const every = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "午前", startMinute: 540, endMinute: 720 }), now));
    const weekdays = idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ dayTypes: ["WEEKDAY"], fees: { WEEKDAY: 1 } }), now));
    const [weekdayDate, saturday] = [nextDate("WEEKDAY"), nextDate("HOLIDAY")];
    const check = () =>
      db.$transaction((tx) =>
        slotsNoLongerOffered(tx, world.municipality.id, [
          { timeFrameId: every, date: weekdayDate },
          { timeFrameId: weekdays, date: weekdayDate },
          { timeFrameId: weekdays, date: saturday },
          { timeFrameId: other.rooms.small.frames[0]!.id, date: weekdayDate },
        ]),
      );
    expect(await check()).toEqual([2, 3]);
    idOf(await setFrameActive(world.municipality, staff.id, every, false, now));
    expect(await check()).toEqual([0, 2, 3]);
    idOf(await setRoomActive(world.municipality, staff.id, roomId, false, now));
    expect(await check()).toEqual([0, 1, 2, 3]);
  });

  it("lists a room's frames in time order, whatever order they were added in", async () => {
    const roomId = await newRoom("集会室F");
    idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "午後", startMinute: 780, endMinute: 1020 }), now));
    idOf(await addFrame(world.municipality, staff.id, roomId, frameInput({ name: "午前", startMinute: 540, endMinute: 720 }), now));
    const room = await setupRoom(world.municipality, roomId, now);
    expect(room!.timeFrames.map((f) => [f.name, f.fees])).toEqual([
      ["午前", { WEEKDAY: 1300, HOLIDAY: 1600 }],
      ["午後", { WEEKDAY: 1300, HOLIDAY: 1600 }],
    ]);
  });
});

describe("onboarding from a CSV file", () => {
  const HEADER = SETUP_CSV_COLUMNS.map((c) => c.header);
  const checked = (rows: string[][]) => {
    const parsed = parseSetupCsv(toCsv(rows));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    return parsed;
  };

  it("checks without saving, then imports every facility, room, frame and fee in one go, audited", async () => {
    const municipalityId = world.municipality.id;
    const facilities = checked([
      ...SETUP_CSV_EXAMPLE,
      ["北部会館", "東京都あきる野市北1", "042-000-0404", "", "和室", "10", "", "終日", "9:00", "17:00", "土日祝", "", "2000"],
    ]);
    const count = () => db.facility.count({ where: { municipalityId } });
    const before = await count();
    expect(await importFacilities(world.municipality, staff.id, facilities, now, { save: false })).toEqual({
      ok: true,
      saved: false,
      summary: { facilities: 2, rooms: 3, frames: 6 },
    });
    expect(await count()).toBe(before);

    expect(await importFacilities(world.municipality, staff.id, facilities, now, { fileName: "halls.csv" })).toEqual({
      ok: true,
      saved: true,
      summary: { facilities: 2, rooms: 3, frames: 6 },
    });
    expect(await count()).toBe(before + 2);
    const east = await db.facility.findFirstOrThrow({
      where: { municipalityId, name: "東部地区会館" },
      select: { id: true, closedWeekdays: true, rooms: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, capacity: true, spaces: true, timeFrames: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, dayTypes: true } } } } },
    });
    expect(east.closedWeekdays).toEqual([1]);
    expect(east.rooms.map((r) => [r.name, r.capacity, r.spaces.length, r.timeFrames.map((f) => f.name)])).toEqual([
      ["集会室", 40, 1, ["午前", "午後", "夜間"]],
      ["和室", 12, 1, ["午前", "午後"]],
    ]);
    const evening = east.rooms[0]!.timeFrames[2]!;
    expect(evening.dayTypes).toEqual(["WEEKDAY"]);
    // in the schedule in force today and the later ones, for weekdays only
    const rates = await db.feeRate.findMany({ where: { timeFrameId: evening.id }, select: { scheduleId: true, dayType: true, amount: true } });
    expect(rates.map((r) => r.scheduleId)).toContain(world.schedule.id);
    expect(rates.every((r) => r.dayType === "WEEKDAY" && r.amount === 1300)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { municipalityId, action: "facility.imported" }, select: { entityId: true, actorId: true, details: true } });
    expect(events).toHaveLength(2);
    expect(events.find((e) => e.entityId === east.id)!.details).toMatchObject({ before: null, fileName: "halls.csv", line: 2, after: { name: "東部地区会館" } });

    // bookable at once, at the imported fee
    const date = nextDate("WEEKDAY");
    const day = await roomDay(world.municipality, east.rooms[0]!.id, date, now);
    expect(day!.frames.map((f) => [f.name, f.fee])).toEqual([
      ["午前", 1000],
      ["午後", 1300],
      ["夜間", 1300],
    ]);
  });

  it("refuses facilities the municipality already has, naming their lines, and saves nothing of the file", async () => {
    const municipalityId = world.municipality.id;
    const facilities = checked([
      HEADER,
      ["南部会館", "東京都あきる野市南1", "042-000-0505", "", "和室", "10", "", "午前", "9:00", "12:00", "", "500", "600"],
      ["テスト会館", "テスト市1-1", "042-000-0001", "月", "新しい部屋", "10", "", "午前", "9:00", "12:00", "", "500", "600"],
    ]);
    const counts = async () => [await db.facility.count({ where: { municipalityId } }), await db.room.count({ where: { municipalityId } }), await db.timeFrame.count({ where: { municipalityId } })];
    const before = await counts();
    const expected = { ok: false, errors: [{ line: 3, column: "facility", problem: { code: "FACILITY_EXISTS" } }] };
    expect(await importFacilities(world.municipality, staff.id, facilities, now, { save: false })).toEqual(expected);
    expect(await importFacilities(world.municipality, staff.id, facilities, now)).toEqual(expected);
    expect(await counts()).toEqual(before);
    expect(await db.facility.count({ where: { municipalityId, name: "南部会館" } })).toBe(0);
  });

  it("reports the file's bad lines and the facilities that exist already together", async () => {
    const parsed = parseSetupCsv(
      toCsv([
        HEADER,
        ["テスト会館", "テスト市1-1", "042-000-0001", "月", "新しい部屋", "十", "", "午前", "9:00", "12:00", "", "500", "600"],
        ["南部会館", "東京都あきる野市南1", "042-000-0505", "", "和室", "10", "", "午前", "9:00", "12:00", "", "500", "600"],
      ]),
    );
    expect(await importFacilities(world.municipality, staff.id, parsed, now)).toEqual({
      ok: false,
      errors: [
        { line: 2, column: "facility", problem: { code: "FACILITY_EXISTS" } },
        { line: 2, column: "capacity", problem: { code: "CAPACITY_INVALID" } },
      ],
    });
  });

  it("imports into a new municipality with no fee schedule yet, adding one from today", async () => {
    const bare = await db.municipality.create({ data: { slug: `new-${randomUUID().slice(0, 8)}`, name: "新しい市", helpPhone: "000-0000-0000" } });
    const tenant = (await findMunicipality(bare.slug))!;
    const result = await importFacilities(tenant, staff.id, checked(SETUP_CSV_EXAMPLE), now);
    expect(result).toMatchObject({ ok: true, summary: { facilities: 1, rooms: 2, frames: 5 } });
    const schedules = await db.feeSchedule.findMany({ where: { municipalityId: bare.id }, select: { _count: { select: { rates: true } } } });
    // 4 frames every day (2 fees each) and 1 on weekdays only
    expect(schedules.map((s) => s._count.rates)).toEqual([9]);
    // the other municipality sees none of it
    expect(await db.facility.count({ where: { municipalityId: world.municipality.id, name: "東部地区会館" } })).toBe(1);
  });
});
