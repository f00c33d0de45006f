import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths, daysBetween, dbDateFromIsoDate, type IsoDate, todayIn } from "~/domain/calendar";
import type { CalendarSettingsInput } from "~/domain/calendar-settings";
import { roomDay } from "~/services/availability.server";
import { checkRequestedSlots, submitApplication } from "~/services/booking.server";
import {
  addClosure,
  cancelBookingsOnClosure,
  closureDetail,
  listClosures,
  removeClosure,
  updateCalendarSettings,
} from "~/services/calendar-settings.server";
import { findMunicipalityById } from "~/services/catalog.server";
import { configureMailer } from "~/services/mail.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, freshDates } from "../factories/municipality";

configureMailer(null);

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
const freshDate = freshDates(addDays(today, 10));

type World = Awaited<ReturnType<typeof createMunicipality>>;
let world: World;
let resident: { id: string; email: string };
let staff: { id: string; role: "STAFF" };

beforeAll(async () => {
  world = await createMunicipality({ closedWeekdays: [] });
  resident = await createResident(world.municipality.id, "鈴木");
  const user = await createResident(world.municipality.id, "職員");
  await db.user.update({ where: { id: user.id }, data: { role: "STAFF" } });
  staff = { id: user.id, role: "STAFF" };
});

const slot = (date: IsoDate, frame = 0, room = world.rooms.small) => ({ roomId: room.id, timeFrameId: room.frames[frame]!.id, date });

async function book(slots: ReturnType<typeof slot>[]) {
  const result = await submitApplication(world.municipality, resident.id, { slots, purpose: "会議", headcount: 5, contactPhone: "090-1111-2222", idempotencyKey: randomUUID() }, now);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return db.application.findUniqueOrThrow({ where: { id: result.applicationId }, include: { items: true } });
}

describe("booking windows and holidays", () => {
  const good: CalendarSettingsInput = { bookingWindowMonths: 6, groupExtraWindowMonths: 2, bookingCloseDaysBefore: 3, closedOnHolidays: false, closedAtYearEnd: true };

  it("are saved all together and audited with before and after", async () => {
    const { municipality } = await createMunicipality();
    const before = { bookingWindowMonths: 3, groupExtraWindowMonths: 1, bookingCloseDaysBefore: 1, closedOnHolidays: true, closedAtYearEnd: true };
    expect(await updateCalendarSettings(municipality, staff.id, good)).toEqual({ ok: true, changed: true });
    expect(await updateCalendarSettings(municipality, staff.id, good)).toEqual({ ok: true, changed: false });
    const saved = (await findMunicipalityById(municipality.id))!;
    expect(saved).toMatchObject(good);
    const events = await db.auditEvent.findMany({ where: { municipalityId: municipality.id, action: "municipality.calendar_settings_changed" } });
    expect(events.map((e) => e.details)).toEqual([{ before, after: good }]);
    expect(events[0]!.actorId).toBe(staff.id);
  });

  it("refuse numbers out of range or a window that never opens, and unanswered questions, saving nothing", async () => {
    const { municipality } = await createMunicipality();
    const problemsOf = async (change: Partial<CalendarSettingsInput>) => {
      const result = await updateCalendarSettings(municipality, staff.id, { ...good, ...change });
      return result.ok ? {} : result.problems;
    };
    expect(await problemsOf({ bookingWindowMonths: 0, groupExtraWindowMonths: 13, bookingCloseDaysBefore: 31 })).toEqual({
      bookingWindowMonths: "OUT_OF_RANGE",
      groupExtraWindowMonths: "OUT_OF_RANGE",
      bookingCloseDaysBefore: "OUT_OF_RANGE",
    });
    expect(await problemsOf({ bookingWindowMonths: Number.NaN, bookingCloseDaysBefore: 0 })).toEqual({ bookingWindowMonths: "OUT_OF_RANGE", bookingCloseDaysBefore: "OUT_OF_RANGE" });
    expect(await problemsOf({ bookingWindowMonths: 1, bookingCloseDaysBefore: 29 })).toEqual({ bookingCloseDaysBefore: "CLOSES_BEFORE_IT_OPENS" });
    expect(await problemsOf({ closedOnHolidays: null, closedAtYearEnd: null })).toEqual({ closedOnHolidays: "CHOOSE", closedAtYearEnd: "CHOOSE" });
    expect(await findMunicipalityById(municipality.id)).toMatchObject({ bookingWindowMonths: 3, bookingCloseDaysBefore: 1, closedOnHolidays: true });
    expect(await db.auditEvent.count({ where: { municipalityId: municipality.id } })).toBe(0);
  });

  it("apply to new bookings: a closer closing day and a longer window", async () => {
    const town = await createMunicipality({ closedWeekdays: [] });
    await updateCalendarSettings(town.municipality, staff.id, { ...good, bookingCloseDaysBefore: 5, closedAtYearEnd: false });
    const municipality = (await findMunicipalityById(town.municipality.id))!;
    const check = async (date: IsoDate) => (await checkRequestedSlots(municipality, [{ roomId: town.rooms.small.id, timeFrameId: town.rooms.small.frames[0]!.id, date }], now)).problems;
    expect(await check(addDays(today, 4))).toEqual([{ code: "BOOKING_CLOSED_FOR_DATE", item: 0 }]);
    expect(await check(addDays(today, 5))).toEqual([]);
    // six months ahead instead of three; holidays and the year end are open in this town now
    expect(await check(addDays(today, 150))).toEqual([]);
    expect(await check(addMonths(today, 7))).toEqual([{ code: "NOT_YET_OPEN", item: 0 }]);
  });
});

describe("dated closures", () => {
  it("close a facility on each date with a reason, audited; residents see why; removing one opens the day again", async () => {
    const first = freshDate();
    const second = freshDate();
    const result = await addClosure(world.municipality, staff.id, { facilityId: world.facility.id, from: first, to: second, reason: "空調工事のため休館" }, now);
    expect(result).toMatchObject({ ok: true, affected: 0 });
    if (!result.ok) return;
    expect(result.ids).toHaveLength(daysBetween(first, second) + 1);
    const day = await roomDay(world.municipality, world.rooms.small.id, first, now);
    expect(day?.closure).toEqual({ code: "DATED", reason: "空調工事のため休館" });
    expect((await checkRequestedSlots(world.municipality, [slot(first)], now)).problems).toEqual([{ code: "CLOSED_DAY", item: 0 }]);
    const listed = await listClosures(world.municipality, now);
    expect(listed.filter((c) => c.reason === "空調工事のため休館").map((c) => [c.date, c.facilityName])).toContainEqual([first, "テスト会館"]);
    const added = await db.auditEvent.findFirstOrThrow({ where: { action: "closure.added", entityId: result.ids[0]! } });
    expect(added.details).toEqual({ before: null, after: { facilityId: world.facility.id, date: first, reason: "空調工事のため休館" } });

    expect(await removeClosure(world.municipality, staff.id, result.ids[0]!, now)).toEqual({ ok: true });
    expect(await removeClosure(world.municipality, staff.id, result.ids[0]!, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await roomDay(world.municipality, world.rooms.small.id, first, now))?.closure).toBeNull();
    const removed = await db.auditEvent.findFirstOrThrow({ where: { action: "closure.removed", entityId: result.ids[0]! } });
    expect(removed.details).toEqual({ before: { facilityId: world.facility.id, date: first, reason: "空調工事のため休館" }, after: null });
  });

  it("are refused when wrong or already there, saving nothing; another municipality's are not found", async () => {
    const date = freshDate();
    const add = (input: Partial<Parameters<typeof addClosure>[2]>) =>
      addClosure(world.municipality, staff.id, { facilityId: null, from: date, to: null, reason: "選挙", ...input }, now);
    const before = await db.closedDate.count();
    expect(await add({ from: addDays(today, -1) })).toEqual({ ok: false, code: "INVALID", problems: ["STARTS_BEFORE_TODAY"] });
    expect(await add({ to: addDays(date, -1) })).toEqual({ ok: false, code: "INVALID", problems: ["END_BEFORE_START"] });
    expect(await add({ to: addDays(date, 31) })).toEqual({ ok: false, code: "INVALID", problems: ["TOO_LONG"] });
    expect(await add({ reason: "" })).toEqual({ ok: false, code: "INVALID", problems: ["REASON_REQUIRED"] });
    const other = await createMunicipality();
    expect(await add({ facilityId: other.facility.id })).toEqual({ ok: false, code: "UNKNOWN_FACILITY" });
    expect(await db.closedDate.count()).toBe(before);

    const first = await add({});
    expect(first.ok).toBe(true);
    // the same day again (alone or inside a range) adds none of the range
    expect(await add({ to: addDays(date, 2) })).toEqual({ ok: false, code: "ALREADY_CLOSED", dates: [date] });
    expect(await db.closedDate.count()).toBe(before + 1);
    if (!first.ok) return;
    expect(await removeClosure(other.municipality, staff.id, first.ids[0]!, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await closureDetail(other.municipality, first.ids[0]!, now)).toBeNull();
    // a past closure stays as the record of what was
    const past = await db.closedDate.create({ data: { municipalityId: world.municipality.id, facilityId: null, date: dbDateFromIsoDate(addDays(today, -3)), reason: "過去" } });
    expect(await removeClosure(world.municipality, staff.id, past.id, now)).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("over existing bookings list them as blocks do, and staff cancel them with a full refund and a message", async () => {
    const date = freshDate();
    const booking = await book([slot(date, 0), slot(date, 1, world.rooms.hallA)]);
    const result = await addClosure(world.municipality, staff.id, { facilityId: null, from: date, to: null, reason: "台風のため全館休館" }, now);
    expect(result).toMatchObject({ ok: true, affected: 1 });
    if (!result.ok) return;
    const detail = await closureDetail(world.municipality, result.ids[0]!, now);
    expect(detail).toMatchObject({ date, facilityName: null, reason: "台風のため全館休館" });
    expect(detail?.affected).toEqual([expect.objectContaining({ number: booking.number, applicant: "鈴木", slots: [expect.objectContaining({ room: "学習室" }), expect.objectContaining({ room: "集会室A" })] })]);
    expect((await listClosures(world.municipality, now)).find((c) => c.id === result.ids[0])?.affected).toBe(1);

    expect(await cancelBookingsOnClosure(world.municipality, { id: resident.id, role: "MANAGER" }, result.ids[0]!, [booking.id], "台風", now)).toEqual({ ok: false, code: "STAFF_ONLY" });
    const cancelled = await cancelBookingsOnClosure(world.municipality, staff, result.ids[0]!, [booking.id], "台風のため全館休館となりました", now);
    expect(cancelled).toEqual({ ok: true, cancelled: [{ number: booking.number, refund: 0 }], notCancelled: 0 });
    expect(await db.application.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.outboxMessage.count({ where: { toAddress: resident.email, body: { contains: "台風のため全館休館となりました" } } })).toBe(1);
    expect((await closureDetail(world.municipality, result.ids[0]!, now))?.affected).toEqual([]);
  });
});
