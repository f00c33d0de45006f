import { describe, expect, it } from "vitest";
import { type CalendarSettingsInput, checkCalendarSettings, checkClosure, datesFrom } from "./calendar-settings";

const good: CalendarSettingsInput = { bookingWindowMonths: 3, groupExtraWindowMonths: 1, bookingCloseDaysBefore: 1, closedOnHolidays: true, closedAtYearEnd: false };
const problemsOf = (change: Partial<CalendarSettingsInput>) => {
  const result = checkCalendarSettings({ ...good, ...change });
  return result.ok ? {} : result.problems;
};

describe("checkCalendarSettings", () => {
  it("accepts the defaults and the ends of each range", () => {
    expect(checkCalendarSettings(good)).toEqual({ ok: true, settings: good });
    expect(problemsOf({ bookingWindowMonths: 12, groupExtraWindowMonths: 12, bookingCloseDaysBefore: 30 })).toEqual({});
    expect(problemsOf({ bookingWindowMonths: 1, groupExtraWindowMonths: 0, bookingCloseDaysBefore: 1 })).toEqual({});
  });

  it("refuses whole numbers out of range, and anything else", () => {
    expect(problemsOf({ bookingWindowMonths: 13, groupExtraWindowMonths: -1, bookingCloseDaysBefore: 0 })).toEqual({
      bookingWindowMonths: "OUT_OF_RANGE",
      groupExtraWindowMonths: "OUT_OF_RANGE",
      bookingCloseDaysBefore: "OUT_OF_RANGE",
    });
    expect(problemsOf({ bookingWindowMonths: 2.5, groupExtraWindowMonths: Number.NaN })).toEqual({ bookingWindowMonths: "OUT_OF_RANGE", groupExtraWindowMonths: "OUT_OF_RANGE" });
  });

  it("refuses a closing day past the last day that opens (a month's window holds 28 days at least)", () => {
    expect(problemsOf({ bookingWindowMonths: 1, bookingCloseDaysBefore: 28 })).toEqual({});
    expect(problemsOf({ bookingWindowMonths: 1, bookingCloseDaysBefore: 29 })).toEqual({ bookingCloseDaysBefore: "CLOSES_BEFORE_IT_OPENS" });
    expect(problemsOf({ bookingWindowMonths: 2, bookingCloseDaysBefore: 30 })).toEqual({});
  });

  it("needs both yes/no questions answered", () => {
    expect(problemsOf({ closedOnHolidays: null })).toEqual({ closedOnHolidays: "CHOOSE" });
    expect(problemsOf({ closedAtYearEnd: null })).toEqual({ closedAtYearEnd: "CHOOSE" });
  });
});

describe("checkClosure", () => {
  const today = "2026-12-05";
  it("takes one day or up to 31 days from today on, with a reason", () => {
    expect(checkClosure({ from: today, to: null, reason: "選挙" }, today)).toEqual([]);
    expect(checkClosure({ from: "2026-12-10", to: "2027-01-09", reason: "改修工事" }, today)).toEqual([]);
    expect(checkClosure({ from: "2026-12-10", to: "2027-01-10", reason: "改修工事" }, today)).toEqual(["TOO_LONG"]);
    expect(checkClosure({ from: "2026-12-04", to: null, reason: "x" }, today)).toEqual(["STARTS_BEFORE_TODAY"]);
    expect(checkClosure({ from: "2026-12-10", to: "2026-12-09", reason: "x" }, today)).toEqual(["END_BEFORE_START"]);
    expect(checkClosure({ from: "2026-12-10", to: null, reason: " " }, today)).toEqual(["REASON_REQUIRED"]);
  });

  it("datesFrom lists every date, across months and years", () => {
    expect(datesFrom("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(datesFrom("2026-12-30", "2026-12-30")).toEqual(["2026-12-30"]);
  });
});
