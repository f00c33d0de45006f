import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { TextField } from "~/components/ui/text-field";
import { slugProblem } from "~/domain/municipality-slug";
import { translateErrors, useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { emailField, phoneField } from "~/schemas/account.server";
import { mailIsConfigured } from "~/services/mail.server";
import { createMunicipality, listMunicipalities } from "~/services/operators.server";
import { parseForm } from "~/utils/form.server";
import { requireOperator } from "~/utils/session.server";

const t = staffText.operator;

export async function loader({ request }: LoaderFunctionArgs) {
  const operator = await requireOperator(request);
  return { operator: operator.name, municipalities: await listMunicipalities(), mail: mailIsConfigured() };
}

const MunicipalityForm = z.object({
  slug: z
    .string()
    .trim()
    .superRefine((slug, ctx) => {
      const problem = slugProblem(slug);
      if (problem) ctx.addIssue({ code: "custom", message: problem === "RESERVED" ? t.slugReserved : t.slugInvalid });
    }),
  name: z.string().trim().min(1, t.nameRequired).max(100),
  helpPhone: phoneField,
  staffEmail: emailField,
});

export async function action({ request }: ActionFunctionArgs) {
  const operator = await requireOperator(request);
  const form = parseForm(MunicipalityForm, await request.formData());
  if (!form.ok) return data({ errors: form.errors as Record<string, string>, created: null, values: form.values }, { status: 400 });
  const result = await createMunicipality(operator.id, form.data, new URL(request.url).origin, new Date());
  if (!result.ok) return data({ errors: { slug: t.slugTaken }, created: null, values: form.values }, { status: 400 });
  return data({ errors: undefined, created: form.data.name, values: {} as Record<string, string> });
}

export default function OperatorHome() {
  const { municipalities, mail } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const common = useT();
  const errors = translateErrors(common, actionData?.errors);
  const labels = { slug: t.slug, name: t.name, helpPhone: t.helpPhone, staffEmail: t.staffEmail };
  const values = actionData?.values;
  return (
    <>
      <h1>{t.home}</h1>
      {actionData?.created ? <Notice tone="success" role="status">{t.created(actionData.created)}</Notice> : null}
      {mail ? null : <Notice tone="warning">{t.noSmtp}</Notice>}
      <p>
        <a href="/operator/outbox">{t.outbox}</a>
      </p>
      <ul className="card-list">
        {municipalities.map((mu) => (
          <li key={mu.id} className="card">
            <a className="card-link" href={`/${mu.slug}`}>
              <span className="card-title">{mu.name}</span>
            </a>
            <p>{`/${mu.slug}・${t.facilities(mu._count.facilities)}・${t.users(mu._count.users)}`}</p>
          </li>
        ))}
      </ul>
      <h2>{t.newMunicipality}</h2>
      <ErrorSummary errors={errors} labels={labels} />
      {/* ?index: a plain post to /operator would go to the operator layout, which has no action */}
      <form method="post" action="?index" noValidate key={actionData?.created ?? "new"}>
        <TextField name="slug" label={t.slug} hint={t.slugHint} autoComplete="off" defaultValue={values?.slug} error={errors?.slug} />
        <TextField name="name" label={t.name} autoComplete="off" defaultValue={values?.name} error={errors?.name} />
        <TextField name="helpPhone" label={t.helpPhone} type="tel" inputMode="tel" autoComplete="off" defaultValue={values?.helpPhone} error={errors?.helpPhone} />
        <TextField name="staffEmail" label={t.staffEmail} type="email" inputMode="email" autoComplete="off" defaultValue={values?.staffEmail} error={errors?.staffEmail} />
        <div className="actions">
          <Button>{t.create}</Button>
        </div>
      </form>
      <form method="post" action="/operator/logout">
        <Button variant="outline">{t.logout}</Button>
      </form>
    </>
  );
}
