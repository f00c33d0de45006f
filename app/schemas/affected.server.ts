import { data } from "@remix-run/node";
import { ja } from "~/i18n/ja";
import { staffText } from "~/i18n/staff";
import type { CancelAffectedResult } from "~/services/affected-bookings.server";

/** The affected-bookings cancel form (AffectedBookings): the chosen applications and the message. */
export function cancelFormOf(formData: FormData) {
  return {
    applicationIds: formData.getAll("applicationId").map(String),
    message: String(formData.get("message") ?? ""),
  };
}

/**
 * The reply to that form: what was done (cancelled numbers and the refund), or the field
 * errors with what was typed. STAFF_ONLY never reaches here (the route refuses managers first).
 */
export function cancelReply(result: CancelAffectedResult, typed: ReturnType<typeof cancelFormOf>) {
  const a = staffText.affected;
  if (result.ok) {
    const numbers = ja.list(result.cancelled.map((c) => a.number(c.number)));
    const refund = ja.yen(result.cancelled.reduce((sum, c) => sum + c.refund, 0));
    const done = [result.cancelled.length ? a.done(numbers, refund) : "", result.notCancelled ? a.notCancelled(result.notCancelled) : ""].filter(Boolean).join("");
    return data({ intent: "cancel", done, errors: null, typed: null });
  }
  const field = result.code === "NOTHING_CHOSEN" ? "applicationId" : "message";
  return data({ intent: "cancel", done: null, errors: { [field]: a.errors[result.code] ?? result.code }, typed }, { status: 400 });
}
