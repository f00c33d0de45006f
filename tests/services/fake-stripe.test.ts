import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { stripeClient, stripeWebhookSecret } from "~/utils/stripe.server";
import { type FakeStripe, parseForm, startFakeStripe } from "../../server/fake-stripe";

// The real `stripe` SDK against the fake Stripe server (server/fake-stripe.ts), and a tiny local
// webhook endpoint that checks each event's signature as the app will.

const secret = "whsec_test_fake_stripe";
type Received = { body: string; header: string };

let fake: FakeStripe;
let stripe: Stripe;
let hook: Server;
let received: Received[] = [];
let answer = 200;

beforeAll(async () => {
  hook = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ body: Buffer.concat(chunks).toString("utf8"), header: String(req.headers["stripe-signature"]) });
      res.writeHead(answer).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/webhooks/stripe`;
  fake = await startFakeStripe({ webhookUrl, webhookSecret: secret, retryDelaysMs: [20, 40] });
  stripe = new Stripe("sk_test_fake", { host: "localhost", port: fake.port, protocol: "http" });
});

afterAll(async () => {
  await fake.close();
  await new Promise((resolve) => hook.close(resolve));
});

beforeEach(async () => {
  await fake.settled(); // deliveries left over from the previous test land before it is reset
  received = [];
  answer = 200;
});

const params = (applicationId = "app_1"): Stripe.Checkout.SessionCreateParams => ({
  mode: "payment",
  currency: "jpy",
  allowed_payment_method_types: ["card", "konbini"],
  line_items: [
    { quantity: 1, price_data: { currency: "jpy", unit_amount: 1200, product_data: { name: "集会室A 午前" } } },
    { quantity: 2, price_data: { currency: "jpy", unit_amount: 300, product_data: { name: "冷暖房" } } },
  ],
  metadata: { applicationId },
  client_reference_id: applicationId,
  success_url: "http://localhost:3000/akiruno/paid?session={CHECKOUT_SESSION_ID}",
  cancel_url: "http://localhost:3000/akiruno/pay",
  expires_at: Math.floor(Date.now() / 1000) + 3600,
});

/** The events the test's endpoint received, each verified with the SDK, in the order they were sent. */
async function verifiedEvents() {
  await fake.settled();
  const sent = (id: string) => fake.events.findIndex((e) => e.event.id === id);
  return received
    .map((r) => stripe.webhooks.constructEvent(r.body, r.header, secret))
    .sort((a, b) => sent(a.id) - sent(b.id));
}

/** Chooses a method on the fake hosted Checkout page, as a form post without JavaScript. */
async function choose(session: Stripe.Checkout.Session, method: "card" | "konbini" | "paypay") {
  const page = await fetch(session.url!);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("1,800円");
  return fetch(session.url!, {
    method: "POST",
    body: new URLSearchParams({ method }),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
}

describe("the fake Stripe, through the real SDK", () => {
  it("decodes Stripe's form encoding into nested objects and arrays", () => {
    expect(
      parseForm(
        "line_items[0][price_data][currency]=jpy&line_items[1][quantity]=2&metadata[applicationId]=a%20b&payment_method_types[0]=card"
      )
    ).toEqual({
      line_items: [{ price_data: { currency: "jpy" } }, { quantity: "2" }],
      metadata: { applicationId: "a b" },
      payment_method_types: ["card"],
    });
  });

  it("creates a Checkout Session in yen, once per idempotency key", async () => {
    // the same parameters, expires_at included: a retry must not recompute it from the clock
    const body = params();
    const session = await stripe.checkout.sessions.create(body, { idempotencyKey: "application-1" });
    expect(session).toMatchObject({
      object: "checkout.session",
      status: "open",
      payment_status: "unpaid",
      amount_total: 1800,
      currency: "jpy",
      metadata: { applicationId: "app_1" },
      client_reference_id: "app_1",
      payment_method_types: ["card", "konbini"],
      payment_intent: null,
      url: `${fake.url}/pay/${session.id}`,
    });
    expect(session.id).toMatch(/^cs_test_/);
    const again = await stripe.checkout.sessions.create({ ...body }, { idempotencyKey: "application-1" });
    expect(again.id).toBe(session.id);
    await expect(
      stripe.checkout.sessions.create(
        { ...body, metadata: { applicationId: "app_2" } },
        { idempotencyKey: "application-1" }
      )
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((await stripe.checkout.sessions.retrieve(session.id)).amount_total).toBe(1800);
  });

  it("refuses what Stripe refuses: unknown sessions, no method left, unknown parameters", async () => {
    const unknown = await stripe.checkout.sessions.retrieve("cs_test_nope").catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(unknown).toMatchObject({ statusCode: 404, code: "resource_missing" });
    await expect(
      stripe.checkout.sessions.create({ ...params(), allowed_payment_method_types: ["alipay"] })
    ).rejects.toMatchObject({
      statusCode: 400,
      param: "allowed_payment_method_types",
    });
    // gone from Checkout at the SDK's API version: the fake refuses it as Stripe would
    const old = { ...params(), allowed_payment_method_types: undefined, payment_method_types: ["card"] };
    await expect(stripe.checkout.sessions.create(old as Stripe.Checkout.SessionCreateParams)).rejects.toMatchObject({
      code: "parameter_unknown",
      param: "payment_method_types",
    });
    const dollars = [
      { quantity: 1, price_data: { currency: "usd", unit_amount: 1000, product_data: { name: "Room" } } },
    ];
    await expect(
      stripe.checkout.sessions.create({ ...params(), currency: "usd", line_items: dollars })
    ).rejects.toMatchObject({
      param: "currency",
    });
    const tooSoon = Math.floor(Date.now() / 1000) + 60;
    await expect(stripe.checkout.sessions.create({ ...params(), expires_at: tooSoon })).rejects.toMatchObject({
      param: "expires_at",
    });
  });

  it("pays by card on the hosted page: completed, paid, and a webhook signed like Stripe's", async () => {
    const session = await stripe.checkout.sessions.create(params());
    const response = await choose(session, "card");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/akiruno/paid?session=${session.id}`);

    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid).toMatchObject({ status: "complete", payment_status: "paid", url: null });
    expect(paid.payment_intent).toMatch(/^pi_/);
    const intent = await stripe.paymentIntents.retrieve(paid.payment_intent as string);
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 1800 });
    expect((await stripe.charges.retrieve(intent.latest_charge as string)).payment_method_details?.type).toBe("card");

    const [event, ...others] = await verifiedEvents();
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      type: "checkout.session.completed",
      livemode: false,
      api_version: Stripe.API_VERSION,
    });
    expect(event!.id).toMatch(/^evt_/);
    expect(event!.data.object).toMatchObject({
      id: session.id,
      payment_status: "paid",
      metadata: { applicationId: "app_1" },
    });
    expect(fake.events.at(-1)).toMatchObject({ status: "delivered" });

    const tampered = received[0]!.body.replace('"amount_total": 1800', '"amount_total": 1');
    expect(tampered).not.toBe(received[0]!.body);
    expect(() => stripe.webhooks.constructEvent(tampered, received[0]!.header, secret)).toThrow(
      Stripe.errors.StripeSignatureVerificationError
    );
    expect(() => stripe.webhooks.constructEvent(received[0]!.body, received[0]!.header, "whsec_other")).toThrow(
      Stripe.errors.StripeSignatureVerificationError
    );
  });

  it("takes konbini payment later: completed but unpaid, then succeeded (or failed)", async () => {
    const session = await stripe.checkout.sessions.create(params());
    expect((await choose(session, "konbini")).status).toBe(303);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({
      status: "complete",
      payment_status: "unpaid",
    });
    // nothing to refund before the customer pays at the store
    await expect(
      stripe.refunds.create({
        payment_intent: (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string,
      })
    ).rejects.toMatchObject({ code: "charge_not_refundable" });

    fake.succeedKonbini(session.id);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ payment_status: "paid" });
    expect((await verifiedEvents()).map((e) => e.type)).toEqual([
      "checkout.session.completed",
      "checkout.session.async_payment_succeeded",
    ]);
    expect(() => fake.succeedKonbini(session.id)).toThrow(/no konbini payment waiting/);

    const unpaid = await stripe.checkout.sessions.create(params("app_3"));
    await choose(unpaid, "konbini");
    const control = await fetch(`${fake.url}/_control/konbini/${unpaid.id}/fail`, { method: "POST" });
    expect(control.status).toBe(200);
    expect((await verifiedEvents()).at(-1)).toMatchObject({
      type: "checkout.session.async_payment_failed",
      data: { object: { id: unpaid.id, payment_status: "unpaid" } },
    });
  });

  it("offers PayPay only where the account has it, and pays like a card", async () => {
    const session = await stripe.checkout.sessions.create({
      ...params(),
      allowed_payment_method_types: ["card", "konbini", "paypay"],
    });
    expect(session.payment_method_types).toEqual(["card", "konbini", "paypay"]);
    const html = await (await fetch(session.url!)).text();
    for (const label of ["カードで支払う", "コンビニで支払う", "PayPayで支払う", "戻る"]) expect(html).toContain(label);
    expect((await choose(session, "paypay")).status).toBe(303);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ payment_status: "paid" });

    const cardOnly = await startFakeStripe({ webhookSecret: secret, paymentMethods: ["card", "konbini"] });
    try {
      const other = new Stripe("sk_test_fake", { host: "localhost", port: cardOnly.port, protocol: "http" });
      await expect(
        other.checkout.sessions.create({ ...params(), allowed_payment_method_types: ["paypay"] })
      ).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
      const filtered = await other.checkout.sessions.create({
        ...params(),
        allowed_payment_method_types: ["card", "konbini", "paypay"],
      });
      expect(filtered).toMatchObject({
        payment_method_types: ["card", "konbini"],
        allowed_payment_method_types: ["card", "konbini", "paypay"],
      });
      expect((await fetch(filtered.url!).then((r) => r.text())).includes("PayPay")).toBe(false);
      const everything = await other.checkout.sessions.create({ ...params(), allowed_payment_method_types: undefined });
      expect(everything.payment_method_types).toEqual(["card", "konbini"]);
      expect(cardOnly.events).toEqual([]);
    } finally {
      await cardOnly.close();
    }
  });

  it("offers konbini only from 120 to 300,000 yen, as Stripe does", async () => {
    const cheap = await stripe.checkout.sessions.create({
      ...params(),
      allowed_payment_method_types: undefined,
      line_items: [
        { quantity: 1, price_data: { currency: "jpy", unit_amount: 100, product_data: { name: "学習室" } } },
      ],
    });
    expect(cheap.payment_method_types).toEqual(["card", "paypay"]);
  });

  it("expires an open session, once; its page then says so", async () => {
    const session = await stripe.checkout.sessions.create(params());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired).toMatchObject({ status: "expired", url: null });
    await expect(stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError
    );
    const page = await fetch(`${fake.url}/pay/${session.id}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("期限切れ");

    const later = await stripe.checkout.sessions.create(params());
    fake.expireNow(later.id);
    expect((await verifiedEvents()).map((e) => [e.type, (e.data.object as Stripe.Checkout.Session).id])).toEqual([
      ["checkout.session.expired", session.id],
      ["checkout.session.expired", later.id],
    ]);
  });

  it("refunds part, then the rest, then refuses more; each refund sends charge.refunded", async () => {
    const session = await stripe.checkout.sessions.create(params());
    await choose(session, "card");
    const paymentIntent = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;

    const part = await stripe.refunds.create(
      { payment_intent: paymentIntent, amount: 500 },
      { idempotencyKey: "refund-1" }
    );
    expect(part).toMatchObject({ object: "refund", amount: 500, payment_intent: paymentIntent, status: "succeeded" });
    expect((await stripe.refunds.retrieve(part.id)).amount).toBe(500);
    const rest = await stripe.refunds.create({ payment_intent: paymentIntent });
    expect(rest.amount).toBe(1300);
    const more = await stripe.refunds.create({ payment_intent: paymentIntent, amount: 1 }).catch((e: unknown) => e);
    expect(more).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(more).toMatchObject({ code: "charge_already_refunded" });

    const refunded = (await verifiedEvents())
      .filter((e) => e.type === "charge.refunded")
      .map((e) => e.data.object as Stripe.Charge);
    expect(refunded.map((c) => [c.amount_refunded, c.refunded, c.payment_intent])).toEqual([
      [500, false, paymentIntent],
      [1800, true, paymentIntent],
    ]);
  });

  it("refuses a refund larger than what remains", async () => {
    const session = await stripe.checkout.sessions.create(params());
    await choose(session, "card");
    const paymentIntent = (await stripe.checkout.sessions.retrieve(session.id)).payment_intent as string;
    await stripe.refunds.create({ payment_intent: paymentIntent, amount: 1000 });
    await expect(stripe.refunds.create({ payment_intent: paymentIntent, amount: 801 })).rejects.toMatchObject({
      code: "amount_too_large",
    });
    await expect(stripe.refunds.retrieve("re_nope")).rejects.toMatchObject({ statusCode: 404 });
  });

  it("retries a webhook the app did not take, and re-sends one on request (a replay)", async () => {
    answer = 500;
    const session = await stripe.checkout.sessions.create(params());
    fake.expireNow(session.id);
    await fake.settled();
    const record = fake.events.at(-1)!;
    expect(record.status).toBe("failed");
    expect(record.attempts.map((a) => a.status)).toEqual([500, 500, 500]);

    answer = 200;
    fake.resend(record.event.id);
    const events = await verifiedEvents();
    expect(events.map((e) => e.id)).toEqual([record.event.id, record.event.id, record.event.id, record.event.id]);
    expect(record.status).toBe("delivered");
    const replay = await fetch(`${fake.url}/_control/events/${record.event.id}/resend`, { method: "POST" });
    expect(replay.status).toBe(200);
    expect((await verifiedEvents()).length).toBe(5);
  });

  it("wants a test secret key", async () => {
    const anonymous = await fetch(`${fake.url}/v1/checkout/sessions/cs_test_x`);
    expect(anonymous.status).toBe(401);
    const live = await fetch(`${fake.url}/v1/checkout/sessions/cs_test_x`, {
      headers: { authorization: "Bearer sk_live_x" },
    });
    expect(live.status).toBe(401);
    const basic = `Basic ${Buffer.from("sk_test_x:").toString("base64")}`; // curl -u sk_test_x:
    expect(
      (await fetch(`${fake.url}/v1/checkout/sessions/cs_test_x`, { headers: { authorization: basic } })).status
    ).toBe(404);
  });
});

describe("stripeClient", () => {
  it("is null without STRIPE_SECRET_KEY, so the app takes payment at the counter only", () => {
    expect(stripeClient({})).toBeNull();
    expect(stripeWebhookSecret({})).toBeNull();
  });

  it("talks to STRIPE_API_BASE when it is set", async () => {
    const client = stripeClient({ STRIPE_SECRET_KEY: "sk_test_fake", STRIPE_API_BASE: fake.url })!;
    const session = await client.checkout.sessions.create(params());
    expect(fake.sessions.has(session.id)).toBe(true);
    expect(stripeWebhookSecret({ STRIPE_WEBHOOK_SECRET: secret })).toBe(secret);
  });
});
