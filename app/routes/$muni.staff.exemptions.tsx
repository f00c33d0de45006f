import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DecisionForms } from "~/components/decision-forms";
import { BackLink } from "~/components/ui/back-link";
import { Notice } from "~/components/ui/notice";
import { isoDateFromDbDate } from "~/domain/calendar";
import type { FeeBreakdown } from "~/domain/fees";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { applicationNumber, decideExemption, pendingExemptions } from "~/services/exemptions.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.exemptions;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const pending = await pendingExemptions(municipality.id);
  return {
    slug: municipality.slug,
    pending: pending.map((a) => ({
      id: a.id,
      number: a.number,
      applicant: a.user.name,
      purpose: a.purpose,
      category: a.exemptionCategory?.name ?? "",
      prompt: a.exemptionCategory?.evidencePrompt ?? "",
      grounds: a.exemptionGrounds,
      totalFee: a.totalFee,
      exemptTotal: a.items.reduce((sum, i) => sum + ((i.exemptBreakdown as FeeBreakdown | null)?.total ?? i.fee), 0),
      items: a.items.map((i) => ({ id: i.id, date: isoDateFromDbDate(i.useDate), room: i.room.name, frame: i.timeFrame.name })),
    })),
  };
}

const DecisionForm = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), applicationId: z.string().min(1), reason: z.string().optional() }),
  z.object({ decision: z.literal("reject"), applicationId: z.string().min(1), reason: z.string().trim().min(1, t.reasonRequired).max(500) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const form = Object.fromEntries(await request.formData()) as Record<string, string>;
  // each card's reason box has its own name (and so its own id)
  const values = { ...form, reason: form[`reason-${form.applicationId}`] };
  const parsed = DecisionForm.safeParse(values);
  if (!parsed.success) {
    return data({ done: null, error: parsed.error.issues[0]?.message ?? t.reasonRequired, applicationId: form.applicationId ?? "", reason: values.reason ?? "" }, { status: 400 });
  }
  const { decision, applicationId } = parsed.data;
  const result = await decideExemption(
    municipality,
    staff.id,
    applicationId,
    { approve: decision === "approve", reason: decision === "reject" ? parsed.data.reason : "" },
    new Date(),
  );
  if (!result.ok) {
    if (result.code === "NOT_FOUND") throw new Response("Not Found", { status: 404 });
    return data({ done: null, error: t.alreadyDecided, applicationId, reason: "" }, { status: 409 });
  }
  const { number } = (await applicationNumber(municipality.id, applicationId)) ?? { number: 0 };
  return data({ done: decision === "approve" ? t.approved(number) : t.rejected(number), error: null, applicationId, reason: "" });
}

export default function ExemptionQueue() {
  const { slug, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const common = useT();
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      {actionData?.done ? <Notice tone="success" role="status">{actionData.done}</Notice> : null}
      {actionData?.error && !pending.some((a) => a.id === actionData.applicationId) ? (
        <Notice tone="error" role="alert">{actionData.error}</Notice>
      ) : null}
      <p>{t.intro}</p>
      {pending.length === 0 ? <p>{t.none}</p> : null}
      <ul className="card-list">
        {pending.map((a) => {
          const error = actionData?.error && actionData.applicationId === a.id ? actionData.error : undefined;
          return (
            <li key={a.id} className="card">
              <p className="card-title">{t.number(a.number)}</p>
              <dl className="compact-list">
                <dt>{t.applicant}</dt>
                <dd>{a.applicant}</dd>
                <dt>{t.category}</dt>
                <dd>{a.category}</dd>
                <dt>{t.grounds}</dt>
                <dd>{a.grounds}</dd>
                {a.prompt ? (
                  <>
                    <dt>{t.prompt}</dt>
                    <dd>{a.prompt}</dd>
                  </>
                ) : null}
                <dt>{t.fee}</dt>
                <dd>{common.yen(a.totalFee)}</dd>
                <dt>{t.exempt}</dt>
                <dd>{common.yen(a.exemptTotal)}</dd>
              </dl>
              <ul>
                {a.items.map((i) => (
                  <li key={i.id}>{`${common.date(i.date)} ${i.frame} ${i.room}`}</li>
                ))}
              </ul>
              <DecisionForms
                id={a.id}
                hidden={{ applicationId: a.id }}
                approveLabel={t.approve}
                refuseLabel={t.reject}
                reasonLabel={t.reason}
                refuseDecision="reject"
                error={error}
                reason={actionData?.reason}
              />
            </li>
          );
        })}
      </ul>
    </>
  );
}
