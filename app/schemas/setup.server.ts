import type { DayType } from "~/domain/fees";
import type { FacilityDraft, RoomDraft, SetupProblems } from "~/domain/setup";
import { DAY_TYPES, dayTypesFrom, parseClockTime } from "~/domain/time-frames";
import { staffText } from "~/i18n/staff";
import type { FrameInput } from "~/services/setup.server";
import { wholeNumber } from "./numbers.server";

/**
 * The set-up forms as posted. Field names are unique across the set-up pages (a page holds a
 * facility's form and a room's, or a room's and a frame's), since each is also its box's id.
 * Everything is read as typed and checked by the domain rules the services apply.
 */
export const FACILITY_FIELDS = { name: "facilityName", address: "address", phone: "phone", closedWeekdays: "closedWeekdays", sortOrder: "facilitySortOrder" };
export const ROOM_FIELDS = { name: "roomName", capacity: "capacity", description: "description", sortOrder: "roomSortOrder" };
export const FRAME_FIELDS = { name: "frameName", start: "start", end: "end", dayTypes: "dayTypes", "fee-WEEKDAY": "fee-WEEKDAY", "fee-HOLIDAY": "fee-HOLIDAY" };

export async function readForm(request: Request) {
  const formData = await request.formData();
  const values: Record<string, string> = {};
  for (const [k, v] of formData.entries()) if (typeof v === "string" && !(k in values)) values[k] = v;
  const lists = (name: string) => formData.getAll(name).map(String);
  return { values, lists };
}

const number = (value: string | undefined) => wholeNumber(value ?? "") ?? Number.NaN;

export function facilityDraftFrom(values: Record<string, string>, weekdays: readonly string[]): FacilityDraft {
  const f = FACILITY_FIELDS;
  const closedWeekdays = weekdays.map((d) => (/^[0-6]$/.test(d) ? Number(d) : Number.NaN));
  return {
    name: values[f.name] ?? "",
    address: values[f.address] ?? "",
    phone: values[f.phone] ?? "",
    closedWeekdays: closedWeekdays.some(Number.isNaN) ? null : closedWeekdays,
    sortOrder: number(values[f.sortOrder]),
  };
}

export function roomDraftFrom(values: Record<string, string>): RoomDraft {
  const f = ROOM_FIELDS;
  return {
    name: values[f.name] ?? "",
    capacity: number(values[f.capacity]),
    description: values[f.description] ?? "",
    sortOrder: number(values[f.sortOrder]),
  };
}

/** Fee boxes `fee-WEEKDAY` and `fee-HOLIDAY`: null when blank, NaN when not a whole number, absent when not on the form. */
export function frameInputFrom(values: Record<string, string>, dayTypes: readonly string[]): FrameInput {
  const fees: Partial<Record<DayType, number | null>> = {};
  for (const d of DAY_TYPES) {
    const typed = values[`fee-${d}`];
    if (typed !== undefined) fees[d] = typed.trim() === "" ? null : number(typed);
  }
  return {
    name: values[FRAME_FIELDS.name] ?? "",
    startMinute: parseClockTime(values[FRAME_FIELDS.start] ?? ""),
    endMinute: parseClockTime(values[FRAME_FIELDS.end] ?? ""),
    dayTypes: dayTypesFrom(dayTypes),
    fees,
  };
}

/**
 * A service's problems as messages by the form's field names, in the form's order (the error
 * summary lists them so); a problem of no field of the form goes under `form`.
 */
export function fieldErrors(problems: SetupProblems, fields: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, name] of Object.entries(fields)) {
    if (problems[field]) errors[name] = staffText.setup.problem(problems[field]);
  }
  for (const [field, problem] of Object.entries(problems)) {
    if (!(field in fields)) errors.form ??= staffText.setup.problem(problem);
  }
  return errors;
}
