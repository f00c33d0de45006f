import { hasUsableEmail } from "~/domain/deleted-accounts";
import { paymentStateOf, stateOfNewApplication } from "~/domain/holds";
import { Prisma } from "~/generated/prisma/client";
import { applicationReceivedMail, holdExpiredMail, paymentReceivedMail } from "~/mail/templates.server";
import { db } from "~/utils/db.server";
import { publicUrl } from "~/utils/public-url.server";
import { audit } from "./audit.server";
import type { Municipality } from "./catalog.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";

type Client = Prisma.TransactionClient | typeof db;

/** What is paid for an application: the sum of its ledger (payments less refunds and reversals). */
export async function paidOf(client: Client, applicationId: string) {
  const sum = await client.ledgerEntry.aggregate({ where: { applicationId }, _sum: { amount: true } });
  return sum._sum.amount ?? 0;
}

/**
 * What is paid and what was given back for each of many applications, summed by the database
 * in one query (the hall's day lists dozens). Refunds count what a reversal has not undone.
 */
export async function moneyOfApplications(municipalityId: string, applicationIds: readonly string[]) {
  const money = new Map<string, { paid: number; refunded: number }>();
  if (applicationIds.length === 0) return money;
  const rows = await db.$queryRaw<{ applicationId: string; paid: number; refunded: number }[]>`
    SELECT l."applicationId",
      COALESCE(SUM(l."amount"), 0)::int AS "paid",
      COALESCE(-SUM(l."amount") FILTER (WHERE l."kind" = 'REFUND' OR r."kind" = 'REFUND'), 0)::int AS "refunded"
    FROM "LedgerEntry" l
    LEFT JOIN "LedgerEntry" r ON r."id" = l."reversesId" AND r."municipalityId" = l."municipalityId"
    WHERE l."municipalityId" = ${municipalityId} AND l."applicationId" IN (${Prisma.join([...new Set(applicationIds)])})
    GROUP BY l."applicationId"`;
  for (const row of rows) money.set(row.applicationId, { paid: row.paid, refunded: row.refunded });
  return money;
}

/** The ledger of an application, oldest first, for staff and for the receipt. */
export function ledgerOf(municipalityId: string, applicationId: string) {
  return db.ledgerEntry.findMany({
    where: { municipalityId, applicationId },
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, method: true, amount: true, receiptNumber: true, reversesId: true, note: true, createdAt: true },
  });
}

/**
 * Inside a transaction: a held application whose fee is now covered is confirmed, and its
 * slots are held without a deadline. Returns whether it was confirmed now.
 */
export async function confirmIfPaid(tx: Prisma.TransactionClient, applicationId: string, now: Date) {
  const application = await tx.application.findUniqueOrThrow({ where: { id: applicationId }, select: { status: true, totalFee: true } });
  if (application.status !== "TENTATIVE") return false;
  if (paymentStateOf(application.totalFee, await paidOf(tx, applicationId)) !== "PAID") return false;
  await confirm(tx, applicationId, now);
  return true;
}

/** Confirms a held application: no deadline on it or its slots any more. */
export async function confirm(tx: Prisma.TransactionClient, applicationId: string, now: Date) {
  await tx.application.update({ where: { id: applicationId }, data: { status: "CONFIRMED", confirmedAt: now } });
  await holdUntil(tx, applicationId, null);
}

/** Inside a transaction: the application and its slots are held until `until` (null: no deadline). */
export async function holdUntil(tx: Prisma.TransactionClient, applicationId: string, until: Date | null) {
  await tx.application.update({ where: { id: applicationId }, data: { holdExpiresAt: until } });
  await tx.occupancy.updateMany({ where: { item: { applicationId } }, data: { expiresAt: until } });
}

/** Locks the application row so that two payments or a payment and an expiry do not cross. */
async function lockApplication(tx: Prisma.TransactionClient, municipalityId: string, where: { id?: string; number?: number }) {
  const rows = where.id
    ? await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Application" WHERE "municipalityId" = ${municipalityId} AND "id" = ${where.id} FOR UPDATE`
    : await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Application" WHERE "municipalityId" = ${municipalityId} AND "number" = ${where.number} FOR UPDATE`;
  if (!rows[0]) return null;
  return tx.application.findUniqueOrThrow({
    where: { id: rows[0].id },
    select: { id: true, number: true, status: true, totalFee: true, user: { select: { id: true, email: true } } },
  });
}

export type CounterPayment = { method: "CASH" | "TERMINAL"; amount: number; receiptNumber: string };
export type CounterPaymentResult =
  | { ok: true; applicationId: string; confirmed: boolean }
  | { ok: false; code: "NOT_FOUND" | "NOT_PAYABLE" | "NOTHING_DUE" }
  | { ok: false; code: "WRONG_AMOUNT"; due: number };

/**
 * Staff record money taken at the counter (cash or a card/e-money terminal) for the whole
 * amount due, with the counter's receipt number. The application is confirmed when paid.
 */
export async function recordCounterPayment(
  municipality: Municipality,
  staffId: string,
  applicationNumber: number,
  payment: CounterPayment,
  now: Date,
  options: { facilityIds?: readonly string[] } = {},
): Promise<CounterPaymentResult> {
  const result = await db.$transaction(async (tx): Promise<CounterPaymentResult> => {
    const application = await lockApplication(tx, municipality.id, { number: applicationNumber });
    if (!application) return { ok: false, code: "NOT_FOUND" };
    if (options.facilityIds && !(await hasSlotIn(tx, municipality.id, application.id, options.facilityIds))) return { ok: false, code: "NOT_FOUND" };
    if (application.status === "CANCELLED" || application.status === "EXPIRED") return { ok: false, code: "NOT_PAYABLE" };
    const due = application.totalFee - (await paidOf(tx, application.id));
    if (due <= 0) return { ok: false, code: "NOTHING_DUE" };
    if (payment.amount !== due) return { ok: false, code: "WRONG_AMOUNT", due };
    const entry = await tx.ledgerEntry.create({
      data: {
        municipalityId: municipality.id,
        applicationId: application.id,
        kind: "PAYMENT",
        method: payment.method,
        amount: payment.amount,
        receiptNumber: payment.receiptNumber,
        recordedById: staffId,
      },
    });
    const confirmed = await confirmIfPaid(tx, application.id, now);
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "payment.recorded",
      entity: "Application",
      entityId: application.id,
      details: { entryId: entry.id, method: payment.method, amount: payment.amount, receiptNumber: payment.receiptNumber, confirmed },
    });
    if (hasUsableEmail(application.user)) {
      const mail = paymentReceivedMail(municipality, {
        number: application.number,
        amount: payment.amount,
        confirmed,
        url: `${publicUrl()}/${municipality.slug}/bookings/${application.id}`,
      });
      await enqueueMail(tx, { municipalityId: municipality.id, to: application.user.email, ...mail });
    }
    return { ok: true, applicationId: application.id, confirmed };
  });
  if (result.ok) sendQueuedMailSoon();
  return result;
}

/** Whether the application has a slot (not cancelled) in one of the facilities. */
async function hasSlotIn(client: Client, municipalityId: string, applicationId: string, facilityIds: readonly string[]) {
  const count = await client.applicationItem.count({
    where: { municipalityId, applicationId, cancelledAt: null, room: { facilityId: { in: [...facilityIds] } } },
  });
  return count > 0;
}

export type ReversalResult = { ok: true } | { ok: false; code: "NOT_FOUND" | "ALREADY_REVERSED" | "NOT_REVERSIBLE" };

/** Undoes a mistaken ledger entry with a REVERSAL of the opposite amount (entries never change). */
export async function reverseLedgerEntry(municipality: Municipality, staffId: string, entryId: string, reason: string): Promise<ReversalResult> {
  try {
    return await db.$transaction(async (tx): Promise<ReversalResult> => {
      const entry = await tx.ledgerEntry.findFirst({ where: { id: entryId, municipalityId: municipality.id } });
      if (!entry) return { ok: false, code: "NOT_FOUND" };
      // Stripe money goes back through Stripe (a refund), never by a reversal in our books
      if (entry.kind === "REVERSAL" || entry.method === "STRIPE") return { ok: false, code: "NOT_REVERSIBLE" };
      const reversal = await tx.ledgerEntry.create({
        data: {
          municipalityId: municipality.id,
          applicationId: entry.applicationId,
          itemId: entry.itemId,
          kind: "REVERSAL",
          method: entry.method,
          amount: -entry.amount,
          reversesId: entry.id,
          recordedById: staffId,
          note: reason,
        },
      });
      await audit(tx, {
        municipalityId: municipality.id,
        actorId: staffId,
        action: "payment.reversed",
        entity: "Application",
        entityId: entry.applicationId,
        details: { entryId: entry.id, reversalId: reversal.id, amount: -entry.amount, reason },
      });
      return { ok: true };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, code: "ALREADY_REVERSED" };
    throw error;
  }
}

/**
 * Ends the holds that are due: each unpaid application whose hold has passed expires, its slots
 * and equipment are free again, and the applicant is told. Safe to run from several processes
 * at once (rows are claimed with SKIP LOCKED), and inside a booking's transaction, where it
 * clears the way for the new slots. Returns how many expired.
 */
export async function expireDueHolds(now: Date, options: { municipalityId?: string; tx?: Prisma.TransactionClient } = {}) {
  const run = async (tx: Prisma.TransactionClient) => {
    const scope = options.municipalityId ? Prisma.sql`AND "municipalityId" = ${options.municipalityId}` : Prisma.empty;
    const due = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Application"
      WHERE "status" = 'TENTATIVE' AND "holdExpiresAt" <= ${now} ${scope}
      ORDER BY "holdExpiresAt" LIMIT 200 FOR UPDATE SKIP LOCKED`;
    for (const { id } of due) {
      const application = await tx.application.update({
        where: { id },
        data: { status: "EXPIRED", expiredAt: now },
        select: { id: true, number: true, municipalityId: true, user: { select: { id: true, email: true } }, municipality: { select: { name: true, helpPhone: true } } },
      });
      await tx.applicationItem.updateMany({ where: { applicationId: id, cancelledAt: null }, data: { cancelledAt: now } });
      await tx.occupancy.updateMany({ where: { item: { applicationId: id } }, data: { active: false } });
      await audit(tx, { municipalityId: application.municipalityId, actorId: null, action: "application.expired", entity: "Application", entityId: id, details: { number: application.number } });
      if (hasUsableEmail(application.user)) {
        await enqueueMail(tx, { municipalityId: application.municipalityId, to: application.user.email, ...holdExpiredMail(application.municipality, { number: application.number }) });
      }
    }
    return due.length;
  };
  const count = options.tx ? await run(options.tx) : await db.$transaction(run);
  if (count > 0 && !options.tx) sendQueuedMailSoon();
  return count;
}

/** Mail after submitting: the number, what is due and the hold's deadline. */
export async function enqueueApplicationReceived(
  tx: Prisma.TransactionClient,
  municipality: Municipality,
  user: { id: string; email: string | null },
  d: { applicationId: string; number: number; confirmed: boolean; due: number; holdExpiresAt: Date | null; byProxy?: boolean },
) {
  if (!hasUsableEmail(user)) return;
  const mail = applicationReceivedMail(municipality, { ...d, url: `${publicUrl()}/${municipality.slug}/bookings/${d.applicationId}` });
  await enqueueMail(tx, { municipalityId: municipality.id, to: user.email, ...mail });
}

/**
 * Inside a transaction: once nothing waits for staff (an exemption decided), a held application
 * gets its payment deadline from now, or is confirmed when nothing is due or the municipality
 * confirms before payment.
 */
export async function startHold(tx: Prisma.TransactionClient, municipality: Municipality, applicationId: string, now: Date) {
  const application = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { status: true, totalFee: true, paymentChoice: true, items: { where: { cancelledAt: null }, select: { startsAt: true } } },
  });
  if (application.status !== "TENTATIVE" || application.items.length === 0) return;
  const state = stateOfNewApplication({
    due: application.totalFee - (await paidOf(tx, applicationId)),
    choice: application.paymentChoice,
    settings: municipality,
    now,
    firstSlotStart: new Date(Math.min(...application.items.map((i) => i.startsAt.getTime()))),
    exemptionPending: false,
  });
  if (state.status === "CONFIRMED") return confirm(tx, applicationId, now);
  await holdUntil(tx, applicationId, state.holdExpiresAt);
}

/**
 * An application as the counter sees it: who, what, what is due, and its ledger. With
 * `facilityIds` (a hall's counter), only an application with a slot in those facilities.
 */
export async function applicationAtCounter(municipality: Municipality, number: number, now: Date, options: { facilityIds?: readonly string[] } = {}) {
  const application = await db.application.findFirst({
    where: {
      municipalityId: municipality.id,
      number,
      ...(options.facilityIds ? { items: { some: { cancelledAt: null, room: { facilityId: { in: [...options.facilityIds] } } } } } : {}),
    },
    select: {
      id: true,
      number: true,
      status: true,
      totalFee: true,
      holdExpiresAt: true,
      exemptionStatus: true,
      contactPhone: true,
      user: { select: { name: true } },
      group: { select: { name: true } },
      proxyBy: { select: { name: true } },
      items: {
        orderBy: { startsAt: "asc" },
        select: { id: true, useDate: true, fee: true, cancelledAt: true, room: { select: { name: true, facility: { select: { name: true } } } }, timeFrame: { select: { name: true } } },
      },
    },
  });
  if (!application) return null;
  const ledger = await ledgerOf(municipality.id, application.id);
  const paid = ledger.reduce((sum, e) => sum + e.amount, 0);
  const reversed = new Set(ledger.flatMap((e) => (e.reversesId ? [e.reversesId] : [])));
  return {
    ...application,
    paid,
    due: Math.max(0, application.totalFee - paid),
    holdExpired: application.holdExpiresAt !== null && application.holdExpiresAt <= now,
    ledger: ledger.map((e) => ({ ...e, reversed: reversed.has(e.id) })),
  };
}

/** Applications to pay at the counter whose hold is running, soonest deadline first. */
export function counterPaymentsDue(municipalityId: string, now: Date) {
  return db.application.findMany({
    where: { municipalityId, status: "TENTATIVE", paymentChoice: "COUNTER", holdExpiresAt: { gt: now } },
    orderBy: { holdExpiresAt: "asc" },
    take: 50,
    select: { id: true, number: true, totalFee: true, holdExpiresAt: true, user: { select: { name: true } } },
  });
}
