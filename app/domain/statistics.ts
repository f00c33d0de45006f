import { addDays, addMonths, daysBetween, type IsoDate, type IsoMonth, monthOf, weekday } from "./calendar";
import { closureOn, type ClosureRules } from "./closures";
import { framesOn, type OfferableFrame } from "./time-frames";

/** The longest period the statistics are computed for at once. */
export const MAX_RANGE_MONTHS = 36;

export type DateRange = { from: IsoDate; to: IsoDate };

/** The whole of last month: what the statistics page shows first. */
export function lastMonth(today: IsoDate): DateRange {
  const first = `${monthOf(addMonths(`${monthOf(today)}-01`, -1))}-01`;
  return { from: first, to: addDays(`${monthOf(today)}-01`, -1) };
}

/** The whole month of `date` (for the 今月 link). */
export function monthRange(month: IsoMonth): DateRange {
  return { from: `${month}-01`, to: addDays(addMonths(`${month}-01`, 1), -1) };
}

/** April to March: the Japanese fiscal year (年度) that `today` falls in. */
export function fiscalYear(today: IsoDate): DateRange {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0);
  return { from: `${year}-04-01`, to: `${year + 1}-03-31` };
}

export type RangeProblem = "FROM_AFTER_TO" | "TOO_LONG";

/** Whether the statistics can be computed for from..to (both inclusive). */
export function checkRange({ from, to }: DateRange): RangeProblem | null {
  if (from > to) return "FROM_AFTER_TO";
  if (to >= addMonths(from, MAX_RANGE_MONTHS)) return "TOO_LONG";
  return null;
}

/** Every date from..to inclusive, in order. */
export function datesIn({ from, to }: DateRange): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) dates.push(addDays(from, i));
  return dates;
}

/** Every month that from..to touches, in order. */
export function monthsIn({ from, to }: DateRange): IsoMonth[] {
  const months: IsoMonth[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = monthOf(addMonths(`${m}-01`, 1))) months.push(m);
  return months;
}

/** A room as far as the calendar of offered slots is concerned. */
export type OfferingRoom = {
  id: string;
  facilityId: string;
  /** the room's time frames, each with a key (frames with the same key are counted together) */
  frames: readonly (OfferableFrame & { key: string })[];
  /** the closures of the room's facility: weekly, holidays, year-end, dated */
  closure: ClosureRules;
};

export type SlotsOffered = {
  total: number;
  byFacility: Map<string, number>;
  byRoom: Map<string, number>;
  byFrame: Map<string, number>;
  /** index 0 = Sunday … 6 = Saturday */
  byWeekday: number[];
  byMonth: Map<IsoMonth, number>;
};

function add<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

/**
 * Slots offered: every time frame of every room on every day its facility is open in the
 * range and the frame is offered (its day type; as set up now). A divisible hall and its halves
 * are separate rooms, each offering its own frames.
 */
export function slotsOffered(rooms: readonly OfferingRoom[], range: DateRange): SlotsOffered {
  const result: SlotsOffered = { total: 0, byFacility: new Map(), byRoom: new Map(), byFrame: new Map(), byWeekday: [0, 0, 0, 0, 0, 0, 0], byMonth: new Map() };
  for (const room of rooms) {
    result.byRoom.set(room.id, 0);
    if (!result.byFacility.has(room.facilityId)) result.byFacility.set(room.facilityId, 0);
    for (const { key } of room.frames) if (!result.byFrame.has(key)) result.byFrame.set(key, 0);
  }
  for (const month of monthsIn(range)) result.byMonth.set(month, 0);
  for (const date of datesIn(range)) {
    for (const room of rooms) {
      if (closureOn(date, room.closure)) continue;
      const frames = framesOn(room.frames, date);
      const n = frames.length;
      result.total += n;
      add(result.byFacility, room.facilityId, n);
      add(result.byRoom, room.id, n);
      for (const { key } of frames) add(result.byFrame, key, 1);
      result.byWeekday[weekday(date)]! += n;
      add(result.byMonth, monthOf(date), n);
    }
  }
  return result;
}

/** Booked slots as a share of those offered (null when none were offered). */
export function occupancyRate(booked: number, offered: number | null): number | null {
  return offered ? booked / offered : null;
}

/** 0.4523 → 45.2: a rate as a percentage with one decimal (pages and CSV). */
export function percentOf(ratio: number) {
  return Math.round(ratio * 1000) / 10;
}
