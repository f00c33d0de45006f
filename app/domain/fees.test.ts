import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ApplicantFacts,
  checkFeeRules,
  dayTypeOf,
  type ExemptionTerms,
  type FeeRules,
  MAX_FEE,
  quoteSlot,
  scheduleInForce,
  sumOf,
} from "./fees";

const RULES: FeeRules = { adjustments: { NON_RESIDENT: 150, COMMERCIAL: 200, ADMISSION: 150 }, roundingUnit: 10 };
const RESIDENT: ApplicantFacts = { resident: true, commercial: false, admissionCharged: false };
const AIRCON = { name: "冷暖房", unitFee: 300, quantity: 1 };
const exemption = (percent: number, covers: Partial<Pick<ExemptionTerms, "coversBase" | "coversAdjustments" | "coversSurcharges">> = {}): ExemptionTerms => ({
  categoryId: "c",
  name: percent === 100 ? "免除" : `${percent}%減額`,
  percent,
  coversBase: true,
  coversAdjustments: false,
  coversSurcharges: false,
  ...covers,
});

describe("quoteSlot: worked examples", () => {
  const examples: { name: string; input: Parameters<typeof quoteSlot>[0]; lines: number[]; total: number }[] = [
    { name: "resident, weekday", input: { baseFee: 1200, rules: RULES, facts: RESIDENT }, lines: [1200], total: 1200 },
    { name: "non-resident ×1.5", input: { baseFee: 1200, rules: RULES, facts: { ...RESIDENT, resident: false } }, lines: [1200, 600], total: 1800 },
    { name: "commercial ×2", input: { baseFee: 1200, rules: RULES, facts: { ...RESIDENT, commercial: true } }, lines: [1200, 1200], total: 2400 },
    {
      name: "non-resident and commercial compound",
      input: { baseFee: 1200, rules: RULES, facts: { resident: false, commercial: true, admissionCharged: false } },
      lines: [1200, 600, 1800],
      total: 3600,
    },
    {
      name: "group with 50% off the base, air-conditioning not covered",
      input: { baseFee: 1200, rules: RULES, facts: RESIDENT, surcharges: [AIRCON], exemption: exemption(50) },
      lines: [1200, 300, -600],
      total: 900,
    },
    {
      name: "full exemption of base and surcharges",
      input: { baseFee: 1200, rules: RULES, facts: RESIDENT, surcharges: [AIRCON], exemption: exemption(100, { coversSurcharges: true }) },
      lines: [1200, 300, -1500],
      total: 0,
    },
    {
      name: "full exemption does not cover the non-resident increase unless it says so",
      input: { baseFee: 1000, rules: RULES, facts: { ...RESIDENT, resident: false }, exemption: exemption(100) },
      lines: [1000, 500, -1000],
      total: 500,
    },
    { name: "weekend rate is just another base fee", input: { baseFee: 1500, rules: RULES, facts: RESIDENT }, lines: [1500], total: 1500 },
    { name: "rounded down to 10 yen", input: { baseFee: 1234, rules: RULES, facts: RESIDENT }, lines: [1234, -4], total: 1230 },
    {
      name: "a fraction of a yen from a multiplier is dropped",
      input: { baseFee: 1235, rules: RULES, facts: { ...RESIDENT, resident: false } },
      lines: [1235, 617, -2],
      total: 1850,
    },
    {
      name: "a reduction's fraction of a yen goes to the applicant",
      input: { baseFee: 1001, rules: { ...RULES, roundingUnit: 1 }, facts: RESIDENT, exemption: exemption(33) },
      lines: [1001, -331],
      total: 670,
    },
    {
      name: "equipment by quantity",
      input: { baseFee: 1200, rules: RULES, facts: RESIDENT, surcharges: [{ name: "プロジェクター", unitFee: 500, quantity: 1 }, { name: "マイク", unitFee: 200, quantity: 2 }] },
      lines: [1200, 500, 400],
      total: 2100,
    },
  ];
  for (const example of examples) {
    it(example.name, () => {
      const quote = quoteSlot(example.input);
      expect(quote.lines.map((l) => l.amount)).toEqual(example.lines);
      expect(quote.total).toBe(example.total);
    });
  }

  it("names each line", () => {
    const quote = quoteSlot({ baseFee: 1237, rules: RULES, facts: { resident: false, commercial: false, admissionCharged: true }, surcharges: [AIRCON], exemption: exemption(50) });
    expect(quote.lines.map((l) => l.kind)).toEqual(["BASE", "ADJUSTMENT", "ADJUSTMENT", "SURCHARGE", "EXEMPTION", "ROUNDING"]);
    expect(quote.lines[1]).toMatchObject({ code: "NON_RESIDENT", percent: 150 });
    expect(quote.lines[2]).toMatchObject({ code: "ADMISSION", percent: 150 });
  });
});

describe("fee revisions", () => {
  const schedules = [{ effectiveFrom: "2026-04-01", id: "old" }, { effectiveFrom: "2027-04-01", id: "new" }];
  it("charge a date of use by the schedule in force on that date", () => {
    expect(scheduleInForce(schedules, "2027-03-31")?.id).toBe("old");
    expect(scheduleInForce(schedules, "2027-04-01")?.id).toBe("new");
    expect(scheduleInForce(schedules, "2026-03-31")).toBeNull();
  });
  it("know weekends and holidays", () => {
    expect(dayTypeOf(6, false)).toBe("HOLIDAY");
    expect(dayTypeOf(0, false)).toBe("HOLIDAY");
    expect(dayTypeOf(3, true)).toBe("HOLIDAY");
    expect(dayTypeOf(3, false)).toBe("WEEKDAY");
  });
});

describe("checkFeeRules", () => {
  const ok = { fees: [1200, 0], adjustments: [150, 100], exemptionPercents: [50, 100], roundingUnit: 10 };
  it("accepts sensible rules", () => expect(checkFeeRules(ok)).toEqual([]));
  it("refuses negative fees, percentages out of range, odd rounding and a second schedule on one date", () => {
    expect(checkFeeRules({ ...ok, fees: [-1] })).toEqual(["NEGATIVE_FEE"]);
    expect(checkFeeRules({ ...ok, fees: [MAX_FEE + 1] })).toEqual(["NEGATIVE_FEE"]);
    expect(checkFeeRules({ ...ok, fees: [MAX_FEE] })).toEqual([]);
    expect(checkFeeRules({ ...ok, exemptionPercents: [101] })).toEqual(["PERCENT_OUT_OF_RANGE"]);
    expect(checkFeeRules({ ...ok, adjustments: [90] })).toEqual(["PERCENT_OUT_OF_RANGE"]);
    expect(checkFeeRules({ ...ok, roundingUnit: 7 })).toEqual(["BAD_ROUNDING_UNIT"]);
    expect(checkFeeRules({ ...ok, effectiveFrom: "2027-04-01", otherEffectiveDates: ["2027-04-01"] })).toEqual(["DUPLICATE_EFFECTIVE_DATE"]);
  });
});

describe("quoteSlot: properties", () => {
  const facts = fc.record({ resident: fc.boolean(), commercial: fc.boolean(), admissionCharged: fc.boolean() });
  const rules = fc.record({
    adjustments: fc.record({
      NON_RESIDENT: fc.integer({ min: 100, max: 300 }),
      COMMERCIAL: fc.integer({ min: 100, max: 500 }),
      ADMISSION: fc.integer({ min: 100, max: 300 }),
    }),
    roundingUnit: fc.constantFrom(1, 10, 100),
  });
  const surcharges = fc.array(fc.record({ name: fc.constant("s"), unitFee: fc.integer({ min: 0, max: 5000 }), quantity: fc.integer({ min: 0, max: 5 }) }), { maxLength: 3 });
  const terms = fc.record({
    categoryId: fc.constant("c"),
    name: fc.constant("減免"),
    percent: fc.integer({ min: 0, max: 100 }),
    coversBase: fc.boolean(),
    coversAdjustments: fc.boolean(),
    coversSurcharges: fc.boolean(),
  });
  const input = fc.record({ baseFee: fc.integer({ min: 0, max: 100_000 }), rules, facts, surcharges, exemption: fc.option(terms, { nil: null }) });

  it("never give a negative total, and the total is the sum of the lines", () => {
    fc.assert(
      fc.property(input, (i) => {
        const quote = quoteSlot(i);
        expect(quote.total).toBeGreaterThanOrEqual(0);
        expect(sumOf(quote.lines)).toBe(quote.total);
      }),
    );
  });

  it("never let an exemption raise a fee", () => {
    fc.assert(
      fc.property(input, terms, (i, t) => {
        expect(quoteSlot({ ...i, exemption: t }).total).toBeLessThanOrEqual(quoteSlot({ ...i, exemption: null }).total);
      }),
    );
  });

  it("round once, at the end, to the unit", () => {
    fc.assert(
      fc.property(input, (i) => {
        const quote = quoteSlot(i);
        const rounding = quote.lines.filter((l) => l.kind === "ROUNDING");
        expect(rounding.length).toBeLessThanOrEqual(1);
        expect(quote.lines.findIndex((l) => l.kind === "ROUNDING")).toBe(rounding.length ? quote.lines.length - 1 : -1);
        expect(quote.total % i.rules.roundingUnit).toBe(0);
        expect(-(rounding[0]?.amount ?? 0)).toBeLessThan(i.rules.roundingUnit);
      }),
    );
  });
});
