import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attachment, BOM, csvCell, csvRow, toCsv } from "./csv";

/** A strict RFC 4180 reader (CRLF rows), to check that what we write reads back as written. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && csv[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  expect(cell, "the file ends with CRLF").toBe("");
  return rows;
}

describe("CSV for Japanese Excel", () => {
  it("starts with a BOM and ends every row with CRLF", () => {
    const csv = toCsv([
      ["申込番号", "部屋"],
      [100001, "和室"],
    ]);
    expect(csv).toBe(`${BOM}申込番号,部屋\r\n100001,和室\r\n`);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(toCsv([])).toBe(BOM);
  });

  it("quotes cells with quotes, commas, line breaks or edge spaces, and nothing else", () => {
    expect(csvCell("町内会の会議")).toBe("町内会の会議");
    expect(csvCell('"いきいき"体操')).toBe('"""いきいき""体操"');
    expect(csvCell("会議,懇親会")).toBe('"会議,懇親会"');
    expect(csvCell("1行目\n2行目")).toBe('"1行目\n2行目"');
    expect(csvCell("1行目\r\n2行目")).toBe('"1行目\r\n2行目"');
    expect(csvCell(" 前後に空白 ")).toBe('" 前後に空白 "');
    expect(csvCell("090-1234-5678")).toBe("090-1234-5678");
  });

  it("writes numbers as numbers and nothing for missing values", () => {
    expect(csvCell(1200)).toBe("1200");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("keeps text Excel would run as a formula from running (= + - @, tab, CR)", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+81-90-1234-5678")).toBe("'+81-90-1234-5678");
    expect(csvCell("-3")).toBe("'-3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
    expect(csvCell("a=1")).toBe("a=1");
    expect(csvCell("＝全角は式にならない")).toBe("＝全角は式にならない");
  });

  it("reads back as written, for any text (formula starts aside)", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "和", ",", '"', "\n", "\r", " ", "'", "=", "-", "1") });
    fc.assert(
      fc.property(fc.array(fc.array(text, { minLength: 1, maxLength: 5 }), { maxLength: 5 }), (rows) => {
        const back = parse(toCsv(rows).slice(BOM.length));
        const expected = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
        expect(back).toEqual(expected);
      }),
    );
  });

  it("writes one row at a time the way the whole file does", () => {
    expect(BOM + csvRow(["施設", 1]) + csvRow(["a,b", -2])).toBe(toCsv([["施設", 1], ["a,b", -2]]));
  });
});

describe("download names", () => {
  it("gives an ASCII name and the Japanese one as RFC 5987 filename*", () => {
    expect(attachment("usage.csv", "利用統計_部屋別(1).csv")).toBe(
      `attachment; filename="usage.csv"; filename*=UTF-8''%E5%88%A9%E7%94%A8%E7%B5%B1%E8%A8%88_%E9%83%A8%E5%B1%8B%E5%88%A5%281%29.csv`,
    );
    expect(attachment('a"b.csv')).toBe('attachment; filename="a_b.csv"');
  });
});
