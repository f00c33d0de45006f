import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { LoginForm } from "~/schemas/account.server";
import { verifyPassword } from "~/services/accounts.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { safeRedirect, signIn, signInTarget } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const redirectTo = await signInTarget(request, municipality);
  return { slug: municipality.slug, redirectTo };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const form = parseForm(LoginForm, await request.formData());
  // only the email goes back to the page: the password must not be echoed into the HTML
  const values = { email: form.values.email ?? "" };
  if (!form.ok) return data({ errors: form.errors, values }, { status: 400 });
  const userId = await verifyPassword(municipality.id, form.data.email, form.data.password);
  if (!userId) {
    return data(
      {
        errors: { email: "メールアドレスかパスワードが違います。もう一度入力してください。" },
        values,
      },
      { status: 400 },
    );
  }
  return signIn(request, municipality, userId, safeRedirect(form.data.redirectTo ?? null, `/${municipality.slug}/bookings`));
}

const labels = { email: "メールアドレス", password: "パスワード" };

export default function Login() {
  const { slug, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values;
  const errors = actionData?.errors as Record<string, string> | undefined;
  return (
    <>
      <h1>ログイン</h1>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="email" label={labels.email} type="email" autoComplete="email" inputMode="email" defaultValue={values?.email} error={errors?.email} />
        <TextField name="password" label={labels.password} type="password" autoComplete="current-password" error={errors?.password} />
        <div className="actions">
          <button type="submit" className="button">
            ログインする
          </button>
        </div>
      </form>
      <h2>はじめて使う方</h2>
      <p>
        <a href={`/${slug}/register?redirectTo=${encodeURIComponent(redirectTo)}`}>利用者登録をする（メールアドレスが必要です）</a>
      </p>
    </>
  );
}
