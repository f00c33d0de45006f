import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FrameFields, SETUP_LABELS } from "~/components/setup-forms";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { formatMinutes } from "~/domain/calendar";
import { staffText } from "~/i18n/staff";
import { fieldErrors, FRAME_FIELDS, frameInputFrom, readForm } from "~/schemas/setup.server";
import { setupFrame, updateFrame } from "~/services/setup.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.setup;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const frame = await setupFrame(municipality, params.frameId!, new Date());
  if (!frame) notFound();
  return { slug: municipality.slug, frame };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const { values, lists } = await readForm(request);
  const dayTypes = lists(FRAME_FIELDS.dayTypes);
  const result = await updateFrame(municipality, staff.id, params.frameId!, frameInputFrom(values, dayTypes), new Date());
  if (!result) notFound();
  if (result.ok) {
    const frame = await setupFrame(municipality, result.id, new Date());
    return redirect(`/${municipality.slug}/staff/setup/rooms/${frame!.room.id}?saved=frame-saved`);
  }
  return data({ errors: fieldErrors(result.problems, FRAME_FIELDS), values, dayTypes }, { status: 400 });
}

export default function FrameSetup() {
  const { slug, frame } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = actionData
    ? { values: actionData.values, lists: { dayTypes: actionData.dayTypes }, errors: actionData.errors }
    : {
        values: { frameName: frame.name, start: formatMinutes(frame.startMinute), end: formatMinutes(frame.endMinute) },
        lists: { dayTypes: frame.dayTypes },
      };
  return (
    <>
      <BackLink to={`/${slug}/staff/setup/rooms/${frame.room.id}`}>{t.backToRoom(frame.room.name)}</BackLink>
      <h1>{t.frameTitle(frame.name)}</h1>
      <p>{`${frame.room.facility.name} ${frame.room.name}`}</p>
      {frame.active ? null : <Notice>{t.frameRetiredNote}</Notice>}
      <ErrorSummary errors={actionData?.errors} labels={SETUP_LABELS} />
      {frame.booked ? (
        <>
          <p>{t.timesLocked}</p>
          <dl className="compact-list">
            <dt>{t.timeOfDay}</dt>
            <dd>{t.timeRange(frame.startMinute, frame.endMinute)}</dd>
          </dl>
        </>
      ) : null}
      <form method="post" noValidate>
        <FrameFields {...state} timesLocked={frame.booked} feeDayTypes={frame.unpriced} feeNote={t.unpricedHint} feesOptional />
        <p>
          {t.feeElsewhere}
          <a href={`/${slug}/staff/fees`}>{t.feeElsewhereLink}</a>
        </p>
        <div className="actions">
          <Button>{t.saveFrame}</Button>
        </div>
      </form>
    </>
  );
}
