/**
 * A staff decision posted from DecisionForms: the request's id, approve or refuse, and the
 * refusal's reason (from that card's own `reason-<id>` box). A refusal needs a reason.
 */
export async function readDecision(request: Request) {
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const id = form.id ?? "";
  const reason = (form[`reason-${id}`] ?? "").trim().slice(0, 500);
  const approve = form.decision === "approve";
  return { id, form, reason, approve, missingReason: !approve && reason === "" };
}

/** What a queue page shows after a decision: a success, or an error on one card. */
export type DecisionOutcome = { done: string | null; error: string | null; id: string; reason: string };
