import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureMailer } from "~/services/mail.server";
import { CODE_ATTEMPTS, requestSignInCode, verifySignInCode } from "~/services/sign-in-codes.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident } from "../factories/municipality";
import { codeIn, startSmtpServer } from "../support/smtp";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  configureMailer({ smtpUrl: smtp.url, from: "Tsudoi <no-reply@example.jp>" });
});
afterAll(async () => {
  configureMailer(null);
  await smtp.close();
});

const compose = (code: string) => ({ subject: "ログイン用の番号", body: `番号：${code}\n10分間有効です。` });
const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

async function codeFor(municipalityId: string, email: string, now = new Date()) {
  const before = smtp.received.length;
  const challengeId = await requestSignInCode(municipalityId, email, compose, now);
  const deadline = Date.now() + 5_000;
  while (!smtp.received.slice(before).some((m) => m.to.includes(email.toLowerCase()))) {
    if (Date.now() > deadline) throw new Error("no code mail");
    await new Promise((r) => setTimeout(r, 20));
  }
  const mail = smtp.received.slice(before).findLast((m) => m.to.includes(email.toLowerCase()))!;
  return { challengeId, code: codeIn(mail.text) };
}

describe("sign-in codes", () => {
  it("mails a six-digit code that signs the owner in once", async () => {
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    const { challengeId, code } = await codeFor(municipality.id, resident.email.toUpperCase());
    expect(code).toMatch(/^\d{6}$/);
    const now = new Date();
    expect(await verifySignInCode(municipality.id, challengeId, code, now)).toEqual({ ok: true, userId: resident.id });
    expect(await verifySignInCode(municipality.id, challengeId, code, now)).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("keeps only a hash of the code, and blanks the sent mail in the outbox", async () => {
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    const { challengeId, code } = await codeFor(municipality.id, resident.email);
    const row = await db.signInCode.findUniqueOrThrow({ where: { id: challengeId } });
    expect(row.codeHash).toMatch(/^\$argon2/);
    expect(row.codeHash).not.toContain(code);
    await expect
      .poll(async () => (await db.outboxMessage.findFirstOrThrow({ where: { toAddress: resident.email } })).body)
      .toBe("");
  });

  it("refuses a code after ten minutes", async () => {
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    const now = new Date();
    const { challengeId, code } = await codeFor(municipality.id, resident.email, now);
    const later = new Date(now.getTime() + 10 * 60_000);
    expect(await verifySignInCode(municipality.id, challengeId, code, later)).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it(`allows ${CODE_ATTEMPTS} wrong tries, then not even the right code`, async () => {
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    const { challengeId, code } = await codeFor(municipality.id, resident.email);
    const now = new Date();
    for (let left = CODE_ATTEMPTS - 1; left > 0; left--) {
      expect(await verifySignInCode(municipality.id, challengeId, wrongCode(code), now)).toEqual({
        ok: false,
        reason: "WRONG",
        attemptsLeft: left,
      });
    }
    expect(await verifySignInCode(municipality.id, challengeId, wrongCode(code), now)).toEqual({ ok: false, reason: "USED_UP" });
    expect(await verifySignInCode(municipality.id, challengeId, code, now)).toEqual({ ok: false, reason: "USED_UP" });
  });

  it("counts every one of many simultaneous guesses", async () => {
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    const { challengeId, code } = await codeFor(municipality.id, resident.email);
    const now = new Date();
    const guesses = await Promise.all(
      Array.from({ length: 12 }, () => verifySignInCode(municipality.id, challengeId, wrongCode(code), now)),
    );
    expect(guesses.filter((g) => !g.ok && g.reason === "WRONG")).toHaveLength(CODE_ATTEMPTS - 1);
    expect((await db.signInCode.findUniqueOrThrow({ where: { id: challengeId } })).attemptsLeft).toBe(0);
  });

  it("lets an attacker's guesses use up only the attacker's own challenge", async () => {
    const { municipality } = await createMunicipality();
    const resident = await createResident(municipality.id);
    const { challengeId: attackers } = await codeFor(municipality.id, resident.email);
    for (let i = 0; i < CODE_ATTEMPTS; i++) await verifySignInCode(municipality.id, attackers, "000000", new Date());
    const { challengeId, code } = await codeFor(municipality.id, resident.email);
    expect(await verifySignInCode(municipality.id, challengeId, code, new Date())).toMatchObject({ ok: true });
  });

  it("answers an unknown address like a known one, sends nothing and signs nobody in", async () => {
    const { municipality } = await createMunicipality();
    const before = await db.outboxMessage.count();
    const challengeId = await requestSignInCode(municipality.id, "nobody@example.jp", compose, new Date());
    expect(challengeId).toBeTruthy();
    expect(await db.outboxMessage.count()).toBe(before);
    const check = await verifySignInCode(municipality.id, challengeId, "123456", new Date());
    expect(check).toEqual({ ok: false, reason: "WRONG", attemptsLeft: CODE_ATTEMPTS - 1 });
  });

  it("does not accept another municipality's challenge", async () => {
    const { municipality } = await createMunicipality();
    const other = await createMunicipality();
    const resident = await createResident(municipality.id);
    const { challengeId, code } = await codeFor(municipality.id, resident.email);
    expect(await verifySignInCode(other.municipality.id, challengeId, code, new Date())).toEqual({
      ok: false,
      reason: "EXPIRED",
    });
  });
});
