import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionForms, DecisionQueue } from "~/components/decision-forms";
import { RadioGroup } from "~/components/ui/radio-group";
import { todayIn } from "~/domain/calendar";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { listExemptionCategories } from "~/services/fees.server";
import { decideGroup, pendingGroups } from "~/services/groups.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { type DecisionOutcome, readDecision } from "~/utils/decision.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.groups;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const [groups, categories] = await Promise.all([pendingGroups(municipality.id), listExemptionCategories(municipality.id)]);
  return {
    slug: municipality.slug,
    groups: groups.map(({ createdAt, expiresAt, ...g }) => ({
      ...g,
      expiresOn: expiresAt ? todayIn(municipality.timeZone, expiresAt) : null,
    })),
    categories: categories.map((c) => ({ value: c.categoryId, label: c.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const { id, form, reason, approve, missingReason } = await readDecision(request);
  const outcome = (o: Partial<DecisionOutcome>, status = 200) =>
    data<DecisionOutcome>({ done: null, error: null, id, reason, ...o }, { status });
  if (missingReason) return outcome({ error: t.reasonRequired }, 400);
  const category = form[`exemption-${id}`] ?? "none";
  const result = await decideGroup(
    municipality,
    staff.id,
    id,
    approve ? { approve: true, exemptionCategoryId: category === "none" ? null : category } : { approve: false, reason },
    new Date(),
  );
  if (!result.ok) {
    if (result.code === "NOT_FOUND") throw new Response("Not Found", { status: 404 });
    return outcome({ error: result.code === "UNKNOWN_EXEMPTION" ? t.unknownExemption : t.alreadyDecided }, 409);
  }
  const name = form.name ?? "";
  const done = result.renewal ? (approve ? t.renewed : t.renewalReturned) : approve ? t.approved : t.returned;
  return outcome({ done: done(name), reason: "" });
}

export default function GroupQueue() {
  const { slug, groups, categories } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const common = useT();
  return (
    <DecisionQueue
      back={{ to: `/${slug}/staff`, label: staffText.menu.title }}
      title={t.title}
      intro={t.intro}
      none={t.none}
      items={groups}
      outcome={outcome}
      renderCard={(g, error, reason) => (
        <>
          <p className="card-title">
            {g.renewal ? <span className="status">{t.renewal}</span> : null} {g.name}
          </p>
          <dl className="compact-list">
            {g.renewal && g.expiresOn ? (
              <>
                <dt>{t.currentExpiry}</dt>
                <dd>{common.longDate(g.expiresOn)}</dd>
              </>
            ) : null}
            <dt>{t.representative}</dt>
            <dd>{`${g.representative.name}（${g.representative.phone}）`}</dd>
            <dt>{t.purpose}</dt>
            <dd>{g.purpose}</dd>
            <dt>{t.members}</dt>
            <dd>{common.people(g.membersCount)}</dd>
            <dt>{t.activity}</dt>
            <dd>{common.groups.activities[g.activityType] ?? g.activityType}</dd>
          </dl>
          <DecisionForms
            id={g.id}
            hidden={{ name: g.name }}
            approveLabel={g.renewal ? t.approveRenewal : t.approve}
            refuseLabel={t.return}
            reasonLabel={t.reason}
            error={error}
            reason={reason}
          >
            <RadioGroup
              name={`exemption-${g.id}`}
              label={t.exemption}
              options={[{ value: "none", label: t.noExemption }, ...categories]}
              // a renewal keeps the group's category unless staff choose another
              defaultValue={categories.some((c) => c.value === g.exemptionCategoryId) ? g.exemptionCategoryId! : "none"}
            />
          </DecisionForms>
        </>
      )}
    />
  );
}
