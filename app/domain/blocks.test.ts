import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BlockPeriodInput, type BlockRule, blockInterval, blockOf, blocksOfRoom, checkBlock, checkReason, daysInterval, periodView } from "./blocks";
import { addDays, instantAt } from "./calendar";

const TZ = "Asia/Tokyo";
const at = (iso: string) => new Date(iso);

const hallA: BlockRule = { startsAt: at("2026-12-10T01:00:00Z"), endsAt: at("2026-12-10T04:00:00Z"), spaceIds: ["a"], reason: "床の補修" };
const facility: BlockRule = { startsAt: at("2026-12-11T15:00:00Z"), endsAt: at("2026-12-12T15:00:00Z"), spaceIds: ["a", "b", "s"], reason: "選挙" };

describe("blockOf", () => {
  it("finds the block over a slot of a room sharing one of its spaces", () => {
    const morning = { startsAt: at("2026-12-10T00:00:00Z"), endsAt: at("2026-12-10T03:00:00Z") }; // 9:00–12:00 JST
    expect(blockOf(morning, ["a"], [hallA, facility])).toBe(hallA);
    expect(blockOf(morning, ["a", "b"], [hallA, facility])).toBe(hallA); // the whole hall
    expect(blockOf(morning, ["b"], [hallA, facility])).toBeNull(); // the other half
  });

  it("is half-open: a slot ending as the block starts, or starting as it ends, is free", () => {
    expect(blockOf({ startsAt: at("2026-12-09T22:00:00Z"), endsAt: hallA.startsAt }, ["a"], [hallA])).toBeNull();
    expect(blockOf({ startsAt: hallA.endsAt, endsAt: at("2026-12-10T08:00:00Z") }, ["a"], [hallA])).toBeNull();
  });

  it("blocksOfRoom keeps the blocks touching the room's spaces only", () => {
    expect(blocksOfRoom(["s"], [hallA, facility])).toEqual([facility]);
    expect(blocksOfRoom(["x"], [hallA, facility])).toEqual([]);
  });
});

describe("blockInterval", () => {
  it("takes whole days when no times are given, in the municipality's zone", () => {
    expect(blockInterval({ fromDate: "2026-12-12", fromMinute: null, toDate: null, toMinute: null }, TZ)).toEqual(daysInterval("2026-12-12", "2026-12-12", TZ));
    expect(blockInterval({ fromDate: "2026-12-12", fromMinute: null, toDate: "2026-12-14", toMinute: null }, TZ)).toEqual({
      startsAt: at("2026-12-11T15:00:00Z"),
      endsAt: at("2026-12-14T15:00:00Z"),
    });
  });

  it("takes the times when given (24:00 is the end of the day)", () => {
    expect(blockInterval({ fromDate: "2026-12-12", fromMinute: 600, toDate: null, toMinute: 1440 }, TZ)).toEqual({
      startsAt: at("2026-12-12T01:00:00Z"),
      endsAt: at("2026-12-12T15:00:00Z"),
    });
  });
});

describe("checkBlock", () => {
  const now = at("2026-12-05T03:00:00Z"); // 12:00 on 12/5 in Tokyo
  const good: BlockPeriodInput & { reason: string } = { fromDate: "2026-12-10", fromMinute: null, toDate: null, toMinute: null, reason: "点検のため休館" };
  const check = (change: Partial<typeof good>) => checkBlock({ ...good, ...change }, TZ, now);

  it("accepts a day to come, or the rest of today", () => {
    expect(check({})).toEqual([]);
    expect(check({ fromDate: "2026-12-05" })).toEqual([]);
  });

  it("refuses a start before today, an end not after the start or already past, and more than a year", () => {
    expect(check({ fromDate: "2026-12-04" })).toEqual(["STARTS_BEFORE_TODAY"]);
    expect(check({ toDate: "2026-12-09" })).toEqual(["END_NOT_AFTER_START"]);
    expect(check({ fromMinute: 600, toMinute: 600 })).toEqual(["END_NOT_AFTER_START"]);
    expect(check({ fromDate: "2026-12-05", fromMinute: 540, toMinute: 660 })).toEqual(["ALREADY_OVER"]);
    // 366 days at most, the first and the last included
    expect(check({ toDate: addDays("2026-12-10", 366) })).toEqual(["TOO_LONG"]);
    expect(check({ toDate: addDays("2026-12-10", 365) })).toEqual([]);
  });

  it("needs a reason of one line, 100 characters at most", () => {
    expect(checkReason("  ")).toEqual(["REASON_REQUIRED"]);
    expect(checkReason("a".repeat(100))).toEqual([]);
    expect(checkReason("a".repeat(101))).toEqual(["REASON_TOO_LONG"]);
    expect(checkReason("一行目\n二行目")).toEqual(["REASON_TOO_LONG"]);
    expect(check({ fromDate: "2026-12-01", reason: "" })).toEqual(["STARTS_BEFORE_TODAY", "REASON_REQUIRED"]);
  });
});

describe("periodView", () => {
  it("shows whole days without times, and the day before a midnight end", () => {
    expect(periodView(daysInterval("2026-12-10", "2026-12-12", TZ), TZ)).toEqual({ fromDate: "2026-12-10", fromMinute: null, toDate: "2026-12-12", toMinute: null });
  });

  it("shows times when the period starts or ends within a day", () => {
    expect(periodView(hallA, TZ)).toEqual({ fromDate: "2026-12-10", fromMinute: 600, toDate: "2026-12-10", toMinute: 780 });
    const evening = { startsAt: instantAt("2026-12-10", 1080, TZ), endsAt: instantAt("2026-12-12", 0, TZ) };
    expect(periodView(evening, TZ)).toEqual({ fromDate: "2026-12-10", fromMinute: 1080, toDate: "2026-12-11", toMinute: 1440 });
  });

  it("gives back what was entered (property)", () => {
    const dayArb = fc.integer({ min: 0, max: 400 }).map((n) => addDays("2026-12-01", n));
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 30 }), fc.option(fc.integer({ min: 0, max: 1439 })), fc.option(fc.integer({ min: 1, max: 1440 })), (from, length, fromMinute, toMinute) => {
        const input = { fromDate: from, fromMinute, toDate: addDays(from, length), toMinute };
        const interval = blockInterval(input, TZ);
        if (interval.endsAt <= interval.startsAt) return;
        const view = periodView(interval, TZ);
        expect(blockInterval({ ...view, toDate: view.toDate }, TZ)).toEqual(interval);
      }),
    );
  });
});
