import { type IsoDate, instantAt } from "./calendar";

export type Interval = { startsAt: Date; endsAt: Date };

export type FrameTimes = { startMinute: number; endMinute: number };

/** The instants a time frame covers on `date`, half-open. */
export function slotInterval(date: IsoDate, frame: FrameTimes, timeZone: string): Interval {
  return {
    startsAt: instantAt(date, frame.startMinute, timeZone),
    endsAt: instantAt(date, frame.endMinute, timeZone),
  };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

export function isFree(slot: Interval, occupied: readonly Interval[]): boolean {
  return !occupied.some((o) => overlaps(slot, o));
}

/**
 * The mark a resident sees for a day: ○ every frame free, △ some free, × none free,
 * 休 closed; `outside` for dates that cannot be booked online (past or not yet open);
 * `none` when the room offers no frame that day (its frames are for the other day type).
 */
export type DayMark = "free" | "partial" | "full" | "closed" | "outside" | "none";

export function dayMark(input: {
  closed: boolean;
  bookable: boolean;
  freeFrames: number;
  totalFrames: number;
}): DayMark {
  if (input.closed) return "closed";
  if (!input.bookable) return "outside";
  if (input.totalFrames === 0) return "none";
  if (input.freeFrames === input.totalFrames) return "free";
  if (input.freeFrames === 0) return "full";
  return "partial";
}

export type SlotRef = { roomId: string; date: IsoDate; timeFrameId: string };

export type Candidate = SlotRef & {
  /** order of the frame within its room's day, 0 = first */
  frameIndex: number;
  /** whether it is free and may be booked now */
  available: boolean;
};

/**
 * The nearest free slots to one that was just taken: the same room on the same day first,
 * then the same frame on the nearest days, then other rooms at the same time.
 */
export function nearestAlternatives(
  taken: SlotRef & { frameIndex: number },
  candidates: readonly Candidate[],
  limit = 3,
): Candidate[] {
  // compared in order: same room same day, same room other days, other rooms; then days
  // apart; then frames apart (a weighted sum would let 10+ frames outweigh a day)
  const rank = (c: Candidate): [number, number, number] => {
    const days = Math.abs(
      (Date.parse(c.date) - Date.parse(taken.date)) / 86_400_000,
    );
    const frames = Math.abs(c.frameIndex - taken.frameIndex);
    const group = c.roomId !== taken.roomId ? 2 : days === 0 ? 0 : 1;
    return [group, days, frames];
  };
  const compare = (a: [number, number, number], b: [number, number, number]) =>
    a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  return candidates
    .filter(
      (c) =>
        c.available &&
        !(c.roomId === taken.roomId && c.date === taken.date && c.timeFrameId === taken.timeFrameId),
    )
    .map((c) => ({ c, d: rank(c) }))
    .sort((a, b) => compare(a.d, b.d) || a.c.date.localeCompare(b.c.date))
    .slice(0, limit)
    .map(({ c }) => c);
}
