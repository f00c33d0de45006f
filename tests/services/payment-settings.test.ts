import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, type IsoDate, isoDateFromDbDate, todayIn } from "~/domain/calendar";
import type { PaymentSettingsInput } from "~/domain/payment-settings";
import { cancelBooking, refundPreview, submitApplication } from "~/services/booking.server";
import { findMunicipalityById, type Municipality } from "~/services/catalog.server";
import { configureMailer } from "~/services/mail.server";
import { ledgerOf, recordCounterPayment } from "~/services/payments.server";
import { paymentSettingsOf, updatePaymentSettings } from "~/services/payment-settings.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, nextOpenDate } from "../factories/municipality";

configureMailer(null);

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
let world: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
let resident: { id: string };
let staff: { id: string };

let nextDay = addDays(today, 10);
function freshDate(): IsoDate {
  const date = nextOpenDate(nextDay);
  nextDay = addDays(date, 1);
  return date;
}

const good: PaymentSettingsInput = {
  onlineMethods: ["card", "paypay"],
  counterHoldDays: 3,
  checkoutHoldMinutes: 45,
  confirmBeforePayment: false,
  tiers: [
    { daysBefore: 10, percent: 100 },
    { daysBefore: 3, percent: 80 },
    { daysBefore: null, percent: null },
    { daysBefore: 0, percent: 20 },
  ],
};

const reload = async (id: string): Promise<Municipality> => (await findMunicipalityById(id))!;
const settingsRow = (id: string) =>
  db.municipality.findUniqueOrThrow({
    where: { id },
    select: { onlineMethods: true, counterHoldDays: true, checkoutHoldMinutes: true, confirmBeforePayment: true, cancellationPolicy: true },
  });
const auditCount = (municipalityId: string) => db.auditEvent.count({ where: { municipalityId, action: "municipality.payment_settings_changed" } });

async function submit(municipality: Municipality, date: IsoDate, at = now) {
  const result = await submitApplication(
    municipality,
    resident.id,
    { slots: [{ roomId: world.rooms.small.id, timeFrameId: world.rooms.small.frames[0]!.id, date }], purpose: "会議", headcount: 5, contactPhone: "090-1111-2222", idempotencyKey: randomUUID() },
    at,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return db.application.findUniqueOrThrow({ where: { id: result.applicationId }, include: { items: true } });
}

beforeAll(async () => {
  world = await createMunicipality();
  other = await createMunicipality();
  resident = await createResident(world.municipality.id);
  staff = await createResident(world.municipality.id, "職員");
});

describe("updatePaymentSettings", () => {
  it("saves every setting at once and records before and after", async () => {
    const before = await settingsRow(world.municipality.id);
    expect(await updatePaymentSettings(world.municipality, staff.id, good)).toEqual({ ok: true, changed: true });
    const saved = await reload(world.municipality.id);
    expect(paymentSettingsOf(saved)).toEqual({
      onlineMethods: ["card", "paypay"],
      counterHoldDays: 3,
      checkoutHoldMinutes: 45,
      confirmBeforePayment: false,
      cancellationPolicy: [
        { daysBefore: 10, percent: 100 },
        { daysBefore: 3, percent: 80 },
        { daysBefore: 0, percent: 20 },
      ],
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { municipalityId: world.municipality.id, action: "municipality.payment_settings_changed" } });
    expect(event).toMatchObject({ actorId: staff.id, entity: "Municipality", entityId: world.municipality.id });
    const details = event.details as { before: typeof before; after: unknown };
    expect(details.before).toMatchObject({ ...before, cancellationPolicy: expect.any(Array) });
    expect(details.after).toEqual(paymentSettingsOf(saved));
  });

  it("saving the same settings again changes and records nothing", async () => {
    const events = await auditCount(world.municipality.id);
    expect(await updatePaymentSettings(world.municipality, staff.id, good)).toEqual({ ok: true, changed: false });
    expect(await auditCount(world.municipality.id)).toBe(events);
  });

  const bad: [string, Partial<PaymentSettingsInput>, string][] = [
    ["no online method", { onlineMethods: [] }, "onlineMethods"],
    ["an unknown online method", { onlineMethods: ["card", "alipay"] }, "onlineMethods"],
    ["hold days not a number", { counterHoldDays: Number.NaN }, "counterHoldDays"],
    ["hold days 0", { counterHoldDays: 0 }, "counterHoldDays"],
    ["hold days 31", { counterHoldDays: 31 }, "counterHoldDays"],
    ["checkout 30 minutes (Stripe's minimum)", { checkoutHoldMinutes: 30 }, "checkoutHoldMinutes"],
    ["checkout 181 minutes", { checkoutHoldMinutes: 181 }, "checkoutHoldMinutes"],
    ["confirm not chosen", { confirmBeforePayment: null }, "confirmBeforePayment"],
    ["a row without days", { tiers: [{ daysBefore: null, percent: 50 }, { daysBefore: 0, percent: 0 }] }, "days-0"],
    ["a row without a percentage", { tiers: [{ daysBefore: 0, percent: 0 }, { daysBefore: 5, percent: null }] }, "percent-1"],
    ["days in letters", { tiers: [{ daysBefore: Number.NaN, percent: 50 }, { daysBefore: 0, percent: 0 }] }, "days-0"],
    ["101 %", { tiers: [{ daysBefore: 0, percent: 101 }] }, "percent-0"],
    ["366 days", { tiers: [{ daysBefore: 366, percent: 100 }, { daysBefore: 0, percent: 0 }] }, "days-0"],
    ["the same days twice", { tiers: [{ daysBefore: 5, percent: 100 }, { daysBefore: 5, percent: 50 }, { daysBefore: 0, percent: 0 }] }, "days-1"],
    ["a later cancellation refunding more", { tiers: [{ daysBefore: 5, percent: 50 }, { daysBefore: 2, percent: 100 }, { daysBefore: 0, percent: 0 }] }, "percent-1"],
    ["no tiers", { tiers: [{ daysBefore: null, percent: null }] }, "policy"],
    ["no same-day tier", { tiers: [{ daysBefore: 7, percent: 100 }] }, "policy"],
  ];
  it.each(bad)("refuses %s on its field and saves nothing", async (_, change, field) => {
    const before = await settingsRow(world.municipality.id);
    const events = await auditCount(world.municipality.id);
    // another field changed too, so a partial save would show
    const result = await updatePaymentSettings(world.municipality, staff.id, { ...good, counterHoldDays: 5, ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.problems)).toContain(field);
    expect(await settingsRow(world.municipality.id)).toEqual(before);
    expect(await auditCount(world.municipality.id)).toBe(events);
  });

  it("leaves another municipality as it was", async () => {
    const before = await settingsRow(other.municipality.id);
    await updatePaymentSettings(world.municipality, staff.id, { ...good, counterHoldDays: 14 });
    expect(await settingsRow(other.municipality.id)).toEqual(before);
    expect(await auditCount(other.municipality.id)).toBe(0);
  });
});

describe("the saved settings apply from now on", () => {
  it("holds new counter applications for the new number of days, or confirms them at once; older holds keep theirs", async () => {
    await updatePaymentSettings(world.municipality, staff.id, { ...good, counterHoldDays: 2 });
    const held = await submit(await reload(world.municipality.id), freshDate());
    expect(held.status).toBe("TENTATIVE");
    expect((held.holdExpiresAt!.getTime() - now.getTime()) / 86_400_000).toBeCloseTo(2, 5);

    await updatePaymentSettings(world.municipality, staff.id, { ...good, confirmBeforePayment: true });
    const confirmed = await submit(await reload(world.municipality.id), freshDate());
    expect(confirmed).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    // the earlier application is not touched by the change
    expect((await db.application.findUniqueOrThrow({ where: { id: held.id } })).holdExpiresAt).toEqual(held.holdExpiresAt);
  });

  it("refunds by the saved policy: all of it on the day when staff say so", async () => {
    const before = await reload(world.municipality.id);
    const date = freshDate();
    const application = await submit(before, date);
    await recordCounterPayment(before, staff.id, application.number, { method: "CASH", amount: application.totalFee, receiptNumber: "R-1" }, now);
    const item = application.items[0]!;
    const onTheDay = new Date(item.startsAt.getTime() - 2 * 3_600_000);
    expect(todayIn("Asia/Tokyo", onTheDay)).toBe(date);
    const preview = (m: Municipality) => refundPreview(m, { id: application.id, totalFee: application.totalFee, items: [{ id: item.id, fee: item.fee, date: isoDateFromDbDate(item.useDate) }] }, onTheDay);
    // as saved above: 20 % on the day
    expect((await preview(before))[0]).toMatchObject({ percent: 20 });

    expect(await updatePaymentSettings(world.municipality, staff.id, { ...good, tiers: [{ daysBefore: 0, percent: 100 }] })).toEqual({ ok: true, changed: true });
    const after = await reload(world.municipality.id);
    expect((await preview(after))[0]).toMatchObject({ percent: 100, refund: item.fee, charge: 0 });
    expect(await cancelBooking(after, resident.id, application.id, undefined, onTheDay)).toEqual({ ok: true });
    const refunds = (await ledgerOf(world.municipality.id, application.id)).filter((e) => e.kind === "REFUND").map((e) => e.amount);
    expect(refunds).toEqual([-item.fee]);
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ status: "CANCELLED", totalFee: 0 });
  });
});
