import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { BookingWindowRules } from "./booking-window";
import { checkSlots, MAX_ITEMS_PER_APPLICATION, type KnownRoom, type RequestedSlot } from "./booking-rules";
import { addDays } from "./calendar";
import type { ClosureRules } from "./closures";

const today = "2026-11-23"; // a Monday, 勤労感謝の日
const window: BookingWindowRules = { bookingWindowMonths: 3, bookingCloseDaysBefore: 1 };

type DayType = "WEEKDAY" | "HOLIDAY";
/** A frame offered every day unless told otherwise. */
const frame = (startMinute: number, endMinute: number, dayTypes: DayType[] = ["WEEKDAY", "HOLIDAY"], active = true) => ({
  startMinute,
  endMinute,
  dayTypes,
  active,
});

const standardFrames = new Map([
  ["am", frame(540, 720)],
  ["pm", frame(780, 1020)],
  ["ev", frame(1080, 1290)],
]);

const yearEndOnly: ClosureRules = {
  closedWeekdays: [],
  closedOnHolidays: false,
  closedAtYearEnd: true,
  closedDates: new Map(),
};

/** A hall that can be divided into 集会室A and 集会室B. */
const hall: KnownRoom = {
  id: "hall",
  capacity: 100,
  spaceIds: ["space-a", "space-b"],
  timeFrames: standardFrames,
  closure: yearEndOnly,
  blocks: [],
};
const roomA: KnownRoom = { ...hall, id: "room-a", capacity: 30, spaceIds: ["space-a"] };
const roomB: KnownRoom = { ...hall, id: "room-b", capacity: 30, spaceIds: ["space-b"] };
/** A studio with its own frames (two of them overlap), closed on Mondays and holidays. */
const studio: KnownRoom = {
  id: "studio",
  capacity: 10,
  spaceIds: ["space-s"],
  timeFrames: new Map([
    ["s1", frame(540, 600)],
    ["s2", frame(600, 660)],
    ["long", frame(570, 720)],
    // weekday and holiday afternoons differ; the evening is retired
    ["weekday-pm", frame(780, 1020, ["WEEKDAY"])],
    ["holiday-pm", frame(780, 960, ["HOLIDAY"])],
    ["retired-ev", frame(1080, 1290, ["WEEKDAY", "HOLIDAY"], false)],
  ]),
  closure: {
    closedWeekdays: [1],
    closedOnHolidays: true,
    closedAtYearEnd: true,
    closedDates: new Map([["2026-12-02", "設備点検"]]),
  },
  blocks: [],
};

const rooms = new Map([hall, roomA, roomB, studio].map((r) => [r.id, r]));

function check(slots: RequestedSlot[], headcount?: number) {
  return checkSlots({ slots, rooms, today, window, timeZone: "Asia/Tokyo", headcount });
}

const slot = (roomId: string, timeFrameId: string, date: string): RequestedSlot => ({
  roomId,
  timeFrameId,
  date,
});

describe("checkSlots", () => {
  it("accepts a valid multi-slot application", () => {
    expect(
      check(
        [
          slot("room-a", "am", "2026-12-01"),
          slot("room-a", "pm", "2026-12-01"),
          slot("room-b", "am", "2026-12-01"), // another space at the same time
          slot("hall", "am", "2026-12-03"), // the hall on another day
          slot("studio", "s1", "2026-12-01"),
          slot("studio", "s2", "2026-12-01"), // back-to-back with s1
          slot("room-a", "ev", "2027-02-23"), // the last day of the window (a holiday; room-a stays open)
          slot("room-a", "am", "2026-11-24"), // the first day of the window
        ],
        10,
      ),
    ).toEqual([]);
  });

  it("accepts without a headcount", () => {
    expect(check([slot("hall", "ev", "2026-12-01")])).toEqual([]);
  });

  it("EMPTY_APPLICATION for no slots", () => {
    expect(check([])).toEqual([{ code: "EMPTY_APPLICATION" }]);
  });

  it(`TOO_MANY_ITEMS above ${MAX_ITEMS_PER_APPLICATION} slots, but exactly the limit is fine`, () => {
    const many = Array.from({ length: MAX_ITEMS_PER_APPLICATION + 1 }, (_, i) =>
      slot("room-a", "am", addDays("2026-12-01", i)),
    );
    expect(MAX_ITEMS_PER_APPLICATION).toBe(20);
    expect(check(many)).toEqual([{ code: "TOO_MANY_ITEMS" }]);
    expect(check(many.slice(0, MAX_ITEMS_PER_APPLICATION))).toEqual([]);
  });

  it("UNKNOWN_ROOM for a room outside the municipality", () => {
    expect(check([slot("room-a", "am", "2026-12-01"), slot("elsewhere", "am", "2026-12-01")])).toEqual([
      { code: "UNKNOWN_ROOM", item: 1 },
    ]);
  });

  it("UNKNOWN_TIME_FRAME for a frame of another room", () => {
    expect(check([slot("hall", "s1", "2026-12-01")])).toEqual([{ code: "UNKNOWN_TIME_FRAME", item: 0 }]);
    expect(check([slot("room-a", "pm", "2026-12-01"), slot("studio", "am", "2026-12-01")])).toEqual([
      { code: "UNKNOWN_TIME_FRAME", item: 1 },
    ]);
  });

  it("FRAME_NOT_OFFERED for a frame of the other day type, or a retired one", () => {
    expect(
      check([
        slot("studio", "weekday-pm", "2026-12-01"), // Tuesday
        slot("studio", "holiday-pm", "2026-12-04"), // Friday
        slot("studio", "weekday-pm", "2026-12-05"), // Saturday
        slot("studio", "holiday-pm", "2026-12-06"), // Sunday
        slot("studio", "retired-ev", "2026-12-03"),
      ]),
    ).toEqual([
      { code: "FRAME_NOT_OFFERED", item: 1 },
      { code: "FRAME_NOT_OFFERED", item: 2 },
      { code: "FRAME_NOT_OFFERED", item: 4 },
    ]);
  });

  it("PAST_DATE before today", () => {
    expect(check([slot("room-a", "am", "2026-12-01"), slot("room-a", "am", "2026-11-22")])).toEqual([
      { code: "PAST_DATE", item: 1 },
    ]);
  });

  it("BOOKING_CLOSED_FOR_DATE for today", () => {
    expect(check([slot("room-a", "ev", today)])).toEqual([{ code: "BOOKING_CLOSED_FOR_DATE", item: 0 }]);
  });

  it("NOT_YET_OPEN after today + 3 months", () => {
    expect(check([slot("room-a", "am", "2027-02-24")])).toEqual([{ code: "NOT_YET_OPEN", item: 0 }]);
  });

  it("CLOSED_DAY on a weekly closed day, a holiday, the year end and a dated closure", () => {
    expect(
      check([
        slot("studio", "s1", "2026-11-30"), // Monday
        slot("studio", "s1", "2027-01-11"), // 成人の日
        slot("room-a", "am", "2026-12-29"), // year end
        slot("studio", "s1", "2026-12-02"), // 設備点検
        slot("room-a", "am", "2026-12-28"), // the day before the year end is open
        slot("room-a", "am", "2027-01-04"), // and so is the day after
      ]),
    ).toEqual([
      { code: "CLOSED_DAY", item: 0 },
      { code: "CLOSED_DAY", item: 1 },
      { code: "CLOSED_DAY", item: 2 },
      { code: "CLOSED_DAY", item: 3 },
    ]);
  });

  it("a room's closures do not close another room", () => {
    expect(check([slot("room-a", "am", "2026-11-30"), slot("room-a", "am", "2026-12-02")])).toEqual([]);
  });

  it("DUPLICATE_SLOT for the same room, frame and date twice", () => {
    expect(
      check([
        slot("room-a", "am", "2026-12-01"),
        slot("room-a", "pm", "2026-12-01"),
        slot("room-a", "am", "2026-12-01"),
      ]),
    ).toEqual([{ code: "DUPLICATE_SLOT", item: 2 }]);
  });

  it("OVERLAPPING_SLOTS for the divisible hall and one of its halves at the same time", () => {
    expect(check([slot("hall", "am", "2026-12-01"), slot("room-a", "am", "2026-12-01")])).toEqual([
      { code: "OVERLAPPING_SLOTS", item: 1 },
    ]);
    expect(check([slot("room-b", "pm", "2026-12-01"), slot("hall", "pm", "2026-12-01")])).toEqual([
      { code: "OVERLAPPING_SLOTS", item: 1 },
    ]);
  });

  it("no overlap between the hall and a half at another time or on another day", () => {
    expect(check([slot("hall", "am", "2026-12-01"), slot("room-a", "pm", "2026-12-01")])).toEqual([]);
    expect(check([slot("hall", "am", "2026-12-01"), slot("room-a", "am", "2026-12-03")])).toEqual([]);
  });

  it("OVERLAPPING_SLOTS for two overlapping frames of one room, but not for back-to-back frames", () => {
    expect(check([slot("studio", "s1", "2026-12-01"), slot("studio", "long", "2026-12-01")])).toEqual([
      { code: "OVERLAPPING_SLOTS", item: 1 },
    ]);
    expect(check([slot("studio", "s1", "2026-12-01"), slot("studio", "s2", "2026-12-01")])).toEqual([]);
  });

  it("OVER_CAPACITY for each slot in a room too small for the headcount", () => {
    expect(
      check([slot("hall", "am", "2026-12-01"), slot("room-a", "pm", "2026-12-01"), slot("room-b", "pm", "2026-12-01")], 31),
    ).toEqual([
      { code: "OVER_CAPACITY", item: 1 },
      { code: "OVER_CAPACITY", item: 2 },
    ]);
  });

  it("a headcount equal to the capacity fits", () => {
    expect(check([slot("room-a", "am", "2026-12-01")], 30)).toEqual([]);
    expect(check([slot("hall", "am", "2026-12-01")], 100)).toEqual([]);
    expect(check([slot("hall", "am", "2026-12-01")], 101)).toEqual([{ code: "OVER_CAPACITY", item: 0 }]);
  });

  it("reports one problem per item, the first that applies, in item order", () => {
    expect(
      check(
        [
          slot("room-a", "am", "2026-12-01"), // fine
          slot("nowhere", "zz", "2020-01-01"), // unknown room beats everything
          slot("room-a", "zz", "2020-01-01"), // unknown frame beats a past date
          slot("studio", "s1", "2026-11-16"), // past beats closed (a Monday)
          slot("studio", "s1", "2026-11-30"), // closed
          slot("studio", "s1", "2026-11-30"), // closed beats duplicate
          slot("room-a", "am", "2026-12-01"), // duplicate beats overlap and capacity
          slot("hall", "am", "2026-12-01"), // overlap beats capacity
          slot("studio", "s1", "2026-12-01"), // capacity
        ],
        20,
      ),
    ).toEqual([
      { code: "UNKNOWN_ROOM", item: 1 },
      { code: "UNKNOWN_TIME_FRAME", item: 2 },
      { code: "PAST_DATE", item: 3 },
      { code: "CLOSED_DAY", item: 4 },
      { code: "CLOSED_DAY", item: 5 },
      { code: "DUPLICATE_SLOT", item: 6 },
      { code: "OVERLAPPING_SLOTS", item: 7 },
      { code: "OVER_CAPACITY", item: 8 },
    ]);
  });

  // --- properties ---------------------------------------------------------------------------

  const slotArb = fc.record({
    roomId: fc.constantFrom("hall", "room-a", "room-b", "studio", "elsewhere"),
    timeFrameId: fc.constantFrom("am", "pm", "ev", "s1", "s2", "long", "zz"),
    date: fc.integer({ min: -5, max: 100 }).map((n) => addDays(today, n)),
  });
  const headcountArb = fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined });

  it("never reports an item outside the input, and at most one problem per item (property)", () => {
    fc.assert(
      fc.property(fc.array(slotArb, { maxLength: 30 }), headcountArb, (slots, headcount) => {
        const problems = check(slots, headcount);
        if (slots.length === 0 || slots.length > MAX_ITEMS_PER_APPLICATION) {
          expect(problems).toHaveLength(1);
          expect(problems[0]?.item).toBeUndefined();
          return;
        }
        const items = problems.map((p) => p.item);
        for (const item of items) {
          expect(item).toBeDefined();
          expect(Number.isInteger(item)).toBe(true);
          expect(item).toBeGreaterThanOrEqual(0);
          expect(item).toBeLessThan(slots.length);
        }
        // strictly increasing: one problem per item, in order
        for (let i = 1; i < items.length; i++) expect(items[i]!).toBeGreaterThan(items[i - 1]!);
      }),
    );
  });

  it("a slot's own problems do not depend on the slots after it (property)", () => {
    fc.assert(
      fc.property(
        fc.array(slotArb, { minLength: 1, maxLength: 10 }),
        fc.array(slotArb, { maxLength: 10 }),
        headcountArb,
        (prefix, suffix, headcount) => {
          const alone = check(prefix, headcount);
          const withMore = check([...prefix, ...suffix], headcount).filter(
            (p) => p.item !== undefined && p.item < prefix.length,
          );
          expect(withMore).toEqual(alone);
        },
      ),
    );
  });

  it("a lone slot in a room's own frame, inside the window, on an open day, within capacity is accepted (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("am", "pm", "ev"),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 30 }),
        (frame, offset, headcount) => {
          const date = addDays(today, offset);
          const md = date.slice(5);
          const yearEnd = md >= "12-29" || md <= "01-03";
          const problems = check([slot("room-a", frame, date)], headcount);
          expect(problems).toEqual(yearEnd ? [{ code: "CLOSED_DAY", item: 0 }] : []);
        },
      ),
    );
  });

  it("BLOCKED for a slot overlapping a block of the room's spaces: a half's block closes the whole hall, not the other half", () => {
    // 集会室A closed 2026-12-01 10:00–13:30 (Tokyo) for maintenance
    const block = {
      startsAt: new Date("2026-12-01T01:00:00Z"),
      endsAt: new Date("2026-12-01T04:30:00Z"),
      spaceIds: ["space-a"],
      reason: "床の補修",
    };
    const blocked = new Map([hall, roomA, roomB, studio].map((r) => [r.id, { ...r, blocks: r.spaceIds.includes("space-a") ? [block] : [] }]));
    const run = (slots: RequestedSlot[]) => checkSlots({ slots, rooms: blocked, today, window, timeZone: "Asia/Tokyo" });
    expect(
      run([
        slot("room-a", "am", "2026-12-01"), // 9:00–12:00 overlaps
        slot("hall", "pm", "2026-12-01"), // 13:00–17:00 overlaps 13:00–13:30
        slot("room-b", "am", "2026-12-01"), // the other half: free
        slot("room-a", "ev", "2026-12-01"), // 18:00: after the block
        slot("room-a", "am", "2026-12-03"), // another day
      ]),
    ).toEqual([
      { code: "BLOCKED", item: 0 },
      { code: "BLOCKED", item: 1 },
    ]);
  });
});
