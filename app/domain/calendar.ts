import { TZDate } from "@date-fns/tz";

/** A calendar date in the municipality's time zone, as `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtc(date: IsoDate): Date {
  const [, y, m, d] = ISO_DATE.exec(date)!;
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

function fromUtc(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** The date if `value` is a real calendar date such as 2026-12-01, otherwise null. */
export function parseIsoDate(value: unknown): IsoDate | null {
  if (typeof value !== "string" || !ISO_DATE.test(value)) return null;
  return fromUtc(toUtc(value)) === value ? value : null;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Adds months, keeping the day of month where it exists (1月31日 + 1 month = 2月28日). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return fromUtc(d);
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return toUtc(date).getUTCDay();
}

/** A `YYYY-MM` month. */
export type IsoMonth = string;

export function parseIsoMonth(value: unknown): IsoMonth | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}$/.test(value)) return null;
  return parseIsoDate(`${value}-01`) ? value : null;
}

export function monthOf(date: IsoDate): IsoMonth {
  return date.slice(0, 7);
}

export function addMonthsToMonth(month: IsoMonth, months: number): IsoMonth {
  return monthOf(addMonths(`${month}-01`, months));
}

/** Every date of the month, in order. */
export function datesOfMonth(month: IsoMonth): IsoDate[] {
  const first = `${month}-01`;
  const dates: IsoDate[] = [];
  for (let d = first; monthOf(d) === month; d = addDays(d, 1)) dates.push(d);
  return dates;
}

/** Today's date in `timeZone` at the instant `now`. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const zoned = new TZDate(now.getTime(), timeZone);
  const y = zoned.getFullYear();
  const m = String(zoned.getMonth() + 1).padStart(2, "0");
  const d = String(zoned.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** The date and time of `instant` in `timeZone`, as spreadsheets read it: "2026-11-23 09:05". */
export function localDateTime(instant: Date, timeZone: string): string {
  const zoned = new TZDate(instant.getTime(), timeZone);
  const hh = String(zoned.getHours()).padStart(2, "0");
  const mm = String(zoned.getMinutes()).padStart(2, "0");
  return `${todayIn(timeZone, instant)} ${hh}:${mm}`;
}

/** The instant of `minute` minutes after midnight of `date` in `timeZone`. */
export function instantAt(date: IsoDate, minute: number, timeZone: string): Date {
  return new Date(midnightIn(date, timeZone) + minute * 60_000);
}

/**
 * Midnights already worked out, by zone and date. A TZDate from parts asks Intl for the zone's
 * offset, about 40 µs: a month view needs 6 instants for each of 31 days, and `npm run bench`
 * found that to be most of its time. Bounded: a busy server sees the dates of a few years.
 */
const midnights = new Map<string, number>();
const MIDNIGHTS_KEPT = 20_000;

function midnightIn(date: IsoDate, timeZone: string): number {
  const key = `${timeZone} ${date}`;
  let midnight = midnights.get(key);
  if (midnight === undefined) {
    const [, y, m, d] = ISO_DATE.exec(date)!;
    midnight = new TZDate(Number(y), Number(m) - 1, Number(d), timeZone).getTime();
    if (midnights.size >= MIDNIGHTS_KEPT) midnights.clear();
    midnights.set(key, midnight);
  }
  return midnight;
}

/** 540 → "9:00" */
export function formatMinutes(minute: number): string {
  return `${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, "0")}`;
}

/** A Date holding a calendar date at UTC midnight (how Prisma reads a DATE column). */
export function isoDateFromDbDate(date: Date): IsoDate {
  return fromUtc(date);
}

export function dbDateFromIsoDate(date: IsoDate): Date {
  return toUtc(date);
}
