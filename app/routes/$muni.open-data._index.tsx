import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OPEN_DATA_LICENCE } from "~/domain/open-data";
import { useT } from "~/i18n";
import { listFacilities } from "~/services/catalog.server";
import { requireMunicipality } from "~/utils/municipality.server";

/** The open-data files, their licence, and the facilities' entrance screens. Public. */
export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const facilities = await listFacilities(municipality.id);
  return { slug: municipality.slug, name: municipality.name, facilities: facilities.map((f) => ({ id: f.id, name: f.name })) };
}

export default function OpenData() {
  const { slug, name, facilities } = useLoaderData<typeof loader>();
  const t = useT();
  const o = t.openData;
  const base = `/${slug}/open-data`;
  return (
    <>
      <h1>{o.title}</h1>
      <p>{o.intro(name)}</p>
      <h2>{o.files}</h2>
      <ul className="link-list">
        <li>
          <a href={`${base}/facilities.csv`} download>{o.facilitiesCsv}</a>
        </li>
        <li>
          <a href={`${base}/rooms.csv`} download>{o.roomsCsv}</a>
        </li>
        <li>
          <a href={`${base}/facilities.json`}>{o.json}</a>
        </li>
      </ul>
      <p>{o.standard}</p>
      <p>{o.format}</p>
      <h2>{o.licenceTitle}</h2>
      <p>{o.licence(OPEN_DATA_LICENCE.name, OPEN_DATA_LICENCE.title, name)}</p>
      <p>
        <a href={OPEN_DATA_LICENCE.url} rel="license">{o.licenceLink}</a>
      </p>
      <h2>{o.signageTitle}</h2>
      <p>{o.signageIntro}</p>
      <ul className="link-list">
        {facilities.map((f) => (
          <li key={f.id}>
            <a href={`/${slug}/signage/${f.id}`}>{o.signageLink(f.name)}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
