import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { formatMinutes, todayIn } from "~/domain/calendar";
import { useT } from "~/i18n";
import { findFacility } from "~/services/catalog.server";
import { equipmentOfFacility } from "~/services/equipment.server";
import { currentRates } from "~/services/fees.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const facility = await findFacility(municipality.id, params.facilityId!);
  if (!facility) notFound();
  const today = todayIn(municipality.timeZone, new Date());
  const [rateOf, equipment] = await Promise.all([currentRates(municipality.id, today), equipmentOfFacility(municipality.id, facility.id, today)]);
  const rooms = facility.rooms.map((room) => ({
    ...room,
    timeFrames: room.timeFrames.map(({ dayTypes, ...frame }) => {
      const rate = rateOf(frame.id);
      return {
        ...frame,
        weekday: dayTypes.includes("WEEKDAY") ? rate.weekday : null,
        holiday: dayTypes.includes("HOLIDAY") ? rate.holiday : null,
        /** the one day type of a frame offered on weekdays only or on holidays only */
        only: dayTypes.length === 1 ? dayTypes[0]! : null,
      };
    }),
  }));
  const closedOn = { holidays: municipality.closedOnHolidays, yearEnd: municipality.closedAtYearEnd };
  return { slug: municipality.slug, facility: { ...facility, rooms }, equipment, closedOn };
}

export default function FacilityPage() {
  const { slug, facility, equipment, closedOn } = useLoaderData<typeof loader>();
  const t = useT();
  const closed = t.facility.closed({ weekdays: t.list(facility.closedWeekdays.map((d) => t.weekdayLong[d]!)), ...closedOn });
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
            {closed}
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
            <ul className="muted frame-fees">
              {room.timeFrames.map((f) => (
                <li key={f.id}>
                  {/* no nowrap: at 225 % text on a 320 px screen even one time range is wider than the line */}
                  {`${f.name} ${t.timeRange(formatMinutes(f.startMinute), formatMinutes(f.endMinute))}`}
                  {f.only ? ` ${f.only === "WEEKDAY" ? t.facility.weekdaysOnly : t.facility.holidaysOnly}` : ""}
                  {f.only === "HOLIDAY" ? (f.holiday !== null ? ` ${t.yen(f.holiday)}` : "") : f.weekday !== null ? ` ${t.yen(f.weekday)}` : ""}
                  {!f.only && f.holiday !== null && f.holiday !== f.weekday ? t.facility.holidayFee(t.yen(f.holiday)) : ""}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {equipment.length > 0 ? (
        <>
          <h2>{t.facility.equipment}</h2>
          <p>{t.facility.equipmentIntro}</p>
          <ul className="frame-fees">
            {equipment.map((e) => (
              <li key={e.id}>{t.facility.equipmentItem(e.name, e.stock, t.yen(e.fee))}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
