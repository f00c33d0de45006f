/**
 * Every fee in Tsudoi comes from `quoteSlot`: the base fee of the room and time frame for the
 * day type, rate adjustments that multiply it, fixed surcharges, an exemption on the parts its
 * category covers, and rounding down, once, at the end. Screens and reports only show the lines.
 *
 * Money is whole yen. A multiplier or a percentage can give a fraction of a yen; each line
 * drops it in the applicant's favour (an increase is rounded down, a reduction up), so the
 * total is always exactly the sum of the lines.
 */

export type DayType = "WEEKDAY" | "HOLIDAY";

export const ADJUSTMENTS = ["NON_RESIDENT", "COMMERCIAL", "ADMISSION"] as const;
export type AdjustmentCode = (typeof ADJUSTMENTS)[number];

/** What the applicant and their purpose say about the booking. */
export type ApplicantFacts = {
  /** lives, works or studies in the municipality */
  resident: boolean;
  commercial: boolean;
  admissionCharged: boolean;
};

export type FeeRules = {
  /** multiplier percentages: 150 means ×1.5; 100 means no change */
  adjustments: Record<AdjustmentCode, number>;
  /** round the total down to a multiple of this many yen (1 = no rounding) */
  roundingUnit: number;
};

export type Surcharge = { name: string; unitFee: number; quantity: number };

export type ExemptionTerms = {
  categoryId: string;
  name: string;
  /** 100 = 免除 (the covered parts are free); 50 = half off them */
  percent: number;
  coversBase: boolean;
  coversAdjustments: boolean;
  coversSurcharges: boolean;
};

export type FeeLine =
  | { kind: "BASE"; amount: number }
  | { kind: "ADJUSTMENT"; code: AdjustmentCode; percent: number; amount: number }
  | { kind: "SURCHARGE"; name: string; unitFee: number; quantity: number; amount: number }
  | { kind: "EXEMPTION"; categoryId: string; name: string; percent: number; amount: number }
  | { kind: "ROUNDING"; unit: number; amount: number };

export type FeeBreakdown = { lines: FeeLine[]; total: number };

export function adjustmentsFor(facts: ApplicantFacts): AdjustmentCode[] {
  return [
    ...(facts.resident ? [] : (["NON_RESIDENT"] as const)),
    ...(facts.commercial ? (["COMMERCIAL"] as const) : []),
    ...(facts.admissionCharged ? (["ADMISSION"] as const) : []),
  ];
}

/**
 * The breakdown of one booked slot. Adjustments compound in the order of ADJUSTMENTS, each on
 * the base as adjusted so far, so the order of the flags does not change the fee.
 */
export function quoteSlot(input: {
  baseFee: number;
  rules: FeeRules;
  facts: ApplicantFacts;
  surcharges?: Surcharge[];
  exemption?: ExemptionTerms | null;
}): FeeBreakdown {
  const { baseFee, rules, facts } = input;
  const lines: FeeLine[] = [{ kind: "BASE", amount: baseFee }];
  let adjusted = baseFee;
  let adjustmentTotal = 0;
  for (const code of adjustmentsFor(facts)) {
    const percent = rules.adjustments[code];
    if (percent === 100) continue;
    const next = Math.floor((adjusted * percent) / 100);
    const amount = next - adjusted;
    lines.push({ kind: "ADJUSTMENT", code, percent, amount });
    adjustmentTotal += amount;
    adjusted = next;
  }
  let surchargeTotal = 0;
  for (const s of input.surcharges ?? []) {
    if (s.quantity <= 0) continue;
    const amount = s.unitFee * s.quantity;
    lines.push({ kind: "SURCHARGE", name: s.name, unitFee: s.unitFee, quantity: s.quantity, amount });
    surchargeTotal += amount;
  }
  const exemption = input.exemption;
  if (exemption && exemption.percent > 0) {
    const covered =
      (exemption.coversBase ? baseFee : 0) +
      (exemption.coversAdjustments ? adjustmentTotal : 0) +
      (exemption.coversSurcharges ? surchargeTotal : 0);
    const amount = -Math.min(covered, Math.ceil((covered * exemption.percent) / 100));
    if (amount !== 0) {
      lines.push({ kind: "EXEMPTION", categoryId: exemption.categoryId, name: exemption.name, percent: exemption.percent, amount });
    }
  }
  const beforeRounding = sumOf(lines);
  const rounded = Math.max(0, Math.floor(beforeRounding / rules.roundingUnit) * rules.roundingUnit);
  if (rounded !== beforeRounding) {
    lines.push({ kind: "ROUNDING", unit: rules.roundingUnit, amount: rounded - beforeRounding });
  }
  return { lines, total: rounded };
}

export function sumOf(lines: readonly { amount: number }[]) {
  return lines.reduce((sum, line) => sum + line.amount, 0);
}

/** Saturdays, Sundays and holidays (incl. 12/29–1/3 when open) use the holiday rate. */
export function dayTypeOf(weekday: number, holiday: boolean): DayType {
  return holiday || weekday === 0 || weekday === 6 ? "HOLIDAY" : "WEEKDAY";
}

/** The schedule in force on `date`: the latest that starts on or before it. */
export function scheduleInForce<S extends { effectiveFrom: string }>(schedules: readonly S[], date: string): S | null {
  let best: S | null = null;
  for (const s of schedules) {
    if (s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  }
  return best;
}

/** The highest fee staff can enter for one line (yen): well within a database integer. */
export const MAX_FEE = 1_000_000;

/** A fee staff may enter: whole yen from 0 to MAX_FEE. */
export function isFee(fee: number) {
  return Number.isInteger(fee) && fee >= 0 && fee <= MAX_FEE;
}

/** NEGATIVE_FEE: a fee below 0, not whole, or over MAX_FEE. */
export type FeeRuleProblem = "NEGATIVE_FEE" | "PERCENT_OUT_OF_RANGE" | "BAD_ROUNDING_UNIT" | "DUPLICATE_EFFECTIVE_DATE";

/** Checks rules as staff enter them; an empty list means they can be saved. */
export function checkFeeRules(input: {
  fees: number[];
  adjustments: number[];
  exemptionPercents: number[];
  roundingUnit: number;
  effectiveFrom?: string;
  otherEffectiveDates?: string[];
}): FeeRuleProblem[] {
  const problems: FeeRuleProblem[] = [];
  if (!input.fees.every(isFee)) problems.push("NEGATIVE_FEE");
  const percentOk = (p: number, max: number) => Number.isInteger(p) && p >= 0 && p <= max;
  if (!input.adjustments.every((p) => percentOk(p, 1000) && p >= 100) || !input.exemptionPercents.every((p) => percentOk(p, 100))) {
    problems.push("PERCENT_OUT_OF_RANGE");
  }
  if (![1, 10, 100].includes(input.roundingUnit)) problems.push("BAD_ROUNDING_UNIT");
  if (input.effectiveFrom && input.otherEffectiveDates?.includes(input.effectiveFrom)) problems.push("DUPLICATE_EFFECTIVE_DATE");
  return problems;
}
