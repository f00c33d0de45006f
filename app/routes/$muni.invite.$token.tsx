import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { TextField } from "~/components/ui/text-field";
import { translateErrors, useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { m, phoneField } from "~/schemas/account.server";
import { acceptInvitation, findInvitation } from "~/services/invitations.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";

const t = staffText.accept;

export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const invitation = await findInvitation(municipality.id, params.token ?? "", new Date());
  return {
    municipality: municipality.name,
    invitation: invitation ? { email: invitation.email, role: staffText.roles[invitation.role]! } : null,
  };
}

const AcceptForm = z.object({
  name: z.string().trim().min(1, m("nameRequired")).max(100, m("nameTooLong")),
  phone: phoneField,
  password: z.string().min(12, t.passwordTooShort).max(200, m("passwordTooLong")),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const form = parseForm(AcceptForm, await request.formData());
  const values = { ...form.values, password: "" };
  if (!form.ok) return data({ errors: form.errors as Record<string, string>, invalid: false, values }, { status: 400 });
  const userId = await acceptInvitation(municipality.id, params.token ?? "", form.data, new Date());
  if (!userId) return data({ errors: undefined, invalid: true, values }, { status: 400 });
  return redirect(`/${municipality.slug}/login/password?created=1`);
}

export default function AcceptInvitation() {
  const { municipality, invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const common = useT();
  if (!invitation || actionData?.invalid) {
    return (
      <>
        <h1>{t.title("")}</h1>
        <p>{t.invalid}</p>
      </>
    );
  }
  const errors = translateErrors(common, actionData?.errors);
  const labels = { name: t.name, phone: t.phone, password: t.password };
  const values = actionData?.values as Record<string, string> | undefined;
  return (
    <>
      <h1>{t.title(invitation.role)}</h1>
      <p>{t.intro(invitation.email, municipality)}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate>
        <TextField name="name" label={t.name} autoComplete="name" defaultValue={values?.name} error={errors?.name} />
        <TextField name="phone" label={t.phone} type="tel" autoComplete="tel" inputMode="tel" hint={t.phoneHint} defaultValue={values?.phone} error={errors?.phone} />
        <TextField name="password" label={t.password} type="password" autoComplete="new-password" hint={t.passwordHint} error={errors?.password} />
        <div className="actions">
          <Button>{t.submit}</Button>
        </div>
      </form>
    </>
  );
}
