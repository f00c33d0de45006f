import { describe, expect, it } from "vitest";
import { checkHoldSettings } from "./holds";
import { checkPaymentSettings, type PaymentSettingsInput } from "./payment-settings";

const good: PaymentSettingsInput = {
  onlineMethods: ["konbini", "card"],
  counterHoldDays: 7,
  checkoutHoldMinutes: 60,
  confirmBeforePayment: false,
  tiers: [
    { daysBefore: 1, percent: 50 },
    { daysBefore: null, percent: null },
    { daysBefore: 7, percent: 100 },
    { daysBefore: 0, percent: 0 },
  ],
};
const problemsOf = (change: Partial<PaymentSettingsInput>) => {
  const result = checkPaymentSettings({ ...good, ...change });
  return result.ok ? {} : result.problems;
};

describe("checkHoldSettings", () => {
  it("takes 1–30 days at the counter and 31–180 minutes online (Stripe's minimum is 30)", () => {
    expect(checkHoldSettings({ counterHoldDays: 1, checkoutHoldMinutes: 31 })).toEqual([]);
    expect(checkHoldSettings({ counterHoldDays: 30, checkoutHoldMinutes: 180 })).toEqual([]);
    expect(checkHoldSettings({ counterHoldDays: 0, checkoutHoldMinutes: 30 })).toEqual(["COUNTER_HOLD_DAYS_OUT_OF_RANGE", "CHECKOUT_HOLD_MINUTES_OUT_OF_RANGE"]);
    expect(checkHoldSettings({ counterHoldDays: 31, checkoutHoldMinutes: 181 })).toHaveLength(2);
    expect(checkHoldSettings({ counterHoldDays: Number.NaN, checkoutHoldMinutes: 45.5 })).toHaveLength(2);
  });
});

describe("checkPaymentSettings", () => {
  it("accepts a good form: methods in a fixed order, blank rows dropped, tiers most days first", () => {
    expect(checkPaymentSettings(good)).toEqual({
      ok: true,
      settings: {
        onlineMethods: ["card", "konbini"],
        counterHoldDays: 7,
        checkoutHoldMinutes: 60,
        confirmBeforePayment: false,
        cancellationPolicy: [
          { daysBefore: 7, percent: 100 },
          { daysBefore: 1, percent: 50 },
          { daysBefore: 0, percent: 0 },
        ],
      },
    });
  });

  it("names the field of each problem", () => {
    expect(problemsOf({ onlineMethods: [] })).toEqual({ onlineMethods: "NO_METHOD" });
    expect(problemsOf({ onlineMethods: ["card", "bitcoin"] })).toEqual({ onlineMethods: "UNKNOWN_METHOD" });
    expect(problemsOf({ counterHoldDays: Number.NaN })).toEqual({ counterHoldDays: "COUNTER_HOLD_DAYS" });
    expect(problemsOf({ checkoutHoldMinutes: 30 })).toEqual({ checkoutHoldMinutes: "CHECKOUT_HOLD_MINUTES" });
    expect(problemsOf({ confirmBeforePayment: null })).toEqual({ confirmBeforePayment: "CHOOSE" });
    expect(problemsOf({ tiers: [{ daysBefore: 3, percent: null }, { daysBefore: null, percent: 20 }, { daysBefore: 0, percent: 0 }] })).toEqual({
      "percent-0": "PERCENT_MISSING",
      "days-1": "DAYS_MISSING",
    });
    expect(problemsOf({ tiers: [{ daysBefore: Number.NaN, percent: 101 }, { daysBefore: 366, percent: -1 }] })).toEqual({
      "days-0": "DAYS_OUT_OF_RANGE",
      "percent-0": "PERCENT_OUT_OF_RANGE",
      "days-1": "DAYS_OUT_OF_RANGE",
      "percent-1": "PERCENT_OUT_OF_RANGE",
    });
    expect(problemsOf({ tiers: [{ daysBefore: 3, percent: 50 }, { daysBefore: 0, percent: 0 }, { daysBefore: 3, percent: 50 }] })).toEqual({ "days-2": "DUPLICATE_DAYS" });
    expect(problemsOf({ tiers: [{ daysBefore: 7, percent: 50 }, { daysBefore: 1, percent: 80 }, { daysBefore: 0, percent: 0 }] })).toEqual({ "percent-1": "LATER_REFUNDS_MORE" });
    expect(problemsOf({ tiers: [{ daysBefore: null, percent: null }] })).toEqual({ policy: "EMPTY_POLICY" });
    expect(problemsOf({ tiers: [{ daysBefore: 3, percent: 100 }] })).toEqual({ policy: "NO_SAME_DAY" });
  });

  it("allows a full refund on the day", () => {
    expect(checkPaymentSettings({ ...good, tiers: [{ daysBefore: 0, percent: 100 }] }).ok).toBe(true);
  });
});

describe("checkPaymentSettings with several problems", () => {
  it("checks good rows against each other while other rows are wrong, and lists problems in the form's order", () => {
    const result = checkPaymentSettings({
      ...good,
      counterHoldDays: 0,
      tiers: [{ daysBefore: 7, percent: 100 }, { daysBefore: 2, percent: 1000 }, { daysBefore: 7, percent: 50 }],
    });
    expect(result.ok || Object.entries(result.problems)).toEqual([
      ["counterHoldDays", "COUNTER_HOLD_DAYS"],
      ["percent-1", "PERCENT_OUT_OF_RANGE"],
      ["days-2", "DUPLICATE_DAYS"],
    ]);
  });
});
