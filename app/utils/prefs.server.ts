import { createCookie } from "@remix-run/node";
import { type Language, LANGUAGES, type TextSize, TEXT_SIZES } from "~/i18n";

/** Language and text size: read on the server, so the first paint already has them. */
export type Prefs = { language: Language; textSize: TextSize };

const prefsCookie = createCookie("prefs", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 365 * 86_400,
});

const DEFAULTS: Prefs = { language: "ja", textSize: "standard" };

export async function getPrefs(request: Request): Promise<Prefs> {
  const raw = (await prefsCookie.parse(request.headers.get("Cookie"))) as Partial<Prefs> | null;
  return {
    language: LANGUAGES.includes(raw?.language as Language) ? raw!.language! : DEFAULTS.language,
    textSize: TEXT_SIZES.includes(raw?.textSize as TextSize) ? raw!.textSize! : DEFAULTS.textSize,
  };
}

export function serializePrefs(prefs: Prefs) {
  return prefsCookie.serialize(prefs);
}
