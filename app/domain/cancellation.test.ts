import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPolicy, DEFAULT_POLICY, parsePolicy, refundAmount, refundPercent, refundsFor } from "./cancellation";

describe("refundPercent with the default policy", () => {
  const cases: [number, number][] = [
    [30, 100],
    [7, 100],
    [6, 50],
    [1, 50],
    [0, 0],
    [-1, 0],
  ];
  it.each(cases)("cancelling %i days before use refunds %i %%", (days, percent) => {
    expect(refundPercent(DEFAULT_POLICY, days, "APPLICANT")).toBe(percent);
  });
  it("refunds everything when the municipality cancels, even on the day", () => {
    expect(refundPercent(DEFAULT_POLICY, 0, "MUNICIPALITY")).toBe(100);
  });
  it("refunds nothing when no tier applies", () => {
    expect(refundPercent([{ daysBefore: 3, percent: 100 }], 2, "APPLICANT")).toBe(0);
  });
});

describe("refundAmount", () => {
  it("gives a fraction of a yen to the applicant", () => {
    expect(refundAmount(1650, 50)).toBe(825);
    expect(refundAmount(1651, 50)).toBe(826);
    expect(refundAmount(1651, 0)).toBe(0);
  });
  it("is never negative and never more than was paid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100 }), (paid, percent) => {
        const refund = refundAmount(paid, percent);
        expect(refund).toBeGreaterThanOrEqual(0);
        expect(refund).toBeLessThanOrEqual(paid);
      }),
    );
  });
});

describe("checkPolicy", () => {
  it("accepts the default policy", () => {
    expect(checkPolicy(DEFAULT_POLICY)).toEqual([]);
  });
  it("refuses percentages over 100, negative days, a day twice, and later cancelling refunding more", () => {
    expect(checkPolicy([{ daysBefore: 7, percent: 120 }])).toEqual(["PERCENT_OUT_OF_RANGE"]);
    expect(checkPolicy([{ daysBefore: -1, percent: 50 }])).toEqual(["DAYS_OUT_OF_RANGE"]);
    expect(checkPolicy([{ daysBefore: 3, percent: 50 }, { daysBefore: 3, percent: 40 }])).toEqual(["DUPLICATE_DAYS"]);
    expect(checkPolicy([{ daysBefore: 7, percent: 50 }, { daysBefore: 1, percent: 80 }])).toEqual(["LATER_REFUNDS_MORE"]);
    expect(checkPolicy([])).toEqual(["EMPTY_POLICY"]);
  });
  it("a valid policy never refunds more for a later cancellation", () => {
    const tier = fc.record({ daysBefore: fc.integer({ min: 0, max: 60 }), percent: fc.integer({ min: 0, max: 100 }) });
    fc.assert(
      fc.property(fc.array(tier, { maxLength: 5 }), fc.integer({ min: -5, max: 70 }), (policy, days) => {
        fc.pre(checkPolicy(policy).length === 0);
        expect(refundPercent(policy, days, "APPLICANT")).toBeGreaterThanOrEqual(refundPercent(policy, days - 1, "APPLICANT"));
      }),
    );
  });
});

describe("refundsFor", () => {
  const items = [
    { id: "far", fee: 1600, date: "2026-12-20" },
    { id: "near", fee: 1650, date: "2026-12-08" },
    { id: "today", fee: 1200, date: "2026-12-05" },
  ];
  it("refunds a paid application's slots by the policy, keeping the rest as a charge", () => {
    expect(refundsFor({ items, paidInFull: true, policy: DEFAULT_POLICY, today: "2026-12-05", by: "APPLICANT" })).toEqual([
      { itemId: "far", percent: 100, refund: 1600, charge: 0 },
      { itemId: "near", percent: 50, refund: 825, charge: 825 },
      { itemId: "today", percent: 0, refund: 0, charge: 1200 },
    ]);
  });
  it("refunds everything when the municipality cancels, and nothing is owed for an unpaid application", () => {
    expect(refundsFor({ items, paidInFull: true, policy: DEFAULT_POLICY, today: "2026-12-05", by: "MUNICIPALITY" }).map((r) => r.refund)).toEqual([1600, 1650, 1200]);
    expect(refundsFor({ items, paidInFull: false, policy: DEFAULT_POLICY, today: "2026-12-05", by: "APPLICANT" }).map((r) => r.refund + r.charge)).toEqual([0, 0, 0]);
  });
  it("reads a stored policy, falling back to the default when it is malformed", () => {
    expect(parsePolicy([{ daysBefore: 3, percent: 100 }])).toEqual([{ daysBefore: 3, percent: 100 }]);
    expect(parsePolicy([{ daysBefore: 3, percent: 300 }])).toBe(DEFAULT_POLICY);
    expect(parsePolicy("nonsense")).toBe(DEFAULT_POLICY);
  });
});
