import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { formatMinutes } from "~/domain/calendar";
import { useT } from "~/i18n";
import { findFacility } from "~/services/catalog.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const facility = await findFacility(municipality.id, params.facilityId!);
  if (!facility) notFound();
  return { slug: municipality.slug, facility };
}

export default function FacilityPage() {
  const { slug, facility } = useLoaderData<typeof loader>();
  const t = useT();
  const closed = t.list(facility.closedWeekdays.map((d) => t.weekdayLong[d]!));
  return (
    <>
      <BackLink to={`/${slug}`}>{t.facility.back}</BackLink>
      <h1>{facility.name}</h1>
      <p>
        {facility.address}
        <br />
        {t.facility.phone} <a href={`tel:${facility.phone}`}>{facility.phone}</a>
        {closed ? (
          <>
            <br />
            {t.facility.closed(closed)}
          </>
        ) : null}
      </p>
      <h2>{t.facility.chooseRoom}</h2>
      <ul className="card-list">
        {facility.rooms.map((room) => (
          <li key={room.id} className="card">
            <a className="card-link" href={`/${slug}/rooms/${room.id}`}>
              <span className="card-title">{room.name}</span>
              <span className="visually-hidden">{t.facility.seeAvailability}</span>
            </a>
            <p>
              {t.facility.capacity(room.capacity)}
              <br />
              {room.description}
            </p>
            <p className="muted">
              {room.timeFrames
                .map(
                  (f) =>
                    `${f.name} ${t.timeRange(formatMinutes(f.startMinute), formatMinutes(f.endMinute))} ${t.yen(f.fee)}`,
                )
                .join(" ／ ")}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
