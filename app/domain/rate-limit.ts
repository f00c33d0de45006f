/** Failed attempts counted for one key (an address, or an account) in the current window. */
export type Bucket = { count: number; windowStart: Date; blockedUntil: Date | null };

export type RateLimitPolicy = {
  /** failures allowed in a window before waiting is needed */
  freeFailures: number;
  windowMs: number;
  /** wait after the first failure over the limit; doubles with each further one */
  firstWaitMs: number;
  maxWaitMs: number;
};

/** Per address: a few people may share one (a family, a community centre's wifi). */
export const PER_SOURCE: RateLimitPolicy = {
  freeFailures: 30,
  windowMs: 15 * 60_000,
  firstWaitMs: 60_000,
  maxWaitMs: 15 * 60_000,
};

/**
 * Per account: never a lock-out, only a growing wait, so an attacker cannot shut a resident
 * out for long, and a resident who forgot the password is told how long to wait.
 */
export const PER_ACCOUNT: RateLimitPolicy = {
  freeFailures: 5,
  windowMs: 60 * 60_000,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
};

/** Registrations per address: every attempt counts, successful or not. */
export const REGISTRATIONS_PER_SOURCE: RateLimitPolicy = {
  freeFailures: 10,
  windowMs: 60 * 60_000,
  firstWaitMs: 5 * 60_000,
  maxWaitMs: 60 * 60_000,
};

/**
 * Emailed codes asked for from one address: every request counts. Counted per address and per
 * address + account, never per account alone, so requests from elsewhere cannot stop the
 * owner of an account from getting a fresh code.
 */
export const CODE_REQUESTS_PER_SOURCE: RateLimitPolicy = {
  freeFailures: 20,
  windowMs: 60 * 60_000,
  firstWaitMs: 60_000,
  maxWaitMs: 15 * 60_000,
};
export const CODE_REQUESTS_PER_ACCOUNT_AND_SOURCE: RateLimitPolicy = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  firstWaitMs: 60_000,
  maxWaitMs: 15 * 60_000,
};

/** How long to wait before the next attempt (0: go ahead). */
export function waitBeforeAttempt(bucket: Bucket | null, now: Date): number {
  if (!bucket?.blockedUntil) return 0;
  return Math.max(0, bucket.blockedUntil.getTime() - now.getTime());
}

/** The bucket after one more failure at `now`. */
export function afterFailure(bucket: Bucket | null, now: Date, policy: RateLimitPolicy): Bucket {
  const fresh = !bucket || now.getTime() - bucket.windowStart.getTime() >= policy.windowMs;
  const count = fresh ? 1 : bucket.count + 1;
  const windowStart = fresh ? now : bucket.windowStart;
  const over = count - policy.freeFailures;
  const wait = over > 0 ? Math.min(policy.firstWaitMs * 2 ** (over - 1), policy.maxWaitMs) : 0;
  return { count, windowStart, blockedUntil: wait > 0 ? new Date(now.getTime() + wait) : null };
}
