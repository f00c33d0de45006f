import { toHalfWidth } from "./account.server";

/**
 * A whole number as staff type it on settings pages: full-width digits, commas, 円 and % are
 * accepted; null when it is not a whole number (blank, letters, decimals).
 */
export function wholeNumber(value: string) {
  const v = toHalfWidth(value).replace(/[,，円%％\s]/g, "");
  return /^-?\d+$/.test(v) ? Number(v) : null;
}
