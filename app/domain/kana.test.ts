import { describe, expect, it } from "vitest";
import { isKana, normalizeKana } from "./kana";

describe("normalizeKana", () => {
  it.each([
    ["やまだ はなこ", "やまだ はなこ"],
    ["ヤマダ ハナコ", "やまだ はなこ"],
    ["ﾔﾏﾀﾞ ﾊﾅｺ", "やまだ はなこ"],
    ["ｽｽﾞｷ　ｼﾞｮｳ", "すずき じょう"],
    ["  ヴィヴァルディ　 ", "ゔぃゔぁるでぃ"],
    ["ｻﾄｰ ﾍﾟｰﾀｰ", "さとー ぺーたー"],
    ["ヤマダ  はなこ", "やまだ はなこ"],
  ])("%s → %s", (typed, stored) => {
    expect(normalizeKana(typed)).toBe(stored);
  });

  it("reads the three ways of typing a name the same", () => {
    expect(new Set(["やまだ", "ヤマダ", "ﾔﾏﾀﾞ"].map(normalizeKana))).toEqual(new Set(["やまだ"]));
  });
});

describe("isKana", () => {
  it.each(["やまだ はなこ", "さとー", "ゔぃゔぁるでぃ"])("accepts %s", (value) => {
    expect(isKana(normalizeKana(value))).toBe(true);
  });
  it.each(["山田", "yamada", "やまだ1", "", " "])("refuses %j", (value) => {
    expect(isKana(normalizeKana(value))).toBe(false);
  });
});
