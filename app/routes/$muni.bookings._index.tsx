import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { slotWhen } from "~/components/slots";
import { ButtonLink } from "~/components/ui/button-link";
import { useT } from "~/i18n";
import { listMyApplications } from "~/services/booking.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  return {
    slug: municipality.slug,
    userName: user.name,
    applications: await listMyApplications(municipality.id, user.id),
  };
}

export default function MyBookings() {
  const { slug, userName, applications } = useLoaderData<typeof loader>();
  const t = useT();
  const b = t.bookings;
  return (
    <>
      <h1>{b.title}</h1>
      <p>{b.whose(userName)}</p>
      {applications.length === 0 ? (
        <>
          <p>{b.none}</p>
          <div className="actions">
            <ButtonLink href={`/${slug}`}>{b.book}</ButtonLink>
          </div>
        </>
      ) : (
        <ul className="card-list">
          {applications.map((a) => (
            <li key={a.id} className="card">
              <a className="card-link" href={`/${slug}/bookings/${a.id}`}>
                <span className="card-title">{b.number(a.number)}</span>
              </a>
              <p>
                <span className={`status status--${a.status}`}>{t.status[a.status]}</span>{" "}
                {t.yen(a.totalFee)}
              </p>
              <ul>
                {a.items.map((item) => (
                  <li key={item.id}>
                    {`${slotWhen(item, t)} ${item.roomName}`}
                    {item.cancelledAt ? b.cancelledSuffix : ""}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/${slug}/groups`}>{t.groups.link}</a>
      </p>
      <h2>{b.myDataTitle}</h2>
      <ul className="link-list">
        <li>
          <a href={`/${slug}/bookings/my-data`} download>
            {b.myData}
          </a>
        </li>
        <li>
          <a href={`/${slug}/bookings/my-data?format=csv`} download>
            {b.myDataCsv}
          </a>
        </li>
      </ul>
      <h2>{b.deleteTitle}</h2>
      <p>
        <a href={`/${slug}/account/delete`}>{b.deleteAccount}</a>
      </p>
    </>
  );
}
