import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookingWindow, checkBookingWindow, type BookingWindowRules } from "./booking-window";
import { addDays, addMonths, daysBetween } from "./calendar";
import { daysInMonth, nearDateArb, partsOf } from "./test-arbitraries";

const rules: BookingWindowRules = { bookingWindowMonths: 3, bookingCloseDaysBefore: 1 };
const today = "2026-11-23";

describe("bookingWindow", () => {
  it("runs from today + close days to today + window months", () => {
    expect(bookingWindow(today, rules)).toEqual({ first: "2026-11-24", last: "2027-02-23" });
    expect(bookingWindow(today, { bookingWindowMonths: 1, bookingCloseDaysBefore: 0 })).toEqual({
      first: "2026-11-23",
      last: "2026-12-23",
    });
    expect(bookingWindow("2026-12-30", { bookingWindowMonths: 6, bookingCloseDaysBefore: 7 })).toEqual({
      first: "2027-01-06",
      last: "2027-06-30",
    });
  });

  it("clamps the last day to the end of a shorter month", () => {
    expect(bookingWindow("2026-11-30", rules).last).toBe("2027-02-28");
    expect(bookingWindow("2027-11-30", rules).last).toBe("2028-02-29");
  });
});

describe("checkBookingWindow", () => {
  it("refuses a past date", () => {
    expect(checkBookingWindow("2026-11-22", today, rules)).toBe("PAST_DATE");
    expect(checkBookingWindow("2025-12-31", today, rules)).toBe("PAST_DATE");
  });

  it("refuses today when bookings close one day before", () => {
    expect(checkBookingWindow(today, today, rules)).toBe("BOOKING_CLOSED_FOR_DATE");
  });

  it("accepts tomorrow when bookings close one day before", () => {
    expect(checkBookingWindow("2026-11-24", today, rules)).toBeNull();
  });

  it("accepts today when bookings close zero days before", () => {
    expect(checkBookingWindow(today, today, { ...rules, bookingCloseDaysBefore: 0 })).toBeNull();
  });

  it("refuses dates closer than bookingCloseDaysBefore", () => {
    const three = { ...rules, bookingCloseDaysBefore: 3 };
    expect(checkBookingWindow("2026-11-24", today, three)).toBe("BOOKING_CLOSED_FOR_DATE");
    expect(checkBookingWindow("2026-11-25", today, three)).toBe("BOOKING_CLOSED_FOR_DATE");
    expect(checkBookingWindow("2026-11-26", today, three)).toBeNull();
  });

  it("accepts the last day, today + 3 months", () => {
    expect(checkBookingWindow("2027-02-23", today, rules)).toBeNull();
  });

  it("refuses the day after the last day as not yet open", () => {
    expect(checkBookingWindow("2027-02-24", today, rules)).toBe("NOT_YET_OPEN");
    expect(checkBookingWindow("2027-12-01", today, rules)).toBe("NOT_YET_OPEN");
  });

  it("handles a last day clamped to the end of February", () => {
    expect(checkBookingWindow("2027-02-28", "2026-11-30", rules)).toBeNull();
    expect(checkBookingWindow("2027-03-01", "2026-11-30", rules)).toBe("NOT_YET_OPEN");
    expect(checkBookingWindow("2028-02-29", "2027-11-30", rules)).toBeNull();
    expect(checkBookingWindow("2028-03-01", "2027-11-30", rules)).toBe("NOT_YET_OPEN");
  });

  it("classifies every date by its distance from today (property)", () => {
    fc.assert(
      fc.property(
        nearDateArb,
        fc.integer({ min: -400, max: 400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 14 }),
        (day, offset, months, closeDays) => {
          const r = { bookingWindowMonths: months, bookingCloseDaysBefore: closeDays };
          const date = addDays(day, offset);
          // the last bookable date, computed without addMonths
          const { year, month, day: dom } = partsOf(day);
          const index = year * 12 + month - 1 + months;
          const y = Math.floor(index / 12);
          const m = (index % 12) + 1;
          const last = `${y}-${String(m).padStart(2, "0")}-${String(Math.min(dom, daysInMonth(y, m))).padStart(2, "0")}`;
          const result = checkBookingWindow(date, day, r);
          if (offset < 0) expect(result).toBe("PAST_DATE");
          else if (offset < closeDays) expect(result).toBe("BOOKING_CLOSED_FOR_DATE");
          else if (daysBetween(last, date) > 0) expect(result).toBe("NOT_YET_OPEN");
          else expect(result).toBeNull();
        },
      ),
    );
  });

  it("the window's own ends are bookable whenever the window is not empty (property)", () => {
    fc.assert(
      fc.property(nearDateArb, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 14 }), (day, months, closeDays) => {
        const r = { bookingWindowMonths: months, bookingCloseDaysBefore: closeDays };
        const { first, last } = bookingWindow(day, r);
        expect(last).toBe(addMonths(day, months));
        expect(checkBookingWindow(first, day, r)).toBeNull();
        expect(checkBookingWindow(last, day, r)).toBeNull();
        expect(checkBookingWindow(addDays(last, 1), day, r)).toBe("NOT_YET_OPEN");
      }),
    );
  });
});
