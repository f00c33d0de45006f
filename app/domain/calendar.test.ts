import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addMonthsToMonth,
  datesOfMonth,
  daysBetween,
  dbDateFromIsoDate,
  formatMinutes,
  instantAt,
  isoDateFromDbDate,
  localDateTime,
  monthOf,
  parseIsoDate,
  parseIsoMonth,
  todayIn,
  weekday,
} from "./calendar";
import { dayNumber, daysInMonth, iso, isoDateArb, partsOf } from "./test-arbitraries";

const TOKYO = "Asia/Tokyo";
const HOUR = 3_600_000;

describe("reference calendar used by the property tests", () => {
  it("numbers days from 1970-01-01", () => {
    expect(dayNumber("1970-01-01")).toBe(0);
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("1969-12-31")).toBe(-1);
    expect(dayNumber("2000-03-01")).toBe(11_017);
    expect(dayNumber("2026-12-01") - dayNumber("2026-11-01")).toBe(30);
  });
});

describe("parseIsoDate", () => {
  it.each(["2026-12-01", "2026-01-01", "2026-12-31", "2024-02-29", "2000-02-29", "2026-02-28"])(
    "accepts the real date %s",
    (value) => {
      expect(parseIsoDate(value)).toBe(value);
    },
  );

  it.each([
    "2026-02-30",
    "2026-02-29",
    "1900-02-29",
    "2100-02-29",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-12-00",
    "2026-12-32",
  ])("rejects the impossible date %s", (value) => {
    expect(parseIsoDate(value)).toBeNull();
  });

  it.each([
    "2026-1-1",
    "2026-01-1",
    "26-01-01",
    "2026/01/01",
    "20260101",
    " 2026-01-01",
    "2026-01-01 ",
    "2026-01-01\n",
    "2026-01-01T00:00:00Z",
    "",
    "２０２６-01-01",
  ])("rejects the badly formed string %j", (value) => {
    expect(parseIsoDate(value)).toBeNull();
  });

  it.each([undefined, null, 20260101, new Date("2026-01-01T00:00:00Z"), ["2026-01-01"], {}, true])(
    "rejects the non-string %j",
    (value) => {
      expect(parseIsoDate(value)).toBeNull();
    },
  );

  it("accepts every real date (property)", () => {
    fc.assert(fc.property(isoDateArb, (date) => parseIsoDate(date) === date));
  });

  it("rejects every day past the end of its month (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 10 }),
        (year, month, extra) => {
          const day = daysInMonth(year, month) + extra;
          return parseIsoDate(iso(year, month, day)) === null;
        },
      ),
    );
  });

  it("never throws and only returns null or its input (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (value) => {
        const result = parseIsoDate(value);
        return result === null || result === value;
      }),
    );
  });
});

describe("addDays", () => {
  it("moves within a month", () => {
    expect(addDays("2026-12-01", 0)).toBe("2026-12-01");
    expect(addDays("2026-12-01", 1)).toBe("2026-12-02");
    expect(addDays("2026-12-10", -9)).toBe("2026-12-01");
  });

  it("crosses month ends", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-01", -1)).toBe("2026-11-30");
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-04-30", 1)).toBe("2026-05-01");
  });

  it("crosses year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2026-12-25", 14)).toBe("2027-01-08");
  });

  it("knows leap years", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2028-02-29", 1)).toBe("2028-03-01");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01");
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(addDays("2028-01-01", 366)).toBe("2029-01-01");
    expect(addDays("2026-01-01", 365)).toBe("2027-01-01");
  });

  it("addDays(addDays(d, n), -n) === d (property)", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        expect(addDays(addDays(date, n), -n)).toBe(date);
      }),
    );
  });

  it("agrees with the reference day numbering and always gives a real date (property)", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        const result = addDays(date, n);
        expect(parseIsoDate(result)).toBe(result);
        expect(dayNumber(result)).toBe(dayNumber(date) + n);
      }),
    );
  });
});

describe("addMonths", () => {
  it("keeps the day of month where it exists", () => {
    expect(addMonths("2026-11-23", 1)).toBe("2026-12-23");
    expect(addMonths("2026-11-23", 3)).toBe("2027-02-23");
    expect(addMonths("2026-11-23", 0)).toBe("2026-11-23");
    expect(addMonths("2026-11-23", -11)).toBe("2025-12-23");
    expect(addMonths("2026-11-23", 12)).toBe("2027-11-23");
  });

  it("clamps to the last day of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-03-31", 1)).toBe("2026-04-30");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2027-11-30", 3)).toBe("2028-02-29");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-08-31", 1)).toBe("2026-09-30");
  });

  it("does not carry the clamping into later months", () => {
    expect(addMonths("2026-01-31", 2)).toBe("2026-03-31");
    expect(addMonths("2026-12-31", 2)).toBe("2027-02-28");
  });

  it("always gives a real date in the right month with the day clamped (property)", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -240, max: 240 }), (date, months) => {
        const { year, month, day } = partsOf(date);
        const index = year * 12 + (month - 1) + months;
        const wantYear = Math.floor(index / 12);
        const wantMonth = (index % 12) + 1;
        const result = addMonths(date, months);
        expect(parseIsoDate(result)).toBe(result);
        expect(result).toBe(iso(wantYear, wantMonth, Math.min(day, daysInMonth(wantYear, wantMonth))));
      }),
    );
  });
});

describe("daysBetween", () => {
  it("counts days, signed", () => {
    expect(daysBetween("2026-12-01", "2026-12-01")).toBe(0);
    expect(daysBetween("2026-12-01", "2026-12-02")).toBe(1);
    expect(daysBetween("2026-12-02", "2026-12-01")).toBe(-1);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2028-02-01", "2028-03-01")).toBe(29);
    expect(daysBetween("2026-02-01", "2026-03-01")).toBe(28);
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("daysBetween(d, addDays(d, n)) === n (property)", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: -3000, max: 3000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it("agrees with the reference day numbering (property)", () => {
    fc.assert(
      fc.property(isoDateArb, isoDateArb, (a, b) => {
        expect(daysBetween(a, b)).toBe(dayNumber(b) - dayNumber(a));
      }),
    );
  });
});

describe("weekday", () => {
  it("gives 0 for Sunday … 6 for Saturday", () => {
    expect(weekday("2026-11-22")).toBe(0);
    expect(weekday("2026-11-23")).toBe(1);
    expect(weekday("2026-12-01")).toBe(2);
    expect(weekday("2027-01-01")).toBe(5);
    expect(weekday("2026-11-28")).toBe(6);
    expect(weekday("2028-02-29")).toBe(2);
  });

  it("agrees with the reference (1970-01-01 was a Thursday) (property)", () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        expect(weekday(date)).toBe((((dayNumber(date) + 4) % 7) + 7) % 7);
      }),
    );
  });
});

describe("months", () => {
  it("parseIsoMonth accepts YYYY-MM only", () => {
    expect(parseIsoMonth("2026-12")).toBe("2026-12");
    expect(parseIsoMonth("2026-01")).toBe("2026-01");
    expect(parseIsoMonth("2026-13")).toBeNull();
    expect(parseIsoMonth("2026-00")).toBeNull();
    expect(parseIsoMonth("2026-1")).toBeNull();
    expect(parseIsoMonth("2026-12-01")).toBeNull();
    expect(parseIsoMonth("")).toBeNull();
    expect(parseIsoMonth(202612)).toBeNull();
    expect(parseIsoMonth(undefined)).toBeNull();
  });

  it("monthOf and addMonthsToMonth", () => {
    expect(monthOf("2026-12-31")).toBe("2026-12");
    expect(addMonthsToMonth("2026-11", 1)).toBe("2026-12");
    expect(addMonthsToMonth("2026-11", 2)).toBe("2027-01");
    expect(addMonthsToMonth("2026-01", -1)).toBe("2025-12");
    expect(addMonthsToMonth("2026-11", -23)).toBe("2024-12");
  });

  it("datesOfMonth lists every date of the month in order", () => {
    expect(datesOfMonth("2026-02")).toHaveLength(28);
    expect(datesOfMonth("2028-02")).toHaveLength(29);
    expect(datesOfMonth("2100-02")).toHaveLength(28);
    expect(datesOfMonth("2000-02")).toHaveLength(29);
    expect(datesOfMonth("2026-04")).toHaveLength(30);
    expect(datesOfMonth("2026-11")).toHaveLength(30);
    expect(datesOfMonth("2026-12")).toHaveLength(31);
    const december = datesOfMonth("2026-12");
    expect(december[0]).toBe("2026-12-01");
    expect(december[30]).toBe("2026-12-31");
  });

  it("datesOfMonth has the month's length and consecutive dates (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        (year, month) => {
          const dates = datesOfMonth(iso(year, month, 1).slice(0, 7));
          expect(dates).toHaveLength(daysInMonth(year, month));
          dates.forEach((date, i) => expect(date).toBe(iso(year, month, i + 1)));
        },
      ),
    );
  });
});

describe("localDateTime", () => {
  it("writes an instant as the date and time in the municipality's zone", () => {
    expect(localDateTime(new Date("2026-11-22T15:05:00Z"), TOKYO)).toBe("2026-11-23 00:05");
    expect(localDateTime(new Date("2026-11-23T01:00:59Z"), TOKYO)).toBe("2026-11-23 10:00");
    expect(localDateTime(new Date("2026-11-23T01:00:00Z"), "UTC")).toBe("2026-11-23 01:00");
  });
});

describe("todayIn", () => {
  it("is already tomorrow in Tokyo after 15:00 UTC", () => {
    expect(todayIn(TOKYO, new Date("2026-11-22T15:30:00Z"))).toBe("2026-11-23");
    expect(todayIn(TOKYO, new Date("2026-11-22T15:00:00.000Z"))).toBe("2026-11-23");
    expect(todayIn(TOKYO, new Date("2026-11-22T14:59:59.999Z"))).toBe("2026-11-22");
  });

  it("crosses the year in Tokyo before UTC does", () => {
    expect(todayIn(TOKYO, new Date("2026-12-31T14:59:59.999Z"))).toBe("2026-12-31");
    expect(todayIn(TOKYO, new Date("2026-12-31T15:00:00.000Z"))).toBe("2027-01-01");
  });

  it("does not depend on the process time zone (the tests run in America/Los_Angeles)", () => {
    // In Los Angeles this instant is still the evening of 2026-11-22.
    const now = new Date("2026-11-23T03:00:00Z");
    expect(todayIn(TOKYO, now)).toBe("2026-11-23");
    expect(todayIn("America/Los_Angeles", now)).toBe("2026-11-22");
    expect(todayIn("UTC", now)).toBe("2026-11-23");
  });

  it("equals the UTC date nine hours later, for any instant (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1971-01-01T00:00:00Z"), max: new Date("2199-01-01T00:00:00Z"), noInvalidDate: true }),
        (now) => {
          expect(todayIn(TOKYO, now)).toBe(new Date(now.getTime() + 9 * HOUR).toISOString().slice(0, 10));
          expect(todayIn("UTC", now)).toBe(now.toISOString().slice(0, 10));
        },
      ),
    );
  });
});

describe("instantAt", () => {
  it("treats Tokyo as UTC+9", () => {
    expect(instantAt("2026-12-01", 540, TOKYO).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(instantAt("2026-12-01", 0, TOKYO).toISOString()).toBe("2026-11-30T15:00:00.000Z");
    expect(instantAt("2026-12-01", 1290, TOKYO).toISOString()).toBe("2026-12-01T12:30:00.000Z");
    expect(instantAt("2026-12-01", 1440, TOKYO).toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(instantAt("2027-01-01", 0, TOKYO).toISOString()).toBe("2026-12-31T15:00:00.000Z");
  });

  it("gives a new Date at each call, right in every zone however often a date is asked for", () => {
    const first = instantAt("2026-03-08", 600, "America/New_York");
    first.setTime(0);
    // 2026-03-08 is the day New York moves to summer time: midnight is still EST (UTC-5)
    expect(instantAt("2026-03-08", 600, "America/New_York").toISOString()).toBe("2026-03-08T15:00:00.000Z");
    expect(instantAt("2026-03-09", 600, "America/New_York").toISOString()).toBe("2026-03-09T14:00:00.000Z");
    expect(instantAt("2026-03-08", 600, TOKYO).toISOString()).toBe("2026-03-08T01:00:00.000Z");
  });

  it("has no daylight saving time in Tokyo (same offset in summer and winter)", () => {
    expect(instantAt("2026-07-15", 600, TOKYO).toISOString()).toBe("2026-07-15T01:00:00.000Z");
    expect(instantAt("2026-01-15", 600, TOKYO).toISOString()).toBe("2026-01-15T01:00:00.000Z");
  });

  it("is nine hours before the same wall time in UTC and lands on the same Tokyo date (property)", () => {
    fc.assert(
      fc.property(isoDateArb, fc.integer({ min: 0, max: 1439 }), (date, minute) => {
        const { year, month, day } = partsOf(date);
        const instant = instantAt(date, minute, TOKYO);
        expect(instant.getTime()).toBe(Date.UTC(year, month - 1, day) + minute * 60_000 - 9 * HOUR);
        expect(todayIn(TOKYO, instant)).toBe(date);
      }),
    );
  });
});

describe("formatting", () => {
  it("formatMinutes", () => {
    expect(formatMinutes(540)).toBe("9:00");
    expect(formatMinutes(0)).toBe("0:00");
    expect(formatMinutes(65)).toBe("1:05");
    expect(formatMinutes(720)).toBe("12:00");
    expect(formatMinutes(1290)).toBe("21:30");
    expect(formatMinutes(1439)).toBe("23:59");
    expect(formatMinutes(1440)).toBe("24:00");
  });

  it("formatMinutes round-trips any minute of the day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (minute) => {
        const match = /^(\d{1,2}):(\d{2})$/.exec(formatMinutes(minute));
        expect(match).not.toBeNull();
        const [, h, m] = match!;
        expect(Number(m)).toBeLessThan(60);
        expect(Number(h) * 60 + Number(m)).toBe(minute);
      }),
    );
  });
});

describe("database dates", () => {
  it("reads and writes a DATE column as UTC midnight regardless of the process zone", () => {
    expect(dbDateFromIsoDate("2026-12-01").toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(isoDateFromDbDate(new Date(Date.UTC(2026, 11, 1)))).toBe("2026-12-01");
  });

  it("round-trips (property)", () => {
    fc.assert(fc.property(isoDateArb, (date) => isoDateFromDbDate(dbDateFromIsoDate(date)) === date));
  });
});
