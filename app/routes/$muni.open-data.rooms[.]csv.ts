import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataOf, roomsCsv } from "~/services/open-data.server";
import { openDataHeaders } from "~/utils/open-data.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { publicUrl } from "~/utils/public-url.server";

/** The rooms of every facility (CSV), one row per room. Public. */
export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const csv = roomsCsv(await openDataOf(municipality.id, publicUrl()));
  return new Response(csv, { headers: openDataHeaders("csv", `${municipality.slug}-rooms.csv`) });
}
