import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, instantAt, type IsoDate, todayIn } from "~/domain/calendar";
import { roomDay, roomMonth } from "~/services/availability.server";
import { blockDetail, cancelBookingsInBlock, createBlock, listBlocks, liftBlock, type NewBlock } from "~/services/blocks.server";
import { type ApplicationInput, checkRequestedSlots, submitApplication } from "~/services/booking.server";
import { configureMailer } from "~/services/mail.server";
import { paidOf, recordCounterPayment } from "~/services/payments.server";
import { db } from "~/utils/db.server";
import { addRoom, createMunicipality, createResident, freshDates } from "../factories/municipality";

configureMailer(null);

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
const freshDate = freshDates(addDays(today, 10));

type World = Awaited<ReturnType<typeof createMunicipality>>;
let world: World;
let other: World;
let resident: { id: string; email: string };
let manager: { id: string; role: "MANAGER" };
let otherManager: { id: string; role: "MANAGER" };
let staff: { id: string; role: "STAFF" };
let otherStaff: { id: string; role: "STAFF" };
let annexRoom: { id: string };
let annexId: string;

async function withRole<R extends "MANAGER" | "STAFF">(municipalityId: string, role: R, facilityId?: string) {
  const user = await createResident(municipalityId, role === "STAFF" ? "職員" : "管理人");
  await db.user.update({ where: { id: user.id }, data: { role } });
  if (facilityId) await db.managerFacility.create({ data: { municipalityId, userId: user.id, facilityId } });
  return { id: user.id, role };
}

beforeAll(async () => {
  world = await createMunicipality({ closedWeekdays: [] });
  other = await createMunicipality();
  resident = await createResident(world.municipality.id, "山田");
  const annex = await db.facility.create({ data: { municipalityId: world.municipality.id, name: "別館", address: "-", phone: "-" } });
  annexId = annex.id;
  const space = await db.space.create({ data: { municipalityId: world.municipality.id, facilityId: annex.id, name: "annex" } });
  annexRoom = await addRoom({ municipalityId: world.municipality.id, facilityId: annex.id, scheduleId: world.schedule.id }, "会議室", 20, [space.id], 0);
  manager = await withRole(world.municipality.id, "MANAGER", world.facility.id);
  otherManager = await withRole(world.municipality.id, "MANAGER", annex.id);
  staff = await withRole(world.municipality.id, "STAFF");
  otherStaff = await withRole(other.municipality.id, "STAFF");
});

const wholeDay = (date: IsoDate, room: { id: string } | null, reason = "床の点検のため"): NewBlock => ({
  facilityId: world.facility.id,
  roomId: room?.id ?? null,
  fromDate: date,
  fromMinute: null,
  toDate: null,
  toMinute: null,
  reason,
});

const slotOf = (room: World["rooms"]["small"], frame: number, date: IsoDate) => ({ roomId: room.id, timeFrameId: room.frames[frame]!.id, date });

function application(slots: ApplicationInput["slots"]): ApplicationInput {
  return { slots, purpose: "会議", headcount: 5, contactPhone: "090-1111-2222", idempotencyKey: randomUUID() };
}

async function book(slots: ApplicationInput["slots"]) {
  const result = await submitApplication(world.municipality, resident.id, application(slots), now);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return db.application.findUniqueOrThrow({ where: { id: result.applicationId }, include: { items: { orderBy: { startsAt: "asc" } } } });
}

async function created(input: NewBlock, by: { id: string; role: "MANAGER" | "STAFF" } = manager) {
  const result = await createBlock(world.municipality, by, input, now);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result;
}

describe("a block", () => {
  it("closes a room for a day: residents see why, and booking it (or the hall it is half of) is refused", async () => {
    const date = freshDate();
    const { hall, hallA, hallB } = world.rooms;
    const block = await created(wholeDay(date, hallA));
    expect(block.affected).toEqual([]);

    const dayA = await roomDay(world.municipality, hallA.id, date, now);
    expect(dayA?.mark).toBe("closed");
    expect(dayA?.frames.map((f) => [f.free, f.blockedFor])).toEqual(Array(3).fill([false, "床の点検のため"]));
    // the whole hall shares 集会室A's space; 集会室B does not
    expect((await roomDay(world.municipality, hall.id, date, now))?.frames.every((f) => !f.free && f.blockedFor)).toBe(true);
    expect((await roomDay(world.municipality, hallB.id, date, now))?.frames.map((f) => f.free)).toEqual([true, true, true]);
    const month = await roomMonth(world.municipality, hallA.id, date.slice(0, 7), now);
    expect(month?.days.find((d) => d.date === date)).toMatchObject({ mark: "closed", blocks: [{ reason: "床の点検のため", frames: null }] });

    const refused = await submitApplication(world.municipality, resident.id, application([slotOf(hallB, 0, date), slotOf(hall, 1, date)]), now);
    expect(refused).toMatchObject({ ok: false, problems: [{ code: "BLOCKED", item: 1 }] });
    expect((await checkRequestedSlots(world.municipality, [slotOf(hallA, 2, date)], now)).problems).toEqual([{ code: "BLOCKED", item: 0 }]);

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "block.created", entityId: block.id } });
    expect(event.actorId).toBe(manager.id);
    expect(event.details).toMatchObject({ before: null, after: { roomId: hallA.id, reason: "床の点検のため", startsAt: instantAt(date, 0, "Asia/Tokyo").toISOString() } });
  });

  it("can cover part of a day: only the frames it overlaps are closed", async () => {
    const date = freshDate();
    const { small } = world.rooms;
    // 10:00–13:00 overlaps 午前 (9:00–12:00) and ends as 午後 (13:00–17:00) begins
    await created({ ...wholeDay(date, small, "消防設備の点検"), fromMinute: 600, toMinute: 780 });
    const day = await roomDay(world.municipality, small.id, date, now);
    expect(day?.frames.map((f) => f.blockedFor)).toEqual(["消防設備の点検", null, null]);
    expect(day?.mark).toBe("partial");
    const month = await roomMonth(world.municipality, small.id, date.slice(0, 7), now);
    expect(month?.days.find((d) => d.date === date)?.blocks).toEqual([{ reason: "消防設備の点検", frames: ["午前"] }]);
    expect((await submitApplication(world.municipality, resident.id, application([slotOf(small, 1, date)]), now)).ok).toBe(true);
  });

  it("of a whole facility, by staff, closes every room of it for several days and none of another facility", async () => {
    const first = freshDate();
    freshDate();
    const last = freshDate();
    await created({ ...wholeDay(first, null, "選挙の投票所のため"), toDate: last }, staff);
    for (const room of Object.values(world.rooms)) {
      expect((await roomDay(world.municipality, room.id, last, now))?.frames.every((f) => f.blockedFor === "選挙の投票所のため")).toBe(true);
    }
    expect((await roomDay(world.municipality, annexRoom.id, first, now))?.frames.every((f) => f.free)).toBe(true);
    expect((await roomDay(world.municipality, world.rooms.small.id, addDays(last, 1), now))?.frames.some((f) => f.blockedFor)).toBe(false);
  });

  it("is refused, with nothing saved, when its dates or reason are wrong", async () => {
    const date = freshDate();
    const before = await db.block.count();
    const problemsOf = async (input: Partial<NewBlock>) => {
      const result = await createBlock(world.municipality, manager, { ...wholeDay(date, world.rooms.small), ...input }, now);
      return result.ok ? [] : result.code === "INVALID" ? result.problems : [result.code];
    };
    expect(await problemsOf({ fromDate: addDays(today, -1) })).toEqual(["STARTS_BEFORE_TODAY"]);
    expect(await problemsOf({ toDate: addDays(date, -1) })).toEqual(["END_NOT_AFTER_START"]);
    expect(await problemsOf({ fromMinute: 720, toMinute: 600 })).toEqual(["END_NOT_AFTER_START"]);
    expect(await problemsOf({ toDate: addDays(date, 400) })).toEqual(["TOO_LONG"]);
    expect(await problemsOf({ reason: "  " })).toEqual(["REASON_REQUIRED"]);
    expect(await problemsOf({ reason: "あ".repeat(101) })).toEqual(["REASON_TOO_LONG"]);
    expect(await db.block.count()).toBe(before);
  });

  it("is lifted early, once, and the slots can be booked again", async () => {
    const date = freshDate();
    const { small } = world.rooms;
    const block = await created(wholeDay(date, small));
    expect((await listBlocks(world.municipality, manager, now)).map((b) => b.id)).toContain(block.id);
    expect(await liftBlock(world.municipality, manager, block.id, now)).toEqual({ ok: true });
    expect(await liftBlock(world.municipality, manager, block.id, now)).toEqual({ ok: false, code: "ALREADY_LIFTED" });
    expect((await listBlocks(world.municipality, manager, now)).map((b) => b.id)).not.toContain(block.id);
    expect((await roomDay(world.municipality, small.id, date, now))?.frames.every((f) => f.free)).toBe(true);
    expect((await db.block.findUniqueOrThrow({ where: { id: block.id } })).liftedById).toBe(manager.id);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "block.lifted", entityId: block.id } });
    expect(event.details).toEqual({ before: { liftedAt: null }, after: { liftedAt: now.toISOString() } });
  });
});

describe("who may block what", () => {
  it("a hall manager only their own facilities; another facility, its room or another municipality is not found", async () => {
    const date = freshDate();
    const mine = await created(wholeDay(date, world.rooms.small));
    expect(await createBlock(world.municipality, otherManager, wholeDay(date, world.rooms.small), now)).toEqual({ ok: false, code: "NOT_FOUND" });
    // a room of the annex passed off as one of the manager's facility
    expect(await createBlock(world.municipality, manager, { ...wholeDay(date, annexRoom) }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await createBlock(world.municipality, manager, { ...wholeDay(date, null), facilityId: annexId }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await createBlock(other.municipality, otherStaff, wholeDay(date, null), now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await createBlock(world.municipality, { id: resident.id, role: "RESIDENT" } as never, wholeDay(date, null), now)).toEqual({ ok: false, code: "NOT_FOUND" });

    expect(await blockDetail(world.municipality, otherManager, mine.id, now)).toBeNull();
    expect(await blockDetail(other.municipality, otherStaff, mine.id, now)).toBeNull();
    expect(await blockDetail(world.municipality, staff, mine.id, now)).not.toBeNull();
    expect((await listBlocks(world.municipality, otherManager, now)).map((b) => b.id)).not.toContain(mine.id);
    expect(await liftBlock(world.municipality, otherManager, mine.id, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await liftBlock(other.municipality, otherStaff, mine.id, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await db.block.findUniqueOrThrow({ where: { id: mine.id } })).liftedAt).toBeNull();
  });
});

describe("bookings a block runs into", () => {
  it("are listed with their slots inside it only, the applicant and what is paid", async () => {
    const date = freshDate();
    const { small, hallB } = world.rooms;
    const paidOne = await book([slotOf(small, 0, date), slotOf(hallB, 1, date)]);
    await recordCounterPayment(world.municipality, staff.id, paidOne.number, { method: "CASH", amount: paidOne.totalFee, receiptNumber: "R-1" }, now);
    const unpaid = await book([slotOf(small, 2, date)]);
    const block = await created(wholeDay(date, small));
    expect(block.affected).toEqual([
      {
        applicationId: paidOne.id,
        number: paidOne.number,
        status: "CONFIRMED",
        applicant: "山田",
        phone: "090-1111-2222",
        totalFee: paidOne.totalFee,
        paid: paidOne.totalFee,
        slots: [{ itemId: paidOne.items[0]!.id, date, frame: "午前", from: "9:00", to: "12:00", facility: "テスト会館", room: "学習室" }],
      },
      expect.objectContaining({ number: unpaid.number, status: "TENTATIVE", paid: 0, slots: [expect.objectContaining({ frame: "夜間" })] }),
    ]);
    expect((await blockDetail(world.municipality, manager, block.id, now))?.affected).toEqual(block.affected);
    expect((await listBlocks(world.municipality, manager, now)).find((b) => b.id === block.id)?.affected).toBe(2);
  });

  it("are cancelled by staff only, inside the block only, refunded in full, and the applicant is told why", async () => {
    const date = freshDate();
    const { small, hallB } = world.rooms;
    const booking = await book([slotOf(small, 0, date), slotOf(hallB, 1, date)]);
    const [inside, outside] = booking.items;
    await recordCounterPayment(world.municipality, staff.id, booking.number, { method: "CASH", amount: booking.totalFee, receiptNumber: "R-2" }, now);
    const untouched = await book([slotOf(small, 1, freshDate())]);
    const block = await created(wholeDay(date, small));
    const message = "学習室の床の点検のため、使えなくなりました";

    expect(await cancelBookingsInBlock(world.municipality, manager, block.id, [booking.id], message, now)).toEqual({ ok: false, code: "STAFF_ONLY" });
    expect(await cancelBookingsInBlock(world.municipality, staff, block.id, [booking.id], " ", now)).toEqual({ ok: false, code: "MESSAGE_REQUIRED" });
    expect(await cancelBookingsInBlock(world.municipality, staff, block.id, [], message, now)).toEqual({ ok: false, code: "NOTHING_CHOSEN" });
    expect(await cancelBookingsInBlock(other.municipality, otherStaff, block.id, [booking.id], message, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    // an application the block does not touch is left alone
    expect(await cancelBookingsInBlock(world.municipality, staff, block.id, [untouched.id], message, now)).toEqual({ ok: true, cancelled: [], notCancelled: 1 });
    expect((await db.application.findUniqueOrThrow({ where: { id: untouched.id } })).cancelledAt).toBeNull();

    const result = await cancelBookingsInBlock(world.municipality, staff, block.id, [booking.id], message, now);
    expect(result).toEqual({ ok: true, cancelled: [{ number: booking.number, refund: inside!.fee }], notCancelled: 0 });
    const items = await db.applicationItem.findMany({ where: { applicationId: booking.id }, orderBy: { startsAt: "asc" } });
    expect(items.map((i) => i.cancelledAt !== null)).toEqual([true, false]);
    expect(items[0]!.cancellationCharge).toBe(0);
    const after = await db.application.findUniqueOrThrow({ where: { id: booking.id } });
    expect(after).toMatchObject({ status: "CONFIRMED", totalFee: outside!.fee });
    expect(await paidOf(db, booking.id)).toBe(outside!.fee);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: resident.email, body: { contains: message } } });
    expect(mail.body).toContain("施設の都合により");
    expect(await db.auditEvent.count({ where: { entityId: booking.id, action: "application.items_cancelled", actorId: staff.id } })).toBe(1);
    expect((await blockDetail(world.municipality, staff, block.id, now))?.affected).toEqual([]);
    // the slot freed by the cancellation stays closed by the block
    expect((await roomDay(world.municipality, small.id, date, now))?.frames[0]).toMatchObject({ free: false, blockedFor: "床の点検のため" });
  });
});
