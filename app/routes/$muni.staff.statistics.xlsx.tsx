import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayIn } from "~/domain/calendar";
import { staffText } from "~/i18n/staff";
import { parseStatisticsQuery } from "~/schemas/statistics.server";
import { statisticsWorkbook } from "~/services/statistics.server";
import { attachment } from "~/utils/csv";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

/** ?from&to[&facility]: the workbook (a sheet per breakdown and the detail), streamed. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  const now = new Date();
  const parsed = parseStatisticsQuery(new URL(request.url).searchParams, todayIn(municipality.timeZone, now));
  if (!parsed.ok) {
    const message = Object.values(parsed.errors).map((code) => staffText.statistics.errors[code]).join("\n");
    return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const workbook = await statisticsWorkbook(municipality, parsed.query, now);
  if (!workbook) notFound();
  return new Response(workbook.body, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": attachment(workbook.fileName.ascii, workbook.fileName.name),
      "Cache-Control": "private, no-store",
    },
  });
}
