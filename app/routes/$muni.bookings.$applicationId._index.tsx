import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ButtonLink } from "~/components/ui/button-link";
import { Notice } from "~/components/ui/notice";
import { FeeBreakdown } from "~/components/fee-breakdown";
import { ApplicationDetails, SlotSummary } from "~/components/slots";
import { localDateTime, todayIn } from "~/domain/calendar";
import { paymentStateOf } from "~/domain/holds";
import { useT } from "~/i18n";
import { getMyApplication } from "~/services/booking.server";
import { catchUpCheckout, onlinePaymentsEnabled } from "~/services/online-payments.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

/** Where Stripe Checkout or the pay action sent the resident back from. */
const CHECKOUT_OUTCOMES = ["done", "cancelled", "not_payable", "unavailable", "nothing_due"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const asked = new URL(request.url).searchParams.get("checkout");
  const checkout = CHECKOUT_OUTCOMES.find((o) => o === asked) ?? null;
  // back from Checkout before Stripe's webhook: ask Stripe, so the page shows the real state
  if (checkout === "done") await catchUpCheckout(municipality.id, user.id, params.applicationId!, new Date());
  const application = await getMyApplication(municipality.id, user.id, params.applicationId!);
  if (!application) notFound();
  const [deadlineDate, deadlineTime] = application.holdExpiresAt ? localDateTime(application.holdExpiresAt, municipality.timeZone).split(" ") : [];
  return {
    slug: municipality.slug,
    application,
    paymentState: paymentStateOf(application.totalFee, application.paid),
    ledger: application.ledger.map(({ createdAt, ...e }) => ({ ...e, date: todayIn(municipality.timeZone, createdAt) })),
    deadline: deadlineDate ? { date: deadlineDate, time: deadlineTime! } : null,
    today: todayIn(municipality.timeZone, new Date()),
    submitted: new URL(request.url).searchParams.has("submitted"),
    checkout,
    online: onlinePaymentsEnabled(),
    cancelled: new URL(request.url).searchParams.has("cancelled"),
  };
}

export default function BookingDetail() {
  const { slug, application: a, paymentState, ledger, deadline, today, submitted, cancelled, checkout, online } = useLoaderData<typeof loader>();
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
      {checkout && t.payment.checkout[checkout] ? (
        <Notice tone={checkout === "done" ? "success" : "warning"} role="status">
          {t.payment.checkout[checkout === "done" && a.status === "CONFIRMED" ? "paid" : checkout]}
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
      {a.byProxy ? <p>{b.byProxy}</p> : null}
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
      <PaymentSection application={a} ledger={ledger} state={paymentState} deadline={deadline} payHref={online ? `/${slug}/bookings/${a.id}/pay` : null} />
      <ApplicationDetails details={a} />
      {a.status === "CONFIRMED" || a.paid > 0 ? (
        <p>
          <a href={`/${slug}/bookings/${a.id}/documents${a.status === "CONFIRMED" ? "" : "?doc=receipt"}`}>{t.documents.link}</a>
        </p>
      ) : null}
      {activeItems.length > 1 ? (
        <p>
          <a href={`/${slug}/bookings/${a.id}/cancel`}>{b.cancelAll}</a>
        </p>
      ) : null}
    </>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function PaymentSection({
  application: a,
  ledger,
  state,
  deadline,
  payHref,
}: {
  application: LoaderData["application"];
  ledger: LoaderData["ledger"];
  state: ReturnType<typeof paymentStateOf>;
  deadline: { date: string; time: string } | null;
  /** where to post to pay online (null: counter only) */
  payHref: string | null;
}) {
  const t = useT();
  const p = t.payment;
  const due = a.totalFee - a.paid;
  const live = a.status === "TENTATIVE" || a.status === "CONFIRMED";
  const refunded = ledger.some((e) => e.kind === "REFUND" && e.method !== "STRIPE");
  return (
    <section aria-labelledby="payment-title">
      <h2 id="payment-title">{p.title}</h2>
      {state === "NOTHING_DUE" ? (
        <p>{p.nothingDue}</p>
      ) : state === "PAID" ? (
        <p>{p.paid(t.yen(a.paid))}</p>
      ) : live && due > 0 ? (
        <Notice tone={deadline ? "warning" : "info"} title={p.due(t.yen(due))}>
          {a.exemptionStatus === "PENDING"
            ? p.waitingForExemption
            : deadline
              ? (payHref ? p.payBy : p.payAtCounter)(`${t.date(deadline.date)} ${deadline.time}`)
              : p.payOnTheDay}
        </Notice>
      ) : null}
      {payHref && live && a.status === "TENTATIVE" && due > 0 && a.exemptionStatus !== "PENDING" ? (
        <form method="post" action={payHref}>
          <p className="hint">{p.payOnlineHint}</p>
          <div className="actions">
            <Button>{p.payOnline}</Button>
          </div>
        </form>
      ) : null}
      {ledger.length > 0 ? (
        <>
          <h3>{p.history}</h3>
          <ul>
            {ledger.map((e) => (
              <li key={e.id}>{`${t.date(e.date)} ${p.entry(e.kind, p.methods[e.method] ?? e.method, t.yen(Math.abs(e.amount)))}`}</li>
            ))}
          </ul>
          {refunded ? <p>{p.refundAtCounter}</p> : null}
        </>
      ) : null}
    </section>
  );
}
