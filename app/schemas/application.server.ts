import { z } from "zod";
import { phoneField } from "./account.server";

const toHalfWidth = (v: string) =>
  v.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();

export const DetailsForm = z.object({
  purpose: z.string().trim().min(1, "利用目的を入力してください").max(200, "利用目的は200文字までです"),
  headcount: z
    .string()
    .transform(toHalfWidth)
    .pipe(
      z
        .string()
        .min(1, "利用人数を入力してください")
        .regex(/^\d+$/, "利用人数は数字で入力してください（例：12）")
        .transform(Number)
        .pipe(z.number().int().min(1, "利用人数は1人以上にしてください").max(10_000, "利用人数が多すぎます")),
    ),
  contactPhone: phoneField,
});

export const SubmitForm = z.object({
  idempotencyKey: z.string().regex(/^[0-9a-f-]{36}$/),
});

/** Picking or un-picking one time frame on the day view. */
export const SelectForm = z.object({
  intent: z.enum(["add", "remove"]),
  timeFrameId: z.string().min(1).max(100),
});

/** Cancelling one slot (itemId) or, without it, the whole application. */
export const CancelForm = z.object({ itemId: z.string().min(1).max(100).optional() });
