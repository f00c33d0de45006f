import { describe, expect, it } from "vitest";
import { RESIDENT_SESSION, sessionIsLive, sessionLimitsFor, STAFF_SESSION } from "./session-policy";

const start = new Date("2026-11-23T00:00:00Z");
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe("session policy", () => {
  it("keeps residents and managers signed in for 30 days, however idle", () => {
    expect(sessionLimitsFor("RESIDENT")).toBe(RESIDENT_SESSION);
    expect(sessionLimitsFor("MANAGER")).toBe(RESIDENT_SESSION);
    const session = { expiresAt: at(30 * 24 * 60), lastSeenAt: start };
    expect(sessionIsLive(session, RESIDENT_SESSION, at(29 * 24 * 60))).toBe(true);
    expect(sessionIsLive(session, RESIDENT_SESSION, at(30 * 24 * 60))).toBe(false);
  });

  it("signs staff out after 30 idle minutes and after 12 hours in any case", () => {
    expect(sessionLimitsFor("STAFF")).toBe(STAFF_SESSION);
    const session = { expiresAt: at(12 * 60), lastSeenAt: start };
    expect(sessionIsLive(session, STAFF_SESSION, at(29))).toBe(true);
    expect(sessionIsLive(session, STAFF_SESSION, at(30))).toBe(false);
    const busy = { expiresAt: at(12 * 60), lastSeenAt: at(12 * 60 - 1) };
    expect(sessionIsLive(busy, STAFF_SESSION, at(12 * 60 - 0.5))).toBe(true);
    expect(sessionIsLive(busy, STAFF_SESSION, at(12 * 60))).toBe(false);
  });
});
