import { describe, expect, it } from "vitest";
import type { ClosureRules } from "./closures";
import { checkRange, fiscalYear, lastMonth, monthRange, monthsIn, occupancyRate, type OfferingRoom, slotsOffered } from "./statistics";

// 中央: closed on Mondays, national holidays and at the year-end, and on one dated day
const chuo: ClosureRules = { closedWeekdays: [1], closedOnHolidays: true, closedAtYearEnd: true, closedDates: new Map([["2026-11-20", "点検"]]) };
// 分館: open every day of the year
const always: ClosureRules = { closedWeekdays: [], closedOnHolidays: false, closedAtYearEnd: false, closedDates: new Map() };

/** Frames offered every day, as set up unless a test says otherwise. */
const everyDay = (...keys: string[]) => keys.map((key) => ({ key, active: true, dayTypes: ["WEEKDAY", "HOLIDAY"] as const }));

const rooms: OfferingRoom[] = [
  { id: "hall", facilityId: "chuo", frames: everyDay("am", "pm", "ev"), closure: chuo },
  { id: "study", facilityId: "annex", frames: everyDay("am", "pm"), closure: always },
];

describe("slots offered", () => {
  it("counts every frame of every room on each open day, by each breakdown", () => {
    // November 2026: 30 days, Mondays 2, 9, 16, 23 (勤労感謝の日), 30; 11/3 文化の日 is a Tuesday.
    // 中央 is open 30 − 5 Mondays − 11/3 − 11/20 = 23 days × 3 frames = 69; 分館 30 days × 2 = 60.
    const offered = slotsOffered(rooms, { from: "2026-11-01", to: "2026-11-30" });
    expect(offered.total).toBe(129);
    expect(offered.byRoom).toEqual(new Map([["hall", 69], ["study", 60]]));
    expect(offered.byFacility).toEqual(new Map([["chuo", 69], ["annex", 60]]));
    expect(offered.byFrame).toEqual(new Map([["am", 53], ["pm", 53], ["ev", 23]]));
    // Sundays 5 (中央 15 + 分館 10), Mondays 5 (分館 10), Tuesdays 4 (中央 3 open × 3 + 8),
    // Fridays 4 (中央 3 open × 3 + 8), other weekdays 4 (12 + 8)
    expect(offered.byWeekday).toEqual([25, 10, 17, 20, 20, 17, 20]);
    expect(offered.byMonth).toEqual(new Map([["2026-11", 129]]));
  });

  it("offers nothing at the year-end where the hall closes then, split by month where it opens", () => {
    // 12/28 and 1/4 are Mondays; 12/29–1/3 is the year-end closure
    const offered = slotsOffered(rooms, { from: "2026-12-28", to: "2027-01-04" });
    expect(offered.byRoom).toEqual(new Map([["hall", 0], ["study", 16]]));
    expect(offered.byMonth).toEqual(new Map([["2026-12", 8], ["2027-01", 8]]));
  });

  it("opens on a holiday where the municipality does not close on holidays", () => {
    const openOnHolidays = { ...chuo, closedOnHolidays: false };
    const offered = slotsOffered([{ id: "hall", facilityId: "chuo", frames: everyDay("am"), closure: openOnHolidays }], { from: "2026-11-03", to: "2026-11-03" });
    expect(offered.total).toBe(1);
  });

  it("counts a frame only on the day type it is offered on, and a retired frame not at all", () => {
    // 分館 in the week of 2026-11-16 (Mon) to 11-22 (Sun): 5 weekdays, 2 weekend days
    const frames = [
      { key: "weekday-am", active: true, dayTypes: ["WEEKDAY"] as const },
      { key: "weekend-am", active: true, dayTypes: ["HOLIDAY"] as const },
      { key: "old", active: false, dayTypes: ["WEEKDAY", "HOLIDAY"] as const },
    ];
    const offered = slotsOffered([{ id: "study", facilityId: "annex", frames, closure: always }], { from: "2026-11-16", to: "2026-11-22" });
    expect(offered.byFrame).toEqual(new Map([["weekday-am", 5], ["weekend-am", 2], ["old", 0]]));
    expect(offered.total).toBe(7);
  });

  it("lists every room and frame even when nothing is offered", () => {
    const offered = slotsOffered(rooms, { from: "2026-11-02", to: "2026-11-02" }); // a Monday
    expect(offered.byRoom.get("hall")).toBe(0);
    expect(offered.byFrame.get("ev")).toBe(0);
  });
});

describe("date ranges", () => {
  it("starts on last month, this month, or the fiscal year", () => {
    expect(lastMonth("2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(lastMonth("2026-03-31")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(fiscalYear("2026-03-31")).toEqual({ from: "2025-04-01", to: "2026-03-31" });
    expect(fiscalYear("2026-04-01")).toEqual({ from: "2026-04-01", to: "2027-03-31" });
  });

  it("refuses a range that ends before it starts or spans three years or more", () => {
    expect(checkRange({ from: "2026-11-01", to: "2026-11-01" })).toBeNull();
    expect(checkRange({ from: "2026-11-02", to: "2026-11-01" })).toBe("FROM_AFTER_TO");
    expect(checkRange({ from: "2024-04-01", to: "2027-03-31" })).toBeNull();
    expect(checkRange({ from: "2024-04-01", to: "2027-04-01" })).toBe("TOO_LONG");
  });

  it("lists the months a range touches", () => {
    expect(monthsIn({ from: "2026-11-15", to: "2027-02-01" })).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
  });

  it("gives no rate where nothing was offered", () => {
    expect(occupancyRate(3, 12)).toBe(0.25);
    expect(occupancyRate(0, 0)).toBeNull();
    expect(occupancyRate(2, null)).toBeNull();
  });
});
