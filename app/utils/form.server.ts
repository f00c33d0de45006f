import type { z } from "zod";
import type { FormMessage } from "~/i18n";

/** One message key (app/i18n form dictionary) per field that failed. */
export type FieldErrors = Record<string, FormMessage>;

/** Parses a form with a zod schema; on failure, one message key per field and the values as typed. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData) {
  const values = Object.fromEntries(
    [...formData.entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]),
  ) as Record<string, string>;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true as const, data: result.data as z.infer<S>, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message as FormMessage;
  }
  return { ok: false as const, errors, values };
}
