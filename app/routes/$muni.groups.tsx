import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { todayIn } from "~/domain/calendar";
import { ACTIVITY_TYPES } from "~/domain/groups";
import { translateErrors, useT } from "~/i18n";
import { GroupForm } from "~/schemas/application.server";
import { applyForGroup, groupsOf } from "~/services/groups.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

/** A resident's registered groups, and the form to register one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const groups = await groupsOf(municipality.id, user.id);
  const toDate = (d: Date | null) => (d ? todayIn(municipality.timeZone, d) : null);
  return {
    slug: municipality.slug,
    groups: groups.map((g) => ({ ...g, expiresAt: toDate(g.expiresAt), exemption: g.exemptionCategory?.name ?? null })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const form = parseForm(GroupForm, await request.formData());
  if (!form.ok) return data({ errors: form.errors as Record<string, string>, values: form.values, sent: null }, { status: 400 });
  await applyForGroup(municipality.id, user.id, form.data);
  return data({ errors: undefined, values: {} as Record<string, string>, sent: form.data.name });
}

export default function Groups() {
  const { slug, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const g = t.groups;
  const errors = translateErrors(t, actionData?.errors);
  const labels = { name: g.name, purpose: g.purpose, membersCount: g.members, activityType: g.activity };
  const values = actionData?.values;
  return (
    <>
      <BackLink to={`/${slug}/bookings`}>{t.bookings.title}</BackLink>
      <h1>{g.title}</h1>
      {actionData?.sent ? <Notice tone="success" role="status">{g.sent(actionData.sent)}</Notice> : null}
      <p>{g.intro}</p>
      <h2>{g.mine}</h2>
      {groups.length === 0 ? <p>{g.none}</p> : null}
      <ul className="card-list">
        {groups.map((group) => (
          <li key={group.id} className="card">
            <p className="card-title">{group.name}</p>
            <p>
              <span className="status">{g.status[group.status]}</span>
              {group.status === "APPROVED" && group.expiresAt ? ` ${g.until(t.date(group.expiresAt))}` : ""}
            </p>
            {group.exemption ? <p>{group.exemption}</p> : null}
            {group.status === "RETURNED" ? <p>{g.returned(group.returnReason)}</p> : null}
          </li>
        ))}
      </ul>
      <h2>{g.apply}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate key={actionData?.sent ?? "form"}>
        <TextField name="name" label={g.name} defaultValue={values?.name} error={errors?.name} />
        <TextField name="purpose" label={g.purpose} hint={g.purposeHint} defaultValue={values?.purpose} error={errors?.purpose} />
        <TextField name="membersCount" label={g.members} inputMode="numeric" short defaultValue={values?.membersCount} error={errors?.membersCount} />
        <RadioGroup
          name="activityType"
          label={g.activity}
          options={ACTIVITY_TYPES.map((a) => ({ value: a, label: g.activities[a]! }))}
          defaultValue={values?.activityType || undefined}
          error={errors?.activityType}
        />
        <div className="actions">
          <Button>{g.submit}</Button>
        </div>
      </form>
    </>
  );
}
