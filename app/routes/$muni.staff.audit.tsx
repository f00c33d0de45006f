import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { staffText } from "~/i18n/staff";
import { auditLogFor } from "~/services/audit.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const events = await auditLogFor(municipality.id);
  const when = new Intl.DateTimeFormat("ja-JP", { timeZone: municipality.timeZone, dateStyle: "short", timeStyle: "short" });
  return {
    slug: municipality.slug,
    events: events.map((e) => ({
      when: when.format(e.createdAt),
      who: e.actor ? `${e.actor.name}（${staffText.roles[e.actor.role]}）` : staffText.audit.system,
      action: staffText.audit.actions[e.action] ? `${staffText.audit.actions[e.action]}（${e.action}）` : e.action,
      target: `${e.entity} ${e.entityId}`,
      details: JSON.stringify(e.details),
    })),
  };
}

export default function AuditLog() {
  const { slug, events } = useLoaderData<typeof loader>();
  const t = staffText.audit;
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {events.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="card-list">
          {events.map((e, i) => (
            <li key={i} className="card">
              <p className="card-title break-anywhere">{e.action}</p>
              <dl className="compact-list">
                <dt>{t.when}</dt>
                <dd>{e.when}</dd>
                <dt>{t.who}</dt>
                <dd>{e.who}</dd>
                <dt>{t.target}</dt>
                <dd className="break-anywhere">{e.target}</dd>
                {e.details !== "{}" ? (
                  <>
                    <dt>{t.what}</dt>
                    <dd className="break-anywhere">{e.details}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
