import { generateTOTP } from "@epic-web/totp";
import { describe, expect, it } from "vitest";
import { createSession, findSessionUser } from "~/services/accounts.server";
import { acceptInvitation, findInvitation, invite } from "~/services/invitations.server";
import { configureMailer } from "~/services/mail.server";
import { createMunicipality as createTenant, createOperator } from "~/services/operators.server";
import { checkTotp, newTotpSecret } from "~/services/totp.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident } from "../factories/municipality";

configureMailer(null); // messages stay in the outbox, where these tests read them

const BASE = "https://tsudoi.example";
const tokenIn = (body: string) => /\/invite\/(\S+)/.exec(body)![1]!;
const latestMailTo = (to: string) => db.outboxMessage.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });

describe("staff sessions", () => {
  it("end after 30 minutes without use and after 12 hours in any case", async () => {
    const { municipality } = await createMunicipality();
    const staff = await createResident(municipality.id, "職員");
    await db.user.update({ where: { id: staff.id }, data: { role: "STAFF" } });
    const start = new Date("2026-11-23T00:00:00Z");
    const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
    const id = await createSession(municipality.id, staff.id, start);
    // used every 20 minutes: still signed in after 11 hours
    for (let m = 20; m <= 11 * 60; m += 20) expect(await findSessionUser(municipality.id, id, at(m))).not.toBeNull();
    expect(await findSessionUser(municipality.id, id, at(12 * 60))).toBeNull();
    const idle = await createSession(municipality.id, staff.id, start);
    expect(await findSessionUser(municipality.id, idle, at(31))).toBeNull();
    // and an ended session stays ended
    expect(await findSessionUser(municipality.id, idle, at(1))).toBeNull();
  });

  it("of residents survive a month of not being used", async () => {
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    const start = new Date("2026-11-23T00:00:00Z");
    const id = await createSession(municipality.id, resident.id, start);
    expect(await findSessionUser(municipality.id, id, new Date(start.getTime() + 29 * 86_400_000))).not.toBeNull();
  });
});

describe("TOTP", () => {
  it("accepts the current code of the secret and refuses others", async () => {
    const secret = await newTotpSecret();
    const { otp } = await generateTOTP({ secret });
    expect(await checkTotp(secret, otp)).toBe(true);
    expect(await checkTotp(secret, otp.replace(/^./, (d) => String((Number(d) + 1) % 10)))).toBe(false);
    expect(await checkTotp(await newTotpSecret(), otp)).toBe(false);
    expect(await checkTotp(secret, "abc")).toBe(false);
  });
});

describe("invitations", () => {
  it("create the invited account once, with its role and facilities", async () => {
    const { municipality, facility } = await createMunicipality();
    const staff = await createResident(municipality.id, "職員");
    const now = new Date();
    const result = await invite(municipality, staff.id, { email: "New.Manager@example.jp", role: "MANAGER", facilityIds: [facility.id] }, BASE, now);
    expect(result).toEqual({ ok: true });
    const mail = await latestMailTo("new.manager@example.jp");
    expect(mail.body).toContain(`${BASE}/${municipality.slug}/invite/`);
    const token = tokenIn(mail.body);
    const stored = await db.invitation.findFirstOrThrow({ where: { email: "new.manager@example.jp" } });
    expect(stored.tokenHash).not.toContain(token);

    const input = { name: "新 管理人", phone: "042-000-0000", password: "a long password here" };
    const userId = await acceptInvitation(municipality.id, token, input, now);
    expect(userId).toBeTruthy();
    const user = await db.user.findUniqueOrThrow({ where: { id: userId! }, include: { facilities: true } });
    expect(user).toMatchObject({ role: "MANAGER", email: "new.manager@example.jp", name: "新 管理人" });
    expect(user.facilities.map((f) => f.facilityId)).toEqual([facility.id]);
    expect(await acceptInvitation(municipality.id, token, input, now)).toBeNull();
  });

  it("cannot be used in another municipality, after a week, or with another municipality's facility", async () => {
    const { municipality } = await createMunicipality();
    const other = await createMunicipality();
    const now = new Date();
    expect(await invite(municipality, null, { email: "x@example.jp", role: "MANAGER", facilityIds: [other.facility.id] }, BASE, now)).toEqual({
      ok: false,
      code: "UNKNOWN_FACILITY",
    });
    expect(await db.invitation.count({ where: { municipalityId: municipality.id } })).toBe(0);
    await invite(municipality, null, { email: "y@example.jp", role: "STAFF", facilityIds: [] }, BASE, now);
    const token = tokenIn((await latestMailTo("y@example.jp")).body);
    expect(await findInvitation(other.municipality.id, token, now)).toBeNull();
    expect(await findInvitation(municipality.id, token, new Date(now.getTime() + 7 * 86_400_000))).toBeNull();
    expect(await findInvitation(municipality.id, token, now)).not.toBeNull();
  });

  it("are not sent to someone already registered in the municipality", async () => {
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    expect(await invite(municipality, null, { email: resident.email, role: "STAFF", facilityIds: [] }, BASE, new Date())).toEqual({
      ok: false,
      code: "ALREADY_REGISTERED",
    });
  });
});

describe("operators", () => {
  it("create a municipality and invite its first staff member; a taken slug is refused", async () => {
    const operator = await createOperator({ email: `op-${Date.now()}@example.jp`, name: "運用", password: "pw pw pw pw", totpSecret: await newTotpSecret() });
    const slug = `new-${Date.now()}`;
    const input = { slug, name: "新しい市", helpPhone: "042-000-0000", staffEmail: `first-${slug}@example.jp` };
    expect(await createTenant(operator.id, input, BASE, new Date())).toEqual({ ok: true, slug });
    const created = await db.municipality.findUniqueOrThrow({ where: { slug } });
    const invitation = await db.invitation.findFirstOrThrow({ where: { municipalityId: created.id } });
    expect(invitation).toMatchObject({ role: "STAFF", email: input.staffEmail });
    expect((await latestMailTo(input.staffEmail)).body).toContain(`${BASE}/${slug}/invite/`);
    expect(await createTenant(operator.id, input, BASE, new Date())).toEqual({ ok: false, code: "SLUG_TAKEN" });
    expect(await db.municipality.count({ where: { slug } })).toBe(1);
  });
});
