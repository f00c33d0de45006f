import { describe, expect, it } from "vitest";
import { toCsv } from "~/utils/csv";
import { csvRecords, decodeCsvBytes, parseDayTypes, parseSetupCsv, SETUP_CSV_COLUMNS, SETUP_CSV_EXAMPLE } from "./setup-csv";

const HEADER = SETUP_CSV_COLUMNS.map((c) => c.header).join(",");
const file = (...rows: string[]) => [HEADER, ...rows].join("\n");
const row = (cells: Partial<Record<(typeof SETUP_CSV_COLUMNS)[number]["key"], string>>) =>
  SETUP_CSV_COLUMNS.map((c) => cells[c.key] ?? "").join(",");
const am = { facility: "東部会館", address: "秋川1-1", phone: "042-000-0303", closedWeekdays: "月", room: "集会室", capacity: "40", frame: "午前", start: "9:00", end: "12:00", dayTypes: "毎日", weekdayFee: "1000", holidayFee: "1200" };
const pm = { facility: "東部会館", room: "集会室", frame: "午後", start: "13:00", end: "17:00", weekdayFee: "1300", holidayFee: "1600" };

const errorsOf = (text: string) => {
  const result = parseSetupCsv(text);
  if (result.ok) throw new Error("expected errors");
  return result.errors.map((e) => ({ line: e.line, column: e.column, ...e.problem }));
};

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with or without a byte order mark", () => {
    const bytes = new TextEncoder().encode("施設名\r\n");
    expect(decodeCsvBytes(bytes)).toBe("施設名\r\n");
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe("施設名\r\n");
  });

  it("reads Shift_JIS, as Japanese Excel saves CSV", () => {
    // 施設名,部屋名 CRLF 中央,和室 CRLF in Shift_JIS
    const bytes = Uint8Array.from(Buffer.from("8e7b90dd96bc2c959489ae96bc0d0a9286899b2c98618eba0d0a", "hex"));
    expect(decodeCsvBytes(bytes)).toBe("施設名,部屋名\r\n中央,和室\r\n");
  });

  it("gives up on bytes that are neither", () => {
    expect(decodeCsvBytes(Uint8Array.from([0x82, 0xff, 0xfe, 0x80]))).toBeNull();
  });
});

describe("csvRecords", () => {
  it("reads quotes, doubled quotes, commas and line breaks in cells, with the line each record starts on", () => {
    const result = csvRecords('a,"b,c"\r\n"d ""e""","f\ng"\nh,i');
    expect(result).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["a", "b,c"] },
        { line: 2, cells: ['d "e"', "f\ng"] },
        { line: 4, cells: ["h", "i"] },
      ],
    });
  });

  it("reports a quote that is never closed at the line it opens", () => {
    expect(csvRecords('a,b\n"c,d\ne')).toEqual({ ok: false, line: 2 });
  });
});

describe("parseDayTypes", () => {
  it.each([
    ["", ["WEEKDAY", "HOLIDAY"]],
    ["毎日", ["WEEKDAY", "HOLIDAY"]],
    ["平日", ["WEEKDAY"]],
    ["土日祝", ["HOLIDAY"]],
    ["休日", ["HOLIDAY"]],
    ["土日祝・平日", ["WEEKDAY", "HOLIDAY"]],
  ])("reads %s", (typed, dayTypes) => {
    expect(parseDayTypes(typed)).toEqual(dayTypes);
  });

  it("refuses what is not a day type", () => {
    expect(parseDayTypes("月曜")).toBeNull();
  });
});

describe("parseSetupCsv", () => {
  it("reads the downloadable template as it is", () => {
    const result = parseSetupCsv(toCsv(SETUP_CSV_EXAMPLE));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.facilities).toHaveLength(1);
    const [facility] = result.facilities;
    expect(facility).toMatchObject({ name: "東部地区会館", phone: "042-000-0303", closedWeekdays: [1], line: 2 });
    expect(facility!.rooms.map((r) => [r.name, r.capacity, r.frames.length])).toEqual([
      ["集会室", 40, 3],
      ["和室", 12, 2],
    ]);
    expect(facility!.rooms[0]!.frames[2]).toEqual({
      line: 4,
      name: "夜間",
      startMinute: 1080,
      endMinute: 1290,
      dayTypes: ["WEEKDAY"],
      fees: { WEEKDAY: 1300 },
    });
  });

  it("takes the columns in any order, full-width numbers and times, and the old 休日料金 heading", () => {
    const text = [
      "定員,部屋名,施設名,住所,電話番号,時間帯名,開始,終了,平日料金,休日料金",
      "４０,集会室,東部会館,秋川1-1,０４２-０００-０３０３,午前,９：００,１２：００,１，０００,1200円",
    ].join("\r\n");
    const result = parseSetupCsv(text);
    expect(result.ok && result.facilities[0]!.rooms[0]).toEqual({
      line: 2,
      name: "集会室",
      capacity: 40,
      description: "",
      frames: [{ line: 2, name: "午前", startMinute: 540, endMinute: 720, dayTypes: ["WEEKDAY", "HOLIDAY"], fees: { WEEKDAY: 1000, HOLIDAY: 1200 } }],
    });
  });

  it("says which columns are missing, unknown or twice", () => {
    expect(errorsOf("施設名,部屋名,定員数,部屋名\n東部会館,集会室,40,集会室")).toEqual([
      { line: 1, column: null, code: "UNKNOWN_COLUMN", header: "定員数" },
      { line: 1, column: null, code: "DUPLICATE_COLUMN", header: "部屋名" },
      ...["住所", "電話番号", "定員", "時間帯名", "開始", "終了", "平日料金", "土日祝料金"].map((header) => ({ line: 1, column: null, code: "MISSING_COLUMN", header })),
    ]);
  });

  it("refuses an empty file and a file with a header only", () => {
    expect(errorsOf("")).toEqual([{ line: 1, column: null, code: "EMPTY_FILE" }]);
    expect(errorsOf(`${HEADER}\r\n,,,\r\n`)).toEqual([{ line: 1, column: null, code: "NO_ROWS" }]);
  });

  it("reports every bad cell with its line and column", () => {
    const text = file(
      row(am),
      row({ ...pm, capacity: "四十", start: "13時", end: "12:00", weekdayFee: "-5" }),
      row({ facility: "東部会館", room: "和室", capacity: "0", frame: "", start: "9:03", end: "25:00", dayTypes: "月曜", weekdayFee: "600", holidayFee: "800" }),
      row({ facility: "", room: "和室" }),
      row({ facility: "西部会館", address: "", phone: "123", closedWeekdays: "月曜と火曜", room: "", frame: "午前" }),
    );
    expect(errorsOf(text)).toEqual([
      { line: 3, column: "capacity", code: "CAPACITY_INVALID" },
      { line: 3, column: "end", code: "END_NOT_AFTER_START" },
      { line: 3, column: "weekdayFee", code: "FEE_INVALID" },
      { line: 4, column: "capacity", code: "CAPACITY_INVALID" },
      { line: 4, column: "frame", code: "FRAME_NAME_REQUIRED" },
      { line: 4, column: "start", code: "OFF_GRID" },
      { line: 4, column: "end", code: "TIME_INVALID" },
      { line: 4, column: "dayTypes", code: "DAY_TYPE_INVALID" },
      { line: 5, column: "facility", code: "FACILITY_NAME_REQUIRED" },
      { line: 6, column: "address", code: "ADDRESS_REQUIRED" },
      { line: 6, column: "phone", code: "PHONE_INVALID" },
      { line: 6, column: "closedWeekdays", code: "WEEKDAYS_INVALID" },
      { line: 6, column: "room", code: "ROOM_NAME_REQUIRED" },
    ]);
  });

  it("refuses frames of a room that overlap on a shared day type, naming the other line", () => {
    const text = file(
      row(am),
      row({ ...pm, start: "11:30", dayTypes: "平日", holidayFee: "" }),
      row({ ...pm, frame: "午後（休日）", start: "11:00", dayTypes: "土日祝", weekdayFee: "" }),
    );
    expect(errorsOf(text)).toEqual([
      { line: 3, column: "start", code: "OVERLAPS", otherLine: 2, name: "午前", startMinute: 540, endMinute: 720 },
      { line: 4, column: "start", code: "OVERLAPS", otherLine: 2, name: "午前", startMinute: 540, endMinute: 720 },
    ]);
  });

  it("refuses the same frame twice (a room listed twice)", () => {
    expect(errorsOf(file(row(am), row(pm), row(am)))).toEqual([
      { line: 4, column: "start", code: "OVERLAPS", otherLine: 2, name: "午前", startMinute: 540, endMinute: 720 },
    ]);
  });

  it("wants the fee of each day type the frame is offered on, and no other", () => {
    const text = file(row({ ...am, dayTypes: "平日", holidayFee: "1200" }), row({ ...pm, dayTypes: "土日祝", holidayFee: "" }));
    expect(errorsOf(text)).toEqual([
      { line: 2, column: "holidayFee", code: "FEE_NOT_USED" },
      { line: 3, column: "weekdayFee", code: "FEE_NOT_USED" },
      { line: 3, column: "holidayFee", code: "FEE_REQUIRED" },
    ]);
  });

  it("lets a facility's and a room's columns be blank or the same on later rows, not different", () => {
    const same = file(row(am), row({ ...pm, address: "秋川１－１", phone: "０４２００００３０３", closedWeekdays: "月曜日", capacity: "40" }));
    expect(parseSetupCsv(same).ok).toBe(true);
    const different = file(row(am), row({ ...pm, address: "秋川2-2", phone: "042-000-9999", closedWeekdays: "火", capacity: "30" }));
    expect(errorsOf(different)).toEqual([
      { line: 3, column: "address", code: "DIFFERS", firstLine: 2 },
      { line: 3, column: "phone", code: "DIFFERS", firstLine: 2 },
      { line: 3, column: "closedWeekdays", code: "DIFFERS", firstLine: 2 },
      { line: 3, column: "capacity", code: "DIFFERS", firstLine: 2 },
    ]);
  });

  it("says a repeated column is unreadable rather than different", () => {
    expect(errorsOf(file(row(am), row({ ...pm, closedWeekdays: "月曜と火曜", capacity: "四十" })))).toEqual([
      { line: 3, column: "closedWeekdays", code: "WEEKDAYS_INVALID" },
      { line: 3, column: "capacity", code: "CAPACITY_INVALID" },
    ]);
  });

  it("counts lines of the file, blank lines and line breaks in cells included", () => {
    const text = file(row(am), "", row({ ...pm, frame: '"午後\n（長い）"', end: "12:00" }), row({ ...pm, frame: "夜間", start: "x" }));
    expect(errorsOf(text)).toEqual([
      { line: 4, column: "end", code: "END_NOT_AFTER_START" },
      { line: 6, column: "start", code: "TIME_INVALID" },
    ]);
  });

  it("still names the facilities of a file with problems, with their first lines", () => {
    const result = parseSetupCsv(file(row(am), row({ ...pm, capacity: "x" }), row({ ...am, facility: "西部会館" })));
    expect(result).toMatchObject({
      ok: false,
      named: [
        { name: "東部会館", line: 2 },
        { name: "西部会館", line: 4 },
      ],
    });
  });

  it("refuses a quote that is never closed", () => {
    expect(errorsOf(file(row(am), `"東部会館,${row(pm)}`))).toEqual([{ line: 3, column: null, code: "UNCLOSED_QUOTE" }]);
  });
});
