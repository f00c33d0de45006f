import type { LoaderFunctionArgs } from "@remix-run/node";
import { SETUP_CSV_EXAMPLE } from "~/domain/setup-csv";
import { csvHeaders, toCsv } from "~/utils/csv";
import { requireMunicipality } from "~/utils/municipality.server";
import { requireRole } from "~/utils/session.server";

/** The onboarding file's template: its headings and example rows, as Japanese Excel opens it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  await requireRole(request, municipality, ["STAFF"]);
  return new Response(toCsv(SETUP_CSV_EXAMPLE), { headers: csvHeaders("tsudoi-facilities-template.csv") });
}
