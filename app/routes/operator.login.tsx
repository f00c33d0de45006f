import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { TextField } from "~/components/ui/text-field";
import { translateErrors, useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { emailField, m } from "~/schemas/account.server";
import { verifyOperator } from "~/services/operators.server";
import { parseForm } from "~/utils/form.server";
import { signInOperator } from "~/utils/session.server";

const t = staffText.operator;

const OperatorLoginForm = z.object({
  email: emailField,
  password: z.string().min(1, m("passwordRequired")).max(200, m("passwordTooLong")),
  code: z.string().trim().regex(/^\d{6}$/, m("codeInvalid")),
});

// Operators are few and known: a wrong try is answered slowly rather than counted per tenant.
const WRONG_DELAY_MS = 1_000;

export async function action({ request }: ActionFunctionArgs) {
  const form = parseForm(OperatorLoginForm, await request.formData());
  const values = { email: form.values.email ?? "" };
  if (!form.ok) return data({ errors: form.errors as Record<string, string>, wrong: false, values }, { status: 400 });
  const operatorId = await verifyOperator(form.data.email, form.data.password, form.data.code);
  if (!operatorId) {
    await new Promise((resolve) => setTimeout(resolve, WRONG_DELAY_MS));
    return data({ errors: undefined, wrong: true, values }, { status: 400 });
  }
  return signInOperator(request, operatorId);
}

export default function OperatorLogin() {
  const actionData = useActionData<typeof action>();
  const common = useT();
  const errors = actionData?.wrong ? { form: t.wrong } : translateErrors(common, actionData?.errors);
  const labels = { email: t.email, password: t.password, code: t.code };
  return (
    <>
      <h1>{t.login}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate>
        <TextField name="email" label={t.email} type="email" autoComplete="username" inputMode="email" defaultValue={actionData?.values.email} error={errors?.email} />
        <TextField name="password" label={t.password} type="password" autoComplete="current-password" error={errors?.password} />
        <TextField name="code" label={t.code} inputMode="numeric" autoComplete="one-time-code" short error={errors?.code} />
        <div className="actions">
          <Button>{t.submit}</Button>
        </div>
      </form>
    </>
  );
}
