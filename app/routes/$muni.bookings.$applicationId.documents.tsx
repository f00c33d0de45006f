import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { FeeBreakdown } from "~/components/fee-breakdown";
import { slotWhen } from "~/components/slots";
import { todayIn } from "~/domain/calendar";
import { useT } from "~/i18n";
import { getMyApplication } from "~/services/booking.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

/**
 * The use permit (使用許可書) and the receipt (領収書) of an application, made to be printed on
 * A4 (app.css's print rules hide everything around them) or shown on a phone at the hall.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const application = await getMyApplication(municipality.id, user.id, params.applicationId!);
  if (!application) notFound();
  const doc = new URL(request.url).searchParams.get("doc") === "receipt" ? "receipt" : "permit";
  return {
    slug: municipality.slug,
    municipalityName: municipality.name,
    doc,
    today: todayIn(municipality.timeZone, new Date()),
    application: {
      ...application,
      items: application.items.filter((i) => !i.cancelledAt),
      payments: application.ledger.map(({ createdAt, ...e }) => ({ ...e, date: todayIn(municipality.timeZone, createdAt) })),
    },
  };
}

export default function Documents() {
  const { slug, municipalityName, doc, today, application: a } = useLoaderData<typeof loader>();
  const t = useT();
  const d = t.documents;
  const back = `/${slug}/bookings/${a.id}`;
  const title = doc === "permit" ? d.permit : d.receipt;
  const available = doc === "permit" ? a.status === "CONFIRMED" : a.paid > 0;
  const other = doc === "permit" ? { href: `${back}/documents?doc=receipt`, name: d.receipt } : { href: `${back}/documents`, name: d.permit };
  return (
    <>
      <div className="no-print">
        <BackLink to={back}>{d.back}</BackLink>
        <p>
          <a href={other.href}>{d.show(other.name)}</a>
        </p>
      </div>
      {!available ? (
        <>
          <h1>{title}</h1>
          <p>{doc === "permit" ? d.notConfirmed : d.notPaid}</p>
        </>
      ) : (
        <article className="document" aria-labelledby="document-title">
          <p className="document__meta">
            {d.issuedOn(t.longDate(today))}
            <br />
            {`${d.number} ${a.number}`}
          </p>
          <h1 id="document-title" className="document__title">
            {title}
          </h1>
          <p className="document__to">{`${a.groupName ? `${a.groupName}（${a.user.name}）` : a.user.name} 様`}</p>
          <p>{doc === "permit" ? d.permitText : d.receiptText}</p>
          <table className="document__table">
            <thead>
              <tr>
                <th scope="col">{d.when}</th>
                <th scope="col">{d.place}</th>
                <th scope="col">{d.fee}</th>
              </tr>
            </thead>
            <tbody>
              {a.items.map((item) => (
                <tr key={item.id}>
                  <td>{slotWhen(item, t)}</td>
                  <td>{`${item.facilityName} ${item.roomName}`}</td>
                  <td>
                    <FeeBreakdown breakdown={item.breakdown} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="compact-list">
            <dt>{d.purpose}</dt>
            <dd>{a.purpose}</dd>
            <dt>{d.headcount}</dt>
            <dd>{t.people(a.headcount)}</dd>
            <dt>{doc === "permit" ? d.total : d.paid}</dt>
            <dd>
              <strong>{t.yen(doc === "permit" ? a.totalFee : a.paid)}</strong>
            </dd>
            {a.payments.length > 0 ? (
              <>
                <dt>{d.paidBy}</dt>
                <dd>
                  {a.payments.map((e) => (
                    <span key={e.id} className="document__payment">
                      {`${t.date(e.date)} ${t.payment.entry(e.kind, t.payment.methods[e.method] ?? e.method, t.yen(Math.abs(e.amount)))}`}
                    </span>
                  ))}
                </dd>
              </>
            ) : null}
          </dl>
          <p className="document__issuer">{d.issuer(municipalityName)}</p>
        </article>
      )}
      {available ? (
        <div className="no-print">
          <p className="hint">{d.printHint}</p>
          <PrintButton label={d.print} />
        </div>
      ) : null}
    </>
  );
}

/** window.print() once JavaScript has loaded; the hint above says what to do without it. */
function PrintButton({ label }: { label: string }) {
  return (
    <div className="actions">
      <Button type="button" variant="outline" onPress={() => window.print()}>
        {label}
      </Button>
    </div>
  );
}
