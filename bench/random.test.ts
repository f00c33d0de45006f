import { describe, expect, it } from "vitest";
import { seededRandom, shuffled } from "./random";

describe("seeded randomness", () => {
  it("gives the same numbers for the same seed, in [0, 1)", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    const numbers = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(numbers);
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(new Set(numbers).size).toBeGreaterThan(990);
  });

  it("shuffles the same way for the same seed, keeping every item once", () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const once = shuffled(items, 7);
    expect(shuffled(items, 7)).toEqual(once);
    expect(shuffled(items, 8)).not.toEqual(once);
    expect([...once].sort((x, y) => x - y)).toEqual(items);
    expect(items[0]).toBe(0);
  });
});
