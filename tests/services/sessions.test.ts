import { describe, expect, it } from "vitest";
import {
  createSession,
  endAllSessionsOf,
  endSession,
  findSessionUser,
} from "~/services/accounts.server";
import { createMunicipality, createResident } from "../factories/municipality";

const now = new Date("2026-11-23T01:00:00Z");

describe("sessions", () => {
  it("finds the user of a live session of the same municipality only", async () => {
    const { municipality } = await createMunicipality();
    const other = await createMunicipality();
    const resident = await createResident(municipality.id);
    const id = await createSession(municipality.id, resident.id, now);
    expect((await findSessionUser(municipality.id, id, now))?.id).toBe(resident.id);
    expect(await findSessionUser(other.municipality.id, id, now)).toBeNull();
    const later = new Date(now.getTime() + 31 * 86_400_000);
    expect(await findSessionUser(municipality.id, id, later)).toBeNull();
    await endSession(id);
    expect(await findSessionUser(municipality.id, id, now)).toBeNull();
  });

  it("signs a person out everywhere, and nobody else", async () => {
    const { municipality } = await createMunicipality();
    const alice = await createResident(municipality.id, "有子");
    const bob = await createResident(municipality.id, "房雄");
    const phone = await createSession(municipality.id, alice.id, now);
    const computer = await createSession(municipality.id, alice.id, now);
    const bobs = await createSession(municipality.id, bob.id, now);
    expect(await endAllSessionsOf(phone)).toBe(2);
    expect(await findSessionUser(municipality.id, phone, now)).toBeNull();
    expect(await findSessionUser(municipality.id, computer, now)).toBeNull();
    expect((await findSessionUser(municipality.id, bobs, now))?.id).toBe(bob.id);
    expect(await endAllSessionsOf("no-such-session")).toBe(0);
  });
});

describe("signing in", () => {
  it("gives the browser a new session id and ends the one it had (no session fixation)", async () => {
    const { getSession, commitSession, signIn } = await import("~/utils/session.server");
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    const planted = await createSession(municipality.id, resident.id, new Date());
    const before = await getSession(new Request("http://localhost/"));
    before.set("sessionId", planted);
    const cookie = (await commitSession(before)).split(";")[0]!;
    const response = await signIn(new Request("http://localhost/", { headers: { Cookie: cookie } }), municipality, resident.id, "/");
    const after = await getSession(new Request("http://localhost/", { headers: { Cookie: response.headers.get("Set-Cookie")!.split(";")[0]! } }));
    const fresh = after.get("sessionId")!;
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(planted);
    expect(await findSessionUser(municipality.id, planted, new Date())).toBeNull();
    expect((await findSessionUser(municipality.id, fresh, new Date()))?.id).toBe(resident.id);
  });
});
