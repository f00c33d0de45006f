import { checkReason } from "./blocks";
import { addDays, addMonths, daysBetween, type IsoDate } from "./calendar";

/**
 * A municipality's booking calendar as its staff set it: how far ahead bookings open (and how
 * much earlier for registered groups), how many days before the date of use online booking
 * closes, whether national holidays and 12/29–1/3 are closed, and dated closures.
 */

export const BOOKING_WINDOW_MONTHS = { min: 1, max: 12 } as const;
export const GROUP_EXTRA_WINDOW_MONTHS = { min: 0, max: 12 } as const;
/**
 * Online booking closes at least the day before use: a booking on the day could take a slot
 * that has already begun, and the hall needs notice to open the door.
 */
export const BOOKING_CLOSE_DAYS_BEFORE = { min: 1, max: 30 } as const;
/** The most dates one added closure may cover (a longer one is a block, or several closures). */
export const CLOSURE_MAX_DAYS = 31;

export type CalendarSettings = {
  bookingWindowMonths: number;
  groupExtraWindowMonths: number;
  bookingCloseDaysBefore: number;
  closedOnHolidays: boolean;
  closedAtYearEnd: boolean;
};

/** As typed: NaN when not a whole number, null when a yes/no question was not answered. */
export type CalendarSettingsInput = {
  bookingWindowMonths: number;
  groupExtraWindowMonths: number;
  bookingCloseDaysBefore: number;
  closedOnHolidays: boolean | null;
  closedAtYearEnd: boolean | null;
};

export type CalendarSettingsProblem = "OUT_OF_RANGE" | "CLOSES_BEFORE_IT_OPENS" | "CHOOSE";
/** Problems by the form's field, in the form's order. */
export type CalendarSettingsProblems = Partial<Record<keyof CalendarSettings, CalendarSettingsProblem>>;

const within = (n: number, range: { min: number; max: number }) => Number.isInteger(n) && n >= range.min && n <= range.max;

/**
 * Checks the settings. Online booking must close no later than the last day that opens, or no
 * day could ever be booked (a window of a month with booking closing 30 days before).
 */
export function checkCalendarSettings(
  input: CalendarSettingsInput,
): { ok: true; settings: CalendarSettings } | { ok: false; problems: CalendarSettingsProblems } {
  const problems: CalendarSettingsProblems = {};
  if (!within(input.bookingWindowMonths, BOOKING_WINDOW_MONTHS)) problems.bookingWindowMonths = "OUT_OF_RANGE";
  if (!within(input.groupExtraWindowMonths, GROUP_EXTRA_WINDOW_MONTHS)) problems.groupExtraWindowMonths = "OUT_OF_RANGE";
  if (!within(input.bookingCloseDaysBefore, BOOKING_CLOSE_DAYS_BEFORE)) problems.bookingCloseDaysBefore = "OUT_OF_RANGE";
  else if (!problems.bookingWindowMonths && !leavesBookableDays(input.bookingWindowMonths, input.bookingCloseDaysBefore)) {
    problems.bookingCloseDaysBefore = "CLOSES_BEFORE_IT_OPENS";
  }
  if (input.closedOnHolidays === null) problems.closedOnHolidays = "CHOOSE";
  if (input.closedAtYearEnd === null) problems.closedAtYearEnd = "CHOOSE";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      bookingWindowMonths: input.bookingWindowMonths,
      groupExtraWindowMonths: input.groupExtraWindowMonths,
      bookingCloseDaysBefore: input.bookingCloseDaysBefore,
      closedOnHolidays: input.closedOnHolidays!,
      closedAtYearEnd: input.closedAtYearEnd!,
    },
  };
}

/** Whether some day is bookable on every day of the year (February is the shortest month). */
function leavesBookableDays(months: number, closeDaysBefore: number) {
  const shortest = "2027-02-28";
  return addDays(shortest, closeDaysBefore) <= addMonths(shortest, months);
}

export type ClosureProblem = "STARTS_BEFORE_TODAY" | "END_BEFORE_START" | "TOO_LONG" | "REASON_REQUIRED" | "REASON_TOO_LONG";

/** Checks a dated closure from `from` to `to` (inclusive; null: the one day). */
export function checkClosure(input: { from: IsoDate; to: IsoDate | null; reason: string }, today: IsoDate): ClosureProblem[] {
  const to = input.to ?? input.from;
  const problems: ClosureProblem[] = [];
  if (input.from < today) problems.push("STARTS_BEFORE_TODAY");
  else if (to < input.from) problems.push("END_BEFORE_START");
  else if (daysBetween(input.from, to) >= CLOSURE_MAX_DAYS) problems.push("TOO_LONG");
  return [...problems, ...checkReason(input.reason)];
}

/** Every date from `from` to `to` inclusive. */
export function datesFrom(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return dates;
}
