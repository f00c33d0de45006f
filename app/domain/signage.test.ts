import { describe, expect, it } from "vitest";
import { instantAt } from "./calendar";
import { type SignageOccupancy, type SignageRoom, signageBoard } from "./signage";

const TZ = "Asia/Tokyo";
const date = "2026-12-08";
const frames = [
  { name: "午前", startMinute: 540, endMinute: 720 },
  { name: "午後", startMinute: 780, endMinute: 1020 },
  { name: "夜間", startMinute: 1080, endMinute: 1290 },
];
// a divisible hall: the whole room occupies both halves' spaces
const hall: SignageRoom = { id: "hall", name: "大集会室", spaceIds: ["a", "b"], frames };
const hallA: SignageRoom = { id: "hall-a", name: "集会室A", spaceIds: ["a"], frames };
const washitsu: SignageRoom = { id: "washitsu", name: "和室", spaceIds: ["w"], frames };
const at = (minute: number) => instantAt(date, minute, TZ);
const occupied = (spaceId: string, roomId: string | null, from: number, to: number, groupName: string | null = null, kind: "BOOKING" | "BLOCK" = "BOOKING"): SignageOccupancy => ({
  spaceId,
  roomId,
  kind,
  groupName,
  startsAt: at(from),
  endsAt: at(to),
});

describe("signageBoard", () => {
  const board = (occupancies: SignageOccupancy[], now = at(600)) =>
    signageBoard({ date, timeZone: TZ, now, rooms: [hall, hallA, washitsu], occupancies });

  it("shows every frame of every room free on a quiet day, in order", () => {
    const rows = board([]);
    expect(rows.map((r) => r.room)).toEqual(["大集会室", "集会室A", "和室"]);
    expect(rows[2]!.cells.map((c) => [c.name, c.from, c.to, c.state])).toEqual([
      ["午前", "9:00", "12:00", "FREE"],
      ["午後", "13:00", "17:00", "FREE"],
      ["夜間", "18:00", "21:30", "FREE"],
    ]);
  });

  it("shows a booking with the group's name only when the service passed it", () => {
    const rows = board([occupied("w", "washitsu", 540, 720, "あきる野俳句の会"), occupied("w", "washitsu", 780, 1020)]);
    expect(rows[2]!.cells.map((c) => (c.state === "BOOKED" ? c.groupName : c.state))).toEqual(["あきる野俳句の会", null, "FREE"]);
  });

  it("shows a half of the hall as booked when the whole hall is, and the whole when a half is", () => {
    const rows = board([occupied("a", "hall", 1080, 1290, "合唱団"), occupied("b", "hall", 1080, 1290, "合唱団"), occupied("a", "hall-a", 540, 720)]);
    expect(rows[0]!.cells.map((c) => c.state)).toEqual(["BOOKED", "FREE", "BOOKED"]);
    expect(rows[1]!.cells.map((c) => c.state)).toEqual(["BOOKED", "FREE", "BOOKED"]);
    expect(rows[1]!.cells[2]).toMatchObject({ state: "BOOKED", groupName: "合唱団" });
  });

  it("shows a blocked frame as not available", () => {
    const rows = board([occupied("w", null, 540, 1290, null, "BLOCK")]);
    expect(rows[2]!.cells.map((c) => c.state)).toEqual(["UNAVAILABLE", "UNAVAILABLE", "UNAVAILABLE"]);
  });

  it("marks frames over and the one going on now", () => {
    const cells = board([], at(800))[2]!.cells;
    expect(cells.map((c) => [c.past, c.current])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
  });
});
