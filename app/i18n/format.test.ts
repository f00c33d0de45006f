import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { en } from "./en";
import { ja } from "./ja";

describe("dates, months and money as each language writes them", () => {
  it("writes dates as residents know them", () => {
    expect(ja.date("2026-12-01")).toBe("12月1日(火)");
    expect(ja.date("2026-11-23")).toBe("11月23日(月)");
    expect(ja.date("2027-01-01")).toBe("1月1日(金)");
    expect(en.date("2026-12-01")).toBe("Tue 1 Dec");
    expect(en.date("2026-11-22")).toBe("Sun 22 Nov");
    expect(ja.longDate("2027-01-04")).toBe("2027年1月4日(月)");
    expect(en.longDate("2027-01-04")).toBe("Mon 4 Jan 2027");
  });

  it("writes months and time ranges", () => {
    expect(ja.monthName("2026-12")).toBe("2026年12月");
    expect(ja.monthName("2027-01")).toBe("2027年1月");
    expect(en.monthName("2027-01")).toBe("Jan 2027");
    expect(ja.timeRange("9:00", "12:00")).toBe("9:00〜12:00");
    expect(en.timeRange("9:00", "12:00")).toBe("9:00–12:00");
  });

  it("writes whole yen with thousands separators", () => {
    expect(ja.yen(0)).toBe("0円");
    expect(ja.yen(1200)).toBe("1,200円");
    expect(ja.yen(1_234_567)).toBe("1,234,567円");
    expect(en.yen(1200)).toBe("¥1,200");
  });

  it("never changes the amount (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (yen) => {
        expect(Number(ja.yen(yen).replace(/[^\d]/g, ""))).toBe(yen);
        expect(Number(en.yen(yen).replace(/[^\d]/g, ""))).toBe(yen);
      }),
    );
  });

  it("uses the day of week of the calendar date, whatever the process time zone", () => {
    expect(ja.date("2026-11-22")).toContain("(日)");
    expect(en.date("2026-11-23")).toMatch(/^Mon/);
  });
});
