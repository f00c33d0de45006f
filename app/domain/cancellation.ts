import { daysBetween } from "./calendar";

/**
 * What a cancelled slot refunds. A municipality's policy is a list of tiers: cancelling at
 * least `daysBefore` days before the date of use refunds `percent` of what was paid for the
 * slot. Cancellations by the municipality (a closure) always refund everything.
 */

export type CancellationTier = { daysBefore: number; percent: number };
export type CancellationPolicy = readonly CancellationTier[];

/** 7 days or more: all; 1–6 days: half; on the day: nothing (a common municipal rule). */
export const DEFAULT_POLICY: CancellationPolicy = [
  { daysBefore: 7, percent: 100 },
  { daysBefore: 1, percent: 50 },
  { daysBefore: 0, percent: 0 },
];

export type Canceller = "APPLICANT" | "MUNICIPALITY";

/** The percentage refunded when cancelling `daysBefore` days before use (negative: after). */
export function refundPercent(policy: CancellationPolicy, daysBefore: number, by: Canceller): number {
  if (by === "MUNICIPALITY") return 100;
  let best: CancellationTier | null = null;
  for (const tier of policy) {
    if (tier.daysBefore <= daysBefore && (!best || tier.daysBefore > best.daysBefore)) best = tier;
  }
  return best?.percent ?? 0;
}

/** The yen refunded of `paid` for one slot; a fraction of a yen goes to the applicant. */
export function refundAmount(paid: number, percent: number): number {
  return Math.min(paid, Math.ceil((paid * percent) / 100));
}

export type PolicyProblem = "PERCENT_OUT_OF_RANGE" | "DAYS_OUT_OF_RANGE" | "DUPLICATE_DAYS" | "LATER_REFUNDS_MORE" | "EMPTY_POLICY";

/**
 * Checks a policy as staff enter it: whole percentages 0–100, whole days 0–365, each day count
 * once, and cancelling later never refunds more than cancelling earlier.
 */
export function checkPolicy(policy: CancellationPolicy): PolicyProblem[] {
  const problems = new Set<PolicyProblem>();
  if (policy.length === 0) problems.add("EMPTY_POLICY");
  for (const { daysBefore, percent } of policy) {
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) problems.add("PERCENT_OUT_OF_RANGE");
    if (!Number.isInteger(daysBefore) || daysBefore < 0 || daysBefore > 365) problems.add("DAYS_OUT_OF_RANGE");
  }
  const days = policy.map((t) => t.daysBefore);
  if (new Set(days).size !== days.length) problems.add("DUPLICATE_DAYS");
  const sorted = [...policy].sort((a, b) => b.daysBefore - a.daysBefore);
  if (sorted.some((tier, i) => i > 0 && tier.percent > sorted[i - 1]!.percent)) problems.add("LATER_REFUNDS_MORE");
  return [...problems];
}

/** A policy as stored (JSON); anything malformed falls back to the default. */
export function parsePolicy(stored: unknown): CancellationPolicy {
  if (!Array.isArray(stored)) return DEFAULT_POLICY;
  const tiers = stored.filter(
    (t): t is CancellationTier => typeof t?.daysBefore === "number" && typeof t?.percent === "number",
  );
  return tiers.length === stored.length && checkPolicy(tiers).length === 0 ? tiers : DEFAULT_POLICY;
}

export type ItemRefund = { itemId: string; percent: number; refund: number; charge: number };

/**
 * What cancelling these slots refunds and keeps. Only a paid application gets money back; an
 * unpaid one owes nothing for a cancelled slot.
 */
export function refundsFor(input: {
  items: readonly { id: string; fee: number; date: string }[];
  paidInFull: boolean;
  policy: CancellationPolicy;
  today: string;
  by: Canceller;
}): ItemRefund[] {
  return input.items.map((item) => {
    if (!input.paidInFull) return { itemId: item.id, percent: 0, refund: 0, charge: 0 };
    const percent = refundPercent(input.policy, daysBetween(input.today, item.date), input.by);
    const refund = refundAmount(item.fee, percent);
    return { itemId: item.id, percent, refund, charge: item.fee - refund };
  });
}
