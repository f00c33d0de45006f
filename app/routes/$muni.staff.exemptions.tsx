import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionForms, DecisionQueue } from "~/components/decision-forms";
import { isoDateFromDbDate } from "~/domain/calendar";
import type { FeeBreakdown } from "~/domain/fees";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { decideExemption, pendingExemptions } from "~/services/exemptions.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { type DecisionOutcome, readDecision } from "~/utils/decision.server";
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

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const { id, reason, approve, missingReason } = await readDecision(request);
  const outcome = (o: Partial<DecisionOutcome>, status = 200) =>
    data<DecisionOutcome>({ done: null, error: null, id, reason, ...o }, { status });
  if (missingReason) return outcome({ error: t.reasonRequired }, 400);
  const result = await decideExemption(municipality, staff.id, id, { approve, reason: approve ? "" : reason }, new Date());
  if (!result.ok) {
    if (result.code === "NOT_FOUND") throw new Response("Not Found", { status: 404 });
    return outcome({ error: t.alreadyDecided }, 409);
  }
  return outcome({ done: approve ? t.approved(result.number) : t.rejected(result.number), reason: "" });
}

export default function ExemptionQueue() {
  const { slug, pending } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const common = useT();
  return (
    <DecisionQueue
      back={{ to: `/${slug}/staff`, label: staffText.menu.title }}
      title={t.title}
      intro={t.intro}
      none={t.none}
      items={pending}
      outcome={outcome}
      renderCard={(a, error, reason) => (
        <>
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
            approveLabel={t.approve}
            refuseLabel={t.reject}
            reasonLabel={t.reason}
            error={error}
            reason={reason}
          />
        </>
      )}
    />
  );
}
