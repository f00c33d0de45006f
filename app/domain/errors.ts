/**
 * Stable codes for every way a booking can be refused. Messages for people come from
 * app/i18n, keyed by these codes; tests and logs use the codes.
 */
export type BookingErrorCode =
  | "EMPTY_APPLICATION"
  | "TOO_MANY_ITEMS"
  | "UNKNOWN_ROOM"
  | "UNKNOWN_TIME_FRAME"
  /** the frame is retired, or not offered on the date's day type */
  | "FRAME_NOT_OFFERED"
  | "NO_FEE_RULE"
  | "UNKNOWN_EXEMPTION"
  | "UNKNOWN_GROUP"
  | "PAST_DATE"
  | "BOOKING_CLOSED_FOR_DATE"
  | "NOT_YET_OPEN"
  | "CLOSED_DAY"
  /** the hall or staff closed the room (or its facility) for that time */
  | "BLOCKED"
  | "DUPLICATE_SLOT"
  | "OVERLAPPING_SLOTS"
  | "OVER_CAPACITY"
  | "SLOT_TAKEN"
  | "EQUIPMENT_SHORT"
  | "NOT_FOUND"
  | "ALREADY_CANCELLED"
  /** a proxy booking (代理予約) for someone who is not a resident this person may book for */
  | "UNKNOWN_APPLICANT";

/** One problem with one slot of an application (item is the slot's position, 0-based). */
export type BookingProblem = { code: BookingErrorCode; item?: number };
