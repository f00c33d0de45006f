import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { daysBetween, todayIn } from "~/domain/calendar";
import { ACTIVITY_TYPES, isRenewable } from "~/domain/groups";
import { type Messages, translateErrors, useT } from "~/i18n";
import { GroupForm, RenewGroupForm, SignageConsentForm } from "~/schemas/application.server";
import { applyForGroup, groupsOf, requestGroupRenewal, setSignageConsent } from "~/services/groups.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

/** A resident's registered groups (with their renewal), and the form to register one. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const groups = await groupsOf(municipality.id, user.id);
  const now = new Date();
  const today = todayIn(municipality.timeZone, now);
  return {
    slug: municipality.slug,
    groups: groups.map(({ expiresAt, renewalRequestedAt, exemptionCategory, ...g }) => {
      const expiresOn = expiresAt ? todayIn(municipality.timeZone, expiresAt) : null;
      return {
        ...g,
        expiresOn,
        daysLeft: expiresOn ? daysBetween(today, expiresOn) : null,
        expired: g.status === "APPROVED" && expiresAt !== null && expiresAt <= now,
        renewal: renewalRequestedAt ? ("requested" as const) : isRenewable({ ...g, expiresAt, renewalRequestedAt }, now) ? ("open" as const) : null,
        exemption: exemptionCategory?.name ?? null,
      };
    }),
  };
}

type ActionData = {
  errors?: Record<string, string>;
  values: Record<string, string>;
  /** the group just applied for */
  sent: string | null;
  /** the group just asked to renew */
  renewed: string | null;
  /** a renewal refused: on the card of that group */
  renewError: { id: string; message: keyof Messages["groups"]["renewErrors"] } | null;
  /** the group whose name was just shown or hidden on the entrance screens */
  signage?: { id: string; name: string; shown: boolean } | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const formData = await request.formData();
  const reply = (d: Partial<ActionData>, status = 200) =>
    data<ActionData>({ values: {}, sent: null, renewed: null, renewError: null, ...d }, { status });
  if (formData.get("intent") === "renew") {
    // only a changed page can post no id: one message, not a field error
    const form = RenewGroupForm.safeParse({ groupId: formData.get("groupId") });
    if (!form.success) return reply({ renewError: { id: "", message: "UNKNOWN_GROUP" } }, 400);
    const result = await requestGroupRenewal(municipality.id, user.id, form.data.groupId, new Date());
    if (!result.ok) {
      // another person's group, or another municipality's, is as good as not there
      if (result.code === "NOT_FOUND") throw new Response("Not Found", { status: 404 });
      return reply({ renewError: { id: form.data.groupId, message: result.code } }, 400);
    }
    return reply({ renewed: result.name });
  }
  if (formData.get("intent") === "signage") {
    const form = SignageConsentForm.safeParse({ groupId: formData.get("groupId"), showNameOnSignage: formData.get("showNameOnSignage") });
    // only a changed page posts anything else: as good as no such group
    if (!form.success) throw new Response("Not Found", { status: 404 });
    const result = await setSignageConsent(municipality.id, user.id, form.data.groupId, form.data.showNameOnSignage);
    if (!result.ok) throw new Response("Not Found", { status: 404 });
    return reply({ signage: { id: form.data.groupId, name: result.name, shown: form.data.showNameOnSignage } });
  }
  const form = parseForm(GroupForm, formData);
  if (!form.ok) return reply({ errors: form.errors, values: form.values }, 400);
  await applyForGroup(municipality.id, user.id, form.data);
  return reply({ sent: form.data.name });
}

export default function Groups() {
  const { slug, groups } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const g = t.groups;
  const errors = translateErrors(t, actionData?.errors);
  const labels = { name: g.name, purpose: g.purpose, membersCount: g.members, activityType: g.activity };
  const values = actionData?.values;
  const renewError = actionData?.renewError;
  const renewErrorOn = (id: string) => (renewError?.id === id ? g.renewErrors[renewError.message] : null);
  return (
    <>
      <BackLink to={`/${slug}/bookings`}>{t.bookings.title}</BackLink>
      <h1>{g.title}</h1>
      {actionData?.sent ? <Notice tone="success" role="status">{g.sent(actionData.sent)}</Notice> : null}
      {actionData?.renewed ? <Notice tone="success" role="status">{g.renewSent(actionData.renewed)}</Notice> : null}
      {actionData?.signage ? <Notice tone="success" role="status">{g.signageSaved(actionData.signage.name, actionData.signage.shown)}</Notice> : null}
      {renewError && !groups.some((group) => group.id === renewError.id) ? (
        <Notice tone="error" role="alert">{g.renewErrors[renewError.message]}</Notice>
      ) : null}
      <p>{g.intro}</p>
      <h2>{g.mine}</h2>
      {groups.length === 0 ? <p>{g.none}</p> : null}
      <ul className="card-list">
        {groups.map((group) => (
          <li key={group.id} className="card">
            <p className="card-title">{group.name}</p>
            <p>
              <span className="status">{g.status[group.expired ? "EXPIRED" : group.status]}</span>
            </p>
            {group.status === "APPROVED" && group.expiresOn ? (
              <p>
                <strong>{g.expiry(t.longDate(group.expiresOn))}</strong>
              </p>
            ) : null}
            {group.exemption ? <p>{group.exemption}</p> : null}
            {group.status === "RETURNED" ? <p>{g.returned(group.returnReason)}</p> : null}
            <Renewal group={group} error={renewErrorOn(group.id)} />
            <SignageConsent group={group} />
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
        <div className="phrases">
          <CheckboxGroup
            name="showNameOnSignage"
            label={g.signage}
            hint={g.signageHint}
            options={[{ value: "yes", label: g.signageAgree }]}
            defaultValue={values?.showNameOnSignage === "yes" ? ["yes"] : []}
            optional
          />
        </div>
        <div className="actions">
          <Button>{g.submit}</Button>
        </div>
      </form>
    </>
  );
}

type GroupRow = ReturnType<typeof useLoaderData<typeof loader>>["groups"][number];

/** What an approved group's representative can do about its expiry: renew, wait, or register again. */
function Renewal({ group, error }: { group: GroupRow; error: string | null }) {
  const g = useT().groups;
  if (group.status !== "APPROVED") return null;
  return (
    <>
      {group.returnReason ? <p>{g.renewReturned(group.returnReason)}</p> : null}
      {group.renewal === "requested" ? <p>{g.renewRequested}</p> : null}
      {group.renewal === null && group.expired ? <p>{g.renewTooLate}</p> : null}
      {group.renewal === "open" ? (
        <>
          <Notice
            tone="warning"
            headingLevel={3}
            title={group.expired ? g.renewExpiredTitle : g.renewSoonTitle(group.daysLeft ?? 0)}
          >
            <p>{group.expired ? g.renewExpired : g.renewSoon}</p>
          </Notice>
          {error ? <Notice tone="error" role="alert">{error}</Notice> : null}
          <form method="post">
            <input type="hidden" name="intent" value="renew" />
            <input type="hidden" name="groupId" value={group.id} />
            <div className="actions">
              <Button>{g.renew}</Button>
            </div>
          </form>
        </>
      ) : error ? (
        <Notice tone="error" role="alert">{error}</Notice>
      ) : null}
    </>
  );
}

/** Whether the group's name is shown on the entrance screens, and the button that changes it. */
function SignageConsent({ group }: { group: GroupRow }) {
  const g = useT().groups;
  return (
    <form method="post" className="card-form">
      <p>{group.showNameOnSignage ? g.signageShown : g.signageHidden}</p>
      <input type="hidden" name="intent" value="signage" />
      <input type="hidden" name="groupId" value={group.id} />
      <input type="hidden" name="showNameOnSignage" value={group.showNameOnSignage ? "no" : "yes"} />
      <div className="actions">
        <Button variant="outline">{group.showNameOnSignage ? g.signageHide : g.signageShow}</Button>
      </div>
    </form>
  );
}
