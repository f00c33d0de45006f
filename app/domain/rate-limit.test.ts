import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterFailure, type Bucket, PER_ACCOUNT, PER_SOURCE, waitBeforeAttempt } from "./rate-limit";

const t0 = new Date("2026-11-23T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, policy = PER_ACCOUNT, every = 1_000) {
  let bucket: Bucket | null = null;
  for (let i = 0; i < times; i++) bucket = afterFailure(bucket, at(i * every), policy);
  return bucket!;
}

describe("rate limits", () => {
  it("lets the free failures through without any wait", () => {
    const bucket = fail(PER_ACCOUNT.freeFailures);
    expect(bucket.count).toBe(5);
    expect(waitBeforeAttempt(bucket, at(5_000))).toBe(0);
  });

  it("then makes each further failure wait twice as long, up to the cap", () => {
    expect(fail(6).blockedUntil).toEqual(at(5_000 + 30_000));
    expect(fail(7).blockedUntil).toEqual(at(6_000 + 60_000));
    expect(fail(8).blockedUntil).toEqual(at(7_000 + 120_000));
    expect(fail(30).blockedUntil).toEqual(at(29_000 + 15 * 60_000));
  });

  it("tells how long is left, and nothing once the wait is over", () => {
    const bucket = fail(6);
    expect(waitBeforeAttempt(bucket, at(20_000))).toBe(15_000);
    expect(waitBeforeAttempt(bucket, at(35_000))).toBe(0);
    expect(waitBeforeAttempt(null, t0)).toBe(0);
  });

  it("starts counting again after the window", () => {
    const bucket = fail(6);
    const later = afterFailure(bucket, at(PER_ACCOUNT.windowMs + 10_000), PER_ACCOUNT);
    expect(later).toEqual({ count: 1, windowStart: at(PER_ACCOUNT.windowMs + 10_000), blockedUntil: null });
  });

  it("allows more failures per address than per account", () => {
    expect(PER_SOURCE.freeFailures).toBeGreaterThan(PER_ACCOUNT.freeFailures);
    expect(fail(PER_ACCOUNT.freeFailures + 1, PER_SOURCE).blockedUntil).toBeNull();
  });

  it("never makes anyone wait longer than the cap, whatever the failures", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 120_000 }), (times, every) => {
        const bucket = fail(times, PER_ACCOUNT, every);
        const last = at((times - 1) * every);
        expect(waitBeforeAttempt(bucket, last)).toBeLessThanOrEqual(PER_ACCOUNT.maxWaitMs);
      }),
    );
  });
});
