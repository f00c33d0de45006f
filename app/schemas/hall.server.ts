import { type IsoDate, parseIsoDate } from "~/domain/calendar";
import { staffText } from "~/i18n/staff";
import type { UsageInput } from "~/services/hall-bookings.server";
import type { CounterPayment } from "~/services/payments.server";
import { toHalfWidth } from "./account.server";
import { wholeNumber } from "./numbers.server";

type Form = Record<string, string>;
type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

/** A form's fields as strings (a field posted twice keeps the last). */
export async function formFields(request: Request): Promise<Form> {
  return Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
}

/**
 * A date as people type it where the browser has no date picker: 2026-12-07, 2026/12/7,
 * 2026年12月7日, in full-width digits too. Null when it is not a real date.
 */
export function typedDate(value: string | null | undefined): IsoDate | null {
  const match = /^(\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})\s*日?$/.exec(toHalfWidth(value ?? ""));
  if (!match) return null;
  const [, y, m, d] = match;
  return parseIsoDate(`${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`);
}

/**
 * The usage record of one slot: how many came (0–10,000), or nobody; a note up to 200
 * characters. Its fields are named after the slot (`outcome-<itemId>`), one form per slot.
 */
export function parseUsage(form: Form, itemId: string): Parsed<UsageInput> {
  const e = staffText.hall.usageErrors;
  const errors: Record<string, string> = {};
  const field = (name: string) => form[`${name}-${itemId}`] ?? "";
  const outcome = field("outcome") === "used" || field("outcome") === "noShow" ? (field("outcome") as "used" | "noShow") : null;
  const headcount = wholeNumber(field("actualHeadcount"));
  const note = field("note").trim();
  if (!outcome) errors.outcome = e.outcome;
  if (outcome === "used" && (headcount === null || headcount < 0 || headcount > 10_000)) errors.actualHeadcount = e.headcount;
  if (note.length > 200) errors.note = e.note;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: outcome === "noShow" ? { noShow: true, note } : { noShow: false, actualHeadcount: headcount!, note } };
}

/** Money taken at a counter: cash or a terminal, a positive amount, the receipt's number. */
export function parseCounterPayment(form: Form): Parsed<CounterPayment> {
  const t = staffText.payments;
  const errors: Record<string, string> = {};
  const method = form.method === "CASH" || form.method === "TERMINAL" ? form.method : null;
  const amount = wholeNumber(form.amount ?? "");
  const receiptNumber = (form.receiptNumber ?? "").trim();
  if (!method) errors.method = t.methodRequired;
  if (amount === null || amount <= 0 || amount >= 2 ** 31) errors.amount = t.amountInvalid;
  if (!receiptNumber || receiptNumber.length > 50) errors.receiptNumber = t.receiptRequired;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { method: method!, amount: amount!, receiptNumber } };
}

/** An application number as typed (full-width digits too), or null. */
export function applicationNumber(value: string | null | undefined) {
  const n = wholeNumber(value ?? "");
  return n !== null && n > 0 && n < 2 ** 31 ? n : null;
}
