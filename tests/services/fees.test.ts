import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dbDateFromIsoDate, type IsoDate, todayIn, weekday } from "~/domain/calendar";
import { holidayName } from "~/domain/closures";
import type { FeeBreakdown } from "~/domain/fees";
import { roomDay } from "~/services/availability.server";
import { submitApplication, type ApplicationInput } from "~/services/booking.server";
import { decideExemption, pendingExemptions } from "~/services/exemptions.server";
import { configureMailer } from "~/services/mail.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, HOLIDAY_EXTRA } from "../factories/municipality";

configureMailer(null);

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
let world: Awaited<ReturnType<typeof createMunicipality>>;
let resident: { id: string; email: string };
let staff: { id: string };
let categories: { half: string; full: string };

const used = new Set<IsoDate>();
/** The first date from `from`, not used by another test, when the facility is open with the day type. */
function nextDate(from: IsoDate, holiday: boolean) {
  for (let date = from; ; date = addDays(date, 1)) {
    const w = weekday(date);
    if (used.has(date)) continue;
    if (w === 1 || holidayName(date) || date.slice(5) >= "12-29" || date.slice(5) <= "01-03") continue;
    if ((w === 0 || w === 6) === holiday) {
      used.add(date);
      return date;
    }
  }
}

const input = (date: IsoDate, extra: Partial<ApplicationInput> = {}, frame = 0): ApplicationInput => ({
  slots: [{ roomId: world.rooms.small.id, timeFrameId: world.rooms.small.frames[frame]!.id, date }],
  purpose: "会議",
  headcount: 5,
  contactPhone: "090-1111-2222",
  idempotencyKey: randomUUID(),
  ...extra,
});

async function itemsOf(applicationId: string) {
  return db.applicationItem.findMany({ where: { applicationId }, select: { fee: true, feeBreakdown: true, exemptBreakdown: true } });
}

beforeAll(async () => {
  world = await createMunicipality();
  resident = await createResident(world.municipality.id);
  staff = await createResident(world.municipality.id, "職員");
  const category = (name: string, percent: number) =>
    db.exemptionCategory.create({ data: { municipalityId: world.municipality.id, name, percent, needsApproval: true } });
  categories = { half: (await category("5割減額", 50)).id, full: (await category("免除", 100)).id };
});

describe("fees in the booking flow", () => {
  it("shows the weekday fee on weekdays and the holiday fee on weekends", async () => {
    const weekdayDate = nextDate(addDays(today, 7), false);
    const weekendDate = nextDate(addDays(today, 7), true);
    const frame = world.rooms.small.frames[0]!;
    const onWeekday = await roomDay(world.municipality, world.rooms.small.id, weekdayDate, now);
    const onWeekend = await roomDay(world.municipality, world.rooms.small.id, weekendDate, now);
    expect(onWeekday!.frames[0]!.fee).toBe(frame.fee);
    expect(onWeekend!.frames[0]!.fee).toBe(frame.fee + HOLIDAY_EXTRA);
  });

  it("charges a non-resident's commercial use by the schedule's multipliers and keeps the breakdown", async () => {
    const date = nextDate(addDays(today, 8), false);
    const result = await submitApplication(world.municipality, resident.id, input(date, { facts: { resident: false, commercial: true, admissionCharged: false } }), now);
    expect(result.ok).toBe(true);
    const [item] = await itemsOf((result as { applicationId: string }).applicationId);
    const base = world.rooms.small.frames[0]!.fee; // 1,200: ×1.5 → 1,800, ×2 → 3,600
    expect(item!.fee).toBe(base * 3);
    expect((item!.feeBreakdown as FeeBreakdown).lines.map((l) => l.kind)).toEqual(["BASE", "ADJUSTMENT", "ADJUSTMENT"]);
    const application = await db.application.findUniqueOrThrow({ where: { id: (result as { applicationId: string }).applicationId } });
    expect(application).toMatchObject({ resident: false, commercial: true, totalFee: base * 3, exemptionStatus: "NONE" });
  });

  it("adds the air-conditioning surcharge to each slot when it is used", async () => {
    await db.feeSchedule.update({ where: { id: world.schedule.id }, data: { airconFee: 300 } });
    try {
      const date = nextDate(addDays(today, 8), false);
      const result = await submitApplication(world.municipality, resident.id, input(date, { aircon: true }), now);
      const id = (result as { applicationId: string }).applicationId;
      const [item] = await itemsOf(id);
      expect(item!.fee).toBe(world.rooms.small.frames[0]!.fee + 300);
      expect((item!.feeBreakdown as FeeBreakdown).lines).toContainEqual({ kind: "SURCHARGE", name: "冷暖房", unitFee: 300, quantity: 1, amount: 300 });
      expect((await db.application.findUniqueOrThrow({ where: { id } })).aircon).toBe(true);
    } finally {
      await db.feeSchedule.update({ where: { id: world.schedule.id }, data: { airconFee: 0 } });
    }
  });

  it("charges a date after a revision by the revised fee, and leaves earlier bookings as they were", async () => {
    const before = nextDate(addDays(today, 9), false);
    const booked = await submitApplication(world.municipality, resident.id, input(before, {}, 1), now);
    const revisionDate = addDays(before, 1);
    const revision = await db.feeSchedule.create({ data: { municipalityId: world.municipality.id, effectiveFrom: dbDateFromIsoDate(revisionDate) } });
    await db.feeRate.createMany({
      data: world.rooms.small.frames.flatMap((f) =>
        (["WEEKDAY", "HOLIDAY"] as const).map((dayType) => ({ municipalityId: world.municipality.id, scheduleId: revision.id, timeFrameId: f.id, dayType, amount: 2000 })),
      ),
    });
    try {
      const after = nextDate(revisionDate, false);
      const revised = await submitApplication(world.municipality, resident.id, input(after, {}, 1), now);
      expect((await itemsOf((revised as { applicationId: string }).applicationId))[0]!.fee).toBe(2000);
      const again = await submitApplication(world.municipality, resident.id, input(before, {}, 2), now);
      expect((await itemsOf((again as { applicationId: string }).applicationId))[0]!.fee).toBe(world.rooms.small.frames[2]!.fee);
      expect((await itemsOf((booked as { applicationId: string }).applicationId))[0]!.fee).toBe(world.rooms.small.frames[1]!.fee);
    } finally {
      await db.feeSchedule.delete({ where: { id: revision.id } });
    }
  });

  it("refuses a date no fee schedule covers, and another municipality's exemption, saving nothing", async () => {
    const other = await createMunicipality();
    const foreign = await db.exemptionCategory.create({ data: { municipalityId: other.municipality.id, name: "他市", percent: 100 } });
    const count = await db.application.count();
    const date = nextDate(addDays(today, 10), false);
    expect(await submitApplication(world.municipality, resident.id, input(date, { exemption: { categoryId: foreign.id, grounds: "x" } }), now)).toMatchObject({
      ok: false,
      problems: [{ code: "UNKNOWN_EXEMPTION" }],
    });
    await db.feeRate.deleteMany({ where: { timeFrameId: world.rooms.small.frames[0]!.id } });
    try {
      expect(await submitApplication(world.municipality, resident.id, input(date), now)).toMatchObject({ ok: false, problems: [{ code: "NO_FEE_RULE", item: 0 }] });
    } finally {
      await db.feeRate.createMany({
        data: (["WEEKDAY", "HOLIDAY"] as const).map((dayType) => ({
          municipalityId: world.municipality.id,
          scheduleId: world.schedule.id,
          timeFrameId: world.rooms.small.frames[0]!.id,
          dayType,
          amount: world.rooms.small.frames[0]!.fee + (dayType === "HOLIDAY" ? HOLIDAY_EXTRA : 0),
        })),
      });
    }
    expect(await db.application.count()).toBe(count);
  });
});

describe("exemptions", () => {
  it("wait for staff: the fee stays until approval, then the 50% price is what is due", async () => {
    const date = nextDate(addDays(today, 11), false);
    const result = await submitApplication(world.municipality, resident.id, input(date, { exemption: { categoryId: categories.half, grounds: "俳句の会の例会" } }), now);
    const id = (result as { applicationId: string }).applicationId;
    const base = world.rooms.small.frames[0]!.fee;
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ exemptionStatus: "PENDING", totalFee: base, exemptionGrounds: "俳句の会の例会" });
    expect((await pendingExemptions(world.municipality.id)).map((a) => a.id)).toContain(id);

    expect(await decideExemption(world.municipality, staff.id, id, { approve: true, reason: "" }, now)).toMatchObject({ ok: true });
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ exemptionStatus: "APPROVED", totalFee: base / 2 });
    const [item] = await itemsOf(id);
    expect(item!.fee).toBe(base / 2);
    expect((item!.feeBreakdown as FeeBreakdown).lines.map((l) => l.kind)).toEqual(["BASE", "EXEMPTION"]);
    expect(await decideExemption(world.municipality, staff.id, id, { approve: false, reason: "x" }, now)).toEqual({ ok: false, code: "ALREADY_DECIDED" });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: resident.email }, orderBy: { createdAt: "desc" } });
    expect(mail.body).toContain(`${(base / 2).toLocaleString("ja-JP")}円`);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "exemption.approved" } });
    expect(event.details).toMatchObject({ before: { totalFee: base }, after: { totalFee: base / 2 } });
  });

  it("rejected: nothing changes but the status, and the reason reaches the applicant", async () => {
    const date = nextDate(addDays(today, 12), false);
    const result = await submitApplication(world.municipality, resident.id, input(date, { exemption: { categoryId: categories.full, grounds: "町内会" } }), now);
    const id = (result as { applicationId: string }).applicationId;
    const base = world.rooms.small.frames[0]!.fee;
    await decideExemption(world.municipality, staff.id, id, { approve: false, reason: "対象の団体ではありません" }, now);
    expect(await db.application.findUniqueOrThrow({ where: { id } })).toMatchObject({ exemptionStatus: "REJECTED", totalFee: base });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: resident.email }, orderBy: { createdAt: "desc" } });
    expect(mail.body).toContain("対象の団体ではありません");
  });

  it("cannot be decided from another municipality", async () => {
    const other = await createMunicipality();
    const date = nextDate(addDays(today, 13), false);
    const result = await submitApplication(world.municipality, resident.id, input(date, { exemption: { categoryId: categories.full, grounds: "x" } }), now);
    const id = (result as { applicationId: string }).applicationId;
    expect(await decideExemption(other.municipality, staff.id, id, { approve: true, reason: "" }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await db.application.findUniqueOrThrow({ where: { id } })).exemptionStatus).toBe("PENDING");
  });
});

describe("staff editing fee rules", () => {
  const ratesFor = (frames: { id: string }[], amount: number) =>
    Object.fromEntries(frames.flatMap((f) => ["WEEKDAY", "HOLIDAY"].map((d) => [`${f.id}:${d}`, amount])));
  const schedule = (effectiveFrom: string, rates: Record<string, number>, extra = {}) => ({
    effectiveFrom,
    nonResidentPercent: 150,
    commercialPercent: 200,
    admissionPercent: 150,
    roundingUnit: 10,
    airconFee: 300,
    rates,
    ...extra,
  });

  it("add a revision from a future date, audited; bad input is refused whole with its reasons", async () => {
    const { addFeeSchedule } = await import("~/services/fees.server");
    const tenant = await createMunicipality();
    const frames = Object.values(tenant.rooms).flatMap((r) => r.frames);
    const count = () => db.feeSchedule.count({ where: { municipalityId: tenant.municipality.id } });
    const before = await count();
    const future = addDays(today, 60);
    const refuse = async (input: ReturnType<typeof schedule>, problem: string) => {
      const result = await addFeeSchedule(tenant.municipality, staff.id, input, now);
      expect(result).toMatchObject({ ok: false });
      expect((result as { problems: string[] }).problems).toContain(problem);
    };
    await refuse(schedule(future, { ...ratesFor(frames, 1000), [`${frames[0]!.id}:WEEKDAY`]: -1 }), "NEGATIVE_FEE");
    await refuse(schedule(future, ratesFor(frames, 1000), { nonResidentPercent: 1001 }), "PERCENT_OUT_OF_RANGE");
    await refuse(schedule(future, ratesFor(frames, 1000), { roundingUnit: 5 }), "BAD_ROUNDING_UNIT");
    await refuse(schedule(today, ratesFor(frames, 1000)), "IN_THE_PAST");
    await refuse(schedule("2000-01-01", ratesFor(frames, 1000)), "DUPLICATE_EFFECTIVE_DATE");
    await refuse(schedule(future, ratesFor(frames.slice(1), 1000)), "MISSING_RATE");
    await refuse(schedule(future, { ...ratesFor(frames, 1000), ...ratesFor(world.rooms.small.frames, 1000) }), "UNKNOWN_TIME_FRAME");
    expect(await count()).toBe(before);

    const added = await addFeeSchedule(tenant.municipality, staff.id, schedule(future, ratesFor(frames, 1500)), now);
    expect(added.ok).toBe(true);
    expect(await count()).toBe(before + 1);
    expect(await db.auditEvent.count({ where: { municipalityId: tenant.municipality.id, action: "fees.schedule_added" } })).toBe(1);
    const day = await roomDay(tenant.municipality, tenant.rooms.small.id, nextDate(future, false), now);
    expect(day!.frames[0]!.fee).toBe(1500);
  });

  it("refuse an exemption over 100 %", async () => {
    const { addExemptionCategory } = await import("~/services/fees.server");
    const input = { name: "x", percent: 101, coversBase: true, coversAdjustments: false, coversSurcharges: false, needsApproval: true, evidencePrompt: "" };
    expect(await addExemptionCategory(world.municipality.id, staff.id, input)).toEqual({ ok: false, problems: ["PERCENT_OUT_OF_RANGE"] });
    expect(await addExemptionCategory(world.municipality.id, staff.id, { ...input, percent: 30 })).toMatchObject({ ok: true });
  });
});
