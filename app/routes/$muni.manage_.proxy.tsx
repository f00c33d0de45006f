import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { Notice } from "~/components/ui/notice";
import { OutcomeNotices } from "~/components/ui/outcome-notices";
import { TextField } from "~/components/ui/text-field";
import { isKana, normalizeKana } from "~/domain/kana";
import { staffText } from "~/i18n/staff";
import { CounterResidentForm } from "~/schemas/proxy.server";
import {
  PROXY_ROLES,
  registerResidentAtCounter,
  residentForProxy,
  type ResidentSummary,
  searchResidents,
} from "~/services/proxy.server";
import { parseForm } from "~/utils/form.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { homeOf, requireRole, startActingFor, stopActing } from "~/utils/session.server";

const t = staffText.proxy;

/**
 * When nobody was found, what was looked for goes into the new-resident form: a phone number,
 * a furigana, or else a name.
 */
function prefillFrom(query: string): Values {
  const typed = query.trim();
  if (/^[\d０-９\-－()+ ]+$/.test(typed)) return { phone: typed };
  if (isKana(normalizeKana(typed))) return { kana: typed };
  return { name: typed };
}

/** Finding the resident who phoned or came in: by name, furigana or phone number. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, PROXY_ROLES);
  const query = new URL(request.url).searchParams.get("q") ?? "";
  return {
    slug: municipality.slug,
    back: homeOf(municipality, user.role),
    query,
    found: query.trim() ? await searchResidents(municipality.id, query) : null,
  };
}

type Values = Record<string, string>;

/**
 * Starts booking for a resident found ("act") or registered here ("register"), or ends it
 * ("stop", from the banner on every page while acting).
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireRole(request, municipality, PROXY_ROLES);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const start = `/${municipality.slug}`;
  if (intent === "stop") return stopActing(request, municipality, `/${municipality.slug}/manage/proxy`);
  if (intent === "act") {
    const resident = await residentForProxy(municipality.id, String(formData.get("residentId") ?? ""));
    if (!resident) notFound();
    return startActingFor(request, municipality, resident.id, start);
  }
  const form = parseForm(CounterResidentForm, formData);
  const values: Values = form.values;
  const fail = (errors: Record<string, string>) => data({ errors, values, samePhone: null as ResidentSummary[] | null }, { status: 400 });
  if (intent !== "register") return fail({ form: t.errors.notFound! });
  if (!form.ok) {
    return fail(Object.fromEntries(Object.entries(form.errors).map(([field, key]) => [field, t.errors[key] ?? key])));
  }
  const { samePhoneSeen, ...resident } = form.data;
  const result = await registerResidentAtCounter(municipality.id, user.id, resident, { samePhoneSeen: samePhoneSeen === "yes" });
  if (result.ok) return startActingFor(request, municipality, result.residentId, start);
  if (result.code === "EMAIL_TAKEN") return fail({ email: t.errors.emailTaken! });
  // not an error: the person at the counter chooses one of them, or says this is someone else
  return data({ errors: null, values, samePhone: result.matches }, { status: 409 });
}

export default function ProxySearch() {
  const { slug, back, query, found } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? undefined;
  const formError = errors?.form;
  const fieldErrors = errors && !formError ? errors : undefined;
  const prefill = found && found.residents.length === 0 ? prefillFrom(query) : {};
  const value = (field: string) => (actionData ? actionData.values[field] : prefill[field]) ?? "";
  const labels = { name: t.name, kana: t.kana, phone: t.phone, email: t.emailLabel };
  return (
    <>
      <BackLink to={back}>{back.endsWith("/staff") ? staffText.menu.title : staffText.hall.title}</BackLink>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <OutcomeNotices error={formError} />
      <form method="get" role="search">
        <TextField name="q" label={t.search} hint={t.searchHint} defaultValue={query} />
        <div className="actions">
          <Button>{t.find}</Button>
        </div>
      </form>

      {found ? (
        <section aria-labelledby="results-title">
          {found.residents.length === 0 ? (
            <Notice tone="warning" role="status">
              <p id="results-title">{t.noResults(query)}</p>
            </Notice>
          ) : (
            <>
              <h2 id="results-title">{t.results(found.residents.length, query)}</h2>
              {found.more ? <Notice tone="warning">{t.more}</Notice> : null}
              <ResidentList residents={found.residents} slug={slug} />
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="new-title">
        <h2 id="new-title">{t.newTitle}</h2>
        <p>{t.newIntro}</p>
        {actionData?.samePhone ? (
          <div className="notice notice--warning" role="alert">
            <h3 className="notice__title">{t.samePhoneTitle}</h3>
            <div className="notice__body">
              <p>{t.samePhoneBody}</p>
              <ResidentList residents={actionData.samePhone} slug={slug} />
              <form method="post" action={`/${slug}/manage/proxy`}>
                <input type="hidden" name="intent" value="register" />
                <input type="hidden" name="samePhoneSeen" value="yes" />
                {(["name", "kana", "phone", "email"] as const).map((field) => (
                  <input key={field} type="hidden" name={field} value={value(field)} />
                ))}
                <Button variant="outline">{t.registerAnyway}</Button>
              </form>
            </div>
          </div>
        ) : null}
        <ErrorSummary errors={fieldErrors} labels={labels} />
        <form method="post" action={`/${slug}/manage/proxy`} noValidate>
          <input type="hidden" name="intent" value="register" />
          <TextField name="name" label={labels.name} hint={t.nameHint} defaultValue={value("name")} error={fieldErrors?.name} />
          <TextField name="kana" label={labels.kana} hint={t.kanaHint} defaultValue={value("kana")} error={fieldErrors?.kana} />
          <TextField name="phone" label={labels.phone} hint={t.phoneHint} type="tel" inputMode="tel" defaultValue={value("phone")} error={fieldErrors?.phone} />
          <TextField name="email" label={labels.email} hint={t.emailHint} type="email" inputMode="email" optional defaultValue={value("email")} error={fieldErrors?.email} />
          <div className="actions">
            <Button>{t.register}</Button>
          </div>
        </form>
      </section>
    </>
  );
}

/** Residents as cards, each with the button that starts booking for them. */
function ResidentList({ residents, slug }: { residents: ResidentSummary[]; slug: string }) {
  return (
    <ul className="card-list">
      {residents.map((r) => (
        <li key={r.id} className="card">
          <p className="card-title">{`${r.name} さん`}</p>
          <dl className="compact-list">
            <dt>{t.kana}</dt>
            <dd>{r.kana || "—"}</dd>
            <dt>{t.phone}</dt>
            <dd>{r.phone}</dd>
            <dt>{t.email}</dt>
            <dd>{r.hasEmail ? t.hasEmail : t.noEmail}</dd>
          </dl>
          <form method="post" action={`/${slug}/manage/proxy`}>
            <input type="hidden" name="intent" value="act" />
            <input type="hidden" name="residentId" value={r.id} />
            <Button size="medium">
              {t.act}
              <span className="visually-hidden">{`（${r.name} さん）`}</span>
            </Button>
          </form>
        </li>
      ))}
    </ul>
  );
}
