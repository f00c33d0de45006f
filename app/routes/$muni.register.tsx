import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { TextField } from "~/components/ui/text-field";
import { translateErrors, useT } from "~/i18n";
import { RegisterForm } from "~/schemas/account.server";
import { registerResident } from "~/services/accounts.server";
import { recordFailure, registrationKeys, waitFor } from "~/services/rate-limits.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { safeRedirect, signIn, signInTarget } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const redirectTo = await signInTarget(request, municipality);
  return { slug: municipality.slug, name: municipality.name, redirectTo };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const form = parseForm(RegisterForm, await request.formData());
  const values = { ...form.values, password: "" };
  const fail = { errors: undefined, emailTaken: false, waitMinutes: 0, values };
  if (!form.ok) return data({ ...fail, errors: form.errors as Record<string, string> }, { status: 400 });
  const now = new Date();
  const keys = registrationKeys(context.clientIp);
  const wait = await waitFor(municipality.id, keys, now);
  if (wait > 0) return data({ ...fail, waitMinutes: Math.ceil(wait / 60_000) }, { status: 429 });
  await recordFailure(municipality.id, keys, now);
  const result = await registerResident(municipality.id, form.data);
  if (!result.ok) return data({ ...fail, emailTaken: true }, { status: 400 });
  return signIn(request, municipality, result.userId, safeRedirect(form.data.redirectTo ?? null, `/${municipality.slug}/bookings`));
}

export default function Register() {
  const { slug, name, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const r = t.register;
  const labels = { name: r.name, kana: r.kana, email: r.email, phone: r.phone, password: r.password };
  const values = actionData?.values as Record<string, string> | undefined;
  const errors = actionData?.waitMinutes
    ? { form: r.tooMany(actionData.waitMinutes) }
    : actionData?.emailTaken
      ? { email: r.emailTaken }
      : translateErrors(t, actionData?.errors);
  return (
    <>
      <BackLink to={`/${slug}/login?redirectTo=${encodeURIComponent(redirectTo)}`}>{r.back}</BackLink>
      <h1>{r.title}</h1>
      <p>{r.intro(name)}</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="name" label={labels.name} autoComplete="name" defaultValue={values?.name} error={errors?.name} />
        <TextField name="kana" label={labels.kana} hint={r.kanaHint} optional defaultValue={values?.kana} error={errors?.kana} />
        <TextField name="email" label={labels.email} type="email" autoComplete="email" inputMode="email" hint={r.emailHint} defaultValue={values?.email} error={errors?.email} />
        <TextField name="phone" label={labels.phone} type="tel" autoComplete="tel" inputMode="tel" hint={r.phoneHint} defaultValue={values?.phone} error={errors?.phone} />
        <TextField name="password" label={labels.password} type="password" autoComplete="new-password" hint={r.passwordHint} error={errors?.password} />
        <div className="actions">
          <Button>{r.submit}</Button>
        </div>
      </form>
    </>
  );
}
