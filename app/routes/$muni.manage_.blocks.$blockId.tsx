import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AffectedBookings, usePeriodText } from "~/components/affected-bookings";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { OutcomeNotices } from "~/components/ui/outcome-notices";
import { periodView } from "~/domain/blocks";
import { localDateTime } from "~/domain/calendar";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { cancelFormOf, cancelReply } from "~/schemas/affected.server";
import { blockDetail, cancelBookingsInBlock, liftBlock } from "~/services/blocks.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.blocks;

/** One block of the person's facilities: its period and reason, and the bookings it runs into. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const now = new Date();
  const block = await blockDetail(municipality, user, params.blockId!, now);
  if (!block) notFound();
  const at = (d: Date) => localDateTime(d, municipality.timeZone);
  return {
    slug: municipality.slug,
    created: new URL(request.url).searchParams.has("created"),
    canCancel: user.role === "STAFF",
    block: {
      place: block.room ? `${block.facility.name} ${block.room.name}` : t.whole(block.facility.name),
      period: periodView(block, municipality.timeZone),
      reason: block.reason,
      madeBy: `${block.createdBy.name}（${at(block.createdAt)}）`,
      lifted: block.liftedAt ? { by: block.liftedBy?.name ?? "", at: at(block.liftedAt) } : null,
      over: block.endsAt <= now,
    },
    affected: block.affected,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const formData = await request.formData();
  const now = new Date();
  if (formData.get("intent") === "lift") {
    const result = await liftBlock(municipality, user, params.blockId!, now);
    if (!result.ok && result.code === "NOT_FOUND") notFound();
    return data({ intent: "lift", done: result.ok ? t.lifted : null, errors: result.ok ? null : { form: t.alreadyLifted }, typed: null }, { status: result.ok ? 200 : 400 });
  }
  // cancelling bookings is for staff to decide; managers see the list only
  if (user.role !== "STAFF") throw new Response("Forbidden", { status: 403 });
  const typed = cancelFormOf(formData);
  const result = await cancelBookingsInBlock(municipality, user, params.blockId!, typed.applicationIds, typed.message, now);
  if (!result.ok && (result.code === "NOT_FOUND" || result.code === "STAFF_ONLY")) notFound();
  return cancelReply(result, typed);
}

export default function BlockPage() {
  const { slug, created, canCancel, block, affected } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const r = useT();
  const periodText = usePeriodText();
  const cancelErrors = actionData?.intent === "cancel" ? (actionData.errors ?? undefined) : undefined;
  return (
    <>
      <BackLink to={`/${slug}/manage/blocks`}>{t.title}</BackLink>
      <h1>{t.title}</h1>
      <OutcomeNotices
        done={actionData ? actionData.done : created ? t.created : null}
        error={actionData?.intent === "lift" ? actionData.errors?.form : undefined}
      />
      <dl className="compact-list">
        <dt>{t.place}</dt>
        <dd>{block.place}</dd>
        <dt>{t.period}</dt>
        <dd>{periodText(block.period)}</dd>
        <dt>{t.reason}</dt>
        <dd>{block.reason}</dd>
        <dt>{t.madeBy}</dt>
        <dd>{block.madeBy}</dd>
      </dl>
      {block.lifted ? (
        <Notice>{t.liftedBy(block.lifted.by, `${r.date(block.lifted.at.slice(0, 10))} ${block.lifted.at.slice(11)}`)}</Notice>
      ) : (
        <>
          <AffectedBookings
            bookings={affected}
            canCancel={canCancel}
            defaultMessage={block.reason}
            errors={cancelErrors}
            typed={actionData?.intent === "cancel" ? (actionData.typed ?? undefined) : undefined}
          />
          {block.over ? null : (
            <form method="post">
              <h2>{t.lift}</h2>
              <p>{t.liftHint}</p>
              <input type="hidden" name="intent" value="lift" />
              <div className="actions">
                <Button variant="outline">{t.lift}</Button>
              </div>
            </form>
          )}
        </>
      )}
    </>
  );
}
