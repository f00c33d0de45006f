import { describe, expect, it } from "vitest";
import { phoneDigits, searchTermsOf } from "./resident-search";

describe("phoneDigits", () => {
  it.each([
    ["042-555-1234", "0425551234"],
    ["0425551234", "0425551234"],
    ["０４２－５５５－１２３４", "0425551234"],
    ["(042) 555 1234", "0425551234"],
  ])("%s → %s", (typed, digits) => {
    expect(phoneDigits(typed)).toBe(digits);
  });
});

describe("searchTermsOf", () => {
  it("has nothing to look for in a blank box", () => {
    expect(searchTermsOf("")).toBeNull();
    expect(searchTermsOf(" 　 ")).toBeNull();
  });

  it("looks for a name without its spaces, and for the same as furigana", () => {
    expect(searchTermsOf("山田 花子")).toEqual({ name: "山田花子", kana: "山田花子", digits: null });
    expect(searchTermsOf("ﾔﾏﾀﾞ ﾊﾅｺ")).toEqual({ name: "ヤマダハナコ", kana: "やまだはなこ", digits: null });
  });

  it("looks for a phone number by its digits, however it is written", () => {
    for (const typed of ["042-555-1234", "0425551234", "０４２－５５５－１２３４"]) {
      expect(searchTermsOf(typed)?.digits).toBe("0425551234");
    }
    expect(searchTermsOf("1234")?.digits).toBe("1234");
  });

  it("does not look for a few digits, or digits within words, in phone numbers", () => {
    expect(searchTermsOf("123")?.digits).toBeNull();
    expect(searchTermsOf("山田1234")?.digits).toBeNull();
  });
});
