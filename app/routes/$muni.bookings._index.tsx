import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { slotWhen } from "~/components/slots";
import { formatYen } from "~/domain/money";
import { statusLabels } from "~/i18n/ja";
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
  return (
    <>
      <h1>わたしの予約</h1>
      <p>{userName}さんの申し込みです。</p>
      {applications.length === 0 ? (
        <>
          <p>まだ申し込みはありません。</p>
          <div className="actions">
            <a className="button" href={`/${slug}`}>
              施設を選んで予約する
            </a>
          </div>
        </>
      ) : (
        <ul className="card-list">
          {applications.map((a) => (
            <li key={a.id} className="card">
              <a className="card-link" href={`/${slug}/bookings/${a.id}`}>
                <span className="card-title">申込番号 {a.number}</span>
              </a>
              <p>
                <span className={`status status--${a.status}`}>{statusLabels[a.status]}</span>{" "}
                {formatYen(a.totalFee)}
              </p>
              <ul>
                {a.items.map((item) => (
                  <li key={item.id}>
                    {`${slotWhen(item)} ${item.roomName}`}
                    {item.cancelledAt ? "（取消済み）" : ""}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
