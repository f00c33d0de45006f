import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { OutcomeNotices } from "~/components/ui/outcome-notices";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { wholeNumber } from "~/schemas/numbers.server";
import { addDays, todayIn } from "~/domain/calendar";
import { FeeBreakdown } from "~/components/fee-breakdown";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { bookingsOfFacilities, facilityScopeOf, recordUsage } from "~/services/hall-bookings.server";
import { listFacilities } from "~/services/catalog.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const DAYS = 14;

/** The hall's ledger: booked slots of the facilities this manager (or staff) looks after. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const scope = await facilityScopeOf(municipality.id, user);
  const today = todayIn(municipality.timeZone, new Date());
  const [facilities, bookings] = await Promise.all([
    listFacilities(municipality.id),
    bookingsOfFacilities(municipality.id, scope, today, DAYS),
  ]);
  return {
    today,
    from: today,
    to: addDays(today, DAYS - 1),
    facilities: facilities.filter((f) => scope.includes(f.id)).map((f) => f.name),
    bookings,
  };
}

/** The usage record of one slot (利用実績): how many came, or nobody. */
export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, ["MANAGER", "STAFF"]);
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const e = staffText.hall.usageErrors;
  const itemId = form.itemId ?? "";
  const errors: Record<string, string> = {};
  const outcome = form.outcome === "used" || form.outcome === "noShow" ? form.outcome : null;
  const headcount = wholeNumber(form.actualHeadcount ?? "");
  const note = (form.note ?? "").trim();
  if (!outcome) errors.outcome = e.outcome;
  if (outcome === "used" && (headcount === null || headcount < 0 || headcount > 10_000)) errors.actualHeadcount = e.headcount;
  if (note.length > 200) errors.note = e.note;
  if (Object.keys(errors).length > 0) return data({ itemId, done: false, errors, values: form }, { status: 400 });
  const input = outcome === "noShow" ? { noShow: true as const, note } : { noShow: false as const, actualHeadcount: headcount!, note };
  const result = await recordUsage(municipality, user, itemId, input, new Date());
  if (!result.ok) {
    return data({ itemId, done: false, errors: { form: result.code === "NOT_YET" ? e.notYet : e.notFound }, values: form }, { status: 400 });
  }
  return data({ itemId, done: true, errors: {} as Record<string, string>, values: {} as Record<string, string> });
}

export default function HallBookings() {
  const { today, from, to, facilities, bookings } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const h = staffText.hall;
  const { muni } = useParams();
  return (
    <>
      <h1>{h.title}</h1>
      <p>
        <a href={`/${muni}/manage/blocks`}>{h.blocksLink}</a>
      </p>
      {facilities.length === 0 ? (
        <p>{h.noFacilities}</p>
      ) : (
        <>
          <p>{`${h.facilities}：${facilities.join("、")}`}</p>
          <p>{h.intro(t.date(from), t.date(to))}</p>
          {bookings.length === 0 ? <p>{h.none}</p> : null}
          <ul className="card-list">
            {bookings.map((b) => (
              <li key={b.id} className="card">
                <p className="card-title">
                  {`${t.date(b.date)} ${b.frame} `}
                  <span className="nowrap">{t.timeRange(b.from, b.to)}</span>
                </p>
                <p>{`${b.facility} ${b.room}`}</p>
                <p>
                  <span className={`status status--${b.status}`}>{t.status[b.status]}</span> {h.number(b.number)}
                </p>
                <dl className="compact-list">
                  <dt>{h.applicant}</dt>
                  <dd>{b.applicant}</dd>
                  <dt>{h.phone}</dt>
                  <dd><a href={`tel:${b.phone}`}>{b.phone}</a></dd>
                  <dt>{h.purpose}</dt>
                  <dd>{b.purpose}</dd>
                  <dt>{h.headcount}</dt>
                  <dd>{t.people(b.headcount)}</dd>
                  {b.equipment.length > 0 ? (
                    <>
                      <dt>{h.equipment}</dt>
                      <dd>{t.list(b.equipment.map((e) => t.apply.equipment.item(e.name, e.quantity)))}</dd>
                    </>
                  ) : null}
                  <dt>{h.fee}</dt>
                  <dd>
                    {t.yen(b.fee)}
                    {b.exemptionStatus !== "NONE" ? ` ${t.fees.status[b.exemptionStatus]}` : ""}
                  </dd>
                </dl>
                <details className="fee-details">
                  <summary>{t.fees.title}</summary>
                  <FeeBreakdown breakdown={b.breakdown} />
                </details>
                {b.usage ? (
                  <p>
                    <strong>{b.usage.noShow ? h.usageRecordedNoShow : h.usageRecorded(t.people(b.usage.actualHeadcount ?? 0))}</strong>
                    {b.usage.note ? `（${b.usage.note}）` : ""}
                  </p>
                ) : null}
                {b.date <= today ? (
                  <UsageForm
                    itemId={b.id}
                    result={actionData?.itemId === b.id ? actionData : undefined}
                    recorded={b.usage}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function UsageForm({
  itemId,
  result,
  recorded,
}: {
  itemId: string;
  result?: { done: boolean; errors: Record<string, string>; values: Record<string, string> };
  recorded: { actualHeadcount: number | null; noShow: boolean; note: string } | null;
}) {
  const h = staffText.hall;
  const errors = result?.errors;
  const typed = (field: string, fallback: string) => result?.values?.[field] ?? fallback;
  return (
    <details className="fee-details" open={Boolean(result)}>
      <summary>{h.usageTitle}</summary>
      <OutcomeNotices done={result?.done ? h.usageSaved : null} error={errors?.form} />
      <form method="post" noValidate>
        <input type="hidden" name="itemId" value={itemId} />
        <RadioGroup
          name="outcome"
          label={h.usageOutcome}
          options={[
            { value: "used", label: h.used },
            { value: "noShow", label: h.noShow },
          ]}
          defaultValue={typed("outcome", recorded ? (recorded.noShow ? "noShow" : "used") : "") || undefined}
          error={errors?.outcome}
        />
        <TextField
          name="actualHeadcount"
          label={h.actualHeadcount}
          hint={h.actualHeadcountHint}
          inputMode="numeric"
          short
          optional
          defaultValue={typed("actualHeadcount", recorded?.actualHeadcount != null ? String(recorded.actualHeadcount) : "")}
          error={errors?.actualHeadcount}
        />
        <TextField name="note" label={h.usageNote} optional defaultValue={typed("note", recorded?.note ?? "")} error={errors?.note} />
        <div className="actions">
          <Button variant="outline">{h.usageSave}</Button>
        </div>
      </form>
    </details>
  );
}
