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

/** One row: cells joined by commas, ended by CRLF (for files written a row at a time). */
export function csvRow(row: readonly CsvCell[]): string {
  return `${row.map(csvCell).join(",")}\r\n`;
}

/** Rows of cells → the whole file: BOM, cells joined by commas, every row ended by CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map(csvRow).join("");
}

/** Response headers for a CSV download named `filename` (ASCII), or `name` where browsers can. */
export function csvHeaders(filename: string, name?: string): HeadersInit {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": attachment(filename, name),
    "Cache-Control": "private, no-store",
  };
}

/**
 * Content-Disposition of a download: the ASCII `filename`, and `name` (Japanese, say) as RFC 5987
 * `filename*`, which every current browser prefers.
 */
export function attachment(filename: string, name?: string) {
  const encoded = name ? encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`) : null;
  return `attachment; filename="${filename.replace(/["\\]/g, "_")}"${encoded ? `; filename*=UTF-8''${encoded}` : ""}`;
}
