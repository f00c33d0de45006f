import { useLoaderData } from "@remix-run/react";
import { listMunicipalities } from "~/services/catalog.server";

export async function loader() {
  return { municipalities: await listMunicipalities() };
}

export default function Index() {
  const { municipalities } = useLoaderData<typeof loader>();
  return (
    <main id="main">
      <h1>つどい 公共施設予約</h1>
      <p>お住まいの自治体を選んでください。</p>
      <ul className="card-list">
        {municipalities.map((m) => (
          <li key={m.slug} className="card">
            <a className="card-link" href={`/${m.slug}`}>
              <span className="card-title">{m.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
