import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, type IsoDate, todayIn } from "~/domain/calendar";
import { type ApplicationInput, cancelBooking, cancelForMunicipality, submitApplication } from "~/services/booking.server";
import { decideExemption } from "~/services/exemptions.server";
import { configureMailer } from "~/services/mail.server";
import { expireDueHolds, ledgerOf, paidOf, recordCounterPayment, reverseLedgerEntry } from "~/services/payments.server";
import { roomDay } from "~/services/availability.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, freshDates } from "../factories/municipality";

configureMailer(null);

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
let world: Awaited<ReturnType<typeof createMunicipality>>;
let resident: { id: string; email: string };
let staff: { id: string };

/** A different open date for each test, so their bookings never meet. */
const freshDate = freshDates(addDays(today, 10));

const slotOn = (date: IsoDate, frame = 0, room = world.rooms.small) => ({ roomId: room.id, timeFrameId: room.frames[frame]!.id, date });
const input = (slots: ApplicationInput["slots"], extra: Partial<ApplicationInput> = {}): ApplicationInput => ({
  slots,
  purpose: "会議",
  headcount: 5,
  contactPhone: "090-1111-2222",
  idempotencyKey: randomUUID(),
  ...extra,
});

async function submit(slots: ApplicationInput["slots"], extra: Partial<ApplicationInput> = {}, at = now) {
  const result = await submitApplication(world.municipality, resident.id, input(slots, extra), at);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return db.application.findUniqueOrThrow({ where: { id: result.applicationId }, include: { items: true } });
}

beforeAll(async () => {
  world = await createMunicipality();
  resident = await createResident(world.municipality.id);
  staff = await createResident(world.municipality.id, "職員");
});

describe("a new application", () => {
  it("to pay at the counter is held for the municipality's days, and says so by mail", async () => {
    const application = await submit([slotOn(freshDate())]);
    expect(application.status).toBe("TENTATIVE");
    const days = (application.holdExpiresAt!.getTime() - now.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(world.municipality.counterHoldDays, 5);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: resident.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toContain(`申込番号 ${application.number}`);
    expect(mail.body).toContain("までにお支払いがないと");
  });

  it("with nothing to pay is confirmed at once", async () => {
    const full = await db.exemptionCategory.create({ data: { municipalityId: world.municipality.id, name: "免除（自動）", percent: 100, needsApproval: false } });
    const application = await submit([slotOn(freshDate())], { exemption: { categoryId: full.id, grounds: "市の行事" } });
    expect(application).toMatchObject({ status: "CONFIRMED", totalFee: 0, holdExpiresAt: null });
  });

  it("waiting for an exemption decision is held without a deadline, which starts at the decision", async () => {
    const half = await db.exemptionCategory.create({ data: { municipalityId: world.municipality.id, name: "5割減額", percent: 50, needsApproval: true } });
    const application = await submit([slotOn(freshDate())], { exemption: { categoryId: half.id, grounds: "会員は市内の12人" } });
    expect(application).toMatchObject({ status: "TENTATIVE", holdExpiresAt: null });
    const decidedAt = new Date(now.getTime() + 3_600_000);
    await decideExemption(world.municipality, staff.id, application.id, { approve: true, reason: "" }, decidedAt);
    const after = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after.holdExpiresAt!.getTime()).toBe(decidedAt.getTime() + world.municipality.counterHoldDays * 86_400_000);
  });
});

describe("paying at the counter", () => {
  it("records the whole amount with a receipt number and confirms the application; nothing else is accepted", async () => {
    const application = await submit([slotOn(freshDate())]);
    const pay = (amount: number) => recordCounterPayment(world.municipality, staff.id, application.number, { method: "CASH", amount, receiptNumber: "R-0001" }, now);
    expect(await pay(application.totalFee - 10)).toEqual({ ok: false, code: "WRONG_AMOUNT", due: application.totalFee });
    expect(await recordCounterPayment(world.municipality, staff.id, 999_999_999, { method: "CASH", amount: 100, receiptNumber: "R" }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await pay(application.totalFee)).toEqual({ ok: true, applicationId: application.id, confirmed: true });
    expect(await pay(application.totalFee)).toEqual({ ok: false, code: "NOTHING_DUE" });
    const after = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    expect(await db.occupancy.count({ where: { item: { applicationId: application.id }, expiresAt: { not: null } } })).toBe(0);
  });

  it("is never edited or deleted: a mistake is undone by a reversal, once", async () => {
    const application = await submit([slotOn(freshDate())]);
    await recordCounterPayment(world.municipality, staff.id, application.number, { method: "TERMINAL", amount: application.totalFee, receiptNumber: "R-0002" }, now);
    const [payment] = await ledgerOf(world.municipality.id, application.id);
    await expect(db.ledgerEntry.update({ where: { id: payment!.id }, data: { amount: 1 } })).rejects.toThrow();
    await expect(db.ledgerEntry.delete({ where: { id: payment!.id } })).rejects.toThrow();
    expect(await reverseLedgerEntry(world.municipality, staff.id, payment!.id, "別の申し込みと取り違えた")).toEqual({ ok: true });
    expect(await reverseLedgerEntry(world.municipality, staff.id, payment!.id, "二度目")).toEqual({ ok: false, code: "ALREADY_REVERSED" });
    expect(await paidOf(db, application.id)).toBe(0);
    const other = await createMunicipality();
    expect(await reverseLedgerEntry(other.municipality, staff.id, payment!.id, "よその自治体")).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});

describe("holds that run out", () => {
  it("free the slot for the next applicant even if no sweeper ran, and the sweeper tells the first", async () => {
    const date = freshDate();
    const slot = slotOn(date, 1);
    const first = await submit([slot]);
    const later = new Date(first.holdExpiresAt!.getTime() + 60_000);
    // availability already shows it free
    const day = await roomDay(world.municipality, world.rooms.small.id, date, later);
    expect(day!.frames[1]!.free).toBe(true);
    // the next booking expires the first on its way
    const second = await submitApplication(world.municipality, resident.id, input([slot]), later);
    expect(second.ok).toBe(true);
    expect(await db.application.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "EXPIRED" });
    expect(await db.applicationItem.count({ where: { applicationId: first.id, cancelledAt: null } })).toBe(0);
  });

  it("are ended by the sweeper with a mail, once, and a paid application never expires", async () => {
    const unpaid = await submit([slotOn(freshDate())]);
    const paid = await submit([slotOn(freshDate())]);
    await recordCounterPayment(world.municipality, staff.id, paid.number, { method: "CASH", amount: paid.totalFee, receiptNumber: "R-0003" }, now);
    const later = new Date(unpaid.holdExpiresAt!.getTime() + 1);
    expect(await expireDueHolds(later, { municipalityId: world.municipality.id })).toBeGreaterThanOrEqual(1);
    expect(await expireDueHolds(later, { municipalityId: world.municipality.id })).toBe(0);
    expect((await db.application.findUniqueOrThrow({ where: { id: unpaid.id } })).status).toBe("EXPIRED");
    expect((await db.application.findUniqueOrThrow({ where: { id: paid.id } })).status).toBe("CONFIRMED");
    const mail = await db.outboxMessage.findFirst({ where: { toAddress: resident.email, subject: { contains: `申込番号 ${unpaid.number}）` }, body: { contains: "お支払いがなかったため" } } });
    expect(mail).not.toBeNull();
    expect(await recordCounterPayment(world.municipality, staff.id, unpaid.number, { method: "CASH", amount: unpaid.totalFee, receiptNumber: "R" }, later)).toEqual({ ok: false, code: "NOT_PAYABLE" });
  });
});

describe("cancelling", () => {
  it("refunds a paid slot by the days before use and keeps the rest as a charge; the books balance", async () => {
    // 10+ days ahead: 100 %; then within 1–6 days: 50 %
    const far = freshDate();
    const application = await submit([slotOn(far, 0), slotOn(far, 1)]);
    await recordCounterPayment(world.municipality, staff.id, application.number, { method: "CASH", amount: application.totalFee, receiptNumber: "R-0004" }, now);
    const [morning, afternoon] = application.items.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    expect(await cancelBooking(world.municipality, resident.id, application.id, morning!.id, now)).toEqual({ ok: true });
    const threeDaysBefore = new Date(afternoon!.startsAt.getTime() - 3 * 86_400_000);
    expect(await cancelBooking(world.municipality, resident.id, application.id, afternoon!.id, threeDaysBefore)).toEqual({ ok: true });
    const refunds = (await ledgerOf(world.municipality.id, application.id)).filter((e) => e.kind === "REFUND").map((e) => e.amount);
    expect(refunds).toEqual([-morning!.fee, -Math.ceil(afternoon!.fee / 2)]);
    const after = await db.application.findUniqueOrThrow({ where: { id: application.id } });
    expect(after).toMatchObject({ status: "CANCELLED", totalFee: afternoon!.fee - Math.ceil(afternoon!.fee / 2) });
    // reconciliation: what the ledger says is paid equals what the application still costs
    expect(await paidOf(db, application.id)).toBe(after.totalFee);
  });

  it("refunds nothing and charges nothing for an unpaid application", async () => {
    const application = await submit([slotOn(freshDate())]);
    expect(await cancelBooking(world.municipality, resident.id, application.id, undefined, now)).toEqual({ ok: true });
    expect(await ledgerOf(world.municipality.id, application.id)).toEqual([]);
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "CANCELLED", totalFee: 0 });
  });
});

describe("reconciliation across the municipality", () => {
  it("every application's ledger sum matches its state", async () => {
    const applications = await db.application.findMany({ where: { municipalityId: world.municipality.id }, select: { id: true, status: true, totalFee: true } });
    for (const a of applications) {
      const paid = await paidOf(db, a.id);
      expect(paid, `application ${a.id}`).toBeGreaterThanOrEqual(0);
      expect(paid, `application ${a.id}`).toBeLessThanOrEqual(a.totalFee);
      if (a.status === "EXPIRED") expect(paid).toBe(0);
    }
  });
});

describe("cancelled by the municipality", () => {
  it("refunds a paid application in full, even on the day, and tells the applicant why", async () => {
    const application = await submit([slotOn(freshDate())]);
    await recordCounterPayment(world.municipality, staff.id, application.number, { method: "CASH", amount: application.totalFee, receiptNumber: "R-0005" }, now);
    const onTheDay = new Date(application.items[0]!.startsAt.getTime() - 3_600_000);
    const result = await cancelForMunicipality(world.municipality, staff.id, application.id, "空調工事のため臨時休館", onTheDay);
    expect(result).toEqual({ ok: true, refund: application.totalFee });
    expect(await paidOf(db, application.id)).toBe(0);
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "CANCELLED", totalFee: 0 });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: resident.email, body: { contains: "空調工事のため臨時休館" } } });
    expect(mail.body).toContain("施設の都合により");
    expect(await cancelForMunicipality(world.municipality, staff.id, application.id, "二度目", onTheDay)).toEqual({ ok: false, code: "ALREADY_CANCELLED" });
    const other = await createMunicipality();
    expect(await cancelForMunicipality(other.municipality, staff.id, application.id, "よそ", onTheDay)).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});
