import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { listFacilities } from "~/services/catalog.server";
import { requireMunicipality } from "~/utils/municipality.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  return { slug: municipality.slug, facilities: await listFacilities(municipality.id) };
}

export default function Facilities() {
  const { slug, facilities } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1>{t.facilities.title}</h1>
      <p>{t.facilities.intro}</p>
      <ul className="card-list">
        {facilities.map((facility) => (
          <li key={facility.id} className="card">
            <a className="card-link" href={`/${slug}/facilities/${facility.id}`}>
              <span className="card-title">{facility.name}</span>
              <span className="visually-hidden">{t.facilities.seeRooms}</span>
            </a>
            <p className="muted">{facility.address}</p>
            <p>
              {t.facilities.rooms}
              {t.list(facility.rooms.map((room) => t.facilities.room(room.name, room.capacity)))}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
