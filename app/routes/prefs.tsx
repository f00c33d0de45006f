import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { type Language, LANGUAGES, type TextSize, TEXT_SIZES } from "~/i18n";
import { getPrefs, serializePrefs } from "~/utils/prefs.server";
import { safeRedirect } from "~/utils/session.server";

/**
 * /prefs?lang=en&back=/akiruno or /prefs?size=large&back=…: a plain link, so the switch works
 * without JavaScript; unknown values are ignored.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const prefs = await getPrefs(request);
  const lang = url.searchParams.get("lang");
  const size = url.searchParams.get("size");
  if (LANGUAGES.includes(lang as Language)) prefs.language = lang as Language;
  if (TEXT_SIZES.includes(size as TextSize)) prefs.textSize = size as TextSize;
  return redirect(safeRedirect(url.searchParams.get("back"), "/"), {
    headers: { "Set-Cookie": await serializePrefs(prefs) },
  });
}
