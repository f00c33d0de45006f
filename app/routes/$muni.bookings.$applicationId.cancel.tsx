import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { CancelForm } from "~/schemas/application.server";
import { SlotSummary } from "~/components/slots";
import { todayIn } from "~/domain/calendar";
import { useT } from "~/i18n";
import { parsePolicy } from "~/domain/cancellation";
import { cancelBooking, getMyApplication, refundPreview } from "~/services/booking.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const application = await getMyApplication(municipality.id, user.id, params.applicationId!);
  if (!application) notFound();
  const itemId = new URL(request.url).searchParams.get("item") ?? undefined;
  const today = todayIn(municipality.timeZone, new Date());
  const items = application.items.filter(
    (i) => !i.cancelledAt && i.date >= today && (itemId === undefined || i.id === itemId),
  );
  const refunds = await refundPreview(municipality, { id: application.id, totalFee: application.totalFee, items }, new Date());
  const policy = [...parsePolicy(municipality.cancellationPolicy)].sort((a, b) => b.daysBefore - a.daysBefore);
  return { slug: municipality.slug, application: { id: application.id, number: application.number }, items, itemId, refunds, policy };
}


export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const parsed = CancelForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "NOT_FOUND" as const }, { status: 400 });
  const result = await cancelBooking(municipality, user.id, params.applicationId!, parsed.data.itemId, new Date());
  if (!result.ok) {
    if (result.code === "NOT_FOUND") notFound();
    return data({ error: result.code }, { status: 409 });
  }
  return redirect(`/${municipality.slug}/bookings/${params.applicationId}?cancelled=1`);
}

export default function CancelBooking() {
  const { slug, application, items, itemId, refunds, policy } = useLoaderData<typeof loader>();
  const t = useT();
  const c = t.cancel;
  const paid = refunds.some((r) => r.refund + r.charge > 0);
  const refundTotal = refunds.reduce((sum, r) => sum + r.refund, 0);
  const refundOf = new Map(refunds.map((r) => [r.itemId, r]));
  const refundText = (r?: { refund: number; percent: number }) => (r && r.refund > 0 ? c.refund(t.yen(r.refund), r.percent) : c.noRefund);
  const actionData = useActionData<typeof action>();
  const back = `/${slug}/bookings/${application.id}`;
  return (
    <>
      <BackLink to={back}>{c.back}</BackLink>
      <h1>{c.title}</h1>
      {actionData?.error ? (
        <Notice tone="error" role="alert">
          {t.bookingErrors[actionData.error]}
        </Notice>
      ) : null}
      {items.length === 0 ? (
        <p>{t.bookingErrors.ALREADY_CANCELLED}</p>
      ) : (
        <>
          <p>{c.intro(application.number)}</p>
          <ul className="slot-list">
            {items.map((item) => (
              <li key={item.id}>
                <SlotSummary slot={item} />
                {paid ? (
                  <p>
                    <strong>{refundText(refundOf.get(item.id))}</strong>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          {paid ? <p className="total">{c.refundTotal(t.yen(refundTotal))}</p> : <p>{c.unpaid}</p>}
          <h2>{c.policyTitle}</h2>
          <ul>
            {policy.map((tier) => (
              <li key={tier.daysBefore}>{c.tier(tier.daysBefore, tier.percent)}</li>
            ))}
          </ul>
          <form method="post">
            {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
            <div className="actions">
              <Button danger>{c.submit}</Button>
              <a href={back}>{c.keep}</a>
            </div>
          </form>
        </>
      )}
    </>
  );
}
