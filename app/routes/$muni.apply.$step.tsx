import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { StepIndicator } from "~/components/ui/step-indicator";
import { TextField } from "~/components/ui/text-field";
import { translateErrors, useT } from "~/i18n";
import { HeadcountForm, PhoneForm, PurposeForm } from "~/schemas/application.server";
import { parseForm } from "~/utils/form.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import {
  commitSession,
  getDraft,
  getSelection,
  getSession,
  requireUser,
  setDraft,
} from "~/utils/session.server";

/** One question per page, in this order, then the check-your-answers page. */
const STEPS = ["purpose", "headcount", "phone"] as const;
type Step = (typeof STEPS)[number];
const FIELD = { purpose: "purpose", headcount: "headcount", phone: "contactPhone" } as const;
const SCHEMA = { purpose: PurposeForm, headcount: HeadcountForm, phone: PhoneForm };

function stepOf(params: { step?: string }): Step {
  const step = STEPS.find((s) => s === params.step);
  if (!step) notFound();
  return step;
}

function nextUrl(slug: string, step: Step, fromReview: boolean) {
  const next = STEPS[STEPS.indexOf(step) + 1];
  return fromReview || !next ? `/${slug}/apply/review` : `/${slug}/apply/${next}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const step = stepOf(params);
  const user = await requireUser(request, municipality);
  const session = await getSession(request);
  if (getSelection(session, municipality.id).length === 0) {
    throw redirect(`/${municipality.slug}/selection`);
  }
  const draft = getDraft(session, municipality.id);
  const saved = {
    purpose: draft?.purpose ?? "",
    headcount: draft?.headcount !== undefined ? String(draft.headcount) : "",
    phone: draft?.contactPhone ?? user.phone,
  }[step];
  return {
    slug: municipality.slug,
    step,
    saved,
    fromReview: new URL(request.url).searchParams.get("from") === "review",
  };
}

/**
 * Saves the answer before checking the sign-in, so that a person whose session ran out
 * finds it kept after signing in again.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const step = stepOf(params);
  const fromReview = new URL(request.url).searchParams.get("from") === "review";
  const form = parseForm(SCHEMA[step], await request.formData());
  if (!form.ok) {
    return data({ errors: form.errors as Record<string, string>, value: form.values[FIELD[step]] ?? "" }, { status: 400 });
  }
  const session = await getSession(request);
  setDraft(session, municipality.id, form.data);
  const headers = { "Set-Cookie": await commitSession(session) };
  const next = nextUrl(municipality.slug, step, fromReview);
  try {
    await requireUser(request, municipality, { returnTo: next, expired: true });
  } catch (signIn) {
    if (signIn instanceof Response) {
      signIn.headers.append("Set-Cookie", headers["Set-Cookie"]);
    }
    throw signIn;
  }
  return redirect(next, { headers });
}

export default function ApplyStep() {
  const { slug, step, saved, fromReview } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const a = t.apply;
  const question = a[step];
  const field = FIELD[step];
  const errors = translateErrors(t, actionData?.errors);
  const index = STEPS.indexOf(step);
  const back = fromReview
    ? { to: `/${slug}/apply/review`, label: a.back.review }
    : index === 0
      ? { to: `/${slug}/selection`, label: a.back.selection }
      : { to: `/${slug}/apply/${STEPS[index - 1]}`, label: a.back.previous };
  const input = {
    purpose: { hint: question.hint },
    headcount: { hint: question.hint, inputMode: "numeric" as const, short: true },
    phone: { hint: question.hint, type: "tel" as const, autoComplete: "tel", inputMode: "tel" as const },
  }[step];
  return (
    <>
      <BackLink to={back.to}>{back.label}</BackLink>
      <StepIndicator current={index + 1} total={STEPS.length + 1} name={a.stepNames[step]} />
      <h1>{question.title}</h1>
      <ErrorSummary errors={errors} labels={{ [field]: question.label }} />
      <form method="post" noValidate>
        <TextField
          key={step}
          name={field}
          label={question.label}
          defaultValue={actionData?.value ?? saved}
          error={errors?.[field]}
          {...input}
        />
        <div className="actions">
          <Button>{fromReview || index === STEPS.length - 1 ? a.toReview : a.next}</Button>
        </div>
      </form>
    </>
  );
}
