import nodemailer, { type Transporter } from "nodemailer";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

/**
 * Every email goes into the outbox table first, in the transaction of what caused it, and is
 * sent from there: a mail server that is down delays a message but never loses it.
 * With no SMTP_URL (the embedded demo) messages stay in the outbox, where operators read them.
 */

export type OutgoingMail = {
  municipalityId: string;
  to: string;
  subject: string;
  body: string;
  /** after this the message is useless (a sign-in code): not sent, and its body is blanked */
  expiresAt?: Date;
};

/** Tries before a message is given up as FAILED; waits double from a minute up to an hour. */
export const MAX_ATTEMPTS = 8;
export const retryDelayMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 60 * 60_000);
/** A claimed message is invisible to other senders for this long. */
const LEASE_MS = 5 * 60_000;

export async function enqueueMail(tx: Prisma.TransactionClient, mail: OutgoingMail) {
  await tx.outboxMessage.create({
    data: {
      municipalityId: mail.municipalityId,
      toAddress: mail.to,
      subject: mail.subject,
      body: mail.body,
      expiresAt: mail.expiresAt ?? null,
    },
  });
}

type Mailer = { transport: Transporter; from: string };
let mailer: Mailer | null | undefined;
let running = false;
let runAgain = false;

/** Sets where mail goes; by default SMTP_URL and MAIL_FROM from the environment. */
export function configureMailer(options: { smtpUrl?: string; from: string } | null) {
  mailer = options?.smtpUrl
    ? { transport: nodemailer.createTransport(options.smtpUrl), from: options.from }
    : null;
}

function currentMailer() {
  if (mailer === undefined) {
    configureMailer({
      smtpUrl: process.env.SMTP_URL,
      from: process.env.MAIL_FROM ?? "Tsudoi <no-reply@tsudoi.invalid>",
    });
  }
  return mailer ?? null;
}

export const mailIsConfigured = () => currentMailer() !== null;

/** Starts a delivery round soon, without waiting for it (after a message was queued). */
export function sendQueuedMailSoon() {
  if (!currentMailer()) return;
  if (running) {
    runAgain = true;
    return;
  }
  running = true;
  void (async () => {
    do {
      runAgain = false;
      await deliverDueMail(new Date()).catch((error) => console.error("[tsudoi] mail delivery failed", error));
    } while (runAgain);
    running = false;
  })();
}

/** Marks unsent messages that ran out as EXPIRED and blanks them; returns how many. */
async function expireStaleMail(now: Date) {
  const { count } = await db.outboxMessage.updateMany({
    where: { status: "PENDING", expiresAt: { lte: now } },
    data: { status: "EXPIRED", body: "" },
  });
  return count;
}

export type DeliveryReport = { sent: number; retried: number; failed: number; expired: number };

/**
 * Sends every message that is due. Messages are claimed with SKIP LOCKED and a lease, so two
 * app processes never send the same one, and nothing is held locked while SMTP talks.
 */
export async function deliverDueMail(now: Date, batchSize = 20): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, expired: 0 };
  report.expired = await expireStaleMail(now);
  const active = currentMailer();
  if (!active) return report;
  const { transport, from } = active;
  const claimed = await db.$queryRaw<
    { id: string; toAddress: string; subject: string; body: string; attempts: number; expiresAt: Date | null }[]
  >`
    UPDATE "OutboxMessage" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${new Date(now.getTime() + LEASE_MS)}
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt" LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "toAddress", "subject", "body", "attempts", "expiresAt"`;
  for (const message of claimed) {
    try {
      await transport.sendMail({ from, to: message.toAddress, subject: message.subject, text: message.body });
      await db.outboxMessage.update({
        where: { id: message.id },
        // a sent code is in the resident's mailbox; the outbox need not keep it
        data: { status: "SENT", sentAt: new Date(), lastError: null, ...(message.expiresAt ? { body: "" } : {}) },
      });
      report.sent++;
    } catch (error) {
      const givenUp = message.attempts >= MAX_ATTEMPTS;
      await db.outboxMessage.update({
        where: { id: message.id },
        data: {
          status: givenUp ? "FAILED" : "PENDING",
          lastError: String((error as Error).message ?? error).slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)),
        },
      });
      report[givenUp ? "failed" : "retried"]++;
    }
  }
  return report;
}

/** The newest messages first, for the operator's outbox page. */
export async function listOutbox(options: { municipalityId?: string; take?: number } = {}) {
  // a code that ran out is never shown, even between two delivery rounds
  await expireStaleMail(new Date());
  return db.outboxMessage.findMany({
    where: options.municipalityId ? { municipalityId: options.municipalityId } : {},
    orderBy: { createdAt: "desc" },
    take: options.take ?? 50,
    select: {
      id: true,
      toAddress: true,
      subject: true,
      body: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      municipality: { select: { name: true, slug: true } },
    },
  });
}
