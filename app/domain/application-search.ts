import { type IsoDate, parseIsoDate } from "./calendar";

/** Applications on one page of staff search results. */
export const SEARCH_PAGE_SIZE = 50;
/** Longest resident name (or part of one) that staff can search for. */
export const MAX_RESIDENT_TEXT = 100;

/** What staff typed in the resident box: a phone number (digits only) or part of a name. */
export type ResidentQuery = { kind: "phone"; digits: string } | { kind: "name"; text: string };
export type ResidentProblem = "PHONE_LENGTH" | "TOO_LONG";

// what people put between the digits of a phone number: hyphens (and look-alikes), spaces, brackets
const PHONE_SEPARATORS = /[\s\-‐‑–—―ー－()（）]/g;

/**
 * The resident box as a query: digits (full-width too, with or without hyphens) are a phone
 * number of 10 or 11 digits; anything else is (part of) a name, spaces ignored. Null when empty.
 */
export function residentQueryOf(typed: string): ResidentQuery | ResidentProblem | null {
  const text = typed.normalize("NFKC").trim();
  if (!text) return null;
  if (text.length > MAX_RESIDENT_TEXT) return "TOO_LONG";
  const digits = text.replace(PHONE_SEPARATORS, "");
  if (/^\d+$/.test(digits)) return digits.length === 10 || digits.length === 11 ? { kind: "phone", digits } : "PHONE_LENGTH";
  return { kind: "name", text: withoutSpaces(text) };
}

/** Names are compared without their spaces: 「山田 花子」 is found by 「山田花子」 and the other way round. */
export function withoutSpaces(text: string) {
  return text.replace(/[\s\u3000]/g, "");
}

/**
 * A date as staff type it: 2026-12-07, 2026/12/7, 2026年12月7日, full-width digits too.
 * Null when it is not a real calendar date.
 */
export function parseTypedDate(typed: string): IsoDate | null {
  const text = typed.normalize("NFKC").trim();
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!match) return null;
  const [, y, m, d] = match;
  return parseIsoDate(`${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`);
}

/**
 * Where a page of results starts: the first page, the applications numbered below `before`
 * (the next page, older) or above `after` (the previous page, newer). Results run newest first.
 */
export type PageCursor = { before: number } | { after: number } | null;

export function pageCursorOf(before: string | null, after: string | null): PageCursor {
  const number = (v: string | null) => (v && /^\d{1,10}$/.test(v) && Number(v) > 0 && Number(v) < 2 ** 31 ? Number(v) : null);
  const b = number(before);
  if (b !== null) return { before: b };
  const a = number(after);
  return a !== null ? { after: a } : null;
}

/**
 * One page out of the rows a query fetched (one more than a page, to know whether there is
 * more), newest first, and whether there are pages before and after it.
 */
export function pageOf<T extends { number: number }>(fetched: readonly T[], cursor: PageCursor, size = SEARCH_PAGE_SIZE) {
  const more = fetched.length > size;
  const kept = fetched.slice(0, size);
  // going back (after), the query ran oldest first: turn it round
  const rows = cursor && "after" in cursor ? [...kept].reverse() : kept;
  return {
    rows,
    newer: cursor === null ? false : "after" in cursor ? more : true,
    older: cursor !== null && "after" in cursor ? true : more,
  };
}
