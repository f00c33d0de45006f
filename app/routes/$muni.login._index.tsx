import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { TextField } from "~/components/ui/text-field";
import { translateErrors, useT } from "~/i18n";
import { signInCodeMail } from "~/mail/templates.server";
import { CodeRequestForm } from "~/schemas/account.server";
import { codeRequestKeys, recordFailure, waitFor } from "~/services/rate-limits.server";
import { CODE_VALID_MS, requestSignInCode } from "~/services/sign-in-codes.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { getPrefs } from "~/utils/prefs.server";
import { commitSession, getSession, safeRedirect, signInTarget } from "~/utils/session.server";

/** Sign-in, first step: an emailed one-time code (the default: nothing to remember). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const redirectTo = await signInTarget(request, municipality);
  const expired = new URL(request.url).searchParams.has("expired");
  return { slug: municipality.slug, redirectTo, expired };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const form = parseForm(CodeRequestForm, await request.formData());
  const values = { email: form.values.email ?? "" };
  if (!form.ok) return data({ errors: form.errors as Record<string, string>, waitMinutes: 0, values }, { status: 400 });
  const now = new Date();
  const keys = codeRequestKeys(form.data.email, context.clientIp);
  const wait = await waitFor(municipality.id, keys, now);
  if (wait > 0) return data({ errors: undefined, waitMinutes: Math.ceil(wait / 60_000), values }, { status: 429 });
  await recordFailure(municipality.id, keys, now);
  const { language } = await getPrefs(request);
  const challengeId = await requestSignInCode(
    municipality.id,
    form.data.email,
    (code) => signInCodeMail(language, municipality, code, CODE_VALID_MS / 60_000),
    now,
  );
  const session = await getSession(request);
  session.set("codeChallenge", { municipalityId: municipality.id, id: challengeId, email: form.data.email });
  const to = safeRedirect(form.data.redirectTo ?? null, `/${municipality.slug}/bookings`);
  return redirect(`/${municipality.slug}/login/code?redirectTo=${encodeURIComponent(to)}`, {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

export default function Login() {
  const { slug, redirectTo, expired } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const labels = { email: t.login.email };
  const errors = actionData?.waitMinutes
    ? { form: t.login.tooManyCodes(actionData.waitMinutes) }
    : translateErrors(t, actionData?.errors);
  const back = encodeURIComponent(redirectTo);
  return (
    <>
      <h1>{t.login.title}</h1>
      {expired && !actionData ? <Notice role="status">{t.login.sessionExpired}</Notice> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <p>{t.login.codeIntro}</p>
      <form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="email" label={labels.email} type="email" autoComplete="email" inputMode="email" defaultValue={actionData?.values.email} error={errors?.email} />
        <div className="actions">
          <Button>{t.login.sendCode}</Button>
        </div>
      </form>
      <p>
        <a href={`/${slug}/login/password?redirectTo=${back}`}>{t.login.usePassword}</a>
      </p>
      <h2>{t.login.newHere}</h2>
      <p>
        <a href={`/${slug}/register?redirectTo=${back}`}>{t.login.register}</a>
      </p>
    </>
  );
}
