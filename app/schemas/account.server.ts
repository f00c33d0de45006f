import { z } from "zod";
import { isKana, normalizeKana } from "~/domain/kana";
import type { FormMessage } from "~/i18n";

/** Messages are keys of the form dictionary (app/i18n), shown in the person's language. */
const m = (key: FormMessage) => key;

export const emailField = z
  .string()
  .trim()
  .min(1, m("emailRequired"))
  .max(254, m("emailTooLong"))
  .email(m("emailInvalid"));

/** Full-width digits and dashes, as phones often type them, become half-width. */
function toHalfWidth(value: string) {
  return value
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－ー‐]/g, "-")
    .trim();
}

/** Digits with optional hyphens, as written on Japanese phone numbers. */
export const phoneField = z
  .string()
  .transform(toHalfWidth)
  .pipe(
    z
      .string()
      .min(1, m("phoneRequired"))
      .refine((v) => /^0[\d-]+$/.test(v) && /^\d{10,11}$/.test(v.replace(/-/g, "")), m("phoneInvalid")),
  );

/** Furigana typed in hiragana or katakana (full- or half-width), normalised as it is stored; "" if not given. */
const kanaOrBlank = z
  .string()
  .transform(normalizeKana)
  .pipe(z.string().max(100, m("kanaTooLong")).refine((v) => v === "" || isKana(v), m("kanaInvalid")));

export const optionalKanaField = kanaOrBlank;
export const kanaField = kanaOrBlank.refine((v) => v !== "", m("kanaRequired"));

/** An email address that may be left blank (null then). */
export const optionalEmailField = z
  .string()
  .trim()
  .pipe(z.union([z.literal(""), emailField]))
  .transform((v) => v || null);

export const LoginForm = z.object({
  email: emailField,
  password: z.string().min(1, m("passwordRequired")).max(200, m("passwordTooLong")),
  redirectTo: z.string().optional(),
});

export const nameField = z.string().trim().min(1, m("nameRequired")).max(100, m("nameTooLong"));

export const RegisterForm = z.object({
  name: nameField,
  kana: optionalKanaField.optional().default(""),
  email: emailField,
  phone: phoneField,
  password: z.string().min(8, m("passwordTooShort")).max(200, m("passwordTooLong")),
  redirectTo: z.string().optional(),
});

export { m, toHalfWidth };

export const CodeRequestForm = z.object({
  email: emailField,
  redirectTo: z.string().optional(),
});

/** Six digits; full-width digits and spaces, as phones sometimes type them, are accepted. */
export const CodeForm = z.object({
  code: z
    .string()
    .transform((v) => toHalfWidth(v).replace(/[\s-]/g, ""))
    .pipe(z.string().min(1, m("codeRequired")).regex(/^\d{6}$/, m("codeInvalid"))),
});
