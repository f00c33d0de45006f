import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useId } from "react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { monthOf, todayIn } from "~/domain/calendar";
import { fiscalYear, lastMonth, monthRange, percentOf } from "~/domain/statistics";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";
import { parseStatisticsQuery } from "~/schemas/statistics.server";
import { listFacilities } from "~/services/catalog.server";
import { type Cell, type ColumnFormat, type StatTable, statisticsTables, usageStatistics } from "~/services/statistics.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const t = staffText.statistics;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const now = new Date();
  const today = todayIn(municipality.timeZone, now);
  const parsed = parseStatisticsQuery(new URL(request.url).searchParams, today);
  const facilities = (await listFacilities(municipality.id)).map((f) => ({ id: f.id, name: f.name }));
  const quick = [
    { label: t.lastMonth, ...lastMonth(today) },
    { label: t.thisMonth, ...monthRange(monthOf(today)) },
    { label: t.fiscalYear, ...fiscalYear(today) },
  ];
  const page = { slug: municipality.slug, facilities, quick, typed: parsed.typed };
  if (!parsed.ok) {
    const errors = Object.fromEntries(Object.entries(parsed.errors).map(([field, code]) => [field, t.errors[code]]));
    return data({ ...page, errors, result: null }, { status: 400 });
  }
  const stats = await usageStatistics(municipality, parsed.query, now);
  // another municipality's facility (or none at all): not found here
  if (!stats) notFound();
  const search = new URLSearchParams({ from: parsed.query.from, to: parsed.query.to, ...(parsed.query.facilityId ? { facility: parsed.query.facilityId } : {}) });
  return {
    ...page,
    errors: null,
    result: {
      from: parsed.query.from,
      to: parsed.query.to,
      facilityName: stats.facilityName,
      total: stats.total,
      net: stats.revenue.find((r) => r.method === "TOTAL")!.net,
      tables: statisticsTables(stats),
      search: search.toString(),
    },
  };
}

function formatCell(cell: Cell, format: ColumnFormat) {
  if (cell === null) return format === "text" ? "" : "—";
  if (typeof cell === "string") return cell;
  if (format === "percent") return `${percentOf(cell).toFixed(1)}%`;
  return cell.toLocaleString("ja-JP");
}

/** Bars drawn in SVG (printed like text, unlike backgrounds); the table below holds the figures. */
function Chart({ table }: { table: StatTable }) {
  const { chart } = table;
  return (
    <figure className="stat-chart">
      <figcaption>{t.chartOf(chart.metric)}</figcaption>
      <div aria-hidden="true" className="stat-bars">
        {chart.bars.map((bar, i) => (
          <div key={i} className="stat-bar">
            <span className="stat-bar__label">{bar.label}</span>
            <svg className="stat-bar__track" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
              <rect className="stat-bar__frame" x="0" y="0" width="100" height="10" vectorEffect="non-scaling-stroke" />
              <rect className="stat-bar__fill" x="0" y="0" width={Math.min(100, bar.ratio * 100)} height="10" />
            </svg>
            <span className="stat-bar__value">{`${formatCell(bar.value, chart.format)}${chart.format === "yen" ? "円" : ""}`}</span>
          </div>
        ))}
      </div>
    </figure>
  );
}

function Table({ table }: { table: StatTable }) {
  const captionId = useId();
  const labels = table.columns.filter((c) => c.format === "text").length;
  const cell = (value: Cell, i: number, head: boolean) => {
    const format = table.columns[i]!.format;
    const className = format === "text" ? undefined : "num";
    return i < labels && head ? (
      <th key={i} scope="row" className={className}>{formatCell(value, format)}</th>
    ) : (
      <td key={i} className={className}>{formatCell(value, format)}</td>
    );
  };
  return (
    <div className="stat-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="stat-table">
        <caption id={captionId}>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((c, i) => (
              <th key={i} scope="col" className={c.format === "text" ? undefined : "num"}>{c.header}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>{row.map((value, i) => cell(value, i, true))}</tr>
          ))}
        </tbody>
        <tfoot>
          <tr>{table.total.map((value, i) => cell(value, i, true))}</tr>
        </tfoot>
      </table>
    </div>
  );
}

export default function UsageStatistics() {
  const { slug, facilities, quick, typed, errors, result } = useLoaderData<typeof loader>();
  const r = useT();
  const base = `/${slug}/staff/statistics`;
  const period = (from: string, to: string) => t.period(r.longDate(from), r.longDate(to));
  const withFacility = (from: string, to: string) => `${base}?${new URLSearchParams({ from, to, ...(typed.facility ? { facility: typed.facility } : {}) })}`;
  return (
    <div className="statistics">
      <BackLink to={`/${slug}/staff`}>{staffText.menu.title}</BackLink>
      <h1>{t.title}</h1>
      <div className="no-print">
        <p>{t.intro}</p>
        <ErrorSummary errors={errors ?? undefined} labels={{ from: t.from, to: t.to, facility: t.facility }} />
        <form method="get" noValidate>
          <TextField name="from" label={t.from} hint={t.dateHint} defaultValue={typed.from} error={errors?.from} />
          <TextField name="to" label={t.to} hint={t.dateHint} defaultValue={typed.to} error={errors?.to} />
          <RadioGroup
            name="facility"
            label={t.facility}
            options={[{ value: "", label: t.allFacilities }, ...facilities.map((f) => ({ value: f.id, label: f.name }))]}
            defaultValue={typed.facility}
            error={errors?.facility}
          />
          <div className="actions">
            <Button>{t.show}</Button>
          </div>
        </form>
        <nav aria-label={t.quick}>
          <h2 className="stat-quick-title">{t.quick}</h2>
          <ul className="link-list">
            {quick.map((q) => (
              <li key={q.label}>
                <a href={withFacility(q.from, q.to)}>{`${q.label}（${period(q.from, q.to)}）`}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      {result ? (
        <>
          <h2>{`${period(result.from, result.to)}・${result.facilityName ?? t.allFacilities}`}</h2>
          <h3>{t.summary}</h3>
          <dl className="stat-summary">
            {[
              [t.columns.offered, formatCell(result.total.offered, "count")],
              [t.columns.booked, formatCell(result.total.booked, "count")],
              [t.charts.rate, formatCell(result.total.rate, "percent")],
              [t.columns.cancelled, formatCell(result.total.cancelled, "count")],
              [t.columns.noShows, formatCell(result.total.noShows, "count")],
              [t.columns.headcount, formatCell(result.total.headcount, "count")],
              [t.columns.fees, formatCell(result.total.fees, "yen")],
              [t.columns.exemptions, formatCell(result.total.exemptions, "count")],
              [t.columns.exemptionYen, formatCell(result.total.exemptionYen, "yen")],
              [t.summaryRows.net, formatCell(result.net, "yen")],
            ].map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <p className="stat-note">{t.definitions}</p>
          {result.total.booked === 0 && result.total.cancelled === 0 ? <p>{t.none}</p> : null}

          <section className="no-print" aria-labelledby="downloads">
            <h3 id="downloads">{t.downloads}</h3>
            <p>{t.downloadsHint}</p>
            <ul className="link-list">
              <li>
                <a href={`${base}/xlsx?${result.search}`} download>{t.workbook}</a>
              </li>
              <li>
                <a href={`${base}/csv?breakdown=detail&${result.search}`} download>{t.detailCsv}</a>
              </li>
              {result.tables.map((table) => (
                <li key={table.id}>
                  <a href={`${base}/csv?breakdown=${table.id}&${result.search}`} download>{t.tableCsv(table.title)}</a>
                </li>
              ))}
            </ul>
          </section>

          {result.tables.map((table) => (
            <section key={table.id} className="stat-section" aria-labelledby={`table-${table.id}`}>
              <h3 id={`table-${table.id}`}>{table.title}</h3>
              {table.id === "payment" ? <p className="stat-note">{t.paymentNote}</p> : null}
              <Chart table={table} />
              <p className="stat-scroll-hint no-print">{t.scroll}</p>
              <Table table={table} />
            </section>
          ))}
        </>
      ) : null}
    </div>
  );
}
