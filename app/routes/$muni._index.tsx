import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listFacilities } from "~/services/catalog.server";
import { requireMunicipality } from "~/utils/municipality.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  return { slug: municipality.slug, facilities: await listFacilities(municipality.id) };
}

export default function Facilities() {
  const { slug, facilities } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>施設を選んでください</h1>
      <p>部屋の空きを見て、そのまま予約を申し込めます。</p>
      <ul className="card-list">
        {facilities.map((facility) => (
          <li key={facility.id} className="card">
            <a className="card-link" href={`/${slug}/facilities/${facility.id}`}>
              <span className="card-title">{facility.name}</span>
              <span className="visually-hidden">の部屋と空きを見る</span>
            </a>
            <p className="muted">{facility.address}</p>
            <p>
              部屋：
              {facility.rooms.map((room) => `${room.name}（${room.capacity}人）`).join("、")}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
