import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, type IsoDate, todayIn } from "~/domain/calendar";
import { dayTypeOn } from "~/domain/time-frames";
import { type ApplicationInput, cancelBooking, submitApplication } from "~/services/booking.server";
import { findMunicipality, type Municipality } from "~/services/catalog.server";
import { recordUsage } from "~/services/hall-bookings.server";
import { applicationAtHallCounter, recordCounterPaymentAtHall } from "~/services/hall-counter.server";
import { applicationsWaitingForHall, decideForHall } from "~/services/hall-decisions.server";
import { hallDay, hallWeek } from "~/services/hall-schedule.server";
import { configureMailer } from "~/services/mail.server";
import { paidOf, recordCounterPayment } from "~/services/payments.server";
import { db } from "~/utils/db.server";
import { addRoom, createMunicipality, createResident } from "../factories/municipality";

configureMailer(null);

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
type World = Awaited<ReturnType<typeof createMunicipality>>;
type Room = World["rooms"]["small"];
type Person = { id: string; role: "MANAGER" | "STAFF" | "RESIDENT" };

let world: World;
let municipality: Municipality;
let resident: { id: string; email: string };
let manager: Person;
let annexManager: Person;
let staff: Person;
let annex: { id: string; room: Room };
let nextDate: () => IsoDate;

/** A town whose hall is open every day, so any date in these tests can be booked. */
async function openEveryDay() {
  const w = await createMunicipality({ closedWeekdays: [] });
  await db.municipality.update({ where: { id: w.municipality.id }, data: { closedOnHolidays: false, closedAtYearEnd: false } });
  return { ...w, municipality: (await findMunicipality(w.municipality.slug))! };
}

async function person(municipalityId: string, role: Person["role"], facilityIds: string[] = []) {
  const user = await createResident(municipalityId, role);
  await db.user.update({ where: { id: user.id }, data: { role } });
  for (const facilityId of facilityIds) await db.managerFacility.create({ data: { municipalityId, userId: user.id, facilityId } });
  return { id: user.id, role };
}

const slot = (room: Room, date: IsoDate, frame = 0) => ({ roomId: room.id, timeFrameId: room.frames[frame]!.id, date });

async function submit(slots: ApplicationInput["slots"], options: { extra?: Partial<ApplicationInput>; at?: Date; in?: Municipality; by?: string } = {}) {
  const result = await submitApplication(
    options.in ?? municipality,
    options.by ?? resident.id,
    { slots, purpose: "会議", headcount: 6, contactPhone: "090-1111-2222", idempotencyKey: randomUUID(), ...options.extra },
    options.at ?? now,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return db.application.findUniqueOrThrow({ where: { id: result.applicationId }, include: { items: { orderBy: { startsAt: "asc" } } } });
}

const payInFull = async (application: { number: number; id: string }) => {
  const due = (await db.application.findUniqueOrThrow({ where: { id: application.id } })).totalFee - (await paidOf(db, application.id));
  const paid = await recordCounterPayment(municipality, staff.id, application.number, { method: "CASH", amount: due, receiptNumber: "R-1" }, now);
  expect(paid.ok).toBe(true);
};

beforeAll(async () => {
  world = await openEveryDay();
  municipality = world.municipality;
  resident = await createResident(municipality.id, "山田");
  const annexFacility = await db.facility.create({ data: { municipalityId: municipality.id, name: "別館", address: "-", phone: "-", closedWeekdays: [] } });
  const annexSpace = await db.space.create({ data: { municipalityId: municipality.id, facilityId: annexFacility.id, name: "annex" } });
  const annexRoom = await addRoom({ municipalityId: municipality.id, facilityId: annexFacility.id, scheduleId: world.schedule.id }, "別館の会議室", 20, [annexSpace.id], 0);
  annex = { id: annexFacility.id, room: annexRoom };
  manager = await person(municipality.id, "MANAGER", [world.facility.id]);
  annexManager = await person(municipality.id, "MANAGER", [annexFacility.id]);
  staff = await person(municipality.id, "STAFF");
  let next = addDays(today, 10);
  nextDate = () => {
    const date = next;
    next = addDays(next, 2);
    return date;
  };
});

describe("the hall's day", () => {
  it("lists a room's frames only as offered that day: not a frame of the other day type, nor a retired one", async () => {
    const date = nextDate();
    const small = world.rooms.small;
    const [evening, afternoon] = [small.frames[2]!.id, small.frames[1]!.id];
    await db.timeFrame.update({ where: { id: evening }, data: { dayTypes: [dayTypeOn(date) === "WEEKDAY" ? "HOLIDAY" : "WEEKDAY"] } });
    await db.timeFrame.update({ where: { id: afternoon }, data: { active: false } });
    try {
      const day = (await hallDay(municipality, manager, date, new Date()))!;
      const rows = day.facilities[0]!.rooms.find((r) => r.id === small.id)!.rows;
      expect(rows.map((row) => (row.kind === "BOOKED" ? row.item.frame : row.frame.name))).toEqual([small.frames[0]!.name]);
    } finally {
      await db.timeFrame.update({ where: { id: evening }, data: { dayTypes: ["WEEKDAY", "HOLIDAY"] } });
      await db.timeFrame.update({ where: { id: afternoon }, data: { active: true } });
    }
  });

  it("shows every room's frames in time order, booked or free or held by a room sharing its space, with each application's payment state", async () => {
    const date = nextDate();
    const { small, hallA, hallB, hall } = world.rooms;
    const paid = await submit([slot(small, date, 0)]);
    await payInFull(paid);
    const unpaid = await submit([slot(hallA, date, 0)]);
    const refunded = await submit([slot(hallB, date, 0), slot(hallB, date, 1)]);
    await payInFull(refunded);
    expect(await cancelBooking(municipality, resident.id, refunded.id, refunded.items[1]!.id, now)).toEqual({ ok: true });
    const exemptCategory = await db.exemptionCategory.create({ data: { municipalityId: municipality.id, name: "町内会（免除）", percent: 100, coversSurcharges: true, needsApproval: false } });
    const exempt = await submit([slot(small, date, 1)], { extra: { exemption: { categoryId: exemptCategory.id, grounds: "町内会の総会" } } });
    const onTheDay = await submit([slot(hallA, date, 2)], { in: { ...municipality, confirmBeforePayment: true } });
    // another facility's and another town's bookings on the same day
    await submit([slot(annex.room, date, 0)]);
    const otherTown = await openEveryDay();
    const otherResident = await createResident(otherTown.municipality.id);
    await submit([slot(otherTown.rooms.small, date, 0)], { in: otherTown.municipality, by: otherResident.id });

    const day = (await hallDay(municipality, manager, date, now))!;
    expect(day.facilities.map((f) => f.name)).toEqual(["テスト会館"]);
    const rows = Object.fromEntries(
      day.facilities[0]!.rooms.map((r) => [r.name, r.rows.map((row) => (row.kind === "BOOKED" ? [row.item.number, row.item.payment] : row.kind))]),
    );
    const fee = (application: { items: { fee: number }[] }, i = 0) => application.items[i]!.fee;
    expect(rows).toEqual({
      大集会室: ["IN_USE", "FREE", "IN_USE"],
      集会室A: [[unpaid.number, { code: "UNPAID", due: fee(unpaid) }], "FREE", [onTheDay.number, { code: "PAY_ON_THE_DAY", due: fee(onTheDay) }]],
      集会室B: [[refunded.number, { code: "PARTLY_REFUNDED", refunded: fee(refunded, 1) }], "FREE", "FREE"],
      学習室: [[paid.number, { code: "PAID" }], [exempt.number, { code: "EXEMPT" }], "FREE"],
    });
    const booked = day.facilities[0]!.rooms.find((r) => r.name === "集会室A")!.rows[0]!;
    expect(booked).toMatchObject({ kind: "BOOKED", item: { status: "TENTATIVE", applicant: "山田", purpose: "会議", headcount: 6, phone: "090-1111-2222", mayRecordUsage: false } });

    // staff see every facility of their town, the other town's never
    const staffDay = (await hallDay(municipality, staff, date, now))!;
    expect(staffDay.facilities.map((f) => f.name)).toEqual(["テスト会館", "別館"]);
    const numbersOf = (d: typeof day) => d.facilities.flatMap((f) => f.rooms.flatMap((r) => r.rows.flatMap((row) => (row.kind === "BOOKED" ? [row.item.number] : []))));
    expect(numbersOf(staffDay)).toHaveLength(6);
    expect((await hallDay(municipality, annexManager, date, now))!.facilities.map((f) => f.name)).toEqual(["別館"]);
    // one facility of theirs only, and none of anyone else's
    expect((await hallDay(municipality, staff, date, now, { facilityId: annex.id }))!.facilities.map((f) => f.name)).toEqual(["別館"]);
    expect(await hallDay(municipality, manager, date, now, { facilityId: annex.id })).toBeNull();
    expect(await hallDay(municipality, manager, date, now, { facilityId: otherTown.facility.id })).toBeNull();
    expect((await hallDay(otherTown.municipality, manager, date, now))!.facilities).toEqual([]);

    // the week from the day before: the day's count, each room's bookings in time order
    const week = (await hallWeek(municipality, manager, addDays(date, -1), now))!;
    expect(week.facilities).toHaveLength(1);
    expect(week.facilities[0]!.days.map((d) => d.booked)).toEqual([0, 5, 0, 0, 0, 0, 0]);
    expect(week.facilities[0]!.rooms.find((r) => r.name === "集会室A")!.bookings.map((b) => b.number)).toEqual([unpaid.number, onTheDay.number]);
  });

  it("shows a closed day as closed, with no free frames", async () => {
    const date = nextDate();
    await db.closedDate.create({ data: { municipalityId: municipality.id, facilityId: world.facility.id, date: new Date(`${date}T00:00:00Z`), reason: "設備点検" } });
    const day = (await hallDay(municipality, manager, date, now))!;
    expect(day.facilities[0]!.closure).toEqual({ code: "DATED", reason: "設備点検" });
    expect(day.facilities[0]!.rooms.every((r) => r.rows.length === 0)).toBe(true);
  });
});

describe("the usage record on the day view", () => {
  it("may be written for yesterday's slot, not for tomorrow's", async () => {
    const yesterday = addDays(today, -1);
    const tomorrow = addDays(today, 1);
    const tenDaysAgo = new Date(now.getTime() - 10 * 86_400_000);
    const past = await submit([slot(world.rooms.small, yesterday, 2)], { at: tenDaysAgo, in: { ...municipality, confirmBeforePayment: true } });
    const coming = await submit([slot(world.rooms.small, tomorrow, 2)], { in: { ...municipality, confirmBeforePayment: true } });
    const rowOf = async (date: IsoDate) => (await hallDay(municipality, manager, date, now))!.facilities[0]!.rooms.find((r) => r.name === "学習室")!.rows[2]!;
    expect(await rowOf(yesterday)).toMatchObject({ kind: "BOOKED", item: { number: past.number, mayRecordUsage: true, usage: null } });
    expect(await rowOf(tomorrow)).toMatchObject({ kind: "BOOKED", item: { number: coming.number, mayRecordUsage: false } });
    expect(await recordUsage(municipality, manager, past.items[0]!.id, { noShow: false, actualHeadcount: 5, note: "" }, now)).toEqual({ ok: true });
    expect(await recordUsage(municipality, manager, coming.items[0]!.id, { noShow: false, actualHeadcount: 5, note: "" }, now)).toEqual({ ok: false, code: "NOT_YET" });
    expect(await rowOf(yesterday)).toMatchObject({ item: { usage: { actualHeadcount: 5, noShow: false, note: "" } } });
  });
});

describe("applications waiting for the hall", () => {
  it("lists held applications with a slot in the person's facilities, and not those whose exemption waits for staff", async () => {
    const date = nextDate();
    const held = await submit([slot(world.rooms.small, date)]);
    const category = await db.exemptionCategory.create({ data: { municipalityId: municipality.id, name: "5割減額", percent: 50, needsApproval: true } });
    const exemptionPending = await submit([slot(world.rooms.hallA, date)], { extra: { exemption: { categoryId: category.id, grounds: "団体の活動" } } });
    const annexOnly = await submit([slot(annex.room, date)]);
    const both = await submit([slot(world.rooms.hallB, date), slot(annex.room, date, 1)]);
    const confirmed = await submit([slot(world.rooms.small, date, 1)], { in: { ...municipality, confirmBeforePayment: true } });

    const seen = async (who: Person) => (await applicationsWaitingForHall(municipality, who, now)).filter((a) => a.slots.some((s) => s.date === date));
    const mine = await seen(manager);
    expect(mine.map((a) => [a.number, a.decidable, a.otherSlots])).toEqual([
      [held.number, true, 0],
      [both.number, false, 1],
    ]);
    // only the slots in their facilities are shown to them
    expect(mine[1]!.slots.map((s) => s.facility)).toEqual(["テスト会館"]);
    expect(mine[0]!.payment).toEqual({ code: "UNPAID", due: held.totalFee });
    expect((await seen(staff)).map((a) => [a.number, a.decidable])).toEqual([
      [held.number, true],
      [annexOnly.number, true],
      [both.number, true],
    ]);
    expect([exemptionPending.status, confirmed.status]).toEqual(["TENTATIVE", "CONFIRMED"]);
  });

  it("are confirmed by the hall: booked without a deadline, payment still due at the counter, audited, and the applicant is mailed", async () => {
    const application = await submit([slot(world.rooms.small, nextDate())]);
    expect(await decideForHall(municipality, manager, application.id, { approve: true }, now)).toEqual({ ok: true, number: application.number, refund: 0 });
    const after = await db.application.findUniqueOrThrow({ where: { id: application.id }, include: { items: { include: { occupancies: true } } } });
    expect(after).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    expect(after.items[0]!.occupancies.every((o) => o.active && o.expiresAt === null)).toBe(true);
    const day = (await hallDay(municipality, manager, isoDate(after.items[0]!.useDate), now))!;
    const row = day.facilities[0]!.rooms.find((r) => r.name === "学習室")!.rows.find((r) => r.kind === "BOOKED" && r.item.number === application.number);
    expect(row).toMatchObject({ item: { status: "CONFIRMED", payment: { code: "PAY_ON_THE_DAY", due: application.totalFee } } });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: application.id, action: "application.confirmed_by_hall" } });
    expect(event).toMatchObject({ actorId: manager.id, details: { before: { status: "TENTATIVE" }, after: { status: "CONFIRMED", holdExpiresAt: null } } });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: resident.email, subject: { contains: `予約が確定しました（申込番号 ${application.number}）` } } });
    expect(mail.body).toContain("施設の窓口でお支払いください");
    // a second decision finds nothing waiting
    expect(await decideForHall(municipality, manager, application.id, { approve: false, reason: "重複" }, now)).toEqual({ ok: false, code: "NOT_WAITING" });
  });

  it("are turned down with the reason in the mail, the slots freed and what was paid refunded in full", async () => {
    const application = await submit([slot(world.rooms.small, nextDate())]);
    // A held application carries no money in the normal course (paying it in full confirms it);
    // the row is written directly to prove that whatever was paid comes back in full.
    await db.ledgerEntry.create({ data: { municipalityId: municipality.id, applicationId: application.id, kind: "PAYMENT", method: "CASH", amount: application.totalFee, receiptNumber: "R-2" } });
    const result = await decideForHall(municipality, manager, application.id, { approve: false, reason: "館の行事と重なるため" }, now);
    expect(result).toEqual({ ok: true, number: application.number, refund: application.totalFee });
    const after = await db.application.findUniqueOrThrow({ where: { id: application.id }, include: { items: { include: { occupancies: true } } } });
    expect(after.status).toBe("CANCELLED");
    expect(after.items[0]!.occupancies.every((o) => !o.active)).toBe(true);
    expect(await paidOf(db, application.id)).toBe(0);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: resident.email, subject: { contains: `予約を取り消しました（申込番号 ${application.number}）` } } });
    expect(mail.body).toContain("理由：館の行事と重なるため");
    expect(mail.body).toContain(`返金する金額：${application.totalFee.toLocaleString("ja-JP")}円`);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: application.id, action: "application.rejected_by_hall" } });
    expect(event).toMatchObject({ actorId: manager.id, details: { reason: "館の行事と重なるため", refund: application.totalFee, after: { status: "CANCELLED" } } });
  });

  it("with a slot in another facility are not the manager's to decide; another facility's or town's are not found", async () => {
    const date = nextDate();
    const both = await submit([slot(world.rooms.small, date), slot(annex.room, date)]);
    const annexOnly = await submit([slot(annex.room, date, 1)]);
    expect(await decideForHall(municipality, manager, both.id, { approve: true }, now)).toEqual({ ok: false, code: "NOT_YOURS" });
    expect(await decideForHall(municipality, manager, annexOnly.id, { approve: false, reason: "x" }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    const otherTown = await openEveryDay();
    expect(await decideForHall(otherTown.municipality, staff, both.id, { approve: true }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await decideForHall(municipality, { id: resident.id, role: "RESIDENT" }, both.id, { approve: true }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await db.application.findUniqueOrThrow({ where: { id: both.id } })).status).toBe("TENTATIVE");
    expect(await db.auditEvent.count({ where: { entityId: { in: [both.id, annexOnly.id] }, action: { endsWith: "_by_hall" } } })).toBe(0);
    // staff decide it
    expect(await decideForHall(municipality, staff, both.id, { approve: true }, now)).toMatchObject({ ok: true });
  });
});

describe("counter payments at the hall", () => {
  it("are taken by a manager for their facilities' applications only", async () => {
    const date = nextDate();
    const mine = await submit([slot(world.rooms.small, date)]);
    const annexOnly = await submit([slot(annex.room, date)]);
    const payment = (amount: number) => ({ method: "TERMINAL" as const, amount, receiptNumber: "H-1" });
    expect(await applicationAtHallCounter(municipality, manager, annexOnly.number, now)).toBeNull();
    expect(await recordCounterPaymentAtHall(municipality, manager, annexOnly.number, payment(annexOnly.totalFee), now)).toEqual({ ok: false, code: "NOT_FOUND" });
    const otherTown = await openEveryDay();
    expect(await recordCounterPaymentAtHall(otherTown.municipality, manager, mine.number, payment(mine.totalFee), now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await paidOf(db, annexOnly.id)).toBe(0);

    expect(await applicationAtHallCounter(municipality, manager, mine.number, now)).toMatchObject({ number: mine.number, due: mine.totalFee });
    expect(await recordCounterPaymentAtHall(municipality, manager, mine.number, payment(mine.totalFee), now)).toEqual({ ok: true, applicationId: mine.id, confirmed: true });
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { applicationId: mine.id } });
    expect(entry).toMatchObject({ kind: "PAYMENT", method: "TERMINAL", amount: mine.totalFee, recordedById: manager.id });
    expect(await db.auditEvent.count({ where: { entityId: mine.id, action: "payment.recorded", actorId: manager.id } })).toBe(1);
    // the annex's manager pays the annex's
    expect(await recordCounterPaymentAtHall(municipality, annexManager, annexOnly.number, payment(annexOnly.totalFee), now)).toMatchObject({ ok: true });
  });
});

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
