import { z } from "zod";
import { kanaField, nameField, optionalEmailField, phoneField } from "./account.server";

/** A resident registered at the counter (代理予約): name, furigana and phone; an email only if they have one. */
export const CounterResidentForm = z.object({
  name: nameField,
  kana: kanaField,
  phone: phoneField,
  email: optionalEmailField,
  /** the person at the counter saw the residents with the same phone number and this is someone else */
  samePhoneSeen: z.literal("yes").optional(),
});
