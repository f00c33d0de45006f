import { type IsoDate, isoDateFromDbDate, weekday } from "~/domain/calendar";
import { holidayName, isYearEnd } from "~/domain/closures";
import {
  type ApplicantFacts,
  dayTypeOf,
  type ExemptionTerms,
  type FeeBreakdown,
  type FeeRules,
  quoteSlot,
  scheduleInForce,
} from "~/domain/fees";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

type Client = Pick<Prisma.TransactionClient, "feeSchedule" | "exemptionCategory">;

export type FeeTable = {
  schedules: { effectiveFrom: IsoDate; rules: FeeRules; rates: Map<string, number> }[];
};

/** Every fee schedule of the municipality with its rates (a handful of rows per room). */
export async function loadFeeTable(municipalityId: string, client: Client = db): Promise<FeeTable> {
  const schedules = await client.feeSchedule.findMany({
    where: { municipalityId },
    orderBy: { effectiveFrom: "asc" },
    select: {
      effectiveFrom: true,
      nonResidentPercent: true,
      commercialPercent: true,
      admissionPercent: true,
      roundingUnit: true,
      rates: { select: { timeFrameId: true, dayType: true, amount: true } },
    },
  });
  return {
    schedules: schedules.map((s) => ({
      effectiveFrom: isoDateFromDbDate(s.effectiveFrom),
      rules: {
        adjustments: { NON_RESIDENT: s.nonResidentPercent, COMMERCIAL: s.commercialPercent, ADMISSION: s.admissionPercent },
        roundingUnit: s.roundingUnit,
      },
      rates: new Map(s.rates.map((r) => [`${r.timeFrameId}:${r.dayType}`, r.amount])),
    })),
  };
}

export function dayTypeOn(date: IsoDate) {
  return dayTypeOf(weekday(date), holidayName(date) !== null || isYearEnd(date));
}

/** The base fee of a time frame on a date of use, by the schedule in force then (null: none). */
export function baseFeeOn(table: FeeTable, timeFrameId: string, date: IsoDate) {
  const schedule = scheduleInForce(table.schedules, date);
  const amount = schedule?.rates.get(`${timeFrameId}:${dayTypeOn(date)}`);
  return schedule && amount !== undefined ? { amount, rules: schedule.rules } : null;
}

/** The breakdown of one slot for an applicant, or null when no fee rule covers it. */
export function quoteFor(
  table: FeeTable,
  slot: { timeFrameId: string; date: IsoDate },
  facts: ApplicantFacts,
  exemption: ExemptionTerms | null = null,
): FeeBreakdown | null {
  const base = baseFeeOn(table, slot.timeFrameId, slot.date);
  if (!base) return null;
  return quoteSlot({ baseFee: base.amount, rules: base.rules, facts, exemption });
}

export type ExemptionCategoryView = ExemptionTerms & { needsApproval: boolean; evidencePrompt: string };

export async function listExemptionCategories(municipalityId: string, client: Client = db): Promise<ExemptionCategoryView[]> {
  const rows = await client.exemptionCategory.findMany({
    where: { municipalityId, active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
  });
  return rows.map((r) => ({
    categoryId: r.id,
    name: r.name,
    percent: r.percent,
    coversBase: r.coversBase,
    coversAdjustments: r.coversAdjustments,
    coversSurcharges: r.coversSurcharges,
    needsApproval: r.needsApproval,
    evidencePrompt: r.evidencePrompt,
  }));
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

