import { z } from "zod";
import { ACTIVITY_TYPES } from "~/domain/groups";
import { DEFAULT_PURPOSE_CATEGORY, PURPOSE_CATEGORIES } from "~/domain/purpose-categories";
import type { FieldErrors } from "~/utils/form.server";
import { m, phoneField, toHalfWidth } from "./account.server";

/** The kind of purpose may be left unchosen (it is then "other"); the words are required. */
export const PurposeForm = z.object({
  purposeCategory: z.enum(PURPOSE_CATEGORIES, { error: m("purposeCategoryUnknown") }).default(DEFAULT_PURPOSE_CATEGORY),
  purpose: z.string().trim().min(1, m("purposeRequired")).max(200, m("purposeTooLong")),
});

export const HeadcountForm = z.object({
  headcount: z
    .string()
    .transform(toHalfWidth)
    .pipe(
      z
        .string()
        .min(1, m("headcountRequired"))
        .regex(/^\d+$/, m("headcountNotNumber"))
        .transform(Number)
        .pipe(z.number().int().min(1, m("headcountTooSmall")).max(10_000, m("headcountTooLarge"))),
    ),
});

export const PhoneForm = z.object({ contactPhone: phoneField });

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

export const ResidenceForm = z.object({
  resident: z.enum(["yes", "no"], { error: m("residenceRequired") }).transform((v) => v === "yes"),
});

/** Checked boxes of the usage question (any number, none included). */
export function parseUsage(formData: FormData) {
  const usage = formData.getAll("usage");
  return { commercial: usage.includes("commercial"), admissionCharged: usage.includes("admission"), aircon: usage.includes("aircon") };
}

/**
 * Units of each equipment offered (fields `equipment:<id>`): blank is 0; full-width digits are
 * accepted; more than are free is refused. Ids not offered are ignored.
 */
export function parseEquipment(formData: FormData, offered: readonly { id: string; free: number }[]) {
  const units: Record<string, number> = {};
  const errors: FieldErrors = {};
  for (const { id, free } of offered) {
    const field = `equipment:${id}`;
    const typed = toHalfWidth(String(formData.get(field) ?? "")).trim() || "0";
    if (!/^\d{1,4}$/.test(typed)) errors[field] = "equipmentNotNumber";
    else if (Number(typed) > free) errors[field] = "equipmentTooMany";
    else if (Number(typed) > 0) units[id] = Number(typed);
  }
  return Object.keys(errors).length ? { ok: false as const, errors } : { ok: true as const, units };
}

export const ExemptionForm = z
  .object({
    exemptionCategoryId: z.string({ error: m("exemptionRequired") }).min(1, m("exemptionRequired")).max(100),
    exemptionGrounds: z.string().trim().max(500, m("groundsTooLong")).default(""),
  })
  .transform((v) => ({ ...v, exemptionCategoryId: v.exemptionCategoryId === "none" ? "" : v.exemptionCategoryId }))
  // grounds are for a category; a registered group (group:<id>) was already approved
  .refine((v) => !v.exemptionCategoryId || v.exemptionCategoryId.startsWith("group:") || v.exemptionGrounds.length > 0, {
    message: m("groundsRequired"),
    path: ["exemptionGrounds"],
  });

export const GroupForm = z.object({
  name: z.string().trim().min(1, m("groupNameRequired")).max(100, m("groupNameTooLong")),
  purpose: z.string().trim().min(1, m("groupPurposeRequired")).max(500, m("groupPurposeTooLong")),
  membersCount: z
    .string()
    .transform(toHalfWidth)
    .pipe(z.string().regex(/^\d+$/, m("membersInvalid")).transform(Number).pipe(z.number().int().min(1, m("membersInvalid")).max(100_000, m("membersInvalid")))),
  activityType: z.enum(ACTIVITY_TYPES, { error: m("activityRequired") }),
  /** the one box of the signage question: checked posts "yes" */
  showNameOnSignage: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

/** The representative shows or hides their group's name on the halls' entrance screens. */
export const SignageConsentForm = z.object({
  groupId: z.string().trim().min(1).max(100),
  showNameOnSignage: z.enum(["yes", "no"]).transform((v) => v === "yes"),
});

/** The representative's "renew" button under one of their groups. */
export const RenewGroupForm = z.object({
  groupId: z.string().trim().min(1).max(100),
});
