import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { listFacilities } from "~/services/catalog.server";
import { useT } from "~/i18n";
import { requireMunicipality } from "~/utils/municipality.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const facilities = await listFacilities(municipality.id);
  return {
    name: municipality.name,
    helpPhone: municipality.helpPhone,
    facilities: facilities.map((f) => ({ id: f.id, name: f.name, phone: f.phone })),
  };
}

export default function Help() {
  const { name, helpPhone, facilities } = useLoaderData<typeof loader>();
  const { help: t, colon } = useT();
  return (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <h2>{t.callTitle}</h2>
      <p>
        {t.call(name)}
        <a href={`tel:${helpPhone}`}>{helpPhone}</a>
      </p>
      <ul>
        {facilities.map((f) => (
          <li key={f.id}>
            {f.name}
            {colon}
            <a href={`tel:${f.phone}`}>{f.phone}</a>
          </li>
        ))}
      </ul>
      {t.sections.map((section) => (
        <section key={section.title}>
          <h2>{section.title}</h2>
          {"steps" in section && section.steps ? (
            <ol className="help-steps">
              {section.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          ) : null}
          {"paragraphs" in section && section.paragraphs
            ? section.paragraphs.map((p) => <p key={p}>{p}</p>)
            : null}
        </section>
      ))}
    </>
  );
}
