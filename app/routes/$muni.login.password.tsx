import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { TextField } from "~/components/ui/text-field";
import { translateErrors, useT } from "~/i18n";
import { LoginForm } from "~/schemas/account.server";
import { verifyPassword } from "~/services/accounts.server";
import { clearFailures, recordFailure, signInKeys, waitFor } from "~/services/rate-limits.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { completeFirstFactor, safeRedirect, signInTarget } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const redirectTo = await signInTarget(request, municipality);
  const created = new URL(request.url).searchParams.has("created");
  return { slug: municipality.slug, redirectTo, created };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const form = parseForm(LoginForm, await request.formData());
  // only the email goes back to the page: the password must not be echoed into the HTML
  const values = { email: form.values.email ?? "" };
  const fail = { errors: undefined, wrong: false, waitMinutes: 0, values };
  if (!form.ok) return data({ ...fail, errors: form.errors as Record<string, string> }, { status: 400 });
  const now = new Date();
  const keys = signInKeys(form.data.email, context.clientIp);
  const wait = await waitFor(municipality.id, keys, now);
  if (wait > 0) return data({ ...fail, waitMinutes: Math.ceil(wait / 60_000) }, { status: 429 });
  const userId = await verifyPassword(municipality.id, form.data.email, form.data.password);
  if (!userId) {
    await recordFailure(municipality.id, keys, now);
    return data({ ...fail, wrong: true }, { status: 400 });
  }
  await clearFailures(municipality.id, keys[1]!.key);
  return completeFirstFactor(request, municipality, userId, safeRedirect(form.data.redirectTo ?? null, `/${municipality.slug}/bookings`));
}

/** Sign-in with a password, for those who prefer one (and staff, before their TOTP code). */
export default function PasswordLogin() {
  const { slug, redirectTo, created } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const labels = { email: t.login.email, password: t.login.password };
  // a wrong pair is not one field's fault: say it once, above the form, and mark neither field
  const errors = actionData?.waitMinutes
    ? { form: t.login.tooMany(actionData.waitMinutes) }
    : actionData?.wrong
      ? { form: t.login.wrong }
      : translateErrors(t, actionData?.errors);
  return (
    <>
      <h1>{t.login.passwordTitle}</h1>
      {created && !actionData ? <Notice tone="success" role="status">{t.login.accountCreated}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="email" label={labels.email} type="email" autoComplete="email" inputMode="email" defaultValue={actionData?.values.email} error={errors?.email} />
        <TextField name="password" label={labels.password} type="password" autoComplete="current-password" error={errors?.password} />
        <div className="actions">
          <Button>{t.login.submit}</Button>
        </div>
      </form>
      <p>
        <a href={`/${slug}/login?redirectTo=${encodeURIComponent(redirectTo)}`}>{t.login.useCode}</a>
      </p>
      <h2>{t.login.newHere}</h2>
      <p>
        <a href={`/${slug}/register?redirectTo=${encodeURIComponent(redirectTo)}`}>{t.login.register}</a>
      </p>
    </>
  );
}
