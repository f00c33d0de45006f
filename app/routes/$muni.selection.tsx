import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/forms";
import { SlotSummary } from "~/components/slots";
import { formatYen } from "~/domain/money";
import { bookingErrors } from "~/i18n/ja";
import { checkRequestedSlots } from "~/services/booking.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { commitSession, getSelection, getSession, setSelection } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const session = await getSession(request);
  const selection = getSelection(session, municipality.id);
  const checked = await checkRequestedSlots(municipality, selection, new Date());
  return {
    slug: municipality.slug,
    slots: checked.slots,
    problems: checked.problems
      .filter((p) => p.code !== "EMPTY_APPLICATION")
      .map((p) => bookingErrors[p.code]),
    totalFee: checked.totalFee,
  };
}

/** Removes one slot from the selection (index into the list as shown). */
export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const form = await request.formData();
  const session = await getSession(request);
  const selection = getSelection(session, municipality.id);
  const key = String(form.get("remove") ?? "");
  setSelection(
    session,
    municipality.id,
    selection.filter((s) => `${s.roomId}|${s.timeFrameId}|${s.date}` !== key),
  );
  return redirect(`/${municipality.slug}/selection`, {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

export default function Selection() {
  const { slug, slots, problems, totalFee } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={`/${slug}`}>施設の一覧へ戻る</BackLink>
      <h1>選んだ枠</h1>
      {slots.length === 0 ? (
        <>
          <p>まだ枠を選んでいません。施設と部屋を選び、使いたい日と時間を押してください。</p>
          <div className="actions">
            <a className="button" href={`/${slug}`}>
              施設を選ぶ
            </a>
          </div>
        </>
      ) : (
        <>
          {problems.length > 0 ? (
            <div className="notice notice--error" role="alert">
              <ul>
                {[...new Set(problems)].map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <ul className="slot-list">
            {slots.map((slot) => (
              <li key={`${slot.roomId}|${slot.timeFrameId}|${slot.date}`}>
                <SlotSummary slot={slot}>
                  <form method="post">
                    <button
                      type="submit"
                      name="remove"
                      value={`${slot.roomId}|${slot.timeFrameId}|${slot.date}`}
                      className="button button--secondary button--small"
                    >
                      取り消す
                    </button>
                  </form>
                </SlotSummary>
              </li>
            ))}
          </ul>
          <p className="total">合計 {formatYen(totalFee)}</p>
          <div className="actions">
            <a className="button" href={`/${slug}/apply`}>
              この枠で申し込む
            </a>
            <a href={`/${slug}`}>ほかの部屋・日にちも選ぶ</a>
          </div>
        </>
      )}
    </>
  );
}
