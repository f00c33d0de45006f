import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { ButtonLink } from "~/components/ui/button-link";
import { Notice } from "~/components/ui/notice";
import { FeeBreakdown } from "~/components/fee-breakdown";
import { ApplicationDetails, SlotSummary } from "~/components/slots";
import { todayIn } from "~/domain/calendar";
import { useT } from "~/i18n";
import { getMyApplication } from "~/services/booking.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const application = await getMyApplication(municipality.id, user.id, params.applicationId!);
  if (!application) notFound();
  return {
    slug: municipality.slug,
    application,
    today: todayIn(municipality.timeZone, new Date()),
    submitted: new URL(request.url).searchParams.has("submitted"),
    cancelled: new URL(request.url).searchParams.has("cancelled"),
  };
}

export default function BookingDetail() {
  const { slug, application: a, today, submitted, cancelled } = useLoaderData<typeof loader>();
  const activeItems = a.items.filter((i) => !i.cancelledAt && i.date >= today);
  const t = useT();
  const b = t.booking;
  return (
    <>
      <BackLink to={`/${slug}/bookings`}>{b.back}</BackLink>
      {submitted ? (
        <Notice tone="success" role="status" title={b.submittedTitle}>
          <p>{b.submittedBody}</p>
        </Notice>
      ) : null}
      {cancelled ? (
        <Notice tone="success" role="status">
          {b.cancelledNotice}
        </Notice>
      ) : null}
      <h1>{b.title}</h1>
      <p>
        {b.number}
        <br />
        <span className="application-number">{a.number}</span>
      </p>
      <p>
        <span className={`status status--${a.status}`}>{t.status[a.status]}</span>
        {a.exemptionStatus !== "NONE" ? (
          <>
            {" "}
            <span className={`status status--exemption-${a.exemptionStatus}`}>{t.fees.status[a.exemptionStatus]}</span>
          </>
        ) : null}
      </p>
      {a.exemptionStatus === "REJECTED" && a.exemptionDecisionReason ? <p>{a.exemptionDecisionReason}</p> : null}
      <h2>{b.slots}</h2>
      <ul className="slot-list">
        {a.items.map((item) => (
          <li key={item.id}>
            <SlotSummary
              slot={item}
            >
              {item.cancelledAt ? (
                <strong>{t.slot.cancelled}</strong>
              ) : item.date >= today ? (
                <ButtonLink variant="outline" size="medium" href={`/${slug}/bookings/${a.id}/cancel?item=${item.id}`}>
                  {b.cancelSlot}
                </ButtonLink>
              ) : null}
            </SlotSummary>
            {item.cancelledAt ? null : (
              <details className="fee-details">
                <summary>{t.fees.title}</summary>
                <FeeBreakdown breakdown={item.breakdown} />
              </details>
            )}
          </li>
        ))}
      </ul>
      <p className="total">{t.slot.total(t.yen(a.totalFee))}</p>
      <ApplicationDetails details={a} />
      {activeItems.length > 1 ? (
        <p>
          <a href={`/${slug}/bookings/${a.id}/cancel`}>{b.cancelAll}</a>
        </p>
      ) : null}
    </>
  );
}
