import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/forms";
import { ApplicationDetails, SlotSummary } from "~/components/slots";
import { todayIn } from "~/domain/calendar";
import { formatYen } from "~/domain/money";
import { statusLabels } from "~/i18n/ja";
import { getMyApplication } from "~/services/booking.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const application = await getMyApplication(municipality.id, user.id, params.applicationId!);
  if (!application) notFound();
  return {
    slug: municipality.slug,
    application,
    today: todayIn(municipality.timeZone, new Date()),
    submitted: new URL(request.url).searchParams.has("submitted"),
    cancelled: new URL(request.url).searchParams.has("cancelled"),
  };
}

export default function BookingDetail() {
  const { slug, application: a, today, submitted, cancelled } = useLoaderData<typeof loader>();
  const activeItems = a.items.filter((i) => !i.cancelledAt && i.date >= today);
  return (
    <>
      <BackLink to={`/${slug}/bookings`}>わたしの予約へ戻る</BackLink>
      {submitted ? (
        <div className="notice notice--success" role="status">
          <h2>申し込みを受け付けました</h2>
          <p>仮予約になりました。お問い合わせのときは申込番号をお伝えください。</p>
        </div>
      ) : null}
      {cancelled ? (
        <div className="notice notice--success" role="status">
          取り消しました。枠はほかの方が予約できるようになりました。
        </div>
      ) : null}
      <h1>申し込みの内容</h1>
      <p>
        申込番号
        <br />
        <span className="application-number">{a.number}</span>
      </p>
      <p>
        <span className={`status status--${a.status}`}>{statusLabels[a.status]}</span>
      </p>
      <h2>予約した枠</h2>
      <ul className="slot-list">
        {a.items.map((item) => (
          <li key={item.id}>
            <SlotSummary
              slot={item}
            >
              {item.cancelledAt ? (
                <strong>取消済み</strong>
              ) : item.date >= today ? (
                <a className="button button--secondary button--small" href={`/${slug}/bookings/${a.id}/cancel?item=${item.id}`}>
                  この枠を取り消す
                </a>
              ) : null}
            </SlotSummary>
          </li>
        ))}
      </ul>
      <p className="total">合計 {formatYen(a.totalFee)}</p>
      <ApplicationDetails details={a} />
      {activeItems.length > 1 ? (
        <p>
          <a href={`/${slug}/bookings/${a.id}/cancel`}>この申し込みをすべて取り消す</a>
        </p>
      ) : null}
    </>
  );
}
