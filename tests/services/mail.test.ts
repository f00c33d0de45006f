import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configureMailer, deliverDueMail, enqueueMail, MAX_ATTEMPTS } from "~/services/mail.server";
import { db } from "~/utils/db.server";
import { createMunicipality } from "../factories/municipality";
import { startSmtpServer } from "../support/smtp";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  configureMailer({ smtpUrl: smtp.url, from: "Tsudoi <no-reply@example.jp>" });
});
afterAll(async () => {
  configureMailer(null);
  await smtp.close();
});

const minutes = (n: number, from: Date) => new Date(from.getTime() + n * 60_000);

async function queue(municipalityId: string, to: string, extra: { expiresAt?: Date } = {}) {
  await db.$transaction((tx) =>
    enqueueMail(tx, { municipalityId, to, subject: "ご予約のお知らせ", body: "本文です。", ...extra }),
  );
  return db.outboxMessage.findFirstOrThrow({ where: { toAddress: to } });
}

describe("outbox", () => {
  it("sends a queued message through SMTP and marks it sent", async () => {
    const { municipality } = await createMunicipality();
    const message = await queue(municipality.id, "a@example.jp");
    const report = await deliverDueMail(new Date());
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const mail = await smtp.mailTo("a@example.jp");
    expect(mail).toMatchObject({ subject: "ご予約のお知らせ" });
    expect(mail.text).toContain("本文です。");
    const after = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(after).toMatchObject({ status: "SENT", attempts: 1, body: "本文です。" });
  });

  it("keeps a message through an SMTP outage and sends it on a later try", async () => {
    const { municipality } = await createMunicipality();
    const message = await queue(municipality.id, "outage@example.jp");
    const down = await startSmtpServer();
    const downPort = down.port;
    await down.close();
    configureMailer({ smtpUrl: `smtp://127.0.0.1:${downPort}`, from: "no-reply@example.jp" });
    const now = new Date();
    try {
      expect((await deliverDueMail(now)).retried).toBeGreaterThanOrEqual(1);
    } finally {
      configureMailer({ smtpUrl: smtp.url, from: "no-reply@example.jp" });
    }
    const waiting = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(waiting).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waiting.lastError).toBeTruthy();
    expect(waiting.nextAttemptAt.getTime()).toBe(minutes(1, now).getTime());
    // not due yet: nothing is sent half a minute later
    await deliverDueMail(new Date(now.getTime() + 30_000));
    expect(smtp.received.some((m) => m.to.includes("outage@"))).toBe(false);
    await deliverDueMail(minutes(1, now));
    await smtp.mailTo("outage@example.jp");
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "SENT",
      attempts: 2,
    });
  });

  it("gives a message up after the last try, and says why", async () => {
    const { municipality } = await createMunicipality();
    const message = await queue(municipality.id, "never@example.jp");
    await db.outboxMessage.update({ where: { id: message.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    configureMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "no-reply@example.jp" });
    try {
      await deliverDueMail(new Date());
    } finally {
      configureMailer({ smtpUrl: smtp.url, from: "no-reply@example.jp" });
    }
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(failed.status).toBe("FAILED");
    expect(failed.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("does not send a message that ran out, and blanks it", async () => {
    const { municipality } = await createMunicipality();
    const now = new Date();
    const message = await queue(municipality.id, "late@example.jp", { expiresAt: minutes(10, now) });
    await deliverDueMail(minutes(11, now));
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "EXPIRED",
      body: "",
    });
    expect(smtp.received.some((m) => m.to.includes("late@"))).toBe(false);
  });

  it("sends each message once when two senders run at the same moment", async () => {
    const { municipality } = await createMunicipality();
    for (let i = 0; i < 6; i++) await queue(municipality.id, `twice-${i}@example.jp`);
    const now = new Date();
    await Promise.all([deliverDueMail(now), deliverDueMail(now)]);
    await smtp.mailTo("twice-5@example.jp");
    for (let i = 0; i < 6; i++) {
      expect(smtp.received.filter((m) => m.to.includes(`twice-${i}@`))).toHaveLength(1);
    }
  });
});
