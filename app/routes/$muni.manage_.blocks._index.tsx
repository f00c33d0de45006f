import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { usePeriodText } from "~/components/affected-bookings";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { checkReason, periodView } from "~/domain/blocks";
import { staffText } from "~/i18n/staff";
import { typedDate, typedTime } from "~/schemas/dates.server";
import { blockableFacilities, createBlock, listBlocks } from "~/services/blocks.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.blocks;

/** The place radio's value: a facility's id, then the room's (empty for the whole facility). */
const placeValue = (facilityId: string, roomId: string | null) => `${facilityId}|${roomId ?? ""}`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const now = new Date();
  const [facilities, blocks] = await Promise.all([blockableFacilities(municipality.id, user), listBlocks(municipality, user, now)]);
  return {
    slug: municipality.slug,
    facilities,
    blocks: blocks.map((b) => ({
      id: b.id,
      place: b.room ? `${b.facility.name} ${b.room.name}` : t.whole(b.facility.name),
      period: periodView(b, municipality.timeZone),
      reason: b.reason,
      affected: b.affected,
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const values = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const errors: Record<string, string> = {};
  const [facilityId, roomId] = (values.place ?? "").split("|");
  if (!facilityId) errors.place = t.errors.place!;
  const fromDate = typedDate(values.fromDate);
  if (fromDate.kind !== "ok") errors.fromDate = fromDate.kind === "blank" ? t.errors.dateRequired! : t.errors.date!;
  const fromTime = typedTime(values.fromTime);
  if (fromTime.kind === "invalid") errors.fromTime = t.errors.time!;
  const toDate = typedDate(values.toDate);
  if (toDate.kind === "invalid") errors.toDate = t.errors.date!;
  const toTime = typedTime(values.toTime);
  if (toTime.kind === "invalid") errors.toTime = t.errors.time!;
  const reason = values.reason ?? "";
  // the reason's problems too, so that one round shows every mistake
  const [reasonProblem] = checkReason(reason);
  if (reasonProblem) errors.reason = t.errors[reasonProblem]!;
  const fail = (status = 400) => data({ errors, values }, { status });
  if (Object.keys(errors).length > 0 || fromDate.kind !== "ok") return fail();
  const result = await createBlock(
    municipality,
    user,
    {
      facilityId: facilityId!,
      roomId: roomId || null,
      fromDate: fromDate.value,
      fromMinute: fromTime.kind === "ok" ? fromTime.value : null,
      toDate: toDate.kind === "ok" ? toDate.value : null,
      toMinute: toTime.kind === "ok" ? toTime.value : null,
      reason,
    },
    new Date(),
  );
  if (result.ok) return redirect(`/${municipality.slug}/manage/blocks/${result.id}?created=1`);
  if (result.code === "NOT_FOUND") {
    errors.place = t.errors.placeNotFound!;
    return fail(404);
  }
  for (const problem of result.problems) {
    const field = problem.startsWith("REASON") ? "reason" : problem === "STARTS_BEFORE_TODAY" ? "fromDate" : "toDate";
    errors[field] ??= t.errors[problem]!;
  }
  return fail();
}

export default function Blocks() {
  const { slug, facilities, blocks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const periodText = usePeriodText();
  const errors = actionData?.errors;
  const typed = actionData?.values ?? {};
  const labels = { place: t.place, fromDate: t.fromDate, fromTime: t.fromTime, toDate: t.toDate, toTime: t.toTime, reason: t.reason };
  const places = facilities.flatMap((f) => [
    { value: placeValue(f.id, null), label: t.whole(f.name), hint: t.wholeOption },
    ...f.rooms.map((r) => ({ value: placeValue(f.id, r.id), label: `${f.name} ${r.name}` })),
  ]);
  return (
    <>
      <BackLink to={`/${slug}/manage`}>{t.back}</BackLink>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>

      <h2>{t.listTitle}</h2>
      {blocks.length === 0 ? <p>{t.none}</p> : null}
      <ul className="card-list">
        {blocks.map((b) => (
          <li key={b.id} className="card">
            <a className="card-link" href={`/${slug}/manage/blocks/${b.id}`}>
              <span className="card-title">{b.place}</span>
              <span className="visually-hidden">{t.seeSuffix}</span>
            </a>
            <p>
              {periodText(b.period)}
              <br />
              {b.reason}
            </p>
            <p>
              <strong>{t.affectedCount(b.affected)}</strong>
            </p>
          </li>
        ))}
      </ul>

      <h2>{t.add}</h2>
      <form method="post" noValidate>
        <ErrorSummary errors={errors} labels={labels} />
        <RadioGroup name="place" label={t.place} hint={t.placeHint} options={places} defaultValue={typed.place || undefined} error={errors?.place} />
        <TextField name="fromDate" label={t.fromDate} hint={t.fromDateHint} defaultValue={typed.fromDate} error={errors?.fromDate} />
        <TextField name="fromTime" label={t.fromTime} hint={t.fromTimeHint} short optional defaultValue={typed.fromTime} error={errors?.fromTime} />
        <TextField name="toDate" label={t.toDate} hint={t.toDateHint} optional defaultValue={typed.toDate} error={errors?.toDate} />
        <TextField name="toTime" label={t.toTime} hint={t.toTimeHint} short optional defaultValue={typed.toTime} error={errors?.toTime} />
        <TextField name="reason" label={t.reason} hint={t.reasonHint} defaultValue={typed.reason} error={errors?.reason} />
        <div className="actions">
          <Button>{t.submit}</Button>
        </div>
      </form>
    </>
  );
}
