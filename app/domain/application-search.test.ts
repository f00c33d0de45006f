import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageCursorOf, pageOf, parseTypedDate, residentQueryOf, withoutSpaces } from "./application-search";

describe("residentQueryOf", () => {
  it("reads digits as a phone number, with or without hyphens, full-width or not", () => {
    for (const typed of ["090-1234-5678", "09012345678", "０９０－１２３４－５６７８", "090 1234 5678", "（090）1234ー5678"]) {
      expect(residentQueryOf(typed)).toEqual({ kind: "phone", digits: "09012345678" });
    }
    expect(residentQueryOf("042-000-0101")).toEqual({ kind: "phone", digits: "0420000101" });
  });

  it("refuses a number that cannot be a whole phone number", () => {
    expect(residentQueryOf("5678")).toBe("PHONE_LENGTH");
    expect(residentQueryOf("090-1234-56789")).toBe("PHONE_LENGTH");
  });

  it("reads anything else as part of a name, spaces ignored", () => {
    expect(residentQueryOf(" 山田　花子 ")).toEqual({ kind: "name", text: "山田花子" });
    expect(residentQueryOf("ヤマダ")).toEqual({ kind: "name", text: "ヤマダ" });
    expect(residentQueryOf("俳句の会2")).toEqual({ kind: "name", text: "俳句の会2" });
  });

  it("is null when nothing was typed, and refuses a very long text", () => {
    expect(residentQueryOf("   ")).toBeNull();
    expect(residentQueryOf("あ".repeat(101))).toBe("TOO_LONG");
  });

  it("never keeps a space in a name", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const q = residentQueryOf(s);
        if (q && typeof q === "object" && q.kind === "name") expect(q.text).toBe(withoutSpaces(q.text));
      }),
    );
  });
});

describe("parseTypedDate", () => {
  it("reads the ways staff write a date", () => {
    for (const typed of ["2026-12-07", "2026/12/7", "2026年12月7日", "２０２６／１２／０７", " 2026.12.7 "]) {
      expect(parseTypedDate(typed)).toBe("2026-12-07");
    }
  });

  it("refuses what is not a calendar date", () => {
    for (const typed of ["", "12/7", "2026-02-30", "2026-13-01", "あした", "2026-12-07x"]) expect(parseTypedDate(typed)).toBeNull();
  });
});

describe("pages", () => {
  const rows = (numbers: number[]) => numbers.map((number) => ({ number }));

  it("takes the cursor from the URL, ignoring what is not a number", () => {
    expect(pageCursorOf(null, null)).toBeNull();
    expect(pageCursorOf("120", null)).toEqual({ before: 120 });
    expect(pageCursorOf(null, "70")).toEqual({ after: 70 });
    expect(pageCursorOf("abc", "-3")).toBeNull();
    expect(pageCursorOf("99999999999", null)).toBeNull();
  });

  it("keeps a page of rows and says which way there is more", () => {
    expect(pageOf(rows([9, 8, 7]), null, 2)).toEqual({ rows: rows([9, 8]), newer: false, older: true });
    expect(pageOf(rows([9, 8]), null, 2)).toEqual({ rows: rows([9, 8]), newer: false, older: false });
    expect(pageOf(rows([6, 5, 4]), { before: 7 }, 2)).toEqual({ rows: rows([6, 5]), newer: true, older: true });
    expect(pageOf(rows([6]), { before: 7 }, 2)).toEqual({ rows: rows([6]), newer: true, older: false });
  });

  it("going back, turns the oldest-first rows round to newest first", () => {
    expect(pageOf(rows([7, 8, 9]), { after: 6 }, 2)).toEqual({ rows: rows([8, 7]), newer: true, older: true });
    expect(pageOf(rows([7, 8]), { after: 6 }, 2)).toEqual({ rows: rows([8, 7]), newer: false, older: true });
  });
});
