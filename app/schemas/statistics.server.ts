import { type IsoDate, parseIsoDate } from "~/domain/calendar";
import { checkRange, lastMonth } from "~/domain/statistics";
import { toHalfWidth } from "./account.server";

export type StatisticsForm = { from: string; to: string; facility: string };
export type StatisticsFormErrors = Partial<Record<"from" | "to" | "facility", "date" | "order" | "tooLong" | "facility">>;

/**
 * A date as staff type it: 2026-11-01, 2026/11/1 or 2026年11月1日, in full-width digits too;
 * null when it is not a real date.
 */
export function typedDate(value: string): IsoDate | null {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(toHalfWidth(value).replace(/[／．]/g, (ch) => (ch === "／" ? "/" : ".")));
  if (!match) return null;
  return parseIsoDate(`${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}`);
}

/**
 * The period and facility of the statistics page and its downloads (?from&to&facility). Without
 * dates: last month. The values come back as typed, to show again beside any error.
 */
export function parseStatisticsQuery(params: URLSearchParams, today: IsoDate) {
  const fallback = lastMonth(today);
  const typed: StatisticsForm = {
    from: params.get("from") ?? fallback.from,
    to: params.get("to") ?? fallback.to,
    facility: params.get("facility") ?? "",
  };
  const errors: StatisticsFormErrors = {};
  const from = typedDate(typed.from);
  const to = typedDate(typed.to);
  if (!from) errors.from = "date";
  if (!to) errors.to = "date";
  const facilityId = typed.facility === "" || typed.facility === "all" ? null : typed.facility;
  if (facilityId !== null && (facilityId.length > 100 || !/^[\w-]+$/.test(facilityId))) errors.facility = "facility";
  if (from && to) {
    const problem = checkRange({ from, to });
    if (problem) errors.to = problem === "FROM_AFTER_TO" ? "order" : "tooLong";
  }
  if (Object.keys(errors).length > 0 || !from || !to) return { ok: false as const, errors, typed };
  return { ok: true as const, query: { from, to, facilityId }, typed };
}
