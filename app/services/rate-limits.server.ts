import {
  afterFailure,
  CODE_REQUESTS_PER_ACCOUNT_AND_SOURCE,
  CODE_REQUESTS_PER_SOURCE,
  PER_ACCOUNT,
  PER_SOURCE,
  type RateLimitPolicy,
  REGISTRATIONS_PER_SOURCE,
  waitBeforeAttempt,
} from "~/domain/rate-limit";
import { normalizeEmail } from "./accounts.server";
import { db } from "~/utils/db.server";

export type LimitKey = { key: string; policy: RateLimitPolicy };

/** The longest wait any of the keys asks for before another attempt (0: go ahead). */
export async function waitFor(municipalityId: string, keys: readonly LimitKey[], now: Date) {
  const buckets = await db.rateLimit.findMany({
    where: { municipalityId, key: { in: keys.map((k) => k.key) } },
    select: { count: true, windowStart: true, blockedUntil: true },
  });
  return Math.max(0, ...buckets.map((b) => waitBeforeAttempt(b, now)));
}

/** Counts one failed attempt against every key. */
export async function recordFailure(municipalityId: string, keys: readonly LimitKey[], now: Date) {
  for (const { key, policy } of keys) {
    await db.$transaction(async (tx) => {
      // the row lock makes concurrent failures count one after the other
      await tx.$executeRaw`INSERT INTO "RateLimit" ("municipalityId", "key", "count", "windowStart")
        VALUES (${municipalityId}, ${key}, 0, ${now}) ON CONFLICT DO NOTHING`;
      const [bucket] = await tx.$queryRaw<{ count: number; windowStart: Date; blockedUntil: Date | null }[]>`
        SELECT "count", "windowStart", "blockedUntil" FROM "RateLimit"
        WHERE "municipalityId" = ${municipalityId} AND "key" = ${key} FOR UPDATE`;
      const next = afterFailure(bucket && bucket.count > 0 ? bucket : null, now, policy);
      await tx.rateLimit.update({
        where: { municipalityId_key: { municipalityId, key } },
        data: next,
      });
    });
  }
}

/** Forgets the failures of a key (after the account's owner got in). */
export async function clearFailures(municipalityId: string, key: string) {
  await db.rateLimit.deleteMany({ where: { municipalityId, key } });
}

/** Sign-in attempts count against the source address and the account tried. */
export function signInKeys(email: string, clientIp: string | undefined): LimitKey[] {
  return [
    { key: `login:source:${clientIp ?? "unknown"}`, policy: PER_SOURCE },
    { key: accountLimitKey(email), policy: PER_ACCOUNT },
  ];
}

/** The key failed sign-ins to one account count against (it holds the email address). */
export function accountLimitKey(email: string) {
  return `login:account:${normalizeEmail(email)}`;
}

export function registrationKeys(clientIp: string | undefined): LimitKey[] {
  return [{ key: `register:source:${clientIp ?? "unknown"}`, policy: REGISTRATIONS_PER_SOURCE }];
}

/** Asking for an emailed code: per address, and per address + account (see the policies). */
export function codeRequestKeys(email: string, clientIp: string | undefined): LimitKey[] {
  const source = clientIp ?? "unknown";
  return [
    { key: `code:source:${source}`, policy: CODE_REQUESTS_PER_SOURCE },
    { key: `code:account:${normalizeEmail(email)}:${source}`, policy: CODE_REQUESTS_PER_ACCOUNT_AND_SOURCE },
  ];
}

/** Wrong codes typed from one address, across all the challenges it opened. */
export function codeEntryKeys(clientIp: string | undefined): LimitKey[] {
  return [{ key: `code-entry:source:${clientIp ?? "unknown"}`, policy: PER_SOURCE }];
}

/** Wrong TOTP codes of one staff member (who has already given a password or emailed code). */
export function totpKeys(userId: string): LimitKey[] {
  return [{ key: `totp:account:${userId}`, policy: PER_ACCOUNT }];
}
