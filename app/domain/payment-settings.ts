import { type CancellationTier, checkPolicy } from "./cancellation";
import { checkHoldSettings } from "./holds";

/**
 * How a municipality takes payment and refunds cancellations, as its staff set it: the online
 * methods offered through Stripe Checkout, how long unpaid applications hold their slots,
 * whether counter-payment applications are confirmed at once, and the cancellation policy.
 */

/** Stripe Checkout's `allowed_payment_method_types` a municipality may offer, in the form's order. */
export const ONLINE_METHODS = ["card", "konbini", "paypay"] as const;
export type OnlineMethod = (typeof ONLINE_METHODS)[number];

/** One row of the policy table as typed: null when left blank, NaN when not a whole number. */
export type TierRow = { daysBefore: number | null; percent: number | null };

export type PaymentSettingsInput = {
  onlineMethods: readonly string[];
  /** NaN when not a whole number */
  counterHoldDays: number;
  checkoutHoldMinutes: number;
  /** null when neither answer was chosen */
  confirmBeforePayment: boolean | null;
  /** in the form's order, blank rows included (they are ignored) */
  tiers: readonly TierRow[];
};

export type PaymentSettings = {
  onlineMethods: OnlineMethod[];
  counterHoldDays: number;
  checkoutHoldMinutes: number;
  confirmBeforePayment: boolean;
  /** most days first */
  cancellationPolicy: CancellationTier[];
};

export type SettingsProblem =
  | "NO_METHOD"
  | "UNKNOWN_METHOD"
  | "COUNTER_HOLD_DAYS"
  | "CHECKOUT_HOLD_MINUTES"
  | "CHOOSE"
  | "DAYS_MISSING"
  | "PERCENT_MISSING"
  | "DAYS_OUT_OF_RANGE"
  | "PERCENT_OUT_OF_RANGE"
  | "DUPLICATE_DAYS"
  | "LATER_REFUNDS_MORE"
  | "EMPTY_POLICY"
  | "NO_SAME_DAY";

/**
 * Problems by the form's field: `onlineMethods`, `counterHoldDays`, `checkoutHoldMinutes`,
 * `confirmBeforePayment`, `days-N` and `percent-N` (row N of the policy table, from 0), and
 * `policy` (the table as a whole). Insertion order is the form's order.
 */
export type SettingsProblems = Record<string, SettingsProblem>;

export const dayField = (row: number) => `days-${row}`;
export const percentField = (row: number) => `percent-${row}`;

const isMethod = (m: string): m is OnlineMethod => (ONLINE_METHODS as readonly string[]).includes(m);

/**
 * Checks what staff entered. A policy must say what cancelling on the day refunds (a 0-day row,
 * 0 % if nothing): a policy without one would refund nothing on the last days without saying
 * so anywhere residents read it, since their cancel page lists the tiers only.
 */
export function checkPaymentSettings(input: PaymentSettingsInput): { ok: true; settings: PaymentSettings } | { ok: false; problems: SettingsProblems } {
  const problems: SettingsProblems = {};

  if (input.onlineMethods.length === 0) problems.onlineMethods = "NO_METHOD";
  else if (!input.onlineMethods.every(isMethod)) problems.onlineMethods = "UNKNOWN_METHOD";

  for (const problem of checkHoldSettings(input)) {
    if (problem === "COUNTER_HOLD_DAYS_OUT_OF_RANGE") problems.counterHoldDays = "COUNTER_HOLD_DAYS";
    else problems.checkoutHoldMinutes = "CHECKOUT_HOLD_MINUTES";
  }

  if (input.confirmBeforePayment === null) problems.confirmBeforePayment = "CHOOSE";

  const rows: { row: number; tier: CancellationTier }[] = [];
  let rowsOk = true;
  input.tiers.forEach(({ daysBefore, percent }, row) => {
    if (daysBefore === null && percent === null) return;
    if (daysBefore === null) problems[dayField(row)] = "DAYS_MISSING";
    else if (checkPolicy([{ daysBefore, percent: 0 }]).length > 0) problems[dayField(row)] = "DAYS_OUT_OF_RANGE";
    if (percent === null) problems[percentField(row)] = "PERCENT_MISSING";
    else if (checkPolicy([{ daysBefore: 0, percent }]).length > 0) problems[percentField(row)] = "PERCENT_OUT_OF_RANGE";
    if (problems[dayField(row)] || problems[percentField(row)]) rowsOk = false;
    else rows.push({ row, tier: { daysBefore: daysBefore!, percent: percent! } });
  });

  // rows that are fine on their own are checked against each other even when others are not
  for (const { row, tier } of rows) {
    const earlier = rows.filter((r) => r.row < row);
    if (earlier.some((r) => r.tier.daysBefore === tier.daysBefore)) problems[dayField(row)] = "DUPLICATE_DAYS";
    // cancelling closer to the day of use may not refund more than cancelling earlier
    else if (rows.some((r) => r.tier.daysBefore > tier.daysBefore && r.tier.percent < tier.percent)) problems[percentField(row)] = "LATER_REFUNDS_MORE";
  }
  if (rowsOk) {
    if (rows.length === 0) problems.policy = "EMPTY_POLICY";
    if (rows.length > 0 && !rows.some((r) => r.tier.daysBefore === 0)) problems.policy ??= "NO_SAME_DAY";
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems: inFormOrder(problems, input.tiers.length) };
  const cancellationPolicy = rows.map((r) => r.tier).sort((a, b) => b.daysBefore - a.daysBefore);
  // the rule residents' refunds are computed by must accept it too
  if (checkPolicy(cancellationPolicy).length > 0) return { ok: false, problems: { policy: "EMPTY_POLICY" } };
  return {
    ok: true,
    settings: {
      onlineMethods: ONLINE_METHODS.filter((m) => input.onlineMethods.includes(m)),
      counterHoldDays: input.counterHoldDays,
      checkoutHoldMinutes: input.checkoutHoldMinutes,
      confirmBeforePayment: input.confirmBeforePayment!,
      cancellationPolicy,
    },
  };
}

function inFormOrder(problems: SettingsProblems, rows: number): SettingsProblems {
  const fields = ["onlineMethods", "counterHoldDays", "checkoutHoldMinutes", "confirmBeforePayment", "policy"];
  for (let row = 0; row < rows; row++) fields.push(dayField(row), percentField(row));
  return Object.fromEntries(fields.flatMap((f) => (problems[f] ? [[f, problems[f]]] : [])));
}
