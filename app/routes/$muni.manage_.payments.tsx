import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CounterApplication, CounterPaymentForm, takesPayment } from "~/components/counter-payment";
import { HallNav } from "~/components/hall";
import { Button } from "~/components/ui/button";
import { OutcomeNotices } from "~/components/ui/outcome-notices";
import { TextField } from "~/components/ui/text-field";
import { isoDateFromDbDate, localDateTime } from "~/domain/calendar";
import { ja } from "~/i18n/ja";
import { staffText } from "~/i18n/staff";
import { applicationNumber, formFields, parseCounterPayment } from "~/schemas/hall.server";
import { applicationAtHallCounter, recordCounterPaymentAtHall } from "~/services/hall-counter.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.payments;
const c = staffText.hallCounter;

/**
 * The counter at the hall: the manager finds an application of their facilities by its number
 * and records the cash or terminal payment taken for it. A number of another facility's (or
 * another town's) application is not found (404), as it is for the service.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const typed = new URL(request.url).searchParams.get("number");
  const number = applicationNumber(typed);
  const application = number ? await applicationAtHallCounter(municipality, user, number, new Date()) : null;
  const at = (d: Date | null) => (d ? localDateTime(d, municipality.timeZone) : null);
  const page = {
    slug: municipality.slug,
    typed: typed ?? "",
    searchError: typed === null ? null : number === null ? t.numberInvalid : application ? null : c.notFound(typed),
    application: application && {
      ...application,
      holdExpiresAt: at(application.holdExpiresAt),
      items: application.items.map((i) => ({ ...i, useDate: isoDateFromDbDate(i.useDate) })),
    },
  };
  return data(page, { status: number !== null && !application ? 404 : 200 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const form = await formFields(request);
  const fail = (errors: Record<string, string>, status = 400) => data({ done: null, errors, values: form }, { status });
  const number = applicationNumber(form.number);
  if (number === null) return fail({ form: t.numberInvalid });
  const payment = parseCounterPayment(form);
  if (!payment.ok) return fail(payment.errors);
  const result = await recordCounterPaymentAtHall(municipality, user, number, payment.value, new Date());
  if (result.ok) return data({ done: t.recorded(number, result.confirmed), errors: null, values: {} as Record<string, string> });
  switch (result.code) {
    case "NOT_FOUND":
      return fail({ form: c.notFound(String(number)) }, 404);
    case "WRONG_AMOUNT":
      return fail({ amount: t.wrongAmount(ja.yen(result.due)) });
    case "NOT_PAYABLE":
      return fail({ form: t.notPayable });
    case "NOTHING_DUE":
      return fail({ form: t.nothingDue });
  }
}

export default function HallCounter() {
  const { slug, typed, searchError, application: a } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? undefined;
  const value = (field: string, fallback = "") => actionData?.values?.[field] ?? fallback;
  return (
    <>
      <HallNav slug={slug} current="payments" />
      <h1>{c.title}</h1>
      <p>{c.intro}</p>
      <OutcomeNotices done={actionData?.done} error={errors?.form} />
      <form method="get">
        <TextField name="number" label={t.number} hint={t.numberHint} inputMode="numeric" short defaultValue={typed} error={searchError ?? undefined} />
        <div className="actions">
          <Button variant={a ? "outline" : "filled"}>{t.find}</Button>
        </div>
      </form>
      {a ? (
        <section aria-labelledby="application-title">
          <CounterApplication a={a} />
          {takesPayment(a) ? <CounterPaymentForm number={a.number} due={a.due} errors={errors} value={value} /> : <p>{c.noPaymentNeeded}</p>}
        </section>
      ) : null}
    </>
  );
}
