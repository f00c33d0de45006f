/**
 * What a new application becomes, and how long an unpaid one holds its slots. An application
 * with nothing to pay is confirmed at once; one to pay at the counter is held for some days
 * (never past its first slot), or confirmed at once where the municipality takes payment on the
 * day; one to pay online is held while the checkout is open. An exemption waiting for staff
 * holds without a deadline: the deadline starts when staff decide.
 */
export type HoldSettings = { counterHoldDays: number; checkoutHoldMinutes: number; confirmBeforePayment: boolean };
export type PaymentChoice = "COUNTER" | "ONLINE";

export type ApplicationState = { status: "CONFIRMED" } | { status: "TENTATIVE"; holdExpiresAt: Date | null };

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function stateOfNewApplication(input: {
  due: number;
  choice: PaymentChoice;
  settings: HoldSettings;
  now: Date;
  firstSlotStart: Date;
  exemptionPending: boolean;
}): ApplicationState {
  const { due, choice, settings, now, firstSlotStart } = input;
  if (input.exemptionPending) return { status: "TENTATIVE", holdExpiresAt: null };
  if (due <= 0) return { status: "CONFIRMED" };
  if (choice === "COUNTER" && settings.confirmBeforePayment) return { status: "CONFIRMED" };
  const hold = choice === "COUNTER" ? settings.counterHoldDays * DAY : settings.checkoutHoldMinutes * MINUTE;
  return { status: "TENTATIVE", holdExpiresAt: new Date(Math.min(now.getTime() + hold, firstSlotStart.getTime())) };
}

export type PaymentState = "NOTHING_DUE" | "UNPAID" | "PARTLY_PAID" | "PAID";

/** `total` is what the application costs now, `paid` the ledger's sum. */
export function paymentStateOf(total: number, paid: number): PaymentState {
  if (total <= 0 && paid <= 0) return "NOTHING_DUE";
  if (paid <= 0) return "UNPAID";
  return paid >= total ? "PAID" : "PARTLY_PAID";
}

/** How many days an application to pay at the counter may be held, as staff set it. */
export const COUNTER_HOLD_DAYS = { min: 1, max: 30 } as const;
/**
 * How many minutes an online checkout holds the slots, as staff set it. Stripe refuses a
 * Checkout Session that expires sooner than 30 minutes after it is made, so 31 at least.
 */
export const CHECKOUT_HOLD_MINUTES = { min: 31, max: 180 } as const;

export type HoldSettingsProblem = "COUNTER_HOLD_DAYS_OUT_OF_RANGE" | "CHECKOUT_HOLD_MINUTES_OUT_OF_RANGE";

/** Checks the hold lengths as staff enter them (whole numbers in the ranges above). */
export function checkHoldSettings(settings: Pick<HoldSettings, "counterHoldDays" | "checkoutHoldMinutes">): HoldSettingsProblem[] {
  const within = (n: number, range: { min: number; max: number }) => Number.isInteger(n) && n >= range.min && n <= range.max;
  return [
    ...(within(settings.counterHoldDays, COUNTER_HOLD_DAYS) ? [] : (["COUNTER_HOLD_DAYS_OUT_OF_RANGE"] as const)),
    ...(within(settings.checkoutHoldMinutes, CHECKOUT_HOLD_MINUTES) ? [] : (["CHECKOUT_HOLD_MINUTES_OUT_OF_RANGE"] as const)),
  ];
}
