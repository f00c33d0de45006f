import { z } from "zod";

export const emailField = z
  .string()
  .trim()
  .min(1, "メールアドレスを入力してください")
  .max(254, "メールアドレスが長すぎます")
  .email("メールアドレスの形が正しくありません（例：hanako@example.jp）");

/** Digits with optional hyphens, as written on Japanese phone numbers. */
export const phoneField = z
  .string()
  .trim()
  .min(1, "電話番号を入力してください")
  .transform((v) => v.replace(/[０-９－ー]/g, (c) => (c === "－" || c === "ー" ? "-" : String.fromCharCode(c.charCodeAt(0) - 0xfee0))))
  .refine((v) => /^0\d{1,4}-?\d{1,4}-?\d{3,4}$/.test(v) && v.replace(/-/g, "").length >= 10 && v.replace(/-/g, "").length <= 11, {
    message: "電話番号は0から始まる10けたか11けたの数字で入力してください（例：090-1234-5678）",
  });

export const LoginForm = z.object({
  email: emailField,
  password: z.string().min(1, "パスワードを入力してください").max(200, "パスワードが長すぎます"),
  redirectTo: z.string().optional(),
});

export const RegisterForm = z.object({
  name: z.string().trim().min(1, "お名前を入力してください").max(100, "お名前は100文字までです"),
  email: emailField,
  phone: phoneField,
  password: z
    .string()
    .min(8, "パスワードは8文字以上にしてください")
    .max(200, "パスワードは200文字までです"),
  redirectTo: z.string().optional(),
});
