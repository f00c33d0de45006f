import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionForms, DecisionQueue } from "~/components/decision-forms";
import { HallNav, PaymentStateText } from "~/components/hall";
import { localDateTime } from "~/domain/calendar";
import { useT } from "~/i18n";
import { ja } from "~/i18n/ja";
import { staffText } from "~/i18n/staff";
import { applicationsWaitingForHall, decideForHall } from "~/services/hall-decisions.server";
import { type DecisionOutcome, readDecision } from "~/utils/decision.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const w = staffText.hallWaiting;

/** Held applications (仮予約) of the person's facilities, for the hall to accept or turn down. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const waiting = await applicationsWaitingForHall(municipality, user, new Date());
  const at = (d: Date | null) => (d ? localDateTime(d, municipality.timeZone) : null);
  return {
    slug: municipality.slug,
    waiting: waiting.map((a) => ({ ...a, holdExpiresAt: at(a.holdExpiresAt), createdAt: at(a.createdAt)! })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const { id, reason, approve, missingReason } = await readDecision(request);
  const outcome = (o: Partial<DecisionOutcome>, status = 200) => data<DecisionOutcome>({ done: null, error: null, id, reason, ...o }, { status });
  if (missingReason) return outcome({ error: w.reasonRequired }, 400);
  const result = await decideForHall(municipality, user, id, approve ? { approve: true } : { approve: false, reason }, new Date());
  if (result.ok) return outcome({ done: approve ? w.approved(result.number) : w.rejected(result.number, ja.yen(result.refund)), reason: "" });
  if (result.code === "NOT_FOUND") notFound();
  return outcome({ error: result.code === "NOT_YOURS" ? w.notYours : w.notWaiting }, 409);
}

export default function WaitingApplications() {
  const { slug, waiting } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const t = useT();
  const when = (dateTime: string) => `${t.date(dateTime.slice(0, 10))} ${dateTime.slice(11)}`;
  return (
    <>
      <HallNav slug={slug} current="waiting" />
      <DecisionQueue title={w.title} intro={w.intro} none={w.none} items={waiting} outcome={outcome} renderCard={(a, error, reason) => (
        <>
          <p className="card-title">{w.number(a.number)}</p>
          <p className="hall-applicant">{a.applicant}</p>
          <dl className="compact-list">
            <dt>{w.phone}</dt>
            <dd>
              <a href={`tel:${a.phone}`}>{a.phone}</a>
            </dd>
            <dt>{w.purpose}</dt>
            <dd>{a.purpose}</dd>
            <dt>{w.headcount}</dt>
            <dd>{t.people(a.headcount)}</dd>
            <dt>{w.fee}</dt>
            <dd>{t.yen(a.totalFee)}</dd>
            <dt>{w.payment}</dt>
            <dd>
              <PaymentStateText state={a.payment} />
            </dd>
            {a.holdExpiresAt ? (
              <>
                <dt>{w.holdUntil}</dt>
                <dd>{when(a.holdExpiresAt)}</dd>
              </>
            ) : null}
          </dl>
          <h3 className="hall-slots-title">{w.slots}</h3>
          <ul>
            {a.slots.map((s) => (
              <li key={s.id}>
                {`${t.date(s.date)} ${s.frame} `}
                <span className="nowrap">{t.timeRange(s.from, s.to)}</span>
                {` ${s.facility} ${s.room}`}
              </li>
            ))}
          </ul>
          {a.decidable ? (
            <DecisionForms id={a.id} approveLabel={w.approve} refuseLabel={w.reject} reasonLabel={w.reason} error={error} reason={reason} />
          ) : (
            <p className="notice notice--info">{w.otherSlots(a.otherSlots)}</p>
          )}
        </>
      )}>
        <p>{w.exemptionNote}</p>
      </DecisionQueue>
    </>
  );
}
