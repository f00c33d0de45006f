import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionForms } from "~/components/decision-forms";
import { BackLink } from "~/components/ui/back-link";
import { Notice } from "~/components/ui/notice";
import { RadioGroup } from "~/components/ui/radio-group";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { listExemptionCategories } from "~/services/fees.server";
import { decideGroup, pendingGroups } from "~/services/groups.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.groups;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const [groups, categories] = await Promise.all([pendingGroups(municipality.id), listExemptionCategories(municipality.id)]);
  return {
    slug: municipality.slug,
    groups: groups.map(({ createdAt, ...g }) => g),
    categories: categories.map((c) => ({ value: c.categoryId, label: c.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]));
  const groupId = form.groupId ?? "";
  const name = form.name ?? "";
  const fail = (error: string, status = 400) => data({ done: null, error, groupId, reason: form[`reason-${groupId}`] ?? "" }, { status });
  const reason = (form[`reason-${groupId}`] ?? "").trim();
  if (form.decision === "return" && !reason) return fail(t.reasonRequired);
  if (form.decision !== "approve" && form.decision !== "return") return fail(t.reasonRequired);
  const category = form[`exemption-${groupId}`] ?? "none";
  const result = await decideGroup(
    municipality,
    staff.id,
    groupId,
    form.decision === "approve"
      ? { approve: true, exemptionCategoryId: category === "none" ? null : category }
      : { approve: false, reason: reason.slice(0, 500) },
    new Date(),
  );
  if (!result.ok) {
    if (result.code === "NOT_FOUND") throw new Response("Not Found", { status: 404 });
    return fail(result.code === "UNKNOWN_EXEMPTION" ? t.unknownExemption : t.alreadyDecided, 409);
  }
  return data({ done: form.decision === "approve" ? t.approved(name) : t.returned(name), error: null, groupId, reason: "" });
}

export default function GroupQueue() {
  const { slug, groups, categories } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const common = useT();
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      {actionData?.done ? <Notice tone="success" role="status">{actionData.done}</Notice> : null}
      {actionData?.error && !groups.some((g) => g.id === actionData.groupId) ? (
        <Notice tone="error" role="alert">{actionData.error}</Notice>
      ) : null}
      <p>{t.intro}</p>
      {groups.length === 0 ? <p>{t.none}</p> : null}
      <ul className="card-list">
        {groups.map((g) => {
          const error = actionData?.error && actionData.groupId === g.id ? actionData.error : undefined;
          return (
            <li key={g.id} className="card">
              <p className="card-title">{g.name}</p>
              <dl className="compact-list">
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
                hidden={{ groupId: g.id, name: g.name }}
                approveLabel={t.approve}
                refuseLabel={t.return}
                reasonLabel={t.reason}
                refuseDecision="return"
                error={error}
                reason={actionData?.reason}
              >
                <RadioGroup
                  name={`exemption-${g.id}`}
                  label={t.exemption}
                  options={[{ value: "none", label: t.noExemption }, ...categories]}
                  defaultValue="none"
                />
              </DecisionForms>
            </li>
          );
        })}
      </ul>
    </>
  );
}
