import { useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n";
import { listMunicipalities } from "~/services/catalog.server";

export async function loader() {
  return { municipalities: await listMunicipalities() };
}

export default function Index() {
  const { municipalities } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <main id="main">
      <h1>{t.site.appName}</h1>
      <p>{t.home.chooseMunicipality}</p>
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
