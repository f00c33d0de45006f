import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { addDays, todayIn } from "~/domain/calendar";
import { FeeBreakdown } from "~/components/fee-breakdown";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { bookingsOfFacilities, facilityScopeOf } from "~/services/hall-bookings.server";
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
    from: today,
    to: addDays(today, DAYS - 1),
    facilities: facilities.filter((f) => scope.includes(f.id)).map((f) => f.name),
    bookings,
  };
}

export default function HallBookings() {
  const { from, to, facilities, bookings } = useLoaderData<typeof loader>();
  const t = useT();
  const h = staffText.hall;
  return (
    <>
      <h1>{h.title}</h1>
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
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
