import type { LoaderFunctionArgs } from "@remix-run/node";
import { messagesFor } from "~/i18n";
import { exportMyData, myDataRows } from "~/services/my-data.server";
import { csvHeaders, toCsv } from "~/utils/csv";
import { notFound, requireMunicipality } from "~/utils/municipality.server";
import { getPrefs } from "~/utils/prefs.server";
import { requireUser } from "~/utils/session.server";

/**
 * The signed-in resident's own data as a file (resource route): JSON, or with `?format=csv`
 * a CSV that Japanese Excel opens, headed in the person's language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const municipality = await requireMunicipality(params);
  const user = await requireUser(request, municipality);
  const now = new Date();
  const data = await exportMyData(municipality.id, user.id, now);
  if (!data) notFound();
  const filename = `tsudoi-${municipality.slug}-my-data-${now.toISOString().slice(0, 10)}`;
  if (new URL(request.url).searchParams.get("format") === "csv") {
    const t = messagesFor((await getPrefs(request)).language);
    return new Response(toCsv(myDataRows(data, t, municipality.timeZone)), {
      headers: csvHeaders(`${filename}.csv`),
    });
  }
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
