import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type IsoDate, todayIn } from "~/domain/calendar";
import { type ApplicationInput, cancelBooking, submitApplication } from "~/services/booking.server";
import { configureMailer } from "~/services/mail.server";
import { handleStripeWebhook, startCheckout } from "~/services/online-payments.server";
import { expireDueHolds, paidOf } from "~/services/payments.server";
import { db } from "~/utils/db.server";
import { type FakeStripe, startFakeStripe } from "../../server/fake-stripe";
import { addEquipment, createMunicipality, createResident, freshDates } from "../factories/municipality";

// The app's online payments against the fake Stripe server with the real SDK: the fake posts its
// signed webhooks to a local endpoint that hands them to the app's handler, as the route does.

configureMailer(null);
const secret = "whsec_online_payments_test";
const ENV = ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET"] as const;

let fake: FakeStripe;
let hook: Server;
let world: Awaited<ReturnType<typeof createMunicipality>>;
let resident: { id: string };
let other: { id: string };
const today = todayIn("Asia/Tokyo", new Date());

beforeAll(async () => {
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const result = await handleStripeWebhook(Buffer.concat(chunks).toString("utf8"), String(req.headers["stripe-signature"]), secret, new Date());
      res.writeHead(result.status).end(result.body);
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  fake = await startFakeStripe({ webhookUrl: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/webhooks/stripe`, webhookSecret: secret, retryDelaysMs: [20, 40] });
  Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_tsudoi", STRIPE_API_BASE: fake.url, STRIPE_WEBHOOK_SECRET: secret });
  world = await createMunicipality();
  resident = await createResident(world.municipality.id);
  other = await createResident(world.municipality.id, "別の住民");
});

afterAll(async () => {
  for (const key of ENV) delete process.env[key];
  await fake.close();
  await new Promise((resolve) => hook.close(resolve));
});

/** A different open date for each test, so their bookings never meet. */
const freshDate = freshDates(addDays(today, 10));
const slotOn = (date: IsoDate, frame = 0) => ({ roomId: world.rooms.small.id, timeFrameId: world.rooms.small.frames[frame]!.id, date });

async function apply(
  slots: ApplicationInput["slots"],
  userId = resident.id,
  now = new Date(),
  paymentChoice: "ONLINE" | "COUNTER" = "ONLINE",
  equipment: Record<string, number> = {},
) {
  const result = await submitApplication(
    world.municipality,
    userId,
    { slots, purpose: "会議", headcount: 5, contactPhone: "090-1111-2222", idempotencyKey: randomUUID(), paymentChoice, equipment },
    now,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.applicationId;
}

async function checkoutOf(applicationId: string) {
  const result = await startCheckout(world.municipality, resident.id, applicationId, new Date());
  if (!result.ok) throw new Error(result.code);
  return fake.sessions.get(new URL(result.url).pathname.split("/").pop()!)!;
}

/** Pays on the fake hosted page, as a resident's browser posts its form. */
async function pay(sessionUrl: string, method: "card" | "konbini") {
  await fetch(sessionUrl, { method: "POST", body: new URLSearchParams({ method }), headers: { "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
  await fake.settled();
}

const application = (id: string) => db.application.findUniqueOrThrow({ where: { id }, include: { ledger: true } });

describe("paying online", () => {
  it("makes one Checkout Session per application, in yen, with each slot a line and the id in metadata", async () => {
    const date = freshDate();
    const id = await apply([slotOn(date, 0), slotOn(date, 1)]);
    const first = await startCheckout(world.municipality, resident.id, id, new Date());
    const again = await startCheckout(world.municipality, resident.id, id, new Date());
    expect(first).toEqual(again);
    const session = await checkoutOf(id);
    expect(session).toMatchObject({ currency: "jpy", metadata: { applicationId: id }, amount_total: (await application(id)).totalFee });
    expect(session.line_items_for_page).toHaveLength(2);
    expect(await startCheckout(world.municipality, other.id, id, new Date())).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("confirms the booking when the card payment's webhook arrives, and a replay changes nothing", async () => {
    const id = await apply([slotOn(freshDate())]);
    const session = await checkoutOf(id);
    await pay(session.url!, "card");
    const paid = await application(id);
    expect(paid).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    expect(paid.ledger).toMatchObject([{ kind: "PAYMENT", method: "STRIPE", amount: paid.totalFee }]);
    const completed = fake.events.find((e) => e.event.type === "checkout.session.completed" && (e.event.data.object as { id: string }).id === session.id)!;
    fake.resend(completed.event.id);
    await fake.settled();
    expect((await application(id)).ledger).toHaveLength(1);
  });

  it("refuses a webhook with a bad signature and changes nothing", async () => {
    const id = await apply([slotOn(freshDate())]);
    const session = await checkoutOf(id);
    const payload = JSON.stringify({ id: "evt_forged", object: "event", type: "checkout.session.completed", data: { object: { ...session, payment_status: "paid", status: "complete" } } });
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    expect(await handleStripeWebhook(payload, forged, secret, new Date())).toEqual({ status: 400, body: "bad signature" });
    expect(await handleStripeWebhook(payload, null, secret, new Date())).toMatchObject({ status: 400 });
    expect(await application(id)).toMatchObject({ status: "TENTATIVE", ledger: [] });
    expect(await db.stripeEvent.count({ where: { id: "evt_forged" } })).toBe(0);
  });

  it("holds a konbini payment's slots until the slip is paid, in whatever order the events come", async () => {
    const id = await apply([slotOn(freshDate())]);
    const session = await checkoutOf(id);
    await pay(session.url!, "konbini");
    const waiting = await application(id);
    expect(waiting.status).toBe("TENTATIVE");
    expect(waiting.holdExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    fake.succeedKonbini(session.id);
    await fake.settled();
    expect(await application(id)).toMatchObject({ status: "CONFIRMED" });
    // the "completed" event again, after "succeeded": nothing moves back
    const completed = fake.events.find((e) => e.event.type === "checkout.session.completed" && (e.event.data.object as { id: string }).id === session.id)!;
    fake.resend(completed.event.id);
    await fake.settled();
    expect(await application(id)).toMatchObject({ status: "CONFIRMED", holdExpiresAt: null });
    expect((await application(id)).ledger).toHaveLength(1);
  });

  it("keeps a counter hold when its holder tries online instead, with a Checkout that Stripe allows (at most a day)", async () => {
    const id = await apply([slotOn(freshDate())], resident.id, new Date(), "COUNTER");
    const counterHold = (await application(id)).holdExpiresAt!;
    const session = await checkoutOf(id);
    const hoursOpen = (session.expires_at * 1000 - Date.now()) / 3_600_000;
    expect(hoursOpen).toBeLessThanOrEqual(24);
    expect(hoursOpen).toBeGreaterThanOrEqual(0.5);
    expect((await application(id)).holdExpiresAt).toEqual(counterHold);
    // leaving Checkout until it ends does not lose the slots held for the counter
    fake.expireNow(session.id);
    await fake.settled();
    expect(await application(id)).toMatchObject({ status: "TENTATIVE", holdExpiresAt: counterHold });
  });

  it("ends the application when the konbini slip expires unpaid", async () => {
    const id = await apply([slotOn(freshDate())]);
    const session = await checkoutOf(id);
    await pay(session.url!, "konbini");
    fake.failKonbini(session.id);
    await fake.settled();
    expect(await application(id)).toMatchObject({ status: "EXPIRED", ledger: [] });
  });
});

describe("a payment after the hold ran out", () => {
  it("takes the slots back when they are still free", async () => {
    const id = await apply([slotOn(freshDate())]);
    const session = await checkoutOf(id);
    const hold = (await application(id)).holdExpiresAt!;
    await expireDueHolds(new Date(hold.getTime() + 1000), { municipalityId: world.municipality.id });
    expect((await application(id)).status).toBe("EXPIRED");
    await pay(session.url!, "card");
    expect(await application(id)).toMatchObject({ status: "CONFIRMED" });
    expect(await db.occupancy.count({ where: { item: { applicationId: id }, active: true } })).toBe(1);
  });

  it("is refunded in full when someone else booked the slot meanwhile", async () => {
    const slot = slotOn(freshDate());
    const id = await apply([slot]);
    const session = await checkoutOf(id);
    const later = new Date((await application(id)).holdExpiresAt!.getTime() + 1000);
    await apply([slot], other.id, later); // expires the first hold on its way
    await pay(session.url!, "card");
    const after = await application(id);
    expect(after.status).toBe("EXPIRED");
    expect(after.ledger.map((e) => [e.kind, e.amount])).toEqual([
      ["PAYMENT", after.totalFee],
      ["REFUND", -after.totalFee],
    ]);
    expect([...fake.refunds.values()].some((r) => r.payment_intent === session.payment_intent && r.amount === after.totalFee)).toBe(true);
  });

  it("is refunded in full when its equipment was lent to someone else meanwhile", async () => {
    const projector = await addEquipment(world, "返金試験用プロジェクター", 1, 500);
    const date = freshDate();
    const id = await apply([slotOn(date)], resident.id, new Date(), "ONLINE", { [projector.id]: 1 });
    const session = await checkoutOf(id);
    const later = new Date((await application(id)).holdExpiresAt!.getTime() + 1000);
    // another room of the same facility, the same time, the only projector
    const hall = { roomId: world.rooms.hall.id, timeFrameId: world.rooms.hall.frames[0]!.id, date };
    await apply([hall], other.id, later, "COUNTER", { [projector.id]: 1 });
    await pay(session.url!, "card");
    const after = await application(id);
    expect(after.status).toBe("EXPIRED");
    expect(after.ledger.map((e) => e.amount)).toEqual([after.totalFee, -after.totalFee]);
    expect(await db.occupancy.count({ where: { item: { applicationId: id }, active: true } })).toBe(0);
  });
});

describe("cancelling an application paid online", () => {
  it("refunds part through Stripe by the policy, once, and the books match Stripe's", async () => {
    const date = freshDate();
    const id = await apply([slotOn(date, 0), slotOn(date, 1)]);
    const session = await checkoutOf(id);
    await pay(session.url!, "card");
    const items = await db.applicationItem.findMany({ where: { applicationId: id }, orderBy: { startsAt: "asc" } });
    const threeDaysBefore = new Date(items[1]!.startsAt.getTime() - 3 * 86_400_000);
    expect(await cancelBooking(world.municipality, resident.id, id, items[1]!.id, threeDaysBefore)).toEqual({ ok: true });
    await fake.settled(); // charge.refunded reaches the app
    const after = await application(id);
    const half = Math.ceil(items[1]!.fee / 2);
    expect(after.ledger.filter((e) => e.kind === "REFUND").map((e) => e.amount)).toEqual([-half]);
    const charge = [...fake.charges.values()].find((c) => c.payment_intent === session.payment_intent)!;
    expect(charge.amount - charge.amount_refunded).toBe(await paidOf(db, id));
    expect(await paidOf(db, id)).toBe(after.totalFee);
  });
});
