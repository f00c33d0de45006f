/**
 * What an application is for, as a fixed list of kinds (for statistics by purpose). Stored as
 * these codes (Application.purposeCategory, checked by the database too); their names are in
 * the dictionaries (ja.ts, en.ts). Add a code, never rename or remove one: old bookings keep it.
 */
export const PURPOSE_CATEGORIES = ["meeting", "learning", "culture", "sports", "welfare", "other"] as const;
export type PurposeCategory = (typeof PURPOSE_CATEGORIES)[number];

/** The category of an application whose applicant chose none. */
export const DEFAULT_PURPOSE_CATEGORY: PurposeCategory = "other";

export function isPurposeCategory(value: unknown): value is PurposeCategory {
  return typeof value === "string" && (PURPOSE_CATEGORIES as readonly string[]).includes(value);
}
