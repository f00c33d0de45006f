/**
 * A whole number as staff type it: full-width digits, commas, 円, % and spaces are accepted;
 * null when it is not a whole number (blank, letters, decimals).
 */
export function parseWholeNumber(value: string): number | null {
  const v = value
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－ー‐]/g, "-")
    .trim()
    .replace(/[,，円%％\s]/g, "");
  return /^-?\d+$/.test(v) ? Number(v) : null;
}
