import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkFrame, dayTypeOn, dayTypesFrom, framesOn, framesOverlap, isOfferedOn, parseClockTime } from "./time-frames";

const frame = (id: string, startMinute: number, endMinute: number, dayTypes: ("WEEKDAY" | "HOLIDAY")[], active = true) => ({
  id,
  name: id,
  startMinute,
  endMinute,
  dayTypes,
  active,
});

describe("dayTypeOn", () => {
  it("takes Saturdays, Sundays, national holidays and 12/29–1/3 as holidays", () => {
    expect(dayTypeOn("2026-12-01")).toBe("WEEKDAY"); // Tuesday
    expect(dayTypeOn("2026-12-05")).toBe("HOLIDAY"); // Saturday
    expect(dayTypeOn("2026-12-06")).toBe("HOLIDAY"); // Sunday
    expect(dayTypeOn("2026-11-23")).toBe("HOLIDAY"); // 勤労感謝の日, a Monday
    expect(dayTypeOn("2026-12-29")).toBe("HOLIDAY"); // year end, a Tuesday
    expect(dayTypeOn("2027-01-04")).toBe("WEEKDAY");
  });
});

describe("framesOn", () => {
  const frames = [
    frame("am", 540, 720, ["WEEKDAY", "HOLIDAY"]),
    frame("weekday-pm", 780, 1020, ["WEEKDAY"]),
    frame("holiday-pm", 780, 960, ["HOLIDAY"]),
    frame("retired", 1080, 1290, ["WEEKDAY", "HOLIDAY"], false),
  ];

  it("offers a weekday the frames made for weekdays, in order", () => {
    expect(framesOn(frames, "2026-12-01").map((f) => f.id)).toEqual(["am", "weekday-pm"]);
  });

  it("offers a Saturday and a holiday Monday the holiday frames", () => {
    expect(framesOn(frames, "2026-12-05").map((f) => f.id)).toEqual(["am", "holiday-pm"]);
    expect(framesOn(frames, "2026-11-23").map((f) => f.id)).toEqual(["am", "holiday-pm"]);
  });

  it("never offers a retired frame", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("2026-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }), (d) => {
        const date = d.toISOString().slice(0, 10);
        expect(isOfferedOn(frames[3]!, date)).toBe(false);
        expect(framesOn(frames, date).every((f) => f.dayTypes.includes(dayTypeOn(date)))).toBe(true);
      }),
    );
  });
});

describe("parseClockTime", () => {
  it.each([
    ["9:00", 540],
    ["09:00", 540],
    ["９：００", 540],
    ["２１：３０", 1290],
    ["21:30:00", 1290],
    [" 9:05 ", 545],
    ["9時", 540],
    ["9時30分", 570],
    ["0:00", 0],
    ["24:00", 1440],
  ])("reads %s as %i minutes", (typed, minutes) => {
    expect(parseClockTime(typed)).toBe(minutes);
  });

  it.each(["", "9", "9:60", "25:00", "24:30", "9.30", "nine", "9:0", "午前9時"])("refuses %s", (typed) => {
    expect(parseClockTime(typed)).toBeNull();
  });
});

describe("framesOverlap", () => {
  it("needs a shared day type and overlapping times; back to back is fine", () => {
    const am = { startMinute: 540, endMinute: 720, dayTypes: ["WEEKDAY"] as const };
    expect(framesOverlap(am, { startMinute: 660, endMinute: 780, dayTypes: ["WEEKDAY", "HOLIDAY"] })).toBe(true);
    expect(framesOverlap(am, { startMinute: 660, endMinute: 780, dayTypes: ["HOLIDAY"] })).toBe(false);
    expect(framesOverlap(am, { startMinute: 720, endMinute: 780, dayTypes: ["WEEKDAY"] })).toBe(false);
  });
});

describe("checkFrame", () => {
  const siblings = [frame("午前", 540, 720, ["WEEKDAY", "HOLIDAY"]), frame("夜間（休止）", 1080, 1290, ["WEEKDAY"], false)];
  const draft = (over: Partial<Parameters<typeof checkFrame>[0]> = {}) => ({
    name: "午後",
    startMinute: 780,
    endMinute: 1020,
    dayTypes: ["WEEKDAY" as const],
    ...over,
  });

  it("accepts a frame that fits beside the others", () => {
    expect(checkFrame(draft(), siblings)).toEqual({ problems: {}, overlapping: null });
  });

  it("names each problem by its field", () => {
    expect(checkFrame(draft({ name: " ", startMinute: null, endMinute: 1021, dayTypes: [] }), siblings).problems).toEqual({
      name: "FRAME_NAME_REQUIRED",
      start: "TIME_INVALID",
      end: "OFF_GRID",
      dayTypes: "NO_DAY_TYPE",
    });
    expect(checkFrame(draft({ name: "あ".repeat(51) }), siblings).problems).toEqual({ name: "FRAME_NAME_TOO_LONG" });
    expect(checkFrame(draft({ startMinute: 782 }), siblings).problems).toEqual({ start: "OFF_GRID" });
  });

  it("wants the end after the start", () => {
    expect(checkFrame(draft({ startMinute: 780, endMinute: 780 }), siblings).problems).toEqual({ end: "END_NOT_AFTER_START" });
    expect(checkFrame(draft({ startMinute: 780, endMinute: 720 }), siblings).problems).toEqual({ end: "END_NOT_AFTER_START" });
    expect(checkFrame(draft({ startMinute: 1440, endMinute: 1440 }), siblings).problems).toEqual({ start: "TIME_INVALID" });
  });

  it("refuses an overlap with an offered frame of a shared day type, and names it", () => {
    const result = checkFrame(draft({ startMinute: 690 }), siblings);
    expect(result.problems).toEqual({ start: "OVERLAPS" });
    expect(result.overlapping?.name).toBe("午前");
  });

  it("ignores retired frames", () => {
    expect(checkFrame(draft({ startMinute: 1080, endMinute: 1260 }), siblings).problems).toEqual({});
  });
});

describe("dayTypesFrom", () => {
  it("keeps known day types once, in order", () => {
    expect(dayTypesFrom(["HOLIDAY", "x", "WEEKDAY", "HOLIDAY"])).toEqual(["WEEKDAY", "HOLIDAY"]);
    expect(dayTypesFrom([])).toEqual([]);
  });
});
