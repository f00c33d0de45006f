import { TZDate } from "@date-fns/tz";
import { type Interval, overlaps } from "./availability";
import { addDays, daysBetween, instantAt, type IsoDate, todayIn } from "./calendar";

/**
 * Blocks (臨時の使用中止): a room, or every room of a facility, closed for a period by the hall
 * or staff, for a reason residents are shown. A block covers physical spaces, so blocking one
 * half of a divisible hall closes the whole hall too, and blocking the whole hall closes both
 * halves — as the rooms share the space, they share the block.
 */

/** A block as availability and booking see it. */
export type BlockRule = Interval & { spaceIds: readonly string[]; reason: string };

/** The blocks that touch a room occupying `spaceIds`. */
export function blocksOfRoom(spaceIds: readonly string[], blocks: readonly BlockRule[]): BlockRule[] {
  return blocks.filter((b) => b.spaceIds.some((id) => spaceIds.includes(id)));
}

/** The block that stops `slot` of a room occupying `spaceIds`, or null when none does. */
export function blockOf(slot: Interval, spaceIds: readonly string[], blocks: readonly BlockRule[]): BlockRule | null {
  return blocksOfRoom(spaceIds, blocks).find((b) => overlaps(slot, b)) ?? null;
}

/** A block's reason or a closure's: required, one line, at most this many characters. */
export const REASON_MAX = 100;
/** The longest block, so a typing slip (2062 for 2026) does not close a room for decades. */
export const BLOCK_MAX_DAYS = 366;

const DAY_MINUTES = 24 * 60;

export type BlockPeriodInput = {
  fromDate: IsoDate;
  /** minutes after midnight; null: from the start of the day */
  fromMinute: number | null;
  /** null: the same day as fromDate */
  toDate: IsoDate | null;
  /** minutes after midnight, up to 24:00; null: to the end of the day */
  toMinute: number | null;
};

/** The instants a block entered as dates and optional times covers, half-open. */
export function blockInterval(input: BlockPeriodInput, timeZone: string): Interval {
  return {
    startsAt: instantAt(input.fromDate, input.fromMinute ?? 0, timeZone),
    endsAt: instantAt(input.toDate ?? input.fromDate, input.toMinute ?? DAY_MINUTES, timeZone),
  };
}

export type BlockProblem = "STARTS_BEFORE_TODAY" | "END_NOT_AFTER_START" | "ALREADY_OVER" | "TOO_LONG" | "REASON_REQUIRED" | "REASON_TOO_LONG";

/** Problems of a reason as typed (trimmed first). */
export function checkReason(reason: string): Extract<BlockProblem, "REASON_REQUIRED" | "REASON_TOO_LONG">[] {
  const r = reason.trim();
  if (!r) return ["REASON_REQUIRED"];
  if (r.length > REASON_MAX || /[\r\n]/.test(r)) return ["REASON_TOO_LONG"];
  return [];
}

/**
 * Checks a new block: it starts today or later, ends after it starts and after now, lasts at
 * most BLOCK_MAX_DAYS, and says why.
 */
export function checkBlock(input: BlockPeriodInput & { reason: string }, timeZone: string, now: Date): BlockProblem[] {
  const problems: BlockProblem[] = [];
  const today = todayIn(timeZone, now);
  const { startsAt, endsAt } = blockInterval(input, timeZone);
  if (input.fromDate < today) problems.push("STARTS_BEFORE_TODAY");
  else if (endsAt <= startsAt) problems.push("END_NOT_AFTER_START");
  else if (endsAt <= now) problems.push("ALREADY_OVER");
  else if (daysBetween(input.fromDate, input.toDate ?? input.fromDate) >= BLOCK_MAX_DAYS) problems.push("TOO_LONG");
  return [...problems, ...checkReason(input.reason)];
}

/** The date and the minutes after midnight of `instant` in `timeZone`. */
function localPoint(instant: Date, timeZone: string) {
  const zoned = new TZDate(instant.getTime(), timeZone);
  return { date: todayIn(timeZone, instant), minute: zoned.getHours() * 60 + zoned.getMinutes() };
}

/**
 * A period as people read it: the first and the last date (inclusive), with the times, or
 * null times when it covers whole days. An end at midnight is the end of the day before.
 */
export type PeriodView = { fromDate: IsoDate; fromMinute: number | null; toDate: IsoDate; toMinute: number | null };

export function periodView(period: Interval, timeZone: string): PeriodView {
  const start = localPoint(period.startsAt, timeZone);
  let end = localPoint(period.endsAt, timeZone);
  if (end.minute === 0 && end.date > start.date) end = { date: addDays(end.date, -1), minute: DAY_MINUTES };
  const wholeDays = start.minute === 0 && end.minute === DAY_MINUTES;
  return {
    fromDate: start.date,
    fromMinute: wholeDays ? null : start.minute,
    toDate: end.date,
    toMinute: wholeDays ? null : end.minute,
  };
}

/** The whole days from `from` to `to` inclusive, as an interval. */
export function daysInterval(from: IsoDate, to: IsoDate, timeZone: string): Interval {
  return { startsAt: instantAt(from, 0, timeZone), endsAt: instantAt(addDays(to, 1), 0, timeZone) };
}
