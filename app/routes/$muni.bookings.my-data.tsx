import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportMyData } from "~/services/my-data.server";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { requireUser } from "~/utils/session.server";

/** The signed-in resident's own data as a JSON file (resource route). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const now = new Date();
  const data = await exportMyData(municipality.id, user.id, now);
  if (!data) notFound();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="tsudoi-${municipality.slug}-my-data-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
