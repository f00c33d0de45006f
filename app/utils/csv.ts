/**
 * CSV as Japanese Excel opens it correctly: UTF-8 with a byte order mark (without it Excel
 * reads Shift_JIS and shows 文字化け), CRLF line ends, RFC 4180 quoting. Pure: no I/O.
 */

export type CsvCell = string | number | null | undefined;

/** The byte order mark that tells Excel the file is UTF-8. */
export const BOM = "\uFEFF";

// Excel runs a cell that starts with one of these as a formula (CSV injection, OWASP);
// tab and carriage return are on OWASP's list too.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Text that Excel would run as a formula gets a leading apostrophe, so it is shown as
 * typed; numbers are written as they are (a negative number is not a formula).
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells → the whole file: BOM, cells joined by commas, every row ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}

/** Response headers for a CSV download named `filename` (ASCII). */
export function csvHeaders(filename: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "private, no-store",
  };
}
