/**
 * Furigana (ふりがな) as Tsudoi keeps it: whichever way it was typed — hiragana, katakana or
 * half-width katakana, with any spaces — it is stored as hiragana with single half-width
 * spaces, so that a search typed any of those ways finds it.
 */

const KATAKANA = /[\u30a1-\u30f6]/g;
/** Katakana and hiragana sit 0x60 apart in Unicode (ァ U+30A1 → ぁ U+3041, … ヶ → ゖ). */
const KATAKANA_TO_HIRAGANA = 0x60;

/** NFKC turns half-width ｶﾀｶﾅ (with ﾞ and ﾟ) into full-width カタカナ, and full-width spaces into plain ones. */
export function normalizeKana(value: string) {
  return value
    .normalize("NFKC")
    .replace(KATAKANA, (c) => String.fromCharCode(c.charCodeAt(0) - KATAKANA_TO_HIRAGANA))
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a normalised value is furigana: hiragana, the long-vowel mark ー and spaces only. */
export function isKana(normalized: string) {
  return /^[\u3041-\u3096\u309d\u309eー ]+$/.test(normalized);
}
