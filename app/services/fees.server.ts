import { dbDateFromIsoDate, type IsoDate, isoDateFromDbDate, todayIn } from "~/domain/calendar";
import {
  type ApplicantFacts,
  checkFeeRules,
  type DayType,
  type ExemptionTerms,
  type FeeBreakdown,
  type FeeRuleProblem,
  type FeeRules,
  quoteSlot,
  scheduleInForce,
} from "~/domain/fees";
import { dayTypeOn } from "~/domain/time-frames";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";

export { dayTypeOn };

type Client = Pick<Prisma.TransactionClient, "feeSchedule" | "exemptionCategory">;

export type FeeTable = {
  schedules: {
    id: string;
    effectiveFrom: IsoDate;
    rules: FeeRules;
    rates: Map<string, number>;
    airconFee: number;
    /** fee per unit per slot, by equipment id */
    equipmentFees: Map<string, number>;
  }[];
};

/** What the applicant adds to one slot: air-conditioning or heating, equipment of its facility. */
export type Extras = { aircon: boolean; equipment: readonly { id: string; name: string; quantity: number }[] };
export const NO_EXTRAS: Extras = { aircon: false, equipment: [] };
/** The surcharge's name on every breakdown (data, like category names: not translated). */
const AIRCON = "冷暖房";

/** The columns of a fee schedule that are rules (multipliers, rounding, surcharges). */
const SCHEDULE_RULES = {
  nonResidentPercent: true,
  commercialPercent: true,
  admissionPercent: true,
  roundingUnit: true,
  airconFee: true,
} as const;

/** Every fee schedule of the municipality with its rates (a handful of rows per room). */
export async function loadFeeTable(municipalityId: string, client: Client = db): Promise<FeeTable> {
  const schedules = await client.feeSchedule.findMany({
    where: { municipalityId },
    orderBy: { effectiveFrom: "asc" },
    select: {
      id: true,
      effectiveFrom: true,
      ...SCHEDULE_RULES,
      rates: { select: { timeFrameId: true, dayType: true, amount: true } },
      equipmentRates: { select: { equipmentId: true, amount: true } },
    },
  });
  return {
    schedules: schedules.map((s) => ({
      id: s.id,
      effectiveFrom: isoDateFromDbDate(s.effectiveFrom),
      rules: {
        adjustments: { NON_RESIDENT: s.nonResidentPercent, COMMERCIAL: s.commercialPercent, ADMISSION: s.admissionPercent },
        roundingUnit: s.roundingUnit,
      },
      rates: new Map(s.rates.map((r) => [`${r.timeFrameId}:${r.dayType}`, r.amount])),
      airconFee: s.airconFee,
      equipmentFees: new Map(s.equipmentRates.map((r) => [r.equipmentId, r.amount])),
    })),
  };
}

/** The base fee of a time frame on a date of use, by the schedule in force then (null: none). */
export function baseFeeOn(table: FeeTable, timeFrameId: string, date: IsoDate) {
  const schedule = scheduleInForce(table.schedules, date);
  const amount = schedule?.rates.get(`${timeFrameId}:${dayTypeOn(date)}`);
  return schedule && amount !== undefined ? { amount, schedule } : null;
}

/** The breakdown of one slot for an applicant, or null when no fee rule covers it or its equipment. */
export function quoteFor(
  table: FeeTable,
  slot: { timeFrameId: string; date: IsoDate },
  facts: ApplicantFacts,
  exemption: ExemptionTerms | null = null,
  extras: Extras = NO_EXTRAS,
): FeeBreakdown | null {
  const base = baseFeeOn(table, slot.timeFrameId, slot.date);
  if (!base) return null;
  const { schedule } = base;
  const surcharges = extras.aircon && schedule.airconFee > 0 ? [{ name: AIRCON, unitFee: schedule.airconFee, quantity: 1 }] : [];
  for (const { id, name, quantity } of extras.equipment) {
    const unitFee = schedule.equipmentFees.get(id);
    if (unitFee === undefined) return null;
    surcharges.push({ name, unitFee, quantity });
  }
  return quoteSlot({ baseFee: base.amount, rules: schedule.rules, facts, exemption, surcharges });
}

export type ExemptionCategoryView = ExemptionTerms & { needsApproval: boolean; evidencePrompt: string };

export async function listExemptionCategories(municipalityId: string, client: Client = db): Promise<ExemptionCategoryView[]> {
  const rows = await client.exemptionCategory.findMany({
    where: { municipalityId, active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => ({ ...exemptionTermsOf(r), needsApproval: r.needsApproval, evidencePrompt: r.evidencePrompt }));
}

/** Every category, offered or retired, for staff. */
export function allExemptionCategories(municipalityId: string) {
  return db.exemptionCategory.findMany({
    where: { municipalityId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, percent: true, active: true },
  });
}

/**
 * Retires a category (no longer offered to applicants; applications and groups that have it
 * keep it) or offers it again. Audited; false when the category is not the municipality's.
 */
export async function setExemptionCategoryActive(municipalityId: string, staffId: string, categoryId: string, active: boolean) {
  return db.$transaction(async (tx) => {
    const row = await tx.exemptionCategory.findFirst({ where: { id: categoryId, municipalityId }, select: { active: true, name: true } });
    if (!row) return null;
    if (row.active !== active) {
      await tx.exemptionCategory.update({ where: { id: categoryId }, data: { active } });
      await audit(tx, {
        municipalityId,
        actorId: staffId,
        action: active ? "fees.exemption_category_offered" : "fees.exemption_category_retired",
        entity: "ExemptionCategory",
        entityId: categoryId,
        details: { before: { active: row.active }, after: { active } },
      });
    }
    return { name: row.name };
  });
}

/** The terms the fee function needs, from an ExemptionCategory row. */
export function exemptionTermsOf(row: {
  id: string;
  name: string;
  percent: number;
  coversBase: boolean;
  coversAdjustments: boolean;
  coversSurcharges: boolean;
}): ExemptionTerms {
  const { id, name, percent, coversBase, coversAdjustments, coversSurcharges } = row;
  return { categoryId: id, name, percent, coversBase, coversAdjustments, coversSurcharges };
}

/** The fees of the time frames of some rooms on today's schedule, for the facility page. */
export async function currentRates(municipalityId: string, today: IsoDate) {
  const table = await loadFeeTable(municipalityId);
  const schedule = scheduleInForce(table.schedules, today);
  return (timeFrameId: string) => ({
    weekday: schedule?.rates.get(`${timeFrameId}:WEEKDAY`) ?? null,
    holiday: schedule?.rates.get(`${timeFrameId}:HOLIDAY`) ?? null,
  });
}


export type NewSchedule = {
  effectiveFrom: IsoDate;
  airconFee: number;
  nonResidentPercent: number;
  commercialPercent: number;
  admissionPercent: number;
  roundingUnit: number;
  /** base fees by `${timeFrameId}:${dayType}` */
  rates: Record<string, number>;
  /** fee per unit per slot by equipment id: every active equipment (retired ones may be priced) */
  equipmentRates?: Record<string, number>;
};

export type ScheduleProblem = FeeRuleProblem | "UNKNOWN_TIME_FRAME" | "UNKNOWN_EQUIPMENT" | "MISSING_RATE" | "IN_THE_PAST";

/**
 * Adds a fee schedule from a date (a revision), every offered time frame priced for each of its
 * day types and every active equipment priced (retired frames may be priced).
 * Checked first (one domain rule set, checkFeeRules); saved whole or not at all, audited.
 */
export async function addFeeSchedule(
  municipality: { id: string; timeZone: string },
  staffId: string,
  input: NewSchedule,
  now: Date,
): Promise<{ ok: true; id: string } | { ok: false; problems: ScheduleProblem[] }> {
  const equipmentRates = input.equipmentRates ?? {};
  const [frames, existing, equipment] = await Promise.all([
    db.timeFrame.findMany({ where: { municipalityId: municipality.id }, select: { id: true, dayTypes: true, active: true, room: { select: { active: true } } } }),
    db.feeSchedule.findMany({ where: { municipalityId: municipality.id }, select: { effectiveFrom: true } }),
    db.equipment.findMany({ where: { municipalityId: municipality.id }, select: { id: true, active: true } }),
  ]);
  const frameIds = new Set(frames.map((f) => f.id));
  const equipmentIds = new Set(equipment.map((e) => e.id));
  const problems: ScheduleProblem[] = checkFeeRules({
    fees: [...Object.values(input.rates), ...Object.values(equipmentRates), input.airconFee],
    adjustments: [input.nonResidentPercent, input.commercialPercent, input.admissionPercent],
    exemptionPercents: [],
    roundingUnit: input.roundingUnit,
    effectiveFrom: input.effectiveFrom,
    otherEffectiveDates: existing.map((s) => isoDateFromDbDate(s.effectiveFrom)),
  });
  if (Object.keys(input.rates).some((key) => !frameIds.has(key.split(":")[0]!))) problems.push("UNKNOWN_TIME_FRAME");
  if (Object.keys(equipmentRates).some((id) => !equipmentIds.has(id))) problems.push("UNKNOWN_EQUIPMENT");
  if (
    frames.some((f) => f.active && f.room.active && f.dayTypes.some((d) => input.rates[`${f.id}:${d}`] === undefined)) ||
    equipment.some((e) => e.active && equipmentRates[e.id] === undefined)
  ) {
    problems.push("MISSING_RATE");
  }
  // bookings already made keep their price, but a schedule should not rewrite the past either
  if (input.effectiveFrom <= todayIn(municipality.timeZone, now)) problems.push("IN_THE_PAST");
  if (problems.length > 0) return { ok: false, problems };
  try {
    const schedule = await db.$transaction(async (tx) => {
      const created = await tx.feeSchedule.create({
        data: {
          municipalityId: municipality.id,
          effectiveFrom: dbDateFromIsoDate(input.effectiveFrom),
          nonResidentPercent: input.nonResidentPercent,
          commercialPercent: input.commercialPercent,
          admissionPercent: input.admissionPercent,
          roundingUnit: input.roundingUnit,
          airconFee: input.airconFee,
        },
      });
      await tx.feeRate.createMany({
        data: Object.entries(input.rates).map(([key, amount]) => {
          const [timeFrameId, dayType] = key.split(":") as [string, DayType];
          return { municipalityId: municipality.id, scheduleId: created.id, timeFrameId, dayType, amount };
        }),
      });
      await tx.equipmentRate.createMany({
        data: Object.entries(equipmentRates).map(([equipmentId, amount]) => ({ municipalityId: municipality.id, scheduleId: created.id, equipmentId, amount })),
      });
      await audit(tx, {
        municipalityId: municipality.id,
        actorId: staffId,
        action: "fees.schedule_added",
        entity: "FeeSchedule",
        entityId: created.id,
        details: { before: null, after: { ...input, equipmentRates } },
      });
      return created;
    });
    return { ok: true, id: schedule.id };
  } catch (error) {
    // two staff adding the same date at once: the unique index decides
    if ((error as { code?: string }).code === "P2002") return { ok: false, problems: ["DUPLICATE_EFFECTIVE_DATE"] };
    throw error;
  }
}

/** The rooms and frames a new fee schedule prices: offered ones, each frame with its day types. */
export function pricedFrames(municipalityId: string) {
  return db.room.findMany({
    where: { municipalityId, active: true },
    orderBy: [{ facility: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    select: {
      id: true,
      name: true,
      facility: { select: { name: true } },
      timeFrames: { where: { active: true }, orderBy: { sortOrder: "asc" }, select: { id: true, name: true, dayTypes: true } },
    },
  });
}

export async function listFeeSchedules(municipalityId: string) {
  const rows = await db.feeSchedule.findMany({
    where: { municipalityId },
    orderBy: { effectiveFrom: "desc" },
    select: {
      id: true,
      effectiveFrom: true,
      ...SCHEDULE_RULES,
      _count: { select: { rates: true } },
      equipmentRates: {
        orderBy: [{ equipment: { facility: { sortOrder: "asc" } } }, { equipment: { sortOrder: "asc" } }],
        select: { amount: true, equipment: { select: { name: true, facility: { select: { name: true } } } } },
      },
    },
  });
  return rows.map(({ effectiveFrom, _count, equipmentRates, ...s }) => ({
    ...s,
    effectiveFrom: isoDateFromDbDate(effectiveFrom),
    rates: _count.rates,
    equipment: equipmentRates.map((r) => ({ name: `${r.equipment.facility.name} ${r.equipment.name}`, fee: r.amount })),
  }));
}

export type NewExemptionCategory = {
  name: string;
  percent: number;
  coversBase: boolean;
  coversAdjustments: boolean;
  coversSurcharges: boolean;
  needsApproval: boolean;
  evidencePrompt: string;
};

export async function addExemptionCategory(municipalityId: string, staffId: string, input: NewExemptionCategory) {
  const problems = checkFeeRules({ fees: [], adjustments: [], exemptionPercents: [input.percent], roundingUnit: 10 });
  if (problems.length > 0) return { ok: false as const, problems };
  const category = await db.$transaction(async (tx) => {
    const count = await tx.exemptionCategory.count({ where: { municipalityId } });
    const created = await tx.exemptionCategory.create({ data: { municipalityId, ...input, sortOrder: count } });
    await audit(tx, {
      municipalityId,
      actorId: staffId,
      action: "fees.exemption_category_added",
      entity: "ExemptionCategory",
      entityId: created.id,
      details: { before: null, after: { ...input } },
    });
    return created;
  });
  return { ok: true as const, id: category.id };
}
