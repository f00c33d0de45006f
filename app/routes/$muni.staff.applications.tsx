import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { SelectField } from "~/components/ui/select-field";
import { TextField } from "~/components/ui/text-field";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { parseApplicationSearch, type SearchField, type SearchProblem } from "~/schemas/application-search.server";
import { searchApplications } from "~/services/application-search.server";
import { listFacilities } from "~/services/catalog.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.applications;

const MESSAGES: Record<SearchProblem, string> = {
  number: t.errors.number,
  PHONE_LENGTH: t.errors.PHONE_LENGTH,
  TOO_LONG: t.errors.TOO_LONG,
  date: t.errors.date,
  range: t.errors.range,
  place: t.errors.place,
};

/** Staff find any application of their municipality by number, applicant, dates of use or room. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const url = new URL(request.url);
  const parsed = parseApplicationSearch(url.searchParams);
  const facilities = (await listFacilities(municipality.id)).map((f) => ({ id: f.id, name: f.name, rooms: f.rooms.map((r) => ({ id: r.id, name: r.name })) }));
  const base = { slug: municipality.slug, facilities, values: parsed.values };
  const refuse = (problems: Partial<Record<SearchField, SearchProblem>>) =>
    data({ ...base, errors: Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, MESSAGES[p]])) as Record<string, string>, result: null }, { status: 400 });
  if (!parsed.ok) return refuse(parsed.problems);
  const result = await searchApplications(municipality.id, parsed.search);
  if (!result.ok) return refuse({ place: "place" });
  // the pages' links keep the conditions and move the cursor
  const query = new URLSearchParams(Object.entries(parsed.values).filter(([, v]) => v !== ""));
  const pageHref = (key: "before" | "after", number: number) => `?${new URLSearchParams([...query, [key, String(number)]])}`;
  const first = result.applications[0]?.number;
  const last = result.applications.at(-1)?.number;
  return data({
    ...base,
    errors: null,
    result: {
      applications: result.applications,
      newerHref: result.newer && first !== undefined ? pageHref("after", first) : null,
      olderHref: result.older && last !== undefined ? pageHref("before", last) : null,
    },
  });
}

export default function ApplicationSearch() {
  const { slug, facilities, values, errors, result } = useLoaderData<typeof loader>();
  const r = useT();
  const labels = { number: t.number, resident: t.resident, from: t.from, to: t.to, place: t.place };
  return (
    <>
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ErrorSummary errors={errors ?? undefined} labels={labels} />
      <form method="get" noValidate>
        <TextField name="number" label={t.number} hint={t.numberHint} inputMode="numeric" short optional defaultValue={values.number} error={errors?.number} />
        <TextField name="resident" label={t.resident} hint={t.residentHint} optional defaultValue={values.resident} error={errors?.resident} />
        <TextField name="from" label={t.from} hint={t.dateHint} optional defaultValue={values.from} error={errors?.from} />
        <TextField name="to" label={t.to} hint={t.dateHint} optional defaultValue={values.to} error={errors?.to} />
        <SelectField
          name="place"
          label={t.place}
          optional
          options={[{ value: "", label: t.anyPlace }]}
          groups={facilities.map((f) => ({
            label: f.name,
            options: [{ value: `facility:${f.id}`, label: t.wholeFacility(f.name) }, ...f.rooms.map((room) => ({ value: `room:${room.id}`, label: room.name }))],
          }))}
          defaultValue={values.place}
          error={errors?.place}
        />
        <div className="actions">
          <Button>{t.find}</Button>
          <a href={`/${slug}/staff/applications`}>{t.clear}</a>
        </div>
      </form>

      {result ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">{t.results}</h2>
          {result.applications.length === 0 ? <p>{t.none}</p> : null}
          <ul className="card-list">
            {result.applications.map((a) => (
              <li key={a.id} className="card">
                <h3 className="card-title">
                  {t.numberOf(a.number)} <span className={`status status--${a.status}`}>{r.status[a.status]}</span>
                </h3>
                <p>{`${t.applicant}${r.colon}${a.applicant}`}</p>
                <p className="phrases">{t.money(r.yen(a.totalFee), r.yen(a.paid))}</p>
                <p className="search-slots-title">{t.slots}</p>
                <ul className="search-slots">
                  {a.items.map((i) => (
                    <li key={i.id} className={i.cancelled ? "muted" : undefined}>
                      {`${r.date(i.date)} ${i.frame} `}
                      <span className="nowrap">{r.timeRange(i.from, i.to)}</span>
                      {` ${i.facility} ${i.room}`}
                      {i.cancelled ? t.cancelled : ""}
                    </li>
                  ))}
                </ul>
                <p className="phrases">
                  <a href={`/${slug}/staff/payments?number=${a.number}`}>{t.open(a.number)}</a>
                </p>
              </li>
            ))}
          </ul>
          {result.newerHref || result.olderHref ? (
            <nav className="pager" aria-label={t.results}>
              {result.newerHref ? <a href={result.newerHref}>{t.newer}</a> : <span />}
              {result.olderHref ? <a href={result.olderHref}>{t.older}</a> : null}
            </nav>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
