import { useRouteLoaderData } from "@remix-run/react";
import { type FormMessage, ja, type Messages } from "./ja";

export type { FormMessage, Messages } from "./ja";

export const LANGUAGES = ["ja", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

export const TEXT_SIZES = ["standard", "large", "xlarge"] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/**
 * Japanese is always here; English is registered by the server at start (entry.server.tsx) and,
 * in the browser, loaded before hydration only for people who chose it (entry.client.tsx), so
 * Japanese pages do not carry the English dictionary.
 */
const dictionaries: Partial<Record<Language, Messages>> = { ja };

export function registerMessages(language: Language, messages: Messages) {
  dictionaries[language] = messages;
}

export function messagesFor(language: Language): Messages {
  return dictionaries[language] ?? ja;
}

/** The messages of the language the person chose (root loader), Japanese by default. */
export function useT(): Messages {
  const data = useRouteLoaderData("root") as { language?: Language } | undefined;
  return messagesFor(data?.language ?? "ja");
}

/** Field errors as message keys (from the server) → the messages in the person's language. */
export function translateErrors(
  t: Messages,
  errors: Record<string, string> | undefined,
): Record<string, string> | undefined {
  if (!errors) return undefined;
  return Object.fromEntries(
    Object.entries(errors).map(([field, key]) => {
      const message = t.form[key as FormMessage];
      return [field, typeof message === "string" ? message : key];
    }),
  );
}
