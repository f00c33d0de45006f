import holidayJp from "@holiday-jp/holiday_jp";
import { type IsoDate, weekday } from "./calendar";

export type ClosureRules = {
  /** 0 = Sunday … 6 = Saturday */
  closedWeekdays: readonly number[];
  closedOnHolidays: boolean;
  closedAtYearEnd: boolean;
  /** dated closures (municipality-wide or of this facility) → reason */
  closedDates: ReadonlyMap<IsoDate, string>;
};

export type Closure =
  | { code: "WEEKLY"; weekday: number }
  | { code: "HOLIDAY"; name: string }
  | { code: "YEAR_END" }
  | { code: "DATED"; reason: string };

/** Why a facility is closed on `date`, or null when it is open. */
export function closureOn(date: IsoDate, rules: ClosureRules): Closure | null {
  const dated = rules.closedDates.get(date);
  if (dated !== undefined) return { code: "DATED", reason: dated };
  if (rules.closedAtYearEnd && isYearEnd(date)) return { code: "YEAR_END" };
  const holiday = rules.closedOnHolidays ? holidayName(date) : null;
  if (holiday) return { code: "HOLIDAY", name: holiday };
  const day = weekday(date);
  if (rules.closedWeekdays.includes(day)) return { code: "WEEKLY", weekday: day };
  return null;
}

/** 12/29–1/3 */
export function isYearEnd(date: IsoDate): boolean {
  const monthDay = date.slice(5);
  return monthDay >= "12-29" || monthDay <= "01-03";
}

/**
 * The national holiday's name, or null. The package's own Date handling reads the process's
 * local zone, so it is only ever given the calendar date string.
 */
export function holidayName(date: IsoDate): string | null {
  return (holidayJp.holidays as Record<string, { name: string }>)[date]?.name ?? null;
}
