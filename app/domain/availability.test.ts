import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayMark,
  isFree,
  nearestAlternatives,
  overlaps,
  slotInterval,
  type Candidate,
  type Interval,
} from "./availability";
import { addDays, daysBetween } from "./calendar";

const TOKYO = "Asia/Tokyo";

function at(hhmm: string, date = "2026-12-01"): Date {
  return new Date(`${date}T${hhmm}:00+09:00`);
}

function interval(from: string, to: string, date = "2026-12-01"): Interval {
  return { startsAt: at(from, date), endsAt: at(to, date) };
}

describe("slotInterval", () => {
  it("turns a frame into Tokyo instants on the date", () => {
    const am = slotInterval("2026-12-01", { startMinute: 540, endMinute: 720 }, TOKYO);
    expect(am.startsAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(am.endsAt.toISOString()).toBe("2026-12-01T03:00:00.000Z");
    const evening = slotInterval("2026-12-01", { startMinute: 1080, endMinute: 1290 }, TOKYO);
    expect(evening.startsAt.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(evening.endsAt.toISOString()).toBe("2026-12-01T12:30:00.000Z");
  });
});

describe("overlaps", () => {
  it("does not count back-to-back slots as overlapping (half-open)", () => {
    const am = interval("09:00", "12:00");
    const noon = interval("12:00", "13:00");
    expect(overlaps(am, noon)).toBe(false);
    expect(overlaps(noon, am)).toBe(false);
  });

  it("back-to-back frames built with slotInterval do not overlap", () => {
    const a = slotInterval("2026-12-01", { startMinute: 540, endMinute: 720 }, TOKYO);
    const b = slotInterval("2026-12-01", { startMinute: 720, endMinute: 900 }, TOKYO);
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(b, a)).toBe(false);
  });

  it("counts a partial overlap, containment and identity", () => {
    const am = interval("09:00", "12:00");
    expect(overlaps(am, interval("11:59", "13:00"))).toBe(true);
    expect(overlaps(am, interval("08:00", "09:01"))).toBe(true);
    expect(overlaps(am, interval("10:00", "11:00"))).toBe(true);
    expect(overlaps(interval("10:00", "11:00"), am)).toBe(true);
    expect(overlaps(am, interval("08:00", "13:00"))).toBe(true);
    expect(overlaps(am, am)).toBe(true);
  });

  it("does not count disjoint intervals or the same time on another day", () => {
    expect(overlaps(interval("09:00", "12:00"), interval("13:00", "17:00"))).toBe(false);
    expect(overlaps(interval("09:00", "12:00"), interval("09:00", "12:00", "2026-12-02"))).toBe(false);
  });

  it("is symmetric and agrees with a minute-by-minute check (property)", () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 100 }))
      .map(([start, length]) => [start, start + length] as const);
    fc.assert(
      fc.property(span, span, ([s1, e1], [s2, e2]) => {
        const base = Date.UTC(2026, 11, 1);
        const a = { startsAt: new Date(base + s1 * 60_000), endsAt: new Date(base + e1 * 60_000) };
        const b = { startsAt: new Date(base + s2 * 60_000), endsAt: new Date(base + e2 * 60_000) };
        let shared = false;
        for (let m = s1; m < e1; m++) if (m >= s2 && m < e2) shared = true;
        expect(overlaps(a, b)).toBe(shared);
        expect(overlaps(b, a)).toBe(shared);
      }),
    );
  });
});

describe("isFree", () => {
  it("is free with nothing booked", () => {
    expect(isFree(interval("09:00", "12:00"), [])).toBe(true);
  });

  it("is free when bookings only touch it", () => {
    expect(isFree(interval("13:00", "17:00"), [interval("09:00", "13:00"), interval("17:00", "21:30")])).toBe(
      true,
    );
  });

  it("is not free when any booking overlaps", () => {
    expect(
      isFree(interval("13:00", "17:00"), [interval("09:00", "12:00"), interval("16:30", "18:00")]),
    ).toBe(false);
    expect(isFree(interval("13:00", "17:00"), [interval("13:00", "17:00")])).toBe(false);
  });
});

describe("dayMark", () => {
  it("marks a closed day closed, whatever else holds", () => {
    expect(dayMark({ closed: true, bookable: true, freeFrames: 3, totalFrames: 3 })).toBe("closed");
    expect(dayMark({ closed: true, bookable: false, freeFrames: 0, totalFrames: 3 })).toBe("closed");
    expect(dayMark({ closed: true, bookable: true, freeFrames: 0, totalFrames: 0 })).toBe("closed");
  });

  it("marks a day outside the booking window outside", () => {
    expect(dayMark({ closed: false, bookable: false, freeFrames: 3, totalFrames: 3 })).toBe("outside");
    expect(dayMark({ closed: false, bookable: false, freeFrames: 0, totalFrames: 3 })).toBe("outside");
  });

  it("marks a day on which the room offers no frame: none (outside the window: outside)", () => {
    expect(dayMark({ closed: false, bookable: true, freeFrames: 0, totalFrames: 0 })).toBe("none");
    expect(dayMark({ closed: false, bookable: false, freeFrames: 0, totalFrames: 0 })).toBe("outside");
  });

  it("marks free, partial and full days", () => {
    expect(dayMark({ closed: false, bookable: true, freeFrames: 3, totalFrames: 3 })).toBe("free");
    expect(dayMark({ closed: false, bookable: true, freeFrames: 1, totalFrames: 1 })).toBe("free");
    expect(dayMark({ closed: false, bookable: true, freeFrames: 2, totalFrames: 3 })).toBe("partial");
    expect(dayMark({ closed: false, bookable: true, freeFrames: 1, totalFrames: 3 })).toBe("partial");
    expect(dayMark({ closed: false, bookable: true, freeFrames: 0, totalFrames: 3 })).toBe("full");
  });
});

describe("nearestAlternatives", () => {
  const frames = ["am", "pm", "ev"];
  const taken = { roomId: "A", date: "2026-12-10", timeFrameId: "pm", frameIndex: 1 };

  /** Every frame of the given rooms over the given days, all available. */
  function grid(rooms: string[], from: string, days: number): Candidate[] {
    const out: Candidate[] = [];
    for (const roomId of rooms) {
      for (let i = 0; i < days; i++) {
        const date = addDays(from, i);
        frames.forEach((timeFrameId, frameIndex) =>
          out.push({ roomId, date, timeFrameId, frameIndex, available: true }),
        );
      }
    }
    return out;
  }

  const key = (c: { roomId: string; date: string; timeFrameId: string }) =>
    `${c.roomId} ${c.date} ${c.timeFrameId}`;

  it("offers the same room on the same day first, then nearest days, then other rooms", () => {
    const candidates = [
      ...grid(["A"], "2026-12-08", 5),
      ...grid(["B"], "2026-12-10", 1),
    ];
    expect(nearestAlternatives(taken, candidates, 100).map(key)).toEqual([
      // same room, same day, neighbouring frames (ties keep the input order)
      "A 2026-12-10 am",
      "A 2026-12-10 ev",
      // same frame one day either side, the earlier day first
      "A 2026-12-09 pm",
      "A 2026-12-11 pm",
      // other frames one day away before anything two days away
      "A 2026-12-09 am",
      "A 2026-12-09 ev",
      "A 2026-12-11 am",
      "A 2026-12-11 ev",
      "A 2026-12-08 pm",
      "A 2026-12-12 pm",
      "A 2026-12-08 am",
      "A 2026-12-08 ev",
      "A 2026-12-12 am",
      "A 2026-12-12 ev",
      // other rooms last, the same frame first
      "B 2026-12-10 pm",
      "B 2026-12-10 am",
      "B 2026-12-10 ev",
    ]);
  });

  it("prefers the same room on the same day even when other rooms come first in the input", () => {
    const candidates: Candidate[] = [
      { roomId: "B", date: "2026-12-10", timeFrameId: "pm", frameIndex: 1, available: true },
      { roomId: "A", date: "2026-12-11", timeFrameId: "pm", frameIndex: 1, available: true },
      { roomId: "A", date: "2026-12-10", timeFrameId: "ev", frameIndex: 2, available: true },
    ];
    expect(nearestAlternatives(taken, candidates).map(key)).toEqual([
      "A 2026-12-10 ev",
      "A 2026-12-11 pm",
      "B 2026-12-10 pm",
    ]);
  });

  it("returns at most 3 by default and at most `limit`", () => {
    const candidates = grid(["A", "B"], "2026-12-08", 5);
    expect(nearestAlternatives(taken, candidates)).toHaveLength(3);
    expect(nearestAlternatives(taken, candidates, 1).map(key)).toEqual(["A 2026-12-10 am"]);
    expect(nearestAlternatives(taken, candidates, 0)).toEqual([]);
  });

  it("never offers the taken slot or an unavailable one", () => {
    const candidates: Candidate[] = [
      { roomId: "A", date: "2026-12-10", timeFrameId: "pm", frameIndex: 1, available: true },
      { roomId: "A", date: "2026-12-10", timeFrameId: "am", frameIndex: 0, available: false },
      { roomId: "A", date: "2026-12-10", timeFrameId: "ev", frameIndex: 2, available: false },
      { roomId: "A", date: "2026-12-11", timeFrameId: "pm", frameIndex: 1, available: true },
    ];
    expect(nearestAlternatives(taken, candidates).map(key)).toEqual(["A 2026-12-11 pm"]);
  });

  it("offers the same frame of another room on the taken date (it is not the taken slot)", () => {
    const candidates: Candidate[] = [
      { roomId: "B", date: "2026-12-10", timeFrameId: "pm", frameIndex: 1, available: true },
    ];
    expect(nearestAlternatives(taken, candidates).map(key)).toEqual(["B 2026-12-10 pm"]);
  });

  it("returns nothing when nothing is available", () => {
    expect(nearestAlternatives(taken, [])).toEqual([]);
    expect(
      nearestAlternatives(taken, grid(["A"], "2026-12-08", 3).map((c) => ({ ...c, available: false }))),
    ).toEqual([]);
  });

  it("keeps the same room on the same day first even with many frames a day", () => {
    // hourly frames 9:00–21:00 = 12 frames; the taken one is the first
    const hourly: Candidate[] = [];
    for (const date of ["2026-12-10", "2026-12-11"]) {
      for (let i = 0; i < 12; i++) {
        hourly.push({ roomId: "A", date, timeFrameId: `h${i}`, frameIndex: i, available: true });
      }
    }
    const first = { roomId: "A", date: "2026-12-10", timeFrameId: "h0", frameIndex: 0 };
    const result = nearestAlternatives(first, hourly, 11);
    expect(result.every((c) => c.date === "2026-12-10")).toBe(true);
    expect(result.map((c) => c.frameIndex)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("keeps the same room ahead of other rooms however many days away", () => {
    const candidates: Candidate[] = [
      { roomId: "B", date: "2026-12-10", timeFrameId: "pm", frameIndex: 1, available: true },
      { roomId: "A", date: addDays("2026-12-10", 120), timeFrameId: "pm", frameIndex: 1, available: true },
    ];
    expect(nearestAlternatives(taken, candidates).map((c) => c.roomId)).toEqual(["A", "B"]);
  });

  // --- properties ---------------------------------------------------------------------------

  const roomIdArb = fc.constantFrom("A", "B", "C");
  const slotArb = fc.record({
    roomId: roomIdArb,
    date: fc.integer({ min: -10, max: 20 }).map((n) => addDays("2026-12-10", n)),
    frameIndex: fc.integer({ min: 0, max: 23 }),
  });
  const candidateArb = fc
    .tuple(slotArb, fc.boolean())
    .map(([s, available]): Candidate => ({ ...s, timeFrameId: `f${s.frameIndex}`, available }));
  const takenArb = slotArb.map((s) => ({ ...s, timeFrameId: `f${s.frameIndex}` }));
  const inputArb = fc.record({
    taken: takenArb,
    // unique by slot, as the service builds them
    candidates: fc.uniqueArray(candidateArb, { maxLength: 60, selector: key }),
    limit: fc.integer({ min: 0, max: 10 }),
  });

  /** 0: same room same day, 1: same room another day, 2: another room */
  const group = (t: { roomId: string; date: string }, c: Candidate) =>
    c.roomId !== t.roomId ? 2 : c.date === t.date ? 0 : 1;

  it("returns only available candidates from the input, at most `limit`, never the taken slot (property)", () => {
    fc.assert(
      fc.property(inputArb, ({ taken: t, candidates, limit }) => {
        const result = nearestAlternatives(t, candidates, limit);
        expect(result.length).toBeLessThanOrEqual(limit);
        for (const c of result) {
          expect(candidates).toContain(c);
          expect(c.available).toBe(true);
          expect(key(c)).not.toBe(key(t));
        }
        expect(new Set(result.map(key)).size).toBe(result.length);
        const offerable = candidates.filter((c) => c.available && key(c) !== key(t));
        expect(result).toHaveLength(Math.min(limit, offerable.length));
      }),
    );
  });

  it("orders by group, then by distance in days, then by distance in frames (property)", () => {
    fc.assert(
      fc.property(inputArb, ({ taken: t, candidates, limit }) => {
        const result = nearestAlternatives(t, candidates, limit);
        const rank = (c: Candidate) =>
          [group(t, c), Math.abs(daysBetween(t.date, c.date)), Math.abs(c.frameIndex - t.frameIndex)] as const;
        const before = (a: readonly number[], b: readonly number[]) => {
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
          return false;
        };
        // consecutive results never go backwards
        for (let i = 1; i < result.length; i++) {
          expect(before(rank(result[i]!), rank(result[i - 1]!))).toBe(false);
        }
        // nothing left out ranks strictly ahead of something offered
        const last = result[result.length - 1];
        if (last === undefined) return;
        for (const c of candidates) {
          if (!c.available || key(c) === key(t) || result.includes(c)) continue;
          expect(before(rank(c), rank(last))).toBe(false);
        }
      }),
    );
  });
});
