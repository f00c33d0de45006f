import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, ErrorSummary, TextField } from "~/components/forms";
import { DetailsForm } from "~/schemas/application.server";
import { parseForm } from "~/utils/form.server";
import { requireMunicipality } from "~/utils/municipality.server";
import {
  commitSession,
  getDraft,
  getSelection,
  getSession,
  requireUser,
  setDraft,
} from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const session = await getSession(request);
  if (getSelection(session, municipality.id).length === 0) {
    throw redirect(`/${municipality.slug}/selection`);
  }
  const draft = getDraft(session, municipality.id);
  return {
    slug: municipality.slug,
    values: {
      purpose: draft?.purpose ?? "",
      headcount: draft ? String(draft.headcount) : "",
      contactPhone: draft?.contactPhone ?? user.phone,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireUser(request, municipality);
  const form = parseForm(DetailsForm, await request.formData());
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const session = await getSession(request);
  setDraft(session, municipality.id, form.data);
  return redirect(`/${municipality.slug}/apply/review`, {
    headers: { "Set-Cookie": await commitSession(session) },
  });
}

const labels = { purpose: "利用目的", headcount: "利用人数", contactPhone: "当日の連絡先電話番号" };

export default function ApplyDetails() {
  const { slug, values: saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = (actionData?.values as Record<string, string> | undefined) ?? saved;
  return (
    <>
      <BackLink to={`/${slug}/selection`}>選んだ枠へ戻る</BackLink>
      <p className="muted">ステップ 2 / 3</p>
      <h1>利用の内容を教えてください</h1>
      <ErrorSummary errors={errors} labels={labels} />
      <form method="post" noValidate>
        <TextField name="purpose" label={labels.purpose} hint="例：町内会の会議、体操教室" defaultValue={values.purpose} error={errors?.purpose} />
        <TextField name="headcount" label={labels.headcount} hint="だいたいの人数で構いません（例：12）" inputMode="numeric" short defaultValue={values.headcount} error={errors?.headcount} />
        <TextField name="contactPhone" label={labels.contactPhone} type="tel" autoComplete="tel" inputMode="tel" hint="例：090-1234-5678" defaultValue={values.contactPhone} error={errors?.contactPhone} />
        <div className="actions">
          <button type="submit" className="button">
            確認へ進む
          </button>
        </div>
      </form>
    </>
  );
}
