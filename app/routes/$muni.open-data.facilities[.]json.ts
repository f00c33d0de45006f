import type { LoaderFunctionArgs } from "@remix-run/node";
import { openDataJson, openDataOf } from "~/services/open-data.server";
import { openDataHeaders } from "~/utils/open-data.server";
import { requireMunicipality } from "~/utils/municipality.server";
import { publicUrl } from "~/utils/public-url.server";

/** Facilities and their rooms (JSON), with the licence. Public. */
export async function loader({ params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const json = openDataJson(await openDataOf(municipality.id, publicUrl()));
  return new Response(`${JSON.stringify(json, null, 2)}\n`, { headers: openDataHeaders("json", `${municipality.slug}-facilities.json`) });
}
