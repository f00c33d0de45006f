import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { SlotSummary } from "~/components/slots";
import { localDateTime } from "~/domain/calendar";
import { paymentStateOf } from "~/domain/holds";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { getProxyApplication } from "~/services/booking.server";
import { PROXY_ROLES, residentForProxy } from "~/services/proxy.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.proxy;

/** The application just made for a resident: its number to tell the caller, and what to say about paying. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, PROXY_ROLES);
  const application = await getProxyApplication(municipality.id, user.id, params.applicationId!);
  if (!application) notFound();
  const resident = await residentForProxy(municipality.id, application.applicantId);
  const state = paymentStateOf(application.totalFee, application.paid);
  const deadline = application.holdExpiresAt ? localDateTime(application.holdExpiresAt, municipality.timeZone) : null;
  return {
    slug: municipality.slug,
    number: application.number,
    status: application.status,
    applicant: application.user.name,
    /** null when the resident can no longer be booked for (their account was deleted meanwhile) */
    residentId: resident?.id ?? null,
    hasEmail: resident?.hasEmail ?? false,
    items: application.items.filter((i) => !i.cancelledAt),
    totalFee: application.totalFee,
    payment:
      application.exemptionStatus === "PENDING"
        ? t.waitingForExemption
        : state === "NOTHING_DUE" || state === "PAID"
          ? t.nothingDue
          : deadline && application.status === "TENTATIVE"
            ? { deadline }
            : t.payOnTheDay,
  };
}

export default function ProxyBooked() {
  const { slug, number, status, applicant, residentId, hasEmail, items, totalFee, payment } = useLoaderData<typeof loader>();
  const r = useT();
  /** "2026-12-07 09:00" as people read it: 12月7日(月) 09:00 */
  const at = (dateTime: string) => `${r.date(dateTime.slice(0, 10))} ${dateTime.slice(11)}`;
  return (
    <>
      <Notice tone="success" role="status" title={t.doneTitle}>
        <p>{t.doneBody(applicant)}</p>
      </Notice>
      <h1>
        {t.number}
        <br />
        <span className="application-number">{number}</span>
      </h1>
      <dl className="compact-list">
        <dt>{t.applicant}</dt>
        <dd>{`${applicant} さん`}</dd>
        <dt>{t.status}</dt>
        <dd>
          <span className={`status status--${status}`}>{r.status[status]}</span>
        </dd>
      </dl>
      <h2>{t.slots}</h2>
      <ul className="slot-list">
        {items.map((item) => (
          <li key={item.id}>
            <SlotSummary slot={item} />
          </li>
        ))}
      </ul>
      <p className="total">{r.slot.total(r.yen(totalFee))}</p>
      <h2>{t.payment}</h2>
      <p>{typeof payment === "string" ? payment : t.payAtCounter(at(payment.deadline))}</p>
      <p>{hasEmail ? t.mailSent : t.noMail}</p>
      <div className="actions">
        {residentId ? (
          <form method="post" action={`/${slug}/manage/proxy`}>
            <input type="hidden" name="intent" value="act" />
            <input type="hidden" name="residentId" value={residentId} />
            <Button variant="outline">{t.again(applicant)}</Button>
          </form>
        ) : null}
        <a href={`/${slug}/manage/proxy`}>{t.backToSearch}</a>
      </div>
    </>
  );
}
