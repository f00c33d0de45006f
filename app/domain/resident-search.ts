import { normalizeKana } from "./kana";

/** The digits of a phone number as typed (042-555-1234, ０４２５５５１２３４, (042) 555 1234). */
export function phoneDigits(value: string) {
  return value.normalize("NFKC").replace(/\D/g, "");
}

/** Fewer digits than this are not looked for in phone numbers (they would match nearly everyone). */
export const MIN_PHONE_DIGITS = 4;

/**
 * What one search box (name, furigana or phone) looks for: the text without spaces in names,
 * the same as furigana, and — when the query is a phone number or a part of one — its digits.
 * Null when there is nothing to look for.
 */
export function searchTermsOf(query: string) {
  const text = query.normalize("NFKC").replace(/\s+/g, "");
  if (!text) return null;
  const looksLikePhone = /^[\d\-()+]+$/.test(text);
  const digits = looksLikePhone ? phoneDigits(text) : "";
  return {
    name: text,
    kana: normalizeKana(text).replace(/ /g, ""),
    digits: digits.length >= MIN_PHONE_DIGITS ? digits : null,
  };
}
