import { describe, expect, it } from "vitest";
import { percentile, ratePerSecond, ratio, summarize } from "./stats";

describe("percentile (nearest rank)", () => {
  it("picks the smallest value with at least p % at or below it", () => {
    const values = [15, 20, 35, 40, 50];
    expect(percentile(values, 0)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 100)).toBe(50);
  });

  it("does not care about the order of its input, nor change it", () => {
    const values = [9, 1, 5, 3, 7];
    expect(percentile(values, 50)).toBe(5);
    expect(values).toEqual([9, 1, 5, 3, 7]);
  });

  it("gives the slowest of 100 as p99 only when two are slower than the rest", () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile([...hundred, 1000], 99)).toBe(100);
  });

  it("has nothing to say about no values, and refuses a percentile outside 0–100", () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe("summarize", () => {
  it("gives count, p50, p99, max and mean", () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, p50: 2, p99: 4, max: 4, mean: 2.5 });
    expect(summarize([])).toEqual({ count: 0, p50: null, p99: null, max: null, mean: null });
  });
});

describe("rates and ratios", () => {
  it("counts per second and divides only what can be divided", () => {
    expect(ratePerSecond(300, 1500)).toBe(200);
    expect(ratePerSecond(3, 0)).toBe(0);
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(50, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });
});
