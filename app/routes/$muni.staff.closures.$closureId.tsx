import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AffectedBookings } from "~/components/affected-bookings";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { OutcomeNotices } from "~/components/ui/outcome-notices";
import { useT } from "~/i18n";
import { ja } from "~/i18n/ja";
import { staffText } from "~/i18n/staff";
import { cancelFormOf, cancelReply } from "~/schemas/affected.server";
import { cancelBookingsOnClosure, closureDetail, removeClosure } from "~/services/calendar-settings.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.calendar;

/** One dated closure from today on, with the bookings on that day that staff may cancel. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const closure = await closureDetail(municipality, params.closureId!, new Date());
  if (!closure) notFound();
  const added = new URL(request.url).searchParams.has("added");
  return { slug: municipality.slug, closure, done: added ? t.added(ja.date(closure.date), closure.affected.length) : null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const formData = await request.formData();
  const now = new Date();
  if (formData.get("intent") === "remove") {
    const result = await removeClosure(municipality, staff.id, params.closureId!, now);
    if (!result.ok) notFound();
    return redirect(`/${municipality.slug}/staff/calendar?removed=1`);
  }
  const typed = cancelFormOf(formData);
  const result = await cancelBookingsOnClosure(municipality, staff, params.closureId!, typed.applicationIds, typed.message, now);
  if (!result.ok && (result.code === "NOT_FOUND" || result.code === "STAFF_ONLY")) notFound();
  return cancelReply(result, typed);
}

export default function ClosurePage() {
  const { slug, closure, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const r = useT();
  return (
    <>
      <BackLink to={`/${slug}/staff/calendar`}>{t.back}</BackLink>
      <h1>{t.detailTitle}</h1>
      <OutcomeNotices done={actionData?.done ?? done} />
      <dl className="compact-list">
        <dt>{staffText.blocks.period}</dt>
        <dd>{`${r.date(closure.date)}（${staffText.blocks.allDay}）`}</dd>
        <dt>{t.facility}</dt>
        <dd>{closure.facilityName ?? t.allFacilities}</dd>
        <dt>{t.reason}</dt>
        <dd>{closure.reason}</dd>
      </dl>
      <AffectedBookings
        bookings={closure.affected}
        canCancel
        defaultMessage={closure.reason}
        errors={actionData?.errors ?? undefined}
        typed={actionData?.typed ?? undefined}
      />
      <form method="post">
        <h2>{t.remove}</h2>
        <p>{t.removeHint}</p>
        <input type="hidden" name="intent" value="remove" />
        <div className="actions">
          <Button variant="outline">{t.remove}</Button>
        </div>
      </form>
    </>
  );
}
