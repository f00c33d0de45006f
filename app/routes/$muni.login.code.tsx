import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { TextField } from "~/components/ui/text-field";
import { translateErrors, useT } from "~/i18n";
import { CodeForm } from "~/schemas/account.server";
import { codeEntryKeys, recordFailure, waitFor } from "~/services/rate-limits.server";
import { verifySignInCode } from "~/services/sign-in-codes.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { completeFirstFactor, getSession, safeRedirect, signInTarget } from "~/utils/session.server";

async function challengeOf(request: Request, municipalityId: string) {
  const challenge = (await getSession(request)).get("codeChallenge");
  return challenge?.municipalityId === municipalityId ? challenge : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const redirectTo = await signInTarget(request, municipality);
  const challenge = await challengeOf(request, municipality.id);
  if (!challenge) throw redirect(`/${municipality.slug}/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  return { slug: municipality.slug, redirectTo, email: challenge.email, phone: municipality.helpPhone };
}

type Problem = "wrong" | "expired" | "usedUp" | "wait";

export async function action({ request, params, context }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const formData = await request.formData();
  const redirectTo = safeRedirect(formData.get("redirectTo"), `/${municipality.slug}/bookings`);
  const form = parseForm(CodeForm, formData);
  const values = { code: form.values.code ?? "" };
  const fail = (problem: Problem | null, status: number, extra: object = {}) =>
    data({ problem, attemptsLeft: 0, waitMinutes: 0, errors: undefined as Record<string, string> | undefined, values, ...extra }, { status });
  if (!form.ok) return fail(null, 400, { errors: form.errors });
  const challenge = await challengeOf(request, municipality.id);
  if (!challenge) return fail("expired", 400);
  const now = new Date();
  const keys = codeEntryKeys(context.clientIp);
  const wait = await waitFor(municipality.id, keys, now);
  if (wait > 0) return fail("wait", 429, { waitMinutes: Math.ceil(wait / 60_000) });
  const check = await verifySignInCode(municipality.id, challenge.id, form.data.code, now);
  if (check.ok) return completeFirstFactor(request, municipality, check.userId, redirectTo);
  await recordFailure(municipality.id, keys, now);
  if (check.reason === "WRONG") return fail("wrong", 400, { attemptsLeft: check.attemptsLeft });
  return fail(check.reason === "EXPIRED" ? "expired" : "usedUp", 400);
}

export default function EnterCode() {
  const { slug, redirectTo, email, phone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const l = t.login;
  const labels = { code: l.code };
  const problem = actionData?.problem;
  // a wrong code is the field's fault; a dead code is not: then only a new code helps
  const errors =
    problem === "wrong"
      ? { code: l.codeWrong(actionData!.attemptsLeft) }
      : problem === "expired"
        ? { form: l.codeExpired }
        : problem === "usedUp"
          ? { form: l.codeUsedUp }
          : problem === "wait"
            ? { form: t.login.tooMany(actionData!.waitMinutes) }
            : translateErrors(t, actionData?.errors);
  const resend = (
    <form method="post" action={`/${slug}/login?index`} className="actions">
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <Button variant={problem === "expired" || problem === "usedUp" ? "filled" : "outline"}>{l.resend}</Button>
    </form>
  );
  return (
    <>
      <h1>{l.codeTitle}</h1>
      {actionData ? null : <Notice role="status">{l.codeSent(email)}</Notice>}
      <ErrorSummary errors={errors} labels={labels} />
      {problem === "expired" || problem === "usedUp" ? resend : null}
      <form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="code" label={labels.code} hint={l.codeHint} inputMode="numeric" autoComplete="one-time-code" short defaultValue={actionData?.values.code} error={errors?.code} />
        <div className="actions">
          <Button>{l.codeSubmit}</Button>
        </div>
      </form>
      <h2>{l.notArrivedTitle}</h2>
      <ul>
        {l.notArrived.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        {t.site.helpCall}
        <a href={`tel:${phone}`} className="nowrap">{phone}</a>
      </p>
      {problem === "expired" || problem === "usedUp" ? null : resend}
      <p>
        <a href={`/${slug}/login/password?redirectTo=${encodeURIComponent(redirectTo)}`}>{l.usePassword}</a>
      </p>
    </>
  );
}
