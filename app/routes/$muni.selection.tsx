import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ButtonLink } from "~/components/ui/button-link";
import { Notice } from "~/components/ui/notice";
import { SlotSummary } from "~/components/slots";
import { useT } from "~/i18n";
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
    problems: [...new Set(checked.problems.map((p) => p.code))].filter((c) => c !== "EMPTY_APPLICATION"),
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
  const t = useT();
  return (
    <>
      <BackLink to={`/${slug}`}>{t.selection.back}</BackLink>
      <h1>{t.selection.title}</h1>
      {slots.length === 0 ? (
        <>
          <p>{t.selection.empty}</p>
          <div className="actions">
            <ButtonLink href={`/${slug}`}>{t.selection.chooseFacility}</ButtonLink>
          </div>
        </>
      ) : (
        <>
          {problems.length > 0 ? (
            <Notice tone="error" role="alert">
              <ul>
                {problems.map((code) => (
                  <li key={code}>{t.bookingErrors[code]}</li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <ul className="slot-list">
            {slots.map((slot) => (
              <li key={`${slot.roomId}|${slot.timeFrameId}|${slot.date}`}>
                <SlotSummary slot={slot}>
                  <form method="post">
                    <Button
                      variant="outline"
                      size="medium"
                      name="remove"
                      value={`${slot.roomId}|${slot.timeFrameId}|${slot.date}`}
                    >
                      {t.selection.remove}
                    </Button>
                  </form>
                </SlotSummary>
              </li>
            ))}
          </ul>
          <p className="total">{t.slot.total(t.yen(totalFee))}</p>
          <div className="actions">
            <ButtonLink href={`/${slug}/apply`}>{t.selection.apply}</ButtonLink>
            <a href={`/${slug}`}>{t.selection.more}</a>
          </div>
        </>
      )}
    </>
  );
}
