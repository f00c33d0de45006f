import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/forms";
import { ApplicationDetails, SlotSummary, slotWhen } from "~/components/slots";
import { formatYen } from "~/domain/money";
import { bookingErrors } from "~/i18n/ja";
import { SubmitForm } from "~/schemas/application.server";
import { checkRequestedSlots, submitApplication } from "~/services/booking.server";
import { requireMunicipality } from "~/utils/municipality.server";
import {
  commitSession,
  getDraft,
  getSelection,
  getSession,
  requireUser,
  setDraft,
  setSelection,
} from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireUser(request, municipality);
  const session = await getSession(request);
  const selection = getSelection(session, municipality.id);
  const draft = getDraft(session, municipality.id);
  if (selection.length === 0) throw redirect(`/${municipality.slug}/selection`);
  if (!draft) throw redirect(`/${municipality.slug}/apply`);
  const checked = await checkRequestedSlots(municipality, selection, new Date(), draft.headcount);
  return {
    slug: municipality.slug,
    slots: checked.slots,
    problems: checked.problems.map((p) => ({
      message: bookingErrors[p.code],
      slot: p.item !== undefined ? checked.slots[p.item] : undefined,
    })),
    totalFee: checked.totalFee,
    draft,
    idempotencyKey: randomUUID(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const session = await getSession(request);
  const selection = getSelection(session, municipality.id);
  const draft = getDraft(session, municipality.id);
  const parsed = SubmitForm.safeParse(Object.fromEntries(await request.formData()));
  if (!draft || selection.length === 0) throw redirect(`/${municipality.slug}/selection`);
  if (!parsed.success) {
    return data(
      {
        problems: [{ message: "画面を読み込み直してから、もう一度申し込んでください。", slot: undefined }],
        alternatives: [],
      },
      { status: 400 },
    );
  }
  const now = new Date();
  const result = await submitApplication(
    municipality,
    user.id,
    { slots: selection, ...draft, idempotencyKey: parsed.data.idempotencyKey },
    now,
  );
  if (!result.ok) {
    const checked = await checkRequestedSlots(municipality, selection, now);
    return data(
      {
        problems: result.problems.map((p) => ({
          message: bookingErrors[p.code],
          slot: p.item !== undefined ? checked.slots[p.item] : undefined,
        })),
        alternatives: result.alternatives,
      },
      { status: 409 },
    );
  }
  setSelection(session, municipality.id, []);
  setDraft(session, municipality.id, null);
  return redirect(`/${municipality.slug}/bookings/${result.applicationId}?submitted=1`, {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

export default function Review() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { slug, slots, totalFee, draft, idempotencyKey } = loaderData;
  const problems = actionData?.problems ?? loaderData.problems;
  const alternatives = actionData?.alternatives ?? [];
  return (
    <>
      <BackLink to={`/${slug}/apply`}>利用の内容へ戻る</BackLink>
      <p className="muted">ステップ 3 / 3</p>
      <h1>申し込み内容の確認</h1>
      {problems.length > 0 ? (
        <div className="notice notice--error" role="alert" tabIndex={-1}>
          <h2>このままでは申し込めません</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {p.slot ? <strong>{`${slotWhen(p.slot)} ${p.slot.roomName}：`}</strong> : null}
                {p.message}
              </li>
            ))}
          </ul>
          {alternatives.length > 0 ? (
            <>
              <p>近い日時で空いている枠：</p>
              <ul>
                {alternatives.map((a) => (
                  <li key={`${a.roomId}|${a.timeFrameId}|${a.date}`}>
                    <a href={`/${slug}/rooms/${a.roomId}/${a.date}`}>{`${slotWhen(a)} ${a.roomName}（${formatYen(a.fee)}）`}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <a href={`/${slug}/selection`}>選んだ枠を直す</a>
          </p>
        </div>
      ) : null}
      <h2>予約する枠</h2>
      <ul className="slot-list">
        {slots.map((slot) => (
          <li key={`${slot.roomId}|${slot.timeFrameId}|${slot.date}`}>
            <SlotSummary slot={slot} />
          </li>
        ))}
      </ul>
      <p className="total">合計 {formatYen(totalFee)}</p>
      <p>
        <a href={`/${slug}/selection`}>枠を変更する</a>
      </p>
      <h2>利用の内容</h2>
      <ApplicationDetails details={draft} />
      <p>
        <a href={`/${slug}/apply`}>利用の内容を変更する</a>
      </p>
      <form method="post">
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        <p>申し込むと「仮予約」になります。利用料は施設の窓口でお支払いください。</p>
        <div className="actions">
          <button type="submit" className="button">
            この内容で申し込む
          </button>
        </div>
      </form>
    </>
  );
}
