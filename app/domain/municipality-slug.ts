/**
 * The first part of a municipality's addresses (/akiruno/…). Names the app's own top-level
 * pages already answer to are reserved, else that municipality's site would never be reached.
 */
export const RESERVED_SLUGS = ["build", "dev", "healthz", "operator", "prefs", "webhooks"] as const;

const SLUG = /^[a-z0-9][a-z0-9-]{1,39}$/;

export type SlugProblem = "INVALID" | "RESERVED";

export function slugProblem(slug: string): SlugProblem | null {
  if (!SLUG.test(slug)) return "INVALID";
  return (RESERVED_SLUGS as readonly string[]).includes(slug) ? "RESERVED" : null;
}
