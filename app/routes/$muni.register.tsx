import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, ErrorSummary, TextField } from "~/components/forms";
import { RegisterForm } from "~/schemas/account.server";
import { registerResident } from "~/services/accounts.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { safeRedirect, signIn, signInTarget } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const redirectTo = await signInTarget(request, municipality);
  return { slug: municipality.slug, name: municipality.name, redirectTo };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const form = parseForm(RegisterForm, await request.formData());
  const values = { ...form.values, password: "" };
  if (!form.ok) return data({ errors: form.errors, values }, { status: 400 });
  const result = await registerResident(municipality.id, form.data);
  if (!result.ok) {
    return data(
      {
        errors: { email: "このメールアドレスはすでに登録されています。ログインしてください。" },
        values,
      },
      { status: 400 },
    );
  }
  return signIn(request, municipality, result.userId, safeRedirect(form.data.redirectTo ?? null, `/${municipality.slug}/bookings`));
}

const labels = { name: "お名前", email: "メールアドレス", phone: "電話番号", password: "パスワード" };

export default function Register() {
  const { slug, name, redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values as Record<string, string> | undefined;
  const errors = actionData?.errors as Record<string, string> | undefined;
  return (
    <>
      <BackLink to={`/${slug}/login?redirectTo=${encodeURIComponent(redirectTo)}`}>ログインへ戻る</BackLink>
      <h1>利用者登録</h1>
      <p>{name}の施設を予約するための登録です。</p>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField name="name" label={labels.name} autoComplete="name" defaultValue={values?.name} error={errors?.name} />
        <TextField name="email" label={labels.email} type="email" autoComplete="email" inputMode="email" hint="予約のお知らせが届きます" defaultValue={values?.email} error={errors?.email} />
        <TextField name="phone" label={labels.phone} type="tel" autoComplete="tel" inputMode="tel" hint="例：090-1234-5678" defaultValue={values?.phone} error={errors?.phone} />
        <TextField name="password" label={labels.password} type="password" autoComplete="new-password" hint="8文字以上" error={errors?.password} />
        <div className="actions">
          <button type="submit" className="button">
            登録する
          </button>
        </div>
      </form>
    </>
  );
}
