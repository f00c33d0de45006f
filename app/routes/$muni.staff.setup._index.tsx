import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { ButtonLink } from "~/components/ui/button-link";
import { formatWeekdays } from "~/domain/setup";
import { staffText } from "~/i18n/staff";
import { setupFacilities } from "~/services/setup.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.setup;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  return { slug: municipality.slug, facilities: await setupFacilities(municipality.id) };
}

export default function SetupIndex() {
  const { slug, facilities } = useLoaderData<typeof loader>();
  const base = `/${slug}/staff/setup`;
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <div className="actions">
        <ButtonLink href={`${base}/new`}>{t.addFacility}</ButtonLink>
        <ButtonLink href={`${base}/import`} variant="outline">
          {t.importCsv}
        </ButtonLink>
      </div>
      <h2>{t.facilities}</h2>
      {facilities.length === 0 ? <p>{t.none}</p> : null}
      <ul className="card-list">
        {facilities.map((f) => (
          <li key={f.id} className="card">
            <a className="card-link" href={`${base}/facilities/${f.id}`}>
              <span className="card-title">{f.name}</span>
              <span className="visually-hidden">{t.settingsOf}</span>
            </a>
            <p>
              {f.address}
              <br />
              {f.phone}
              <br />
              {t.closedOn(formatWeekdays(f.closedWeekdays))}
              <br />
              {t.rooms(f.offeredRooms, f.retiredRooms)}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t.related}</h2>
      <ul className="link-list">
        <li><a href={`/${slug}/staff/fees`}>{t.relatedFees}</a></li>
        <li><a href={`/${slug}/staff/equipment`}>{t.relatedEquipment}</a></li>
        <li><a href={`/${slug}/staff/payment-settings`}>{t.relatedPayment}</a></li>
      </ul>
    </>
  );
}
