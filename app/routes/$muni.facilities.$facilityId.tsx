import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/forms";
import { formatMinutes } from "~/domain/calendar";
import { formatYen } from "~/domain/money";
import { weekdayNames } from "~/i18n/ja";
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
  const closed = facility.closedWeekdays.map((d) => weekdayNames[d]).join("・");
  return (
    <>
      <BackLink to={`/${slug}`}>施設の一覧へ戻る</BackLink>
      <h1>{facility.name}</h1>
      <p>
        {facility.address}
        <br />
        電話 <a href={`tel:${facility.phone}`}>{facility.phone}</a>
        {closed ? (
          <>
            <br />
            休館日：毎週{closed}、祝日、年末年始（12月29日〜1月3日）
          </>
        ) : null}
      </p>
      <h2>部屋を選んでください</h2>
      <ul className="card-list">
        {facility.rooms.map((room) => (
          <li key={room.id} className="card">
            <a className="card-link" href={`/${slug}/rooms/${room.id}`}>
              <span className="card-title">{room.name}</span>
              <span className="visually-hidden">の空きを見る</span>
            </a>
            <p>
              定員 {room.capacity}人
              {room.description ? `。${room.description}` : ""}
            </p>
            <p className="muted">
              {room.timeFrames
                .map(
                  (f) =>
                    `${f.name} ${formatMinutes(f.startMinute)}〜${formatMinutes(f.endMinute)} ${formatYen(f.fee)}`,
                )
                .join(" ／ ")}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
