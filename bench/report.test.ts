import { describe, expect, it } from "vitest";
import { formatTable, ms, times } from "./report";

describe("formatTable", () => {
  it("pads text to the left and figures to the right, with a rule under the header", () => {
    expect(formatTable(["page", "p99"], [["month", "12 ms"], ["day", "8.5 ms"]])).toBe(
      ["page      p99", "-----  ------", "month   12 ms", "day    8.5 ms"].join("\n"),
    );
  });

  it("shows a missing figure as a dash", () => {
    expect(formatTable(["a", "b"], [["x", null]])).toBe(["a  b", "-  -", "x  -"].join("\n"));
  });
});

describe("figures", () => {
  it("keeps one decimal below 10 and none above", () => {
    expect(ms(3.14159)).toBe("3.1 ms");
    expect(ms(123.6)).toBe("124 ms");
    expect(ms(null)).toBeNull();
    expect(times(0.256)).toBe("0.26×");
    expect(times(12.34)).toBe("12.3×");
  });
});
