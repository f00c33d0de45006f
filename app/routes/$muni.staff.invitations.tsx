import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { CheckboxGroup } from "~/components/ui/checkbox-group";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { translateErrors, useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { emailField } from "~/schemas/account.server";
import { listFacilities } from "~/services/catalog.server";
import { INVITABLE_ROLES, invite, listInvitations } from "~/services/invitations.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.invitations;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const [facilities, invitations] = await Promise.all([listFacilities(municipality.id), listInvitations(municipality.id)]);
  const now = Date.now();
  const day = new Intl.DateTimeFormat("ja-JP", { timeZone: municipality.timeZone, dateStyle: "medium" });
  return {
    slug: municipality.slug,
    facilities: facilities.map((f) => ({ value: f.id, label: f.name })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: staffText.roles[i.role],
      state: i.acceptedAt ? t.accepted : i.expiresAt.getTime() <= now ? t.expired : t.waiting(day.format(i.expiresAt)),
    })),
  };
}

const InviteForm = z.object({
  email: emailField,
  role: z.enum(INVITABLE_ROLES, { error: t.roleRequired }),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const staff = await requireRole(request, municipality, ["STAFF"]);
  const formData = await request.formData();
  const facilityIds = formData.getAll("facilityIds").filter((v): v is string => typeof v === "string");
  const values = { email: String(formData.get("email") ?? ""), role: String(formData.get("role") ?? ""), facilityIds };
  const parsed = InviteForm.safeParse(values);
  const fail = (errors: Record<string, string>) => data({ sent: null, errors, values }, { status: 400 });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return fail(errors);
  }
  if (parsed.data.role === "MANAGER" && facilityIds.length === 0) return fail({ facilityIds: t.facilitiesRequired });
  const origin = new URL(request.url).origin;
  const result = await invite(municipality, staff.id, { ...parsed.data, facilityIds }, origin, new Date());
  if (!result.ok) {
    return fail(result.code === "UNKNOWN_FACILITY" ? { facilityIds: t.unknownFacility } : { email: t.alreadyRegistered });
  }
  return data({ sent: parsed.data.email, errors: null, values: { email: "", role: "", facilityIds: [] as string[] } });
}

export default function Invitations() {
  const { slug, facilities, invitations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const common = useT();
  // staff-page messages come as text; the shared ones (email) as keys of the form dictionary
  const errors = translateErrors(common, actionData?.errors ?? undefined);
  const labels = { email: t.email, role: t.role, facilityIds: t.facilities };
  const values = actionData?.values;
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      {actionData?.sent ? <Notice tone="success" role="status">{t.sent(actionData.sent)}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <p>{t.intro}</p>
      <form method="post" noValidate key={actionData?.sent ?? "form"}>
        <TextField name="email" label={t.email} type="email" autoComplete="off" inputMode="email" defaultValue={values?.email} error={errors?.email} />
        <RadioGroup
          name="role"
          label={t.role}
          options={[{ value: "MANAGER", label: t.roleManager }, { value: "STAFF", label: t.roleStaff }]}
          defaultValue={values?.role || undefined}
          error={errors?.role}
        />
        <CheckboxGroup name="facilityIds" label={t.facilities} options={facilities} defaultValue={values?.facilityIds} error={errors?.facilityIds} optional />
        <div className="actions">
          <Button>{t.submit}</Button>
        </div>
      </form>
      <h2>{t.listTitle}</h2>
      {invitations.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="card-list">
          {invitations.map((i) => (
            <li key={i.id} className="card">
              <p className="card-title break-anywhere">{i.email}</p>
              <p>{`${i.role}・${i.state}`}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
