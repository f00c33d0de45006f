import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayIn } from "~/domain/calendar";
import { staffText } from "~/i18n/staff";
import { parseStatisticsQuery } from "~/schemas/statistics.server";
import { BREAKDOWNS, type CsvPart, statisticsCsv } from "~/services/statistics.server";
import { csvHeaders } from "~/utils/csv";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

const PARTS: readonly string[] = [...BREAKDOWNS, "detail"];

/** ?breakdown=facility|room|frame|weekday|month|purpose|payment|detail&from&to[&facility]: one CSV, streamed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const now = new Date();
  const search = new URL(request.url).searchParams;
  const part = search.get("breakdown") ?? "";
  const parsed = parseStatisticsQuery(search, todayIn(municipality.timeZone, now));
  if (!PARTS.includes(part) || !parsed.ok) {
    const codes = parsed.ok ? [] : Object.values(parsed.errors);
    const message = codes.length ? codes.map((code) => staffText.statistics.errors[code]).join("\n") : staffText.statistics.errors.date;
    return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const csv = await statisticsCsv(municipality, parsed.query, part as CsvPart, now);
  if (!csv) notFound();
  return new Response(csv.body, { headers: csvHeaders(csv.fileName.ascii, csv.fileName.name) });
}
