import { describe, expect, it } from "vitest";
import { PER_ACCOUNT } from "~/domain/rate-limit";
import { clearFailures, recordFailure, waitFor } from "~/services/rate-limits.server";
import { createMunicipality } from "../factories/municipality";

const t0 = new Date("2026-11-23T01:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("rate limits in the database", () => {
  it("make the sixth failure of an account wait, in every app process alike", async () => {
    const { municipality } = await createMunicipality();
    const account = [{ key: "login:account:a@example.jp", policy: PER_ACCOUNT }];
    for (let i = 0; i < 5; i++) await recordFailure(municipality.id, account, at(i));
    expect(await waitFor(municipality.id, account, at(10))).toBe(0);
    await recordFailure(municipality.id, account, at(10));
    expect(await waitFor(municipality.id, account, at(10))).toBe(PER_ACCOUNT.firstWaitMs);
    await clearFailures(municipality.id, account[0]!.key);
    expect(await waitFor(municipality.id, account, at(11))).toBe(0);
  });

  it("count simultaneous failures one by one, and keep municipalities apart", async () => {
    const { municipality } = await createMunicipality();
    const other = await createMunicipality();
    const key = [{ key: "login:account:b@example.jp", policy: PER_ACCOUNT }];
    await Promise.all(Array.from({ length: 7 }, () => recordFailure(municipality.id, key, t0)));
    expect(await waitFor(municipality.id, key, t0)).toBe(PER_ACCOUNT.firstWaitMs * 2);
    expect(await waitFor(other.municipality.id, key, t0)).toBe(0);
  });
});
