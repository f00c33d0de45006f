import type Stripe from "stripe";
import { isoDateFromDbDate } from "~/domain/calendar";
import { hasUsableEmail } from "~/domain/deleted-accounts";
import { CHECKOUT_HOLD_MINUTES } from "~/domain/holds";
import { ja } from "~/i18n/ja";
import type { Prisma } from "~/generated/prisma/client";
import { paymentReceivedMail } from "~/mail/templates.server";
import { db } from "~/utils/db.server";
import { isExclusionViolation } from "~/utils/db-errors.server";
import { publicUrl } from "~/utils/public-url.server";
import { stripeClient } from "~/utils/stripe.server";
import { audit } from "./audit.server";
import { findMunicipalityById, type Municipality } from "./catalog.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";
import { itemsShortOfStock } from "./equipment.server";
import { confirm, confirmIfPaid, expireDueHolds, holdUntil, paidOf } from "./payments.server";

const MINUTE = 60_000;
/** Stripe keeps a Checkout Session open between 30 minutes and 24 hours. */
const CHECKOUT_MAX_MS = 24 * 60 * MINUTE;
/** Session ends on a 5-minute grid, so a double click asks Stripe for the same session. */
const GRID = 5 * MINUTE;
/** A konbini payment slip is valid for 3 days by default: the slots wait that long. */
const KONBINI_HOLD_MS = 3 * 24 * 60 * MINUTE;

/** Whether residents can pay online here (Stripe is configured). */
export function onlinePaymentsEnabled() {
  return stripeClient() !== null;
}

export type CheckoutResult = { ok: true; url: string } | { ok: false; code: "NOT_FOUND" | "NOTHING_DUE" | "NOT_PAYABLE" | "UNAVAILABLE" };

/**
 * The applicant's Checkout page for what is due: the open session of the application, or a new
 * one (idempotent per hold, so a double click or a retry makes one session). The hold is
 * lengthened to the session's end, and each slot is a line of the checkout.
 */
export async function startCheckout(municipality: Municipality, userId: string, applicationId: string, now: Date): Promise<CheckoutResult> {
  const application = await db.application.findFirst({
    where: { id: applicationId, municipalityId: municipality.id, userId },
    select: {
      id: true,
      number: true,
      status: true,
      totalFee: true,
      exemptionStatus: true,
      holdExpiresAt: true,
      stripeCheckoutSessionId: true,
      items: {
        where: { cancelledAt: null },
        orderBy: { startsAt: "asc" },
        select: { fee: true, useDate: true, startsAt: true, timeFrame: { select: { name: true } }, room: { select: { name: true, facility: { select: { name: true } } } } },
      },
    },
  });
  if (!application) return { ok: false, code: "NOT_FOUND" };
  const stripe = stripeClient();
  if (!stripe) return { ok: false, code: "UNAVAILABLE" };
  if (application.status !== "TENTATIVE" || application.exemptionStatus === "PENDING" || application.items.length === 0) return { ok: false, code: "NOT_PAYABLE" };
  const due = application.totalFee - (await paidOf(db, application.id));
  if (due <= 0) return { ok: false, code: "NOTHING_DUE" };
  if (application.stripeCheckoutSessionId) {
    const open = await stripe.checkout.sessions.retrieve(application.stripeCheckoutSessionId);
    if (open.status === "open" && open.url) return { ok: true, url: open.url };
  }
  // the session lasts as long as the hold (at least Stripe's minimum, at most its maximum);
  // a longer hold (at the counter) is kept, so leaving Checkout does not lose the slots
  const shortest = now.getTime() + CHECKOUT_HOLD_MINUTES.min * MINUTE;
  const held = application.holdExpiresAt?.getTime() ?? 0;
  const end = Math.min(
    Math.max(held, Math.ceil(shortest / GRID) * GRID),
    Math.floor((now.getTime() + CHECKOUT_MAX_MS) / GRID) * GRID,
    application.items[0]!.startsAt.getTime(),
  );
  if (end < shortest) return { ok: false, code: "NOT_PAYABLE" };
  // a whole second, computed once: a retry must send exactly the same request
  const expiresAt = Math.floor(end / 1000);
  const base = `${publicUrl()}/${municipality.slug}/bookings/${application.id}`;
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      currency: "jpy",
      line_items:
        due === application.totalFee
          ? application.items.map((i) => ({
              quantity: 1,
              price_data: {
                currency: "jpy",
                unit_amount: i.fee,
                product_data: { name: `${ja.date(isoDateFromDbDate(i.useDate))} ${i.timeFrame.name} ${i.room.facility.name} ${i.room.name}` },
              },
            }))
          : [{ quantity: 1, price_data: { currency: "jpy", unit_amount: due, product_data: { name: `申込番号 ${application.number}` } } }],
      allowed_payment_method_types: municipality.onlineMethods,
      client_reference_id: application.id,
      metadata: { applicationId: application.id, municipalityId: municipality.id },
      success_url: `${base}?checkout=done`,
      cancel_url: `${base}?checkout=cancelled`,
      expires_at: expiresAt,
    } as Stripe.Checkout.SessionCreateParams,
    { idempotencyKey: `checkout-${application.id}-${expiresAt}` },
  );
  await db.$transaction(async (tx) => {
    await tx.application.update({ where: { id: application.id }, data: { stripeCheckoutSessionId: session.id, paymentChoice: "ONLINE" } });
    await holdUntil(tx, application.id, new Date(Math.max(held, end)));
  });
  return { ok: true, url: session.url! };
}

export type WebhookResult = { status: 200 | 400; body: string };

/**
 * A Stripe webhook: verified by its signature, stored once by event id, and applied so that a
 * replay or events out of order change nothing twice. Unknown events are acknowledged.
 */
export async function handleStripeWebhook(payload: string, signature: string | null, secret: string, now: Date): Promise<WebhookResult> {
  const stripe = stripeClient();
  if (!stripe) return { status: 400, body: "stripe is not configured" };
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(payload, signature ?? "", secret);
  } catch {
    return { status: 400, body: "bad signature" };
  }
  const seen = await db.stripeEvent.findUnique({ where: { id: event.id }, select: { processedAt: true } });
  if (seen?.processedAt) return { status: 200, body: "already processed" };
  await db.stripeEvent.upsert({ where: { id: event.id }, create: { id: event.id, type: event.type }, update: {} });
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      await sessionSettled(event.data.object, now);
      break;
    case "checkout.session.async_payment_failed":
      await konbiniUnpaid(event.data.object, now);
      break;
    case "checkout.session.expired":
      // the checkout ended; the application's own hold decides whether it expires now
      await expireDueHolds(now, { municipalityId: event.data.object.metadata?.municipalityId });
      break;
    case "charge.refunded":
      await chargeRefunded(event.data.object, now);
      break;
    default:
      break;
  }
  await db.stripeEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
  return { status: 200, body: "ok" };
}

async function municipalityOfSession(session: Stripe.Checkout.Session) {
  const municipalityId = session.metadata?.municipalityId;
  return municipalityId ? findMunicipalityById(municipalityId) : null;
}

/** A checkout finished: paid now (card, PayPay, a konbini slip paid), or a konbini slip issued. */
export async function sessionSettled(session: Stripe.Checkout.Session, now: Date) {
  const municipality = await municipalityOfSession(session);
  const applicationId = session.metadata?.applicationId;
  if (!municipality || !applicationId) return;
  if (session.payment_status !== "paid") {
    // a konbini slip: the slots wait for it to be paid
    await db.$transaction(async (tx) => {
      await lock(tx, applicationId);
      const application = await tx.application.findUnique({ where: { id: applicationId }, select: { status: true } });
      if (application?.status === "TENTATIVE") await holdUntil(tx, applicationId, new Date(now.getTime() + KONBINI_HOLD_MS));
    });
    return;
  }
  const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  const outcome = await db.$transaction(async (tx) => {
    await lock(tx, applicationId);
    const application = await tx.application.findFirst({
      where: { id: applicationId, municipalityId: municipality.id },
      select: { id: true, number: true, status: true, user: { select: { id: true, email: true } } },
    });
    if (!application) return null;
    const already = await tx.ledgerEntry.findFirst({ where: { applicationId, kind: "PAYMENT", stripeCheckoutSessionId: session.id } });
    if (already) return null;
    const amount = session.amount_total ?? 0;
    await tx.ledgerEntry.create({
      data: { municipalityId: municipality.id, applicationId, kind: "PAYMENT", method: "STRIPE", amount, stripeCheckoutSessionId: session.id, stripePaymentIntentId: paymentIntent },
    });
    let confirmed = false;
    let lateRefund = false;
    if (application.status === "TENTATIVE") confirmed = await confirmIfPaid(tx, applicationId, now);
    else if (application.status === "EXPIRED") {
      // paid after the hold ran out: take the slots back if nobody else has
      confirmed = await reclaimSlots(tx, municipality.id, applicationId, now);
      lateRefund = !confirmed;
    } else if (application.status === "CANCELLED") lateRefund = true;
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: null,
      action: "payment.received_online",
      entity: "Application",
      entityId: applicationId,
      details: { session: session.id, amount, confirmed, lateRefund },
    });
    if (!lateRefund && hasUsableEmail(application.user)) {
      const mail = paymentReceivedMail(municipality, { number: application.number, amount, confirmed, url: `${publicUrl()}/${municipality.slug}/bookings/${applicationId}` });
      await enqueueMail(tx, { municipalityId: municipality.id, to: application.user.email, ...mail });
    }
    return { lateRefund, amount };
  });
  if (outcome?.lateRefund && paymentIntent) {
    await refundOnline(municipality, applicationId, paymentIntent, outcome.amount, `late-${session.id}`, "入金の前に予約が取り消されていたため");
  }
  sendQueuedMailSoon();
}

/**
 * Inside a transaction: an expired application paid late gets its slots and equipment back, or
 * nothing if any slot was taken meanwhile (the database's exclusion constraint decides) or its
 * equipment was lent to someone else (checked with the equipment rows locked, as a booking does).
 */
async function reclaimSlots(tx: Prisma.TransactionClient, municipalityId: string, applicationId: string, now: Date) {
  // checked while the slots are still cancelled, so the application's own units are not counted
  const uses = await tx.equipmentUse.findMany({
    where: { item: { applicationId } },
    select: { equipmentId: true, quantity: true, item: { select: { startsAt: true, endsAt: true } } },
  });
  const requests = uses.map((use, item) => ({ item, equipmentId: use.equipmentId, quantity: use.quantity, ...use.item }));
  try {
    await tx.$executeRaw`SAVEPOINT reclaim`;
    await tx.occupancy.updateMany({ where: { item: { applicationId } }, data: { active: true, expiresAt: null } });
    await tx.applicationItem.updateMany({ where: { applicationId }, data: { cancelledAt: null } });
    if ((await itemsShortOfStock(tx, municipalityId, requests, true, now)).length > 0) {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT reclaim`;
      return false;
    }
    await tx.$executeRaw`RELEASE SAVEPOINT reclaim`;
  } catch (error) {
    if (!isExclusionViolation(error)) throw error;
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT reclaim`;
    return false;
  }
  await tx.application.update({ where: { id: applicationId }, data: { status: "TENTATIVE", expiredAt: null } });
  await confirm(tx, applicationId, now);
  return true;
}

/** A konbini slip ran out unpaid: the application expires now, unless it was paid otherwise. */
async function konbiniUnpaid(session: Stripe.Checkout.Session, now: Date) {
  const applicationId = session.metadata?.applicationId;
  if (!applicationId) return;
  const application = await db.application.findUnique({ where: { id: applicationId }, select: { status: true, stripeCheckoutSessionId: true, municipalityId: true } });
  if (!application || application.status !== "TENTATIVE" || application.stripeCheckoutSessionId !== session.id) return;
  if ((await paidOf(db, applicationId)) > 0) return;
  await db.application.updateMany({ where: { id: applicationId, status: "TENTATIVE" }, data: { holdExpiresAt: now } });
  await expireDueHolds(now, { municipalityId: application.municipalityId });
}

/** Refunds made in Stripe's dashboard reach the ledger too: whatever our books do not show yet. */
async function chargeRefunded(charge: Stripe.Charge, now: Date) {
  const paymentIntent = typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  if (!paymentIntent) return;
  const payment = await db.ledgerEntry.findFirst({ where: { stripePaymentIntentId: paymentIntent, kind: "PAYMENT" }, select: { applicationId: true, municipalityId: true } });
  if (!payment) return;
  await db.$transaction(async (tx) => {
    await lock(tx, payment.applicationId);
    const recorded = await tx.ledgerEntry.aggregate({ where: { stripePaymentIntentId: paymentIntent, kind: "REFUND" }, _sum: { amount: true } });
    const missing = charge.amount_refunded + (recorded._sum.amount ?? 0);
    if (missing <= 0) return;
    await tx.ledgerEntry.create({
      data: { municipalityId: payment.municipalityId, applicationId: payment.applicationId, kind: "REFUND", method: "STRIPE", amount: -missing, stripePaymentIntentId: paymentIntent, note: "Stripe で返金" },
    });
    await audit(tx, { municipalityId: payment.municipalityId, actorId: null, action: "payment.refunded_in_stripe", entity: "Application", entityId: payment.applicationId, details: { amount: missing, at: now.toISOString() } });
  });
}

/**
 * Gives money back through Stripe and records it, holding the application's row lock (taken
 * here, or already by the caller's `tx`), so that the charge.refunded webhook this causes waits
 * and then finds the refund recorded. The idempotency key makes a retry refund once.
 */
export async function refundOnline(
  municipality: { id: string },
  applicationId: string,
  paymentIntent: string,
  amount: number,
  idempotencyKey: string,
  note: string,
  tx?: Prisma.TransactionClient,
) {
  const stripe = stripeClient();
  if (!stripe || amount <= 0) return;
  const run = async (client: Prisma.TransactionClient) => {
    if (!tx) await lock(client, applicationId);
    const refund = await stripe.refunds.create({ payment_intent: paymentIntent, amount }, { idempotencyKey });
    if (await client.ledgerEntry.findUnique({ where: { stripeRefundId: refund.id } })) return;
    await client.ledgerEntry.create({
      data: { municipalityId: municipality.id, applicationId, kind: "REFUND", method: "STRIPE", amount: -amount, stripePaymentIntentId: paymentIntent, stripeRefundId: refund.id, note },
    });
  };
  if (tx) await run(tx);
  else await db.$transaction(run);
}

async function lock(tx: Prisma.TransactionClient, applicationId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Application" WHERE "id" = ${applicationId} FOR UPDATE`;
}

/**
 * Back from Checkout: if Stripe says the application's session is complete but its webhook has
 * not arrived yet, apply it now (the same idempotent step the webhook takes).
 */
export async function catchUpCheckout(municipalityId: string, userId: string, applicationId: string, now: Date) {
  const stripe = stripeClient();
  if (!stripe) return;
  const application = await db.application.findFirst({
    where: { id: applicationId, municipalityId, userId, status: "TENTATIVE" },
    select: { stripeCheckoutSessionId: true },
  });
  if (!application?.stripeCheckoutSessionId) return;
  const session = await stripe.checkout.sessions.retrieve(application.stripeCheckoutSessionId);
  if (session.status === "complete") await sessionSettled(session, now);
}
