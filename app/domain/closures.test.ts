import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { todayIn, weekday } from "./calendar";
import { closureOn, holidayName, isYearEnd, type ClosureRules } from "./closures";
import { nearDateArb, partsOf } from "./test-arbitraries";

const open: ClosureRules = {
  closedWeekdays: [],
  closedOnHolidays: false,
  closedAtYearEnd: false,
  closedDates: new Map(),
};

const typical: ClosureRules = {
  closedWeekdays: [1], // Mondays
  closedOnHolidays: true,
  closedAtYearEnd: true,
  closedDates: new Map(),
};

describe("holidayName", () => {
  it("knows national holidays by their Tokyo calendar date", () => {
    expect(holidayName("2026-11-23")).toBe("勤労感謝の日");
    expect(holidayName("2027-01-01")).toBe("元日");
    expect(holidayName("2026-01-12")).toBe("成人の日");
    expect(holidayName("2027-02-23")).toBe("天皇誕生日");
  });

  it("knows substitute and sandwiched holidays", () => {
    expect(holidayName("2026-05-06")).not.toBeNull(); // 振替休日 for こどもの日 on a Sunday
    expect(holidayName("2026-09-22")).not.toBeNull(); // 国民の休日 between 敬老の日 and 秋分の日
  });

  it("returns null for ordinary days, including the days either side of a holiday", () => {
    expect(holidayName("2026-11-24")).toBeNull();
    expect(holidayName("2026-11-22")).toBeNull();
    expect(holidayName("2026-12-01")).toBeNull();
    expect(holidayName("2027-01-04")).toBeNull();
  });

  it("is not shifted by the process time zone (tests run in America/Los_Angeles)", () => {
    // 00:30 on 2026-11-23 in Tokyo is still 2026-11-22 in Los Angeles (and in UTC).
    const today = todayIn("Asia/Tokyo", new Date("2026-11-22T15:30:00Z"));
    expect(today).toBe("2026-11-23");
    expect(closureOn(today, typical)).toEqual({ code: "HOLIDAY", name: "勤労感謝の日" });
    // 23:30 on 2026-11-23 in Tokyo is already 2026-11-24 in UTC: no longer a holiday there,
    // but still one in Tokyo.
    const lateEvening = todayIn("Asia/Tokyo", new Date("2026-11-23T14:30:00Z"));
    expect(lateEvening).toBe("2026-11-23");
    expect(holidayName(lateEvening)).toBe("勤労感謝の日");
    const nextDay = todayIn("Asia/Tokyo", new Date("2026-11-23T15:30:00Z"));
    expect(nextDay).toBe("2026-11-24");
    expect(holidayName(nextDay)).toBeNull();
    expect(closureOn(nextDay, { ...typical, closedWeekdays: [] })).toBeNull();
  });
});

describe("isYearEnd", () => {
  it.each(["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"])(
    "%s is in the year-end closure",
    (date) => {
      expect(isYearEnd(date)).toBe(true);
    },
  );

  it.each(["2026-12-28", "2027-01-04", "2026-12-01", "2027-01-31", "2026-11-29", "2026-02-03"])(
    "%s is not",
    (date) => {
      expect(isYearEnd(date)).toBe(false);
    },
  );

  it("is exactly 12/29–1/3 (property)", () => {
    fc.assert(
      fc.property(nearDateArb, (date) => {
        const { month, day } = partsOf(date);
        expect(isYearEnd(date)).toBe((month === 12 && day >= 29) || (month === 1 && day <= 3));
      }),
    );
  });
});

describe("closureOn", () => {
  it("is open on an ordinary day", () => {
    expect(closureOn("2026-12-01", typical)).toBeNull();
    expect(closureOn("2026-11-24", typical)).toBeNull();
  });

  it("closes on the weekly closed days only", () => {
    expect(closureOn("2026-11-30", typical)).toEqual({ code: "WEEKLY", weekday: 1 });
    expect(closureOn("2026-12-07", typical)).toEqual({ code: "WEEKLY", weekday: 1 });
    const weekends: ClosureRules = { ...open, closedWeekdays: [0, 6] };
    expect(closureOn("2026-11-28", weekends)).toEqual({ code: "WEEKLY", weekday: 6 });
    expect(closureOn("2026-11-29", weekends)).toEqual({ code: "WEEKLY", weekday: 0 });
    expect(closureOn("2026-11-30", weekends)).toBeNull();
    expect(closureOn("2026-11-27", weekends)).toBeNull();
  });

  it("closes on holidays when closedOnHolidays", () => {
    const holidaysOnly: ClosureRules = { ...open, closedOnHolidays: true };
    expect(closureOn("2026-11-23", holidaysOnly)).toEqual({ code: "HOLIDAY", name: "勤労感謝の日" });
    expect(closureOn("2026-11-24", holidaysOnly)).toBeNull();
  });

  it("stays open on holidays when closedOnHolidays is false", () => {
    expect(closureOn("2026-11-23", open)).toBeNull();
    expect(closureOn("2027-01-11", { ...typical, closedOnHolidays: false, closedWeekdays: [] })).toBeNull();
  });

  it("a holiday on a weekly closed day is reported as the holiday, or the weekday when holidays are open", () => {
    // 2026-11-23 is a Monday
    expect(closureOn("2026-11-23", typical)).toEqual({ code: "HOLIDAY", name: "勤労感謝の日" });
    expect(closureOn("2026-11-23", { ...typical, closedOnHolidays: false })).toEqual({
      code: "WEEKLY",
      weekday: 1,
    });
  });

  it("closes 12/29–1/3 inclusive when closedAtYearEnd, but not 12/28 or 1/4", () => {
    const yearEnd: ClosureRules = { ...open, closedAtYearEnd: true };
    expect(closureOn("2026-12-28", yearEnd)).toBeNull();
    expect(closureOn("2026-12-29", yearEnd)).toEqual({ code: "YEAR_END" });
    expect(closureOn("2026-12-31", yearEnd)).toEqual({ code: "YEAR_END" });
    expect(closureOn("2027-01-01", yearEnd)).toEqual({ code: "YEAR_END" });
    expect(closureOn("2027-01-03", yearEnd)).toEqual({ code: "YEAR_END" });
    expect(closureOn("2027-01-04", yearEnd)).toBeNull();
  });

  it("stays open over the year end when closedAtYearEnd is false", () => {
    expect(closureOn("2026-12-29", open)).toBeNull();
    expect(closureOn("2027-01-02", open)).toBeNull();
    // 元日 is still a holiday if holidays close
    expect(closureOn("2027-01-01", { ...typical, closedAtYearEnd: false })).toEqual({
      code: "HOLIDAY",
      name: "元日",
    });
    expect(closureOn("2027-01-02", { ...typical, closedAtYearEnd: false })).toBeNull();
  });

  it("reports the year end rather than 元日 when both apply", () => {
    expect(closureOn("2027-01-01", typical)).toEqual({ code: "YEAR_END" });
  });

  it("dated closures take precedence over every other reason", () => {
    const closedDates = new Map([
      ["2026-11-23", "館内点検"], // holiday and Monday
      ["2026-12-30", "年末大掃除"], // year end
      ["2026-11-30", "停電"], // Monday
      ["2026-12-02", "選挙"], // ordinary Wednesday
    ]);
    const rules: ClosureRules = { ...typical, closedDates };
    expect(closureOn("2026-11-23", rules)).toEqual({ code: "DATED", reason: "館内点検" });
    expect(closureOn("2026-12-30", rules)).toEqual({ code: "DATED", reason: "年末大掃除" });
    expect(closureOn("2026-11-30", rules)).toEqual({ code: "DATED", reason: "停電" });
    expect(closureOn("2026-12-02", rules)).toEqual({ code: "DATED", reason: "選挙" });
    expect(closureOn("2026-12-03", rules)).toBeNull();
  });

  it("a dated closure applies even when every other rule is off", () => {
    const rules: ClosureRules = { ...open, closedDates: new Map([["2026-12-01", "工事"]]) };
    expect(closureOn("2026-12-01", rules)).toEqual({ code: "DATED", reason: "工事" });
    expect(closureOn("2026-12-02", rules)).toBeNull();
  });

  it("never closes with every rule off and no dated closures (property)", () => {
    fc.assert(
      fc.property(nearDateArb, (date) => {
        expect(closureOn(date, open)).toBeNull();
      }),
    );
  });

  it("is closed exactly when some rule applies, and names a rule that applies (property)", () => {
    const rulesArb = fc.record({
      closedWeekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 7 }),
      closedOnHolidays: fc.boolean(),
      closedAtYearEnd: fc.boolean(),
      dated: fc.array(fc.tuple(nearDateArb, fc.string({ minLength: 1, maxLength: 5 })), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(nearDateArb, rulesArb, (date, r) => {
        const rules: ClosureRules = { ...r, closedDates: new Map(r.dated) };
        const byDate = rules.closedDates.has(date);
        const byYearEnd = rules.closedAtYearEnd && isYearEnd(date);
        const byHoliday = rules.closedOnHolidays && holidayName(date) !== null;
        const byWeekday = rules.closedWeekdays.includes(weekday(date));
        const closure = closureOn(date, rules);
        expect(closure !== null).toBe(byDate || byYearEnd || byHoliday || byWeekday);
        if (closure === null) return;
        switch (closure.code) {
          case "DATED":
            expect(byDate).toBe(true);
            expect(closure.reason).toBe(rules.closedDates.get(date));
            break;
          case "YEAR_END":
            expect(byDate).toBe(false);
            expect(byYearEnd).toBe(true);
            break;
          case "HOLIDAY":
            expect(byDate || byYearEnd).toBe(false);
            expect(closure.name).toBe(holidayName(date));
            break;
          case "WEEKLY":
            expect(byDate || byYearEnd || byHoliday).toBe(false);
            expect(closure.weekday).toBe(weekday(date));
            break;
        }
      }),
    );
  });
});
