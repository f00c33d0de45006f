/**
 * The rules of a facility and a room as staff set them up, on a form or in an onboarding CSV
 * (app/domain/setup-csv.ts): one set of rules for both.
 */

export const MAX_FACILITY_NAME = 100;
export const MAX_ADDRESS = 200;
export const MAX_ROOM_NAME = 100;
export const MAX_DESCRIPTION = 500;
export const MAX_CAPACITY = 10_000;
export const MAX_SORT_ORDER = 9_999;

export type FacilityProblemCode =
  | "FACILITY_NAME_REQUIRED"
  | "FACILITY_NAME_TOO_LONG"
  | "ADDRESS_REQUIRED"
  | "ADDRESS_TOO_LONG"
  | "PHONE_INVALID"
  | "WEEKDAYS_INVALID"
  | "ORDER_INVALID";

export type RoomProblemCode =
  | "ROOM_NAME_REQUIRED"
  | "ROOM_NAME_TOO_LONG"
  | "CAPACITY_INVALID"
  | "DESCRIPTION_TOO_LONG"
  | "ORDER_INVALID";

export type FacilityDraft = {
  name: string;
  address: string;
  phone: string;
  /** 0 = Sunday … 6 = Saturday; null when what was given is not a list of weekdays */
  closedWeekdays: readonly number[] | null;
  /** NaN when not a whole number */
  sortOrder: number;
};

export type FacilityFields = "name" | "address" | "phone" | "closedWeekdays" | "sortOrder";

export type Facility = { name: string; address: string; phone: string; closedWeekdays: number[]; sortOrder: number };

/** Checks a facility; on success gives it tidied (trimmed, phone in half-width digits). */
export function checkFacility(
  draft: FacilityDraft,
): { ok: true; facility: Facility } | { ok: false; problems: Partial<Record<FacilityFields, FacilityProblemCode>> } {
  const problems: Partial<Record<FacilityFields, FacilityProblemCode>> = {};
  const name = draft.name.trim();
  const address = draft.address.trim();
  const phone = normalizePhone(draft.phone);
  if (!name) problems.name = "FACILITY_NAME_REQUIRED";
  else if (name.length > MAX_FACILITY_NAME) problems.name = "FACILITY_NAME_TOO_LONG";
  if (!address) problems.address = "ADDRESS_REQUIRED";
  else if (address.length > MAX_ADDRESS) problems.address = "ADDRESS_TOO_LONG";
  if (!isPhoneNumber(phone)) problems.phone = "PHONE_INVALID";
  const weekdays = draft.closedWeekdays;
  if (weekdays === null || !weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) problems.closedWeekdays = "WEEKDAYS_INVALID";
  if (!isSortOrder(draft.sortOrder)) problems.sortOrder = "ORDER_INVALID";
  if (Object.keys(problems).length > 0 || weekdays === null) return { ok: false, problems };
  return { ok: true, facility: { name, address, phone, closedWeekdays: [...new Set(weekdays)].sort((a, b) => a - b), sortOrder: draft.sortOrder } };
}

export type RoomDraft = {
  name: string;
  /** NaN when not a whole number */
  capacity: number;
  description: string;
  sortOrder: number;
};

export type RoomFields = "name" | "capacity" | "description" | "sortOrder";

export type Room = { name: string; capacity: number; description: string; sortOrder: number };

export function checkRoom(
  draft: RoomDraft,
): { ok: true; room: Room } | { ok: false; problems: Partial<Record<RoomFields, RoomProblemCode>> } {
  const problems: Partial<Record<RoomFields, RoomProblemCode>> = {};
  const name = draft.name.trim();
  const description = draft.description.trim();
  if (!name) problems.name = "ROOM_NAME_REQUIRED";
  else if (name.length > MAX_ROOM_NAME) problems.name = "ROOM_NAME_TOO_LONG";
  if (!Number.isInteger(draft.capacity) || draft.capacity < 1 || draft.capacity > MAX_CAPACITY) problems.capacity = "CAPACITY_INVALID";
  if (description.length > MAX_DESCRIPTION) problems.description = "DESCRIPTION_TOO_LONG";
  if (!isSortOrder(draft.sortOrder)) problems.sortOrder = "ORDER_INVALID";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, room: { name, capacity: draft.capacity, description, sortOrder: draft.sortOrder } };
}

function isSortOrder(n: number) {
  return Number.isInteger(n) && n >= 0 && n <= MAX_SORT_ORDER;
}

/** Full-width digits and dashes as half-width, spaces dropped: "０４２－０００" → "042-000". */
export function normalizePhone(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[－ー‐−–—]/g, "-")
    .replace(/\s+/g, "");
}

/** A Japanese phone number as written: starts with 0, 10 or 11 digits, hyphens allowed. */
export function isPhoneNumber(phone: string): boolean {
  return /^0[\d-]+$/.test(phone) && /^\d{10,11}$/.test(phone.replace(/-/g, ""));
}

const WEEKDAY_CHARS = "日月火水木金土";

/**
 * Weekly closed days as written in a sheet: "月", "月・木", "月曜日、木曜日", "月,木"; blank or
 * "なし" for none. 0 = Sunday … 6 = Saturday, sorted; null when a part is not a weekday.
 */
export function parseWeekdays(text: string): number[] | null {
  const v = text.normalize("NFKC").trim();
  if (v === "" || v === "なし" || v === "無し" || v === "-") return [];
  const parts = v.split(/[・、,/\s]+/).filter(Boolean);
  const days: number[] = [];
  for (const part of parts) {
    const match = /^([日月火水木金土])(?:曜日?)?$/.exec(part);
    if (!match) return null;
    days.push(WEEKDAY_CHARS.indexOf(match[1]!));
  }
  return [...new Set(days)].sort((a, b) => a - b);
}

/** Weekdays as a sheet writes them: [1, 4] → "月・木". */
export function formatWeekdays(days: readonly number[]): string {
  return days.map((d) => WEEKDAY_CHARS[d]).join("・");
}

/** A booking still to come that stands in the way of a change (retiring, closing a weekday). */
export type BookedSlot = { number: number; date: string; roomName: string; frameName: string };

/**
 * Why a set-up change was refused, for the field it belongs to. Messages come from
 * staffText.setup (app/i18n/staff.ts), keyed by the code.
 */
export type SetupProblem =
  | { code: FacilityProblemCode | RoomProblemCode }
  | { code: "FACILITY_NAME_TAKEN" | "ROOM_NAME_TAKEN" }
  | { code: "FRAME_NAME_REQUIRED" | "FRAME_NAME_TOO_LONG" | "TIME_INVALID" | "OFF_GRID" | "END_NOT_AFTER_START" | "NO_DAY_TYPE" }
  | { code: "FEE_REQUIRED" | "FEE_INVALID" }
  /** the frame has bookings on record: its times stay as they were booked */
  | { code: "TIMES_LOCKED" }
  /** offering a frame again that has no fee in the current or a later fee schedule */
  | { code: "FEE_MISSING" }
  | { code: "OVERLAPS"; name: string; startMinute: number; endMinute: number }
  /** bookings to come that the change would strand: `count` in all, the first few listed */
  | { code: "HAS_FUTURE_BOOKINGS"; count: number; bookings: BookedSlot[] };

export type SetupProblems = Record<string, SetupProblem>;
