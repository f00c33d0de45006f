import { addDays, addMonths, type IsoDate } from "./calendar";

export type BookingWindowRules = {
  /** bookings open this many months ahead */
  bookingWindowMonths: number;
  /** the last day to book online is this many days before the date of use */
  bookingCloseDaysBefore: number;
};

export type BookingWindow = { first: IsoDate; last: IsoDate };

/** The dates that can be booked online today. */
export function bookingWindow(today: IsoDate, rules: BookingWindowRules): BookingWindow {
  return {
    first: addDays(today, rules.bookingCloseDaysBefore),
    last: addMonths(today, rules.bookingWindowMonths),
  };
}

export type WindowError = "PAST_DATE" | "BOOKING_CLOSED_FOR_DATE" | "NOT_YET_OPEN";

export function checkBookingWindow(
  date: IsoDate,
  today: IsoDate,
  rules: BookingWindowRules,
): WindowError | null {
  if (date < today) return "PAST_DATE";
  const window = bookingWindow(today, rules);
  if (date < window.first) return "BOOKING_CLOSED_FOR_DATE";
  if (date > window.last) return "NOT_YET_OPEN";
  return null;
}
