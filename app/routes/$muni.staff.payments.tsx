import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CounterApplication, CounterPaymentForm, takesPayment } from "~/components/counter-payment";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { OutcomeNotices } from "~/components/ui/outcome-notices";
import { TextField } from "~/components/ui/text-field";
import { isoDateFromDbDate, localDateTime } from "~/domain/calendar";
import { useT } from "~/i18n";
import { ja } from "~/i18n/ja";
import { staffText } from "~/i18n/staff";
import { applicationNumber, parseCounterPayment } from "~/schemas/hall.server";
import { cancelForMunicipality } from "~/services/booking.server";
import { applicationAtCounter, counterPaymentsDue, recordCounterPayment, reverseLedgerEntry } from "~/services/payments.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.payments;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const now = new Date();
  const typed = new URL(request.url).searchParams.get("number");
  const number = applicationNumber(typed);
  const [application, queue] = await Promise.all([
    number ? applicationAtCounter(municipality, number, now) : null,
    counterPaymentsDue(municipality.id, now),
  ]);
  const at = (d: Date | null) => (d ? localDateTime(d, municipality.timeZone) : null);
  return {
    slug: municipality.slug,
    typed: typed ?? "",
    searchError: typed === null ? null : number === null ? t.numberInvalid : application ? null : t.notFound(typed),
    application: application && {
      ...application,
      holdExpiresAt: at(application.holdExpiresAt),
      items: application.items.map((i) => ({ ...i, useDate: isoDateFromDbDate(i.useDate) })),
      ledger: application.ledger.map((e) => ({ ...e, createdAt: at(e.createdAt)! })),
    },
    queue: queue.map((q) => ({ ...q, holdExpiresAt: at(q.holdExpiresAt)! })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const fail = (errors: Record<string, string>) => data({ done: null, errors, values: form }, { status: 400 });
  const number = applicationNumber(form.number ?? null);
  if (number === null) return fail({ form: t.numberInvalid });

  if (form.intent === "pay") {
    const payment = parseCounterPayment(form);
    if (!payment.ok) return fail(payment.errors);
    const result = await recordCounterPayment(municipality, staff.id, number, payment.value, new Date());
    if (result.ok) return data({ done: t.recorded(number, result.confirmed), errors: null, values: {} as Record<string, string> });
    const message = {
      NOT_FOUND: t.notFound(String(number)),
      NOT_PAYABLE: t.notPayable,
      NOTHING_DUE: t.nothingDue,
      WRONG_AMOUNT: result.code === "WRONG_AMOUNT" ? t.wrongAmount(ja.yen(result.due)) : "",
    }[result.code];
    return fail(result.code === "WRONG_AMOUNT" ? { amount: message } : { form: message });
  }

  if (form.intent === "reverse") {
    const reason = (form.reason ?? "").trim();
    const entryId = form.entryId ?? "";
    if (!reason || reason.length > 200) return fail({ [`reason-${entryId}`]: t.reasonRequired });
    const result = await reverseLedgerEntry(municipality, staff.id, entryId, reason);
    if (result.ok) return data({ done: t.reversed, errors: null, values: {} as Record<string, string> });
    const message = { NOT_FOUND: t.notFound(String(number)), ALREADY_REVERSED: t.alreadyReversed, NOT_REVERSIBLE: t.notReversible }[result.code];
    return fail({ form: message });
  }
  if (form.intent === "cancel") {
    const reason = (form.reason ?? "").trim();
    if (!reason || reason.length > 200) return fail({ cancelReason: t.reasonRequired });
    const result = await cancelForMunicipality(municipality, staff.id, form.applicationId ?? "", reason, new Date());
    if (result.ok) return data({ done: t.cancelledForMunicipality(number, ja.yen(result.refund ?? 0)), errors: null, values: {} as Record<string, string> });
    return fail({ form: result.code === "NOT_FOUND" ? t.notFound(String(number)) : t.nothingToCancel });
  }
  return fail({ form: t.notFound(String(number)) });
}

export default function CounterPayments() {
  const { slug, typed, searchError, application: a, queue } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const r = useT();
  const errors = actionData?.errors ?? undefined;
  const value = (field: string, fallback = "") => actionData?.values?.[field] ?? fallback;
  /** "2026-12-07 09:00" as people read it: 12月7日(月) 09:00 */
  const at = (dateTime: string) => `${r.date(dateTime.slice(0, 10))} ${dateTime.slice(11)}`;
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <OutcomeNotices done={actionData?.done} error={errors?.form} />
      <form method="get">
        <TextField name="number" label={t.number} hint={t.numberHint} inputMode="numeric" short defaultValue={typed} error={searchError ?? undefined} />
        <div className="actions">
          <Button>{t.find}</Button>
        </div>
      </form>

      {a ? (
        <section aria-labelledby="application-title">
          <CounterApplication a={a} />

          {takesPayment(a) ? <CounterPaymentForm number={a.number} due={a.due} errors={errors} value={value} /> : null}

          {a.status === "TENTATIVE" || a.status === "CONFIRMED" ? (
            <details className="fee-details">
              <summary>{t.cancelTitle}</summary>
              <form method="post" noValidate>
                <p>{t.cancelIntro}</p>
                <input type="hidden" name="intent" value="cancel" />
                <input type="hidden" name="number" value={a.number} />
                <input type="hidden" name="applicationId" value={a.id} />
                <TextField name="reason" label={t.cancelReason} hint={t.cancelReasonHint} defaultValue={value("intent") === "cancel" ? value("reason") : ""} error={errors?.cancelReason} />
                <div className="actions">
                  <Button danger>{t.cancelSubmit}</Button>
                </div>
              </form>
            </details>
          ) : null}

          {a.ledger.length > 0 ? (
            <>
              <h3>{t.ledger}</h3>
              <ul className="card-list">
                {a.ledger.map((e) => (
                  <li key={e.id} className="card">
                    <p>
                      <strong>{`${t.kinds[e.kind]} ${r.yen(e.amount)}`}</strong>
                      {e.reversed ? t.reversedMark : ""}
                    </p>
                    <p>{`${at(e.createdAt)}・${t.methods[e.method]}${e.receiptNumber ? `・${t.receipt} ${e.receiptNumber}` : ""}${e.note ? `・${e.note}` : ""}`}</p>
                    {e.kind !== "REVERSAL" && e.method !== "STRIPE" && !e.reversed ? (
                      <form method="post" noValidate>
                        <input type="hidden" name="intent" value="reverse" />
                        <input type="hidden" name="number" value={a.number} />
                        <input type="hidden" name="entryId" value={e.id} />
                        <TextField name="reason" label={t.reverseReason} defaultValue={value("entryId") === e.id ? value("reason") : ""} error={errors?.[`reason-${e.id}`]} />
                        <div className="actions">
                          <Button variant="outline">{t.reverse}</Button>
                        </div>
                      </form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      <h2>{t.queue}</h2>
      {queue.length === 0 ? (
        <p>{t.queueNone}</p>
      ) : (
        <ul>
          {queue.map((q) => (
            <li key={q.id}>
              <a href={`/${slug}/staff/payments?number=${q.number}`}>{`${r.booking.number} ${q.number}`}</a>
              {` ${q.user.name} ${r.yen(q.totalFee)} ${t.deadline(at(q.holdExpiresAt))}`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
