import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatYen } from "./money";

describe("formatYen", () => {
  it("formats whole yen with thousands separators", () => {
    expect(formatYen(0)).toBe("0円");
    expect(formatYen(800)).toBe("800円");
    expect(formatYen(1200)).toBe("1,200円");
    expect(formatYen(12_000)).toBe("12,000円");
    expect(formatYen(1_234_567)).toBe("1,234,567円");
  });

  it("keeps every digit, grouped in threes (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (yen) => {
        const text = formatYen(yen);
        expect(text).toMatch(/^\d{1,3}(,\d{3})*円$/);
        expect(Number(text.slice(0, -1).replaceAll(",", ""))).toBe(yen);
      }),
    );
  });
});
