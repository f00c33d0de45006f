import type { LoaderFunctionArgs } from "@remix-run/node";
import { facilitiesCsv, openDataOf } from "~/services/open-data.server";
import { openDataHeaders } from "~/utils/open-data.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { publicUrl } from "~/utils/public-url.server";

/** 公共施設一覧 (CSV): the municipality's facilities in the standard's columns. Public. */
export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const csv = facilitiesCsv(await openDataOf(municipality.id, publicUrl()));
  return new Response(csv, { headers: openDataHeaders("csv", `${municipality.slug}-facilities.csv`) });
}
