import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { OutcomeNotices } from "~/components/ui/outcome-notices";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { useT } from "~/i18n";
import { ja } from "~/i18n/ja";
import { staffText } from "~/i18n/staff";
import { checkReason } from "~/domain/blocks";
import { typedDate } from "~/schemas/dates.server";
import { wholeNumber } from "~/schemas/numbers.server";
import { addClosure, calendarSettingsOf, listClosures, updateCalendarSettings } from "~/services/calendar-settings.server";
import { listFacilities } from "~/services/catalog.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.calendar;
/** the facility radio's value for a closure of every facility */
const ALL = "all";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const [facilities, closures] = await Promise.all([listFacilities(municipality.id), listClosures(municipality, new Date())]);
  const done = new URL(request.url).searchParams;
  return {
    slug: municipality.slug,
    settings: calendarSettingsOf(municipality),
    facilities: facilities.map((f) => ({ id: f.id, name: f.name })),
    closures,
    done: done.has("removed") ? t.removed : done.has("added") ? t.added(t.days(Number(done.get("added")) || 1), Number(done.get("affected")) || 0) : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const values = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const fail = (errors: Record<string, string>, status = 400) => data({ intent: values.intent, done: null, errors, values }, { status });

  if (values.intent === "closure") {
    const e = t.closureErrors;
    const errors: Record<string, string> = {};
    if (!values.facilityId) errors.facilityId = e.facility;
    const from = typedDate(values.from);
    if (from.kind !== "ok") errors.from = from.kind === "blank" ? e.dateRequired : e.date;
    const to = typedDate(values.to);
    if (to.kind === "invalid") errors.to = e.date;
    // the reason's problems too, so that one round shows every mistake
    const [reasonProblem] = checkReason(values.reason ?? "");
    if (reasonProblem) errors.reason = e[reasonProblem];
    if (Object.keys(errors).length > 0 || from.kind !== "ok") return fail(errors);
    const input = {
      facilityId: values.facilityId === ALL ? null : values.facilityId!,
      from: from.value,
      to: to.kind === "ok" ? to.value : null,
      reason: values.reason ?? "",
    };
    const result = await addClosure(municipality, staff.id, input, new Date());
    if (result.ok) {
      // one date: straight to its bookings; several: the list shows each date's count
      const to = result.ids.length === 1 ? `/${municipality.slug}/staff/closures/${result.ids[0]}?added=1` : `/${municipality.slug}/staff/calendar?added=${result.ids.length}&affected=${result.affected}`;
      return redirect(to);
    }
    if (result.code === "UNKNOWN_FACILITY") return fail({ facilityId: e.UNKNOWN_FACILITY }, 404);
    if (result.code === "ALREADY_CLOSED") return fail({ from: e.alreadyClosed(ja.list(result.dates.map((d) => ja.date(d)))) });
    for (const problem of result.problems) {
      const field = problem.startsWith("REASON") ? "reason" : problem === "STARTS_BEFORE_TODAY" ? "from" : "to";
      errors[field] ??= e[problem];
    }
    return fail(errors);
  }

  const number = (field: string) => wholeNumber(values[field] ?? "") ?? Number.NaN;
  const yesNo = (field: string) => (values[field] === "closed" ? true : values[field] === "open" ? false : null);
  const result = await updateCalendarSettings(municipality, staff.id, {
    bookingWindowMonths: number("bookingWindowMonths"),
    groupExtraWindowMonths: number("groupExtraWindowMonths"),
    bookingCloseDaysBefore: number("bookingCloseDaysBefore"),
    closedOnHolidays: yesNo("closedOnHolidays"),
    closedAtYearEnd: yesNo("closedAtYearEnd"),
  });
  if (result.ok) return data({ intent: "settings", done: result.changed ? t.saved : t.unchanged, errors: null, values: {} as Record<string, string> });
  const errors = Object.fromEntries(
    Object.entries(result.problems).map(([field, problem]) => [field, problem === "OUT_OF_RANGE" ? t.settingsErrors[field]! : t.settingsErrors[problem]!]),
  );
  return fail(errors);
}

export default function CalendarSettings() {
  const { slug, settings, facilities, closures, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const r = useT();
  const settingsErrors = actionData?.intent !== "closure" ? (actionData?.errors ?? undefined) : undefined;
  const closureErrors = actionData?.intent === "closure" ? (actionData.errors ?? undefined) : undefined;
  const typed = actionData?.errors ? actionData.values : null;
  const value = (field: string, saved: string) => (typed && actionData?.intent !== "closure" ? (typed[field] ?? "") : saved);
  const closureTyped = actionData?.intent === "closure" && typed ? typed : {};
  const closedOptions = [
    { value: "closed", label: t.closed },
    { value: "open", label: t.open },
  ];
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      <OutcomeNotices done={actionData?.done ?? done} />
      <p>{t.intro}</p>
      <p>{t.paymentLink}</p>
      <p>
        <a href={`/${slug}/staff/payment-settings`}>{t.paymentLinkText}</a>
      </p>

      <h2>{t.settingsTitle}</h2>
      <p>{t.fromNow}</p>
      {/* keyed by what was saved, so the boxes show the saved values after a save */}
      <form method="post" noValidate key={JSON.stringify(settings)}>
        <ErrorSummary
          errors={settingsErrors}
          labels={{
            bookingWindowMonths: t.bookingWindowMonths,
            groupExtraWindowMonths: t.groupExtraWindowMonths,
            bookingCloseDaysBefore: t.bookingCloseDaysBefore,
            closedOnHolidays: t.closedOnHolidays,
            closedAtYearEnd: t.closedAtYearEnd,
          }}
        />
        <input type="hidden" name="intent" value="settings" />
        <TextField name="bookingWindowMonths" label={t.bookingWindowMonths} hint={t.bookingWindowMonthsHint} inputMode="numeric" short defaultValue={value("bookingWindowMonths", String(settings.bookingWindowMonths))} error={settingsErrors?.bookingWindowMonths} />
        <TextField name="groupExtraWindowMonths" label={t.groupExtraWindowMonths} hint={t.groupExtraWindowMonthsHint} inputMode="numeric" short defaultValue={value("groupExtraWindowMonths", String(settings.groupExtraWindowMonths))} error={settingsErrors?.groupExtraWindowMonths} />
        <TextField name="bookingCloseDaysBefore" label={t.bookingCloseDaysBefore} hint={t.bookingCloseDaysBeforeHint} inputMode="numeric" short defaultValue={value("bookingCloseDaysBefore", String(settings.bookingCloseDaysBefore))} error={settingsErrors?.bookingCloseDaysBefore} />
        <RadioGroup name="closedOnHolidays" label={t.closedOnHolidays} options={closedOptions} defaultValue={value("closedOnHolidays", settings.closedOnHolidays ? "closed" : "open") || undefined} error={settingsErrors?.closedOnHolidays} />
        <RadioGroup name="closedAtYearEnd" label={t.closedAtYearEnd} options={closedOptions} defaultValue={value("closedAtYearEnd", settings.closedAtYearEnd ? "closed" : "open") || undefined} error={settingsErrors?.closedAtYearEnd} />
        <div className="actions">
          <Button>{t.save}</Button>
        </div>
      </form>
      <h3>{t.current}</h3>
      <dl className="compact-list">
        <dt>{t.bookingWindowMonths}</dt>
        <dd>{t.months(settings.bookingWindowMonths)}</dd>
        <dt>{t.groupExtraWindowMonths}</dt>
        <dd>{t.groupMonths(settings.groupExtraWindowMonths)}</dd>
        <dt>{t.bookingCloseDaysBefore}</dt>
        <dd>{t.closesBefore(settings.bookingCloseDaysBefore)}</dd>
        <dt>{t.closedOnHolidays}</dt>
        <dd>{t.yesClosed(settings.closedOnHolidays)}</dd>
        <dt>{t.closedAtYearEnd}</dt>
        <dd>{t.yesClosed(settings.closedAtYearEnd)}</dd>
      </dl>

      <h2>{t.closuresTitle}</h2>
      <p>{t.closuresIntro}</p>
      <p>
        <a href={`/${slug}/manage/blocks`}>{t.blocksLink}</a>
      </p>
      {closures.length === 0 ? <p>{t.none}</p> : null}
      <ul className="card-list">
        {closures.map((c) => (
          <li key={c.id} className="card">
            <a className="card-link" href={`/${slug}/staff/closures/${c.id}`}>
              <span className="card-title">{`${r.date(c.date)} ${c.facilityName ?? t.allFacilities}`}</span>
              <span className="visually-hidden">{t.seeSuffix}</span>
            </a>
            <p>{c.reason}</p>
            <p>
              <strong>{t.affected(c.affected)}</strong>
            </p>
          </li>
        ))}
      </ul>

      <h3>{t.addTitle}</h3>
      <form method="post" noValidate>
        <ErrorSummary errors={closureErrors} labels={{ facilityId: t.facility, from: t.from, to: t.to, reason: t.reason }} />
        <input type="hidden" name="intent" value="closure" />
        <RadioGroup
          name="facilityId"
          label={t.facility}
          options={[{ value: ALL, label: t.allFacilities }, ...facilities.map((f) => ({ value: f.id, label: f.name }))]}
          defaultValue={closureTyped.facilityId || undefined}
          error={closureErrors?.facilityId}
        />
        <TextField name="from" label={t.from} hint={t.fromHint} defaultValue={closureTyped.from} error={closureErrors?.from} />
        <TextField name="to" label={t.to} hint={t.toHint} optional defaultValue={closureTyped.to} error={closureErrors?.to} />
        <TextField name="reason" label={t.reason} hint={t.reasonHint} defaultValue={closureTyped.reason} error={closureErrors?.reason} />
        <div className="actions">
          <Button>{t.add}</Button>
        </div>
      </form>
    </>
  );
}
