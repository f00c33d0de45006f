import { normalizeKana } from "~/domain/kana";
import { phoneDigits, searchTermsOf } from "~/domain/resident-search";
import { Prisma, type Role } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { isUniqueViolation } from "~/utils/db-errors.server";
import { normalizeEmail } from "./accounts.server";
import { audit } from "./audit.server";

/**
 * Proxy booking (代理予約): a hall manager or municipal staff member finds a resident who
 * phoned or came to the counter, or registers them, and books for them
 * (docs/decisions/0017-proxy-booking.md).
 */

/** Who may book for a resident. */
export const PROXY_ROLES: readonly Role[] = ["MANAGER", "STAFF"];

/** A resident as the proxy search shows them: enough to tell callers apart, nothing more. */
export type ResidentSummary = { id: string; name: string; kana: string; phone: string; hasEmail: boolean };

/** Most residents one search shows; more means the query should be narrower. */
export const SEARCH_LIMIT = 20;

/** Residents of the municipality who can be booked for: not staff, not deleted (anonymised) accounts. */
const bookableResident = Prisma.sql`"role" = 'RESIDENT' AND ("email" IS NULL OR "email" <> ('deleted-' || "id" || '@invalid'))`;

/** `value` inside a LIKE pattern, matched literally. */
function likePart(value: string) {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Residents whose name, furigana or phone number contains what was typed: names and furigana
 * compared without spaces, furigana in whichever kana it was typed, phones by their digits only.
 * A substring search reads every resident of the municipality (no index helps `%…%`); a town's
 * few tens of thousands of rows take milliseconds. pg_trgm indexes are the way on if that changes.
 */
export async function searchResidents(municipalityId: string, query: string): Promise<{ residents: ResidentSummary[]; more: boolean }> {
  const terms = searchTermsOf(query);
  if (!terms) return { residents: [], more: false };
  const phone = terms.digits
    ? Prisma.sql`OR regexp_replace("phone", '[^0-9]', '', 'g') LIKE ${likePart(terms.digits)}`
    : Prisma.empty;
  const rows = await db.$queryRaw<ResidentSummary[]>`
    SELECT "id", "name", "kana", "phone", ("email" IS NOT NULL) AS "hasEmail"
    FROM "User"
    WHERE "municipalityId" = ${municipalityId} AND ${bookableResident}
      AND (translate("name", ' 　', '') ILIKE ${likePart(terms.name)}
        OR replace("kana", ' ', '') LIKE ${likePart(terms.kana)}
        ${phone})
    ORDER BY "kana", "name", "id"
    LIMIT ${SEARCH_LIMIT + 1}`;
  return { residents: rows.slice(0, SEARCH_LIMIT), more: rows.length > SEARCH_LIMIT };
}

/** Residents whose phone number has the same digits (a family, or the same person registered twice). */
export function residentsWithPhone(municipalityId: string, phone: string) {
  return db.$queryRaw<ResidentSummary[]>`
    SELECT "id", "name", "kana", "phone", ("email" IS NOT NULL) AS "hasEmail"
    FROM "User"
    WHERE "municipalityId" = ${municipalityId} AND ${bookableResident}
      AND regexp_replace("phone", '[^0-9]', '', 'g') = ${phoneDigits(phone)}
    ORDER BY "kana", "name", "id"
    LIMIT ${SEARCH_LIMIT}`;
}

/** Not an argon2 hash: no password ever matches it, so the account cannot sign in with one. */
const NO_PASSWORD = "!none";

export type CounterResidentInput = { name: string; kana: string; phone: string; email: string | null };
export type CounterResidentResult =
  | { ok: true; residentId: string }
  | { ok: false; code: "EMAIL_TAKEN" }
  | { ok: false; code: "PHONE_REGISTERED"; matches: ResidentSummary[] };

/**
 * A manager or staff member registers a resident who phoned or came in: name, furigana and phone,
 * an email only if they have one (then they can later sign in with an emailed code; there is no
 * password). Residents already registered with the same phone number are returned instead,
 * unless the person at the counter has seen them and says this is someone else.
 */
export async function registerResidentAtCounter(
  municipalityId: string,
  actorId: string,
  input: CounterResidentInput,
  options: { samePhoneSeen: boolean },
): Promise<CounterResidentResult> {
  const email = input.email ? normalizeEmail(input.email) : null;
  if (email && (await db.user.findUnique({ where: { municipalityId_email: { municipalityId, email } }, select: { id: true } }))) {
    return { ok: false, code: "EMAIL_TAKEN" };
  }
  if (!options.samePhoneSeen) {
    const matches = await residentsWithPhone(municipalityId, input.phone);
    if (matches.length > 0) return { ok: false, code: "PHONE_REGISTERED", matches };
  }
  try {
    const resident = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { municipalityId, email, passwordHash: NO_PASSWORD, name: input.name, kana: normalizeKana(input.kana), phone: input.phone, role: "RESIDENT" },
        select: { id: true },
      });
      // who registered them; no personal data in the log (it outlives a deleted account)
      await audit(tx, {
        municipalityId,
        actorId,
        action: "user.registered_at_counter",
        entity: "User",
        entityId: created.id,
        details: { withEmail: email !== null, samePhoneSeen: options.samePhoneSeen },
      });
      return created;
    });
    return { ok: true, residentId: resident.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, code: "EMAIL_TAKEN" };
    throw error;
  }
}

/** A resident of this municipality who can be booked for, or null (another town's, staff, deleted). */
export async function residentForProxy(municipalityId: string, residentId: string) {
  const [resident] = await db.$queryRaw<(ResidentSummary & { email: string | null })[]>`
    SELECT "id", "name", "kana", "phone", "email", ("email" IS NOT NULL) AS "hasEmail"
    FROM "User"
    WHERE "id" = ${residentId} AND "municipalityId" = ${municipalityId} AND ${bookableResident}`;
  return resident ?? null;
}

/** Whether `proxyId` may book for `residentId` in this municipality: a manager or staff member for a resident. */
export async function mayBookFor(municipalityId: string, proxyId: string, residentId: string) {
  if (proxyId === residentId) return false;
  const proxy = await db.user.findFirst({ where: { id: proxyId, municipalityId }, select: { role: true } });
  return Boolean(proxy && PROXY_ROLES.includes(proxy.role) && (await residentForProxy(municipalityId, residentId)));
}
