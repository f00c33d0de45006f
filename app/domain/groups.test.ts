import { describe, expect, it } from "vitest";
import { isRenewable, renewedExpiry } from "./groups";

const day = 86_400_000;
const now = new Date("2026-12-05T01:00:00Z");
const approved = (expiresInDays: number) => ({ status: "APPROVED", expiresAt: new Date(now.getTime() + expiresInDays * day), renewalRequestedAt: null });

describe("isRenewable", () => {
  it.each([
    [61, false],
    [60, true],
    [1, true],
    [-89, true],
    [-90, false],
  ])("an approved registration expiring in %i days: %s", (days, expected) => {
    expect(isRenewable(approved(days), now)).toBe(expected);
  });

  it("is not renewable when pending, returned, or already asked for", () => {
    expect(isRenewable({ ...approved(10), status: "PENDING" }, now)).toBe(false);
    expect(isRenewable({ ...approved(10), status: "RETURNED" }, now)).toBe(false);
    expect(isRenewable({ ...approved(10), renewalRequestedAt: now }, now)).toBe(false);
    expect(isRenewable({ ...approved(10), expiresAt: null }, now)).toBe(false);
  });
});

describe("renewedExpiry", () => {
  it("adds a year to the current expiry when renewed early, and to now when renewed late", () => {
    const early = new Date(now.getTime() + 20 * day);
    expect(renewedExpiry(early, now).getTime()).toBe(early.getTime() + 365 * day);
    const late = new Date(now.getTime() - 20 * day);
    expect(renewedExpiry(late, now).getTime()).toBe(now.getTime() + 365 * day);
  });
});
