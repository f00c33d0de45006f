import { type IsoDate, weekday } from "./calendar";
import { holidayName, isYearEnd } from "./closures";
import { type DayType, dayTypeOf } from "./fees";

/** The day types in the order staff see them. */
export const DAY_TYPES = ["WEEKDAY", "HOLIDAY"] as const satisfies readonly DayType[];

/** A date's day type: Saturdays, Sundays, national holidays and 12/29–1/3 are HOLIDAY. */
export function dayTypeOn(date: IsoDate): DayType {
  return dayTypeOf(weekday(date), holidayName(date) !== null || isYearEnd(date));
}

export type OfferableFrame = { active: boolean; dayTypes: readonly DayType[] };

/** Whether a frame is offered on `date`: not retired, and made for the date's day type. */
export function isOfferedOn(frame: OfferableFrame, date: IsoDate): boolean {
  return frame.active && frame.dayTypes.includes(dayTypeOn(date));
}

/**
 * The frames of one room that are offered on `date`, in the order given. Availability, the
 * booking rules and everything else that lists a room's frames for a date go through here.
 */
export function framesOn<F extends OfferableFrame>(frames: readonly F[], date: IsoDate): F[] {
  return frames.filter((frame) => isOfferedOn(frame, date));
}

/** Frames start and end on a 5-minute grid. */
export const FRAME_GRID_MINUTES = 5;
export const MAX_FRAME_NAME = 50;

/**
 * A time of day as staff type it: "9:00", "09:00", "９：００", "21:30:00", "9時", "9時30分".
 * Minutes after midnight (24:00 = 1440, for a frame that ends at midnight); null otherwise.
 */
export function parseClockTime(text: string): number | null {
  const v = text.normalize("NFKC").replace(/\s+/g, "");
  const match = /^(\d{1,2}):(\d{2})(?::00)?$/.exec(v) ?? /^(\d{1,2})時(?:(\d{1,2})分)?$/.exec(v);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? "0");
  if (minutes > 59) return null;
  const total = hours * 60 + minutes;
  return total <= 24 * 60 ? total : null;
}

export type FrameTimes = { startMinute: number; endMinute: number };
type DayTypedFrame = FrameTimes & { dayTypes: readonly DayType[] };

/** Two frames of one room clash when they share a day type and their times overlap. */
export function framesOverlap(a: DayTypedFrame, b: DayTypedFrame): boolean {
  return a.dayTypes.some((d) => b.dayTypes.includes(d)) && a.startMinute < b.endMinute && b.startMinute < a.endMinute;
}

export type FrameProblemCode =
  | "FRAME_NAME_REQUIRED"
  | "FRAME_NAME_TOO_LONG"
  | "TIME_INVALID"
  | "OFF_GRID"
  | "END_NOT_AFTER_START"
  | "NO_DAY_TYPE"
  | "OVERLAPS";

export type FrameDraft = {
  name: string;
  /** null when what was typed is not a time */
  startMinute: number | null;
  endMinute: number | null;
  dayTypes: readonly DayType[];
};

/** Another frame of the room, for the overlap rule (retired frames are ignored). */
export type SiblingFrame = DayTypedFrame & { name: string; active: boolean };

export type FrameCheck<S extends SiblingFrame> = {
  /** by field: name, start, end, dayTypes; in the form's order */
  problems: Partial<Record<"name" | "start" | "end" | "dayTypes", FrameProblemCode>>;
  /** the offered frame it would overlap (with OVERLAPS on `start`) */
  overlapping: S | null;
};

/**
 * The rules of one time frame: a name, start before end on the 5-minute grid, at least one day
 * type, and no overlap with the room's other offered frames of a shared day type.
 */
export function checkFrame<S extends SiblingFrame>(draft: FrameDraft, siblings: readonly S[]): FrameCheck<S> {
  const problems: FrameCheck<S>["problems"] = {};
  const name = draft.name.trim();
  if (!name) problems.name = "FRAME_NAME_REQUIRED";
  else if (name.length > MAX_FRAME_NAME) problems.name = "FRAME_NAME_TOO_LONG";
  const onGrid = (m: number) => m % FRAME_GRID_MINUTES === 0;
  const { startMinute: start, endMinute: end } = draft;
  const startIsTime = start !== null && start < 24 * 60;
  if (!startIsTime) problems.start = "TIME_INVALID";
  else if (!onGrid(start)) problems.start = "OFF_GRID";
  if (end === null) problems.end = "TIME_INVALID";
  else if (!onGrid(end)) problems.end = "OFF_GRID";
  else if (startIsTime && end <= start) problems.end = "END_NOT_AFTER_START";
  if (draft.dayTypes.length === 0) problems.dayTypes = "NO_DAY_TYPE";
  let overlapping: S | null = null;
  if (start !== null && end !== null && start < end) {
    const frame = { startMinute: start, endMinute: end, dayTypes: draft.dayTypes };
    overlapping = siblings.find((s) => s.active && framesOverlap(frame, s)) ?? null;
    if (overlapping && !problems.start) problems.start = "OVERLAPS";
  }
  return { problems, overlapping };
}

/** Day types as posted by a form's checkboxes: known ones only, each once, in order. */
export function dayTypesFrom(values: readonly string[]): DayType[] {
  return DAY_TYPES.filter((d) => values.includes(d));
}
