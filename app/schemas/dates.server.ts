import { type IsoDate, parseIsoDate } from "~/domain/calendar";
import { toHalfWidth } from "./account.server";

/** What a typed box held: nothing, something that is not a date or time, or the value. */
export type Typed<T> = { kind: "blank" } | { kind: "invalid" } | { kind: "ok"; value: T };

/**
 * A date as staff type it: 2026-12-10, 2026/12/10, 2026/1/5 or 2026年12月10日, with full-width
 * digits too.
 */
export function typedDate(value: string | undefined): Typed<IsoDate> {
  const v = toHalfWidth(value ?? "").replace(/\s/g, "");
  if (!v) return { kind: "blank" };
  const parts = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/.exec(v);
  const date = parts ? parseIsoDate(`${parts[1]}-${parts[2]!.padStart(2, "0")}-${parts[3]!.padStart(2, "0")}`) : null;
  return date ? { kind: "ok", value: date } : { kind: "invalid" };
}

/**
 * A time of day as minutes after midnight: 9:00, 09:30, 9時, 9時30分, full-width too; 24:00 is
 * the end of the day.
 */
export function typedTime(value: string | undefined): Typed<number> {
  const v = toHalfWidth(value ?? "").replace(/\s/g, "").replace(/[：]/g, ":");
  if (!v) return { kind: "blank" };
  const parts = /^(\d{1,2})(?::(\d{2})|時(?:(\d{1,2})分)?)$/.exec(v);
  if (!parts) return { kind: "invalid" };
  const hours = Number(parts[1]);
  const minutes = Number(parts[2] ?? parts[3] ?? 0);
  const minute = hours * 60 + minutes;
  return minutes < 60 && minute <= 24 * 60 ? { kind: "ok", value: minute } : { kind: "invalid" };
}
