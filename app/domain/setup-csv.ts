/**
 * Onboarding a municipality's facilities from a CSV file: one row per time frame of a room,
 * with the facility's and the room's columns repeated (or left blank after their first row).
 * Pure: the file's bytes in, the facilities to create or every problem by line out. Whether a
 * facility already exists is the service's question (app/services/setup.server.ts).
 */
import { type DayType } from "./fees";
import { parseWholeNumber } from "./numbers";
import { checkFacility, checkRoom, type FacilityFields, type FacilityProblemCode, parseWeekdays, type RoomFields, type RoomProblemCode } from "./setup";
import { checkFrame, DAY_TYPES, type FrameProblemCode, parseClockTime } from "./time-frames";
import { isFee } from "./fees";

export const SETUP_CSV_COLUMNS = [
  { key: "facility", header: "施設名", required: true },
  { key: "address", header: "住所", required: true },
  { key: "phone", header: "電話番号", required: true },
  { key: "closedWeekdays", header: "休館曜日", required: false },
  { key: "room", header: "部屋名", required: true },
  { key: "capacity", header: "定員", required: true },
  { key: "description", header: "部屋の説明", required: false },
  { key: "frame", header: "時間帯名", required: true },
  { key: "start", header: "開始", required: true },
  { key: "end", header: "終了", required: true },
  { key: "dayTypes", header: "曜日区分", required: false },
  { key: "weekdayFee", header: "平日料金", required: true },
  { key: "holidayFee", header: "土日祝料金", required: true, alias: "休日料金" },
] as const;

export type CsvColumn = (typeof SETUP_CSV_COLUMNS)[number]["key"];

/** More rows than this are refused (a municipality's halls are a few hundred at most). */
export const MAX_CSV_ROWS = 5000;

export type ImportFrame = {
  line: number;
  name: string;
  startMinute: number;
  endMinute: number;
  dayTypes: DayType[];
  /** the fee of each of its day types */
  fees: Partial<Record<DayType, number>>;
};
export type ImportRoom = { line: number; name: string; capacity: number; description: string; frames: ImportFrame[] };
export type ImportFacility = {
  line: number;
  name: string;
  address: string;
  phone: string;
  closedWeekdays: number[];
  rooms: ImportRoom[];
};

export type CsvProblem =
  | { code: "ENCODING" | "EMPTY_FILE" | "UNCLOSED_QUOTE" | "NO_ROWS" }
  | { code: "TOO_MANY_ROWS"; max: number }
  | { code: "MISSING_COLUMN" | "UNKNOWN_COLUMN" | "DUPLICATE_COLUMN"; header: string }
  | { code: FacilityProblemCode | RoomProblemCode | Exclude<FrameProblemCode, "OVERLAPS"> }
  | { code: "DAY_TYPE_INVALID" | "FEE_REQUIRED" | "FEE_INVALID" | "FEE_NOT_USED" | "FACILITY_EXISTS" }
  /** a facility's or room's column differs from its first row */
  | { code: "DIFFERS"; firstLine: number }
  | { code: "OVERLAPS"; otherLine: number; name: string; startMinute: number; endMinute: number };

/** One problem: the file's line (the header is line 1), the column (null: the whole row or file). */
export type CsvError = { line: number; column: CsvColumn | null; problem: CsvProblem };

/** On failure, `named` still gives each facility's name and first line (to say which exist already). */
export type ParsedSetup = { ok: true; facilities: ImportFacility[] } | { ok: false; errors: CsvError[]; named: { name: string; line: number }[] };

/**
 * The file's text: UTF-8 with or without a byte order mark, else Shift_JIS (what Japanese Excel
 * writes as "CSV"); null when it is neither.
 */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
  for (const encoding of ["utf-8", "shift_jis"]) {
    try {
      // TextDecoder drops a UTF-8 byte order mark itself
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // not this encoding
    }
  }
  return null;
}

/** RFC 4180 records, each with the line it starts on; CRLF, LF or CR line ends. */
export function csvRecords(text: string): { ok: true; records: { line: number; cells: string[] }[] } | { ok: false; line: number } {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 1;
  const endRecord = () => {
    cells.push(cell);
    records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) line++;
        cell += c;
      }
    } else if (c === '"' && cell === "") {
      quoted = true;
      quoteLine = line;
    } else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += c;
    }
  }
  if (quoted) return { ok: false, line: quoteLine };
  if (cell !== "" || cells.length > 0) endRecord();
  return { ok: true, records };
}

const FACILITY_COLUMN: Record<FacilityFields, CsvColumn | null> = {
  name: "facility",
  address: "address",
  phone: "phone",
  closedWeekdays: "closedWeekdays",
  sortOrder: null,
};
const ROOM_COLUMN: Record<RoomFields, CsvColumn | null> = { name: "room", capacity: "capacity", description: "description", sortOrder: null };
const FRAME_COLUMN = { name: "frame", start: "start", end: "end", dayTypes: "dayTypes" } as const;
const FEE_COLUMN: Record<DayType, CsvColumn> = { WEEKDAY: "weekdayFee", HOLIDAY: "holidayFee" };

/** 曜日区分 as written: 平日, 土日祝 (休日), 毎日 (or blank, or both named). */
export function parseDayTypes(text: string): DayType[] | null {
  const v = text.normalize("NFKC").replace(/\s+/g, "");
  if (v === "" || v === "毎日" || v === "全日") return [...DAY_TYPES];
  const parts = v.split(/[・、,/]+/).filter(Boolean);
  const found = new Set<DayType>();
  for (const part of parts) {
    if (part === "平日") found.add("WEEKDAY");
    else if (["土日祝", "土日祝日", "休日", "土日・祝日"].includes(part)) found.add("HOLIDAY");
    else return null;
  }
  return DAY_TYPES.filter((d) => found.has(d));
}

const norm = (text: string) => text.normalize("NFKC").trim();

/**
 * Reads the whole file and checks every row against the same rules as the set-up screens:
 * every problem is reported with its line and column, and facilities come back only when
 * there is none.
 */
export function parseSetupCsv(text: string): ParsedSetup {
  const parsed = csvRecords(text);
  const fail = (errors: CsvError[]): ParsedSetup => ({ ok: false, errors: sortCsvErrors(errors), named: [...facilities.values()].map((g) => ({ name: g.facility.name, line: g.facility.line })) });
  type FacilityGroup = { facility: ImportFacility; valid: boolean; rooms: Map<string, { room: ImportRoom; valid: boolean }> };
  const facilities = new Map<string, FacilityGroup>();
  if (!parsed.ok) return fail([{ line: parsed.line, column: null, problem: { code: "UNCLOSED_QUOTE" } }]);
  const records = parsed.records.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const header = records.shift();
  if (!header) return fail([{ line: 1, column: null, problem: { code: "EMPTY_FILE" } }]);

  const errors: CsvError[] = [];
  const index = new Map<CsvColumn, number>();
  header.cells.forEach((raw, i) => {
    const name = norm(raw);
    if (name === "") return;
    const column = SETUP_CSV_COLUMNS.find((c) => c.header === name || ("alias" in c && c.alias === name));
    if (!column) return errors.push({ line: header.line, column: null, problem: { code: "UNKNOWN_COLUMN", header: name } });
    if (index.has(column.key)) return errors.push({ line: header.line, column: null, problem: { code: "DUPLICATE_COLUMN", header: name } });
    index.set(column.key, i);
  });
  for (const column of SETUP_CSV_COLUMNS) {
    if (column.required && !index.has(column.key)) {
      errors.push({ line: header.line, column: null, problem: { code: "MISSING_COLUMN", header: column.header } });
    }
  }
  if (errors.length > 0) return fail(errors);
  if (records.length === 0) return fail([{ line: header.line, column: null, problem: { code: "NO_ROWS" } }]);
  if (records.length > MAX_CSV_ROWS) return fail([{ line: header.line, column: null, problem: { code: "TOO_MANY_ROWS", max: MAX_CSV_ROWS } }]);

  for (const { line, cells } of records) {
    const cell = (column: CsvColumn) => {
      const i = index.get(column);
      return i === undefined ? "" : (cells[i] ?? "").trim();
    };
    const report = (column: CsvColumn | null, problem: CsvProblem) => errors.push({ line, column, problem });
    /** a repeated column: blank, or the same as on the first row of its facility or room */
    const sameAsFirst = (column: CsvColumn, first: string, firstLine: number, canon: (v: string) => string = norm) => {
      const value = cell(column);
      if (value !== "" && canon(value) !== canon(first)) report(column, { code: "DIFFERS", firstLine });
    };

    const facilityName = norm(cell("facility"));
    if (!facilityName) {
      report("facility", { code: "FACILITY_NAME_REQUIRED" });
      continue;
    }
    let group = facilities.get(facilityName);
    if (!group) {
      const checked = checkFacility({
        name: facilityName,
        address: cell("address"),
        phone: cell("phone"),
        closedWeekdays: parseWeekdays(cell("closedWeekdays")),
        sortOrder: 0,
      });
      if (!checked.ok) {
        for (const [field, code] of Object.entries(checked.problems)) report(FACILITY_COLUMN[field as FacilityFields], { code });
      }
      const facility = checked.ok
        ? { line, ...checked.facility, rooms: [] }
        : { line, name: facilityName, address: cell("address"), phone: cell("phone"), closedWeekdays: [], rooms: [] };
      group = { facility, valid: checked.ok, rooms: new Map() };
      facilities.set(facilityName, group);
    } else if (group.valid) {
      const first = group.facility;
      sameAsFirst("address", first.address, first.line);
      sameAsFirst("phone", first.phone, first.line, (v) => v.normalize("NFKC").replace(/[^\d]/g, ""));
      const weekdays = cell("closedWeekdays");
      const days = weekdays === "" ? null : parseWeekdays(weekdays);
      if (weekdays !== "" && days === null) report("closedWeekdays", { code: "WEEKDAYS_INVALID" });
      else if (days && days.join() !== first.closedWeekdays.join()) report("closedWeekdays", { code: "DIFFERS", firstLine: first.line });
    }

    const roomName = norm(cell("room"));
    if (!roomName) {
      report("room", { code: "ROOM_NAME_REQUIRED" });
      continue;
    }
    let roomGroup = group.rooms.get(roomName);
    if (!roomGroup) {
      const checked = checkRoom({
        name: roomName,
        capacity: parseWholeNumber(cell("capacity")) ?? Number.NaN,
        description: cell("description"),
        sortOrder: 0,
      });
      if (!checked.ok) {
        for (const [field, code] of Object.entries(checked.problems)) report(ROOM_COLUMN[field as RoomFields], { code });
      }
      const { name, capacity, description } = checked.ok ? checked.room : { name: roomName, capacity: 0, description: "" };
      roomGroup = { room: { line, name, capacity, description, frames: [] }, valid: checked.ok };
      group.rooms.set(roomName, roomGroup);
      if (checked.ok) group.facility.rooms.push(roomGroup.room);
    } else if (roomGroup.valid) {
      const first = roomGroup.room;
      const capacity = cell("capacity");
      const n = capacity === "" ? null : parseWholeNumber(capacity);
      if (capacity !== "" && n === null) report("capacity", { code: "CAPACITY_INVALID" });
      else if (n !== null && n !== first.capacity) report("capacity", { code: "DIFFERS", firstLine: first.line });
      sameAsFirst("description", first.description, first.line);
    }

    const dayTypes = parseDayTypes(cell("dayTypes"));
    if (dayTypes === null) report("dayTypes", { code: "DAY_TYPE_INVALID" });
    const draft = {
      name: cell("frame"),
      startMinute: parseClockTime(cell("start")),
      endMinute: parseClockTime(cell("end")),
      dayTypes: dayTypes ?? [...DAY_TYPES],
    };
    const { problems, overlapping } = checkFrame(draft, roomGroup.room.frames.map((f) => ({ ...f, active: true })));
    for (const [field, code] of Object.entries(problems)) {
      const column = FRAME_COLUMN[field as keyof typeof FRAME_COLUMN];
      if (code === "OVERLAPS" && overlapping) {
        const { line: otherLine, name, startMinute, endMinute } = overlapping;
        report(column, { code, otherLine, name, startMinute, endMinute });
      } else if (code !== "OVERLAPS") {
        report(column, { code });
      }
    }
    const fees: Partial<Record<DayType, number>> = {};
    let feesOk = true;
    for (const dayType of DAY_TYPES) {
      const column = FEE_COLUMN[dayType];
      const typed = cell(column);
      const offered = (dayTypes ?? []).includes(dayType);
      if (!offered) {
        if (typed !== "" && dayTypes !== null) {
          report(column, { code: "FEE_NOT_USED" });
          feesOk = false;
        }
        continue;
      }
      const fee = parseWholeNumber(typed);
      if (typed === "") report(column, { code: "FEE_REQUIRED" });
      else if (fee === null || !isFee(fee)) report(column, { code: "FEE_INVALID" });
      else fees[dayType] = fee;
      if (fees[dayType] === undefined) feesOk = false;
    }
    if (group.valid && roomGroup.valid && dayTypes !== null && feesOk && Object.keys(problems).length === 0) {
      roomGroup.room.frames.push({
        line,
        name: draft.name.trim(),
        startMinute: draft.startMinute!,
        endMinute: draft.endMinute!,
        dayTypes,
        fees,
      });
    }
  }
  if (errors.length > 0) return fail(errors);
  return { ok: true, facilities: [...facilities.values()].map((g) => g.facility) };
}

const COLUMN_ORDER = new Map<CsvColumn | null, number>([[null, -1], ...SETUP_CSV_COLUMNS.map((c, i) => [c.key, i] as [CsvColumn, number])]);

/** Problems in the order of the file: by line, then by column. */
export function sortCsvErrors(errors: readonly CsvError[]): CsvError[] {
  return [...errors].sort((a, b) => a.line - b.line || COLUMN_ORDER.get(a.column)! - COLUMN_ORDER.get(b.column)!);
}

/** The template offered for download: the columns, and the demo's kind of rows as examples. */
export const SETUP_CSV_EXAMPLE: string[][] = [
  SETUP_CSV_COLUMNS.map((c) => c.header),
  ["東部地区会館", "東京都あきる野市秋川1-1", "042-000-0303", "月", "集会室", "40", "机といすがあります。", "午前", "9:00", "12:00", "毎日", "1000", "1200"],
  ["東部地区会館", "", "", "", "集会室", "", "", "午後", "13:00", "17:00", "毎日", "1300", "1600"],
  ["東部地区会館", "", "", "", "集会室", "", "", "夜間", "18:00", "21:30", "平日", "1300", ""],
  ["東部地区会館", "", "", "", "和室", "12", "8畳の和室です。", "午前", "9:00", "12:00", "毎日", "600", "800"],
  ["東部地区会館", "", "", "", "和室", "", "", "午後", "13:00", "17:00", "毎日", "800", "1000"],
];
