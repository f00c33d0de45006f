/**
 * A fake of the part of Stripe that Tsudoi uses, in Stripe's wire format, so that tests and the
 * e2e suite run the real `stripe` SDK (pointed here with its host/port/protocol options) with no
 * network: Checkout Sessions (create, retrieve, expire), a hosted Checkout page, payments by card,
 * konbini (paid later, or never) and PayPay, refunds, and webhooks signed like Stripe's. See
 * docs/decisions/0011-fake-stripe.md for what it does not cover.
 *
 *   npx tsx server/fake-stripe.ts --port 12111 --webhook http://localhost:3000/webhooks/stripe --secret whsec_test
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import Stripe from "stripe";

export type FakeStripeOptions = {
  port?: number;
  /** Where events are POSTed; without it they are only kept in `events`. */
  webhookUrl?: string;
  webhookSecret: string;
  /**
   * The payment methods enabled on the account (default card, konbini, paypay). A session offers
   * those that suit its amount, filtered by its `allowed_payment_method_types`.
   */
  paymentMethods?: PaymentMethod[];
  /** Waits before each retry of a webhook the app did not take (default 200 ms, 1 s, 3 s). */
  retryDelaysMs?: number[];
  log?: (line: string) => void;
};

type PaymentMethod = "card" | "konbini" | "paypay";
const METHODS: PaymentMethod[] = ["card", "konbini", "paypay"];
const METHOD_LABELS: Record<PaymentMethod, string> = {
  card: "カードで支払う",
  konbini: "コンビニで支払う",
  paypay: "PayPayで支払う",
};

type Json = Record<string, unknown>;
type LineItem = { name: string; unit_amount: number; quantity: number };
export type FakeSession = {
  id: string;
  object: "checkout.session";
  mode: "payment";
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid" | "no_payment_required";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  metadata: Record<string, string>;
  /** What the customer is offered: the account's methods, filtered by `allowed_payment_method_types`. */
  payment_method_types: PaymentMethod[];
  allowed_payment_method_types: string[] | null;
  payment_intent: string | null;
  success_url: string;
  cancel_url: string | null;
  url: string | null;
  expires_at: number;
  created: number;
  livemode: false;
  line_items_for_page: LineItem[];
  payment_intent_metadata: Record<string, string>;
};
type PaymentIntent = {
  id: string;
  object: "payment_intent";
  amount: number;
  amount_received: number;
  currency: string;
  status: "requires_action" | "succeeded" | "canceled";
  latest_charge: string | null;
  payment_method_types: PaymentMethod[];
  metadata: Record<string, string>;
  created: number;
  livemode: false;
};
type Charge = {
  id: string;
  object: "charge";
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  currency: string;
  paid: true;
  refunded: boolean;
  status: "succeeded";
  payment_intent: string;
  payment_method_details: { type: PaymentMethod };
  metadata: Record<string, string>;
  created: number;
  livemode: false;
};
type Refund = {
  id: string;
  object: "refund";
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  status: "succeeded";
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
};
export type FakeEvent = {
  event: {
    id: string;
    object: "event";
    type: string;
    created: number;
    livemode: false;
    api_version: string;
    data: { object: Json };
  };
  status: "not_sent" | "pending" | "delivered" | "failed";
  attempts: { at: number; status?: number; error?: string }[];
};

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code?: string,
    readonly param?: string
  ) {
    super(message);
  }
}
const invalid = (message: string, code?: string, param?: string) =>
  new StripeError(400, "invalid_request_error", message, code, param);
const missing = (kind: string, id: string) =>
  new StripeError(404, "invalid_request_error", `No such ${kind}: '${id}'`, "resource_missing", "id");

const now = () => Math.floor(Date.now() / 1000);
const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
const yen = (amount: number) => `${amount.toLocaleString("ja-JP")}円`;
const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]!));

/** Stripe's form encoding (`a[b][0][c]=v`) → nested objects, with all-numeric keys as arrays. */
export function parseForm(body: string): Json {
  const root: Json = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.replace(/\]/g, "").split("[");
    let node = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Json;
    });
  }
  const arrays = (value: unknown): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const entries = Object.entries(value).map(([k, v]) => [k, arrays(v)] as const);
    const numeric = entries.length > 0 && entries.every(([k]) => /^\d+$/.test(k));
    return numeric ? entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v) : Object.fromEntries(entries);
  };
  return arrays(root) as Json;
}

const stable = (value: unknown): string =>
  typeof value === "object" && value !== null
    ? Array.isArray(value)
      ? `[${value.map(stable).join(",")}]`
      : `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((value as Json)[k])}`)
          .join(",")}}`
    : JSON.stringify(value);

function integer(value: unknown, param: string, { min = 0 } = {}) {
  const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw invalid(`Invalid integer: ${String(value)}`, "parameter_invalid_integer", param);
  if (n < min) throw invalid(`This value must be greater than or equal to ${min}.`, "parameter_invalid_integer", param);
  return n;
}

function strings(value: unknown, param: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw invalid(`Invalid object`, "parameter_invalid_object", param);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

const SESSION_PARAMS = (
  "mode currency line_items allowed_payment_method_types excluded_payment_method_types success_url cancel_url " +
  "metadata expires_at client_reference_id customer_email locale payment_intent_data expand"
).split(" ");

function onlyKnown(params: Json, known: string[]) {
  const unknown = Object.keys(params).find((k) => !known.includes(k));
  if (unknown) throw invalid(`Received unknown parameter: ${unknown}`, "parameter_unknown", unknown);
}

export async function startFakeStripe(options: FakeStripeOptions) {
  const { webhookUrl, webhookSecret, retryDelaysMs = [200, 1000, 3000], log = () => {} } = options;
  const enabled = options.paymentMethods ?? METHODS;
  const sessions = new Map<string, FakeSession>();
  const paymentIntents = new Map<string, PaymentIntent>();
  const charges = new Map<string, Charge>();
  const refunds = new Map<string, Refund>();
  const events: FakeEvent[] = [];
  const idempotency = new Map<string, { request: string; status: number; body: unknown }>();
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  let baseUrl = "";

  // ---- webhooks -------------------------------------------------------------------------------

  function emit(type: string, object: Json) {
    const event: FakeEvent["event"] = {
      id: newId("evt"),
      object: "event",
      type,
      created: now(),
      livemode: false,
      api_version: Stripe.API_VERSION,
      data: { object: structuredClone(object) },
    };
    const record: FakeEvent = { event, status: webhookUrl ? "pending" : "not_sent", attempts: [] };
    events.push(record);
    deliver(record);
    return record;
  }

  function deliver(record: FakeEvent) {
    if (!webhookUrl || closed) return;
    record.status = "pending";
    const payload = JSON.stringify(record.event, null, 2);
    const attempt = async (n: number): Promise<void> => {
      if (closed) return;
      const entry: FakeEvent["attempts"][number] = { at: Date.now() };
      record.attempts.push(entry);
      try {
        const response = await fetch(webhookUrl, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
            // signed at each attempt, with that attempt's time, as Stripe does
            "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret }),
          },
          body: payload,
          signal: AbortSignal.timeout(10_000),
        });
        entry.status = response.status;
        await response.arrayBuffer();
        if (response.ok) {
          record.status = "delivered";
          return;
        }
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
      }
      log(`${record.event.type} ${record.event.id}: attempt ${n + 1} ${entry.status ?? entry.error}`);
      const delay = retryDelaysMs[n];
      if (delay === undefined || closed) {
        record.status = "failed";
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => (timers.delete(timer), resolve()), delay);
        timers.add(timer);
      });
      return attempt(n + 1);
    };
    const done = attempt(0).finally(() => inFlight.delete(done));
    inFlight.add(done);
  }

  // ---- the resources --------------------------------------------------------------------------

  const publicSession = ({ line_items_for_page: _l, payment_intent_metadata: _m, ...session }: FakeSession) => session;

  function getSession(id: string) {
    const session = sessions.get(id);
    if (!session) throw missing("checkout.session", id);
    if (session.status === "open" && session.expires_at <= now()) expire(session);
    return session;
  }

  function expire(session: FakeSession) {
    if (session.status !== "open")
      throw invalid(`Only Checkout Sessions with a status in ["open"] can be expired.`, "checkout_session_not_open");
    session.status = "expired";
    session.url = null;
    emit("checkout.session.expired", publicSession(session));
    return session;
  }

  function createSession(params: Json): FakeSession {
    onlyKnown(params, SESSION_PARAMS);
    if (params.mode !== "payment")
      throw invalid("The fake Stripe only does mode=payment.", "parameter_invalid_string", "mode");
    if (typeof params.success_url !== "string")
      throw invalid("Missing required param: success_url.", "parameter_missing", "success_url");
    const lineItems = params.line_items;
    if (!Array.isArray(lineItems) || lineItems.length === 0)
      throw invalid("Missing required param: line_items.", "parameter_missing", "line_items");
    let currency = typeof params.currency === "string" ? params.currency : undefined;
    const items = lineItems.map((raw, i): LineItem => {
      const item = raw as Json;
      const price = (item.price_data ?? {}) as Json;
      const product = (price.product_data ?? {}) as Json;
      if (typeof price.currency !== "string")
        throw invalid(
          `Missing required param: line_items[${i}][price_data][currency].`,
          "parameter_missing",
          `line_items[${i}][price_data][currency]`
        );
      if (currency && currency !== price.currency)
        throw invalid(
          "All line items must use the same currency.",
          "parameter_invalid_string",
          `line_items[${i}][price_data][currency]`
        );
      currency = price.currency;
      if (typeof product.name !== "string")
        throw invalid(
          "Missing required param: product_data[name].",
          "parameter_missing",
          `line_items[${i}][price_data][product_data][name]`
        );
      return {
        name: product.name,
        unit_amount: integer(price.unit_amount, `line_items[${i}][price_data][unit_amount]`),
        quantity: integer(item.quantity, `line_items[${i}][quantity]`, { min: 1 }),
      };
    });
    if (currency !== "jpy")
      throw invalid("The fake Stripe only takes yen (jpy).", "parameter_invalid_string", "currency");
    const amount = items.reduce((sum, item) => sum + item.unit_amount * item.quantity, 0);
    if (amount < 50)
      throw invalid("The Checkout Session's total amount due must add up to at least ¥50", "amount_too_small");
    // Since API version 2026-11-18 Checkout computes the methods it offers (those enabled on the
    // account that suit the currency and amount); `allowed_payment_method_types` filters them.
    const list = (param: string) => {
      const value = params[param];
      if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== "string")))
        throw invalid("Invalid array", "parameter_invalid_array", param);
      return value as string[] | undefined;
    };
    const allowed = list("allowed_payment_method_types");
    const excluded = list("excluded_payment_method_types") ?? [];
    const types = enabled.filter(
      (m) =>
        (m !== "konbini" || (amount >= 120 && amount <= 300_000)) &&
        (!allowed || allowed.includes(m)) &&
        !excluded.includes(m)
    );
    if (types.length === 0)
      throw invalid(
        "No payment method that this Checkout Session allows is available for it.",
        "payment_method_unavailable",
        "allowed_payment_method_types"
      );
    const created = now();
    let expiresAt = created + 24 * 3600;
    if (params.expires_at !== undefined) {
      expiresAt = integer(params.expires_at, "expires_at");
      // Stripe: 30 minutes to 24 hours after creation (a few seconds' slack for the clocks)
      if (expiresAt < created + 1800 - 10 || expiresAt > created + 24 * 3600 + 10)
        throw invalid(
          "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
          "parameter_invalid_integer",
          "expires_at"
        );
    }
    const id = newId("cs_test");
    const session: FakeSession = {
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: amount,
      amount_total: amount,
      currency,
      client_reference_id: typeof params.client_reference_id === "string" ? params.client_reference_id : null,
      metadata: strings(params.metadata, "metadata"),
      payment_method_types: types,
      allowed_payment_method_types: allowed ?? null,
      payment_intent: null,
      success_url: params.success_url,
      cancel_url: typeof params.cancel_url === "string" ? params.cancel_url : null,
      url: `${baseUrl}/pay/${id}`,
      expires_at: expiresAt,
      created,
      livemode: false,
      line_items_for_page: items,
      payment_intent_metadata: strings(
        (params.payment_intent_data as Json | undefined)?.metadata,
        "payment_intent_data[metadata]"
      ),
    };
    sessions.set(id, session);
    return session;
  }

  function charge(intent: PaymentIntent, method: PaymentMethod) {
    const created: Charge = {
      id: newId("ch"),
      object: "charge",
      amount: intent.amount,
      amount_captured: intent.amount,
      amount_refunded: 0,
      currency: intent.currency,
      paid: true,
      refunded: false,
      status: "succeeded",
      payment_intent: intent.id,
      payment_method_details: { type: method },
      metadata: intent.metadata,
      created: now(),
      livemode: false,
    };
    charges.set(created.id, created);
    Object.assign(intent, { status: "succeeded", amount_received: intent.amount, latest_charge: created.id });
  }

  /** The customer chose a method on the hosted page. */
  function pay(session: FakeSession, method: PaymentMethod) {
    if (session.status !== "open")
      throw invalid("This Checkout Session is no longer open.", "checkout_session_not_open");
    const intent: PaymentIntent = {
      id: newId("pi"),
      object: "payment_intent",
      amount: session.amount_total,
      amount_received: 0,
      currency: session.currency,
      status: "requires_action",
      latest_charge: null,
      payment_method_types: [method],
      metadata: session.payment_intent_metadata,
      created: now(),
      livemode: false,
    };
    paymentIntents.set(intent.id, intent);
    if (method !== "konbini") charge(intent, method);
    Object.assign(session, {
      status: "complete",
      url: null,
      payment_intent: intent.id,
      payment_status: method === "konbini" ? "unpaid" : "paid",
    });
    emit("checkout.session.completed", publicSession(session));
  }

  function konbini(sessionId: string, outcome: "succeeded" | "failed") {
    const session = getSession(sessionId);
    const intent = session.payment_intent ? paymentIntents.get(session.payment_intent) : undefined;
    if (!intent || session.status !== "complete" || intent.status !== "requires_action")
      throw invalid(`Checkout Session ${sessionId} has no konbini payment waiting.`);
    if (outcome === "succeeded") {
      charge(intent, "konbini");
      session.payment_status = "paid";
    } else {
      intent.status = "canceled";
    }
    return emit(`checkout.session.async_payment_${outcome}`, publicSession(session)).event;
  }

  function createRefund(params: Json): Refund {
    onlyKnown(params, ["payment_intent", "charge", "amount", "reason", "metadata", "expand"]);
    let found: Charge | undefined;
    if (typeof params.charge === "string") {
      found = charges.get(params.charge);
      if (!found) throw missing("charge", params.charge);
    } else if (typeof params.payment_intent === "string") {
      const intent = paymentIntents.get(params.payment_intent);
      if (!intent) throw missing("payment_intent", params.payment_intent);
      found = intent.latest_charge ? charges.get(intent.latest_charge) : undefined;
      if (!found)
        throw invalid(
          `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
          "charge_not_refundable"
        );
    } else {
      throw invalid(
        "One of the following params should be provided for this request: payment_intent or charge.",
        "parameter_missing"
      );
    }
    const remaining = found.amount - found.amount_refunded;
    if (remaining === 0) throw invalid(`Charge ${found.id} has already been refunded.`, "charge_already_refunded");
    const amount = params.amount === undefined ? remaining : integer(params.amount, "amount", { min: 1 });
    if (amount > remaining)
      throw invalid(
        `Refund amount (${yen(amount)}) is greater than unrefunded amount on charge (${yen(remaining)})`,
        "amount_too_large",
        "amount"
      );
    const refund: Refund = {
      id: newId("re"),
      object: "refund",
      amount,
      charge: found.id,
      payment_intent: found.payment_intent,
      currency: found.currency,
      status: "succeeded",
      reason: typeof params.reason === "string" ? params.reason : null,
      metadata: strings(params.metadata, "metadata"),
      created: now(),
    };
    refunds.set(refund.id, refund);
    found.amount_refunded += amount;
    found.refunded = found.amount_refunded === found.amount;
    emit("charge.refunded", found);
    return refund;
  }

  // ---- HTTP -----------------------------------------------------------------------------------

  function lookup<T>(map: Map<string, T>, kind: string, id: string) {
    const found = map.get(id);
    if (!found) throw missing(kind, id);
    return found;
  }

  function api(method: string, path: string, params: Json): unknown {
    let m: RegExpMatchArray | null;
    if (method === "POST" && path === "/v1/checkout/sessions") return publicSession(createSession(params));
    if (method === "GET" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)$/)))
      return publicSession(getSession(m[1]!));
    if (method === "POST" && (m = path.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/)))
      return publicSession(expire(getSession(m[1]!)));
    if (method === "POST" && path === "/v1/refunds") return createRefund(params);
    if (method === "GET" && (m = path.match(/^\/v1\/refunds\/([^/]+)$/))) return lookup(refunds, "refund", m[1]!);
    if (method === "GET" && (m = path.match(/^\/v1\/payment_intents\/([^/]+)$/)))
      return lookup(paymentIntents, "payment_intent", m[1]!);
    if (method === "GET" && (m = path.match(/^\/v1\/charges\/([^/]+)$/))) return lookup(charges, "charge", m[1]!);
    throw new StripeError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  }

  function handleApi(req: IncomingMessage, res: ServerResponse, path: string, body: string) {
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        "content-type": "application/json",
        "request-id": newId("req"),
        "stripe-version": Stripe.API_VERSION,
        ...headers,
      });
      res.end(JSON.stringify(payload, null, 2));
    };
    const fail = (e: StripeError) =>
      send(e.status, { error: { type: e.type, message: e.message, code: e.code, param: e.param } });
    // the SDK sends a Bearer key; curl -u sk_test_…: sends it as Basic
    const [scheme = "", credentials = ""] = (req.headers.authorization ?? "").split(" ");
    const key = scheme === "Basic" ? Buffer.from(credentials, "base64").toString().split(":")[0] : credentials;
    if (!/^(Bearer|Basic)$/.test(scheme) || !/^sk_test_\w+$/.test(key ?? ""))
      return fail(
        new StripeError(
          401,
          "invalid_request_error",
          "Invalid API Key provided (the fake Stripe takes sk_test_… keys)."
        )
      );
    const method = req.method ?? "GET";
    const params = method === "POST" ? parseForm(body) : {};
    const idempotencyKey = req.headers["idempotency-key"];
    const request = `${method} ${path} ${stable(params)}`;
    if (method === "POST" && typeof idempotencyKey === "string") {
      const saved = idempotency.get(idempotencyKey);
      if (saved && saved.request !== request)
        return fail(
          new StripeError(
            400,
            "idempotency_error",
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
          )
        );
      if (saved) return send(saved.status, saved.body, { "idempotent-replayed": "true" });
    }
    try {
      const result = structuredClone(api(method, path, params));
      // only successes are kept (Stripe also keeps the errors of a request that ran)
      if (method === "POST" && typeof idempotencyKey === "string")
        idempotency.set(idempotencyKey, { request, status: 200, body: result });
      send(200, result);
    } catch (e) {
      if (e instanceof StripeError) return fail(e);
      throw e;
    }
  }

  function page(res: ServerResponse, status: number, title: string, content: string) {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} - テスト用決済画面</title>
<style>
body{font-family:system-ui,sans-serif;font-size:18px;line-height:1.6;margin:0;padding:16px;color:#1a1a1a;background:#f2f2f2}
main{max-width:480px;margin:0 auto;background:#fff;padding:16px 20px;border-radius:8px}
h1{font-size:24px;margin:0 0 8px}.amount{font-size:32px;font-weight:bold;margin:8px 0 16px}
ul{padding-left:20px}form{margin:12px 0}
.button{display:block;box-sizing:border-box;width:100%;min-height:56px;padding:12px;font-size:20px;text-align:center;
border-radius:8px;border:2px solid #0031d8;background:#0031d8;color:#fff;cursor:pointer;text-decoration:none}
.button.secondary{background:#fff;color:#0031d8}.note{font-size:16px;color:#4d4d4d}
</style></head>
<body><main>${content}<p class="note">これはテスト用の決済画面です。実際には請求されません。</p></main></body></html>`);
  }

  function hostedPage(req: IncomingMessage, res: ServerResponse, id: string, body: string) {
    const session = sessions.get(id) && getSession(id);
    if (!session) return page(res, 404, "見つかりません", "<h1>この支払いページは見つかりません</h1>");
    if (session.status !== "open") {
      const [title, back] =
        session.status === "expired"
          ? ["この支払いページは期限切れです", session.cancel_url]
          : [
              session.payment_status === "paid"
                ? "この申込みの支払いは済んでいます"
                : "コンビニでのお支払いをお待ちしています",
              session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id),
            ];
      return page(
        res,
        410,
        title,
        `<h1>${title}</h1>${back ? `<p><a class="button secondary" href="${escape(back)}">戻る</a></p>` : ""}`
      );
    }
    if (req.method === "POST") {
      const method = new URLSearchParams(body).get("method") as PaymentMethod;
      if (!session.payment_method_types.includes(method))
        return page(res, 400, "支払い方法を選んでください", "<h1>支払い方法を選んでください</h1>");
      pay(session, method);
      res.writeHead(303, { location: session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id) });
      return res.end();
    }
    const items = session.line_items_for_page
      .map(
        (i) =>
          `<li>${escape(i.name)}${i.quantity > 1 ? ` × ${i.quantity}` : ""}: ${yen(i.unit_amount * i.quantity)}</li>`
      )
      .join("");
    const buttons = session.payment_method_types
      .map(
        (m) =>
          `<form method="post"><button class="button" name="method" value="${m}">${METHOD_LABELS[m]}</button></form>`
      )
      .join("");
    const back = session.cancel_url
      ? `<p><a class="button secondary" href="${escape(session.cancel_url)}">戻る</a></p>`
      : "";
    page(
      res,
      200,
      "お支払い",
      `<h1>お支払い</h1><p>お支払い金額（税込）</p><p class="amount">${yen(
        session.amount_total
      )}</p><ul>${items}</ul>${buttons}${back}`
    );
  }

  function control(res: ServerResponse, method: string, path: string) {
    const json = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    let m: RegExpMatchArray | null;
    try {
      if (method === "GET" && path === "/_control/events") return json(200, events);
      if (method === "POST" && (m = path.match(/^\/_control\/konbini\/([^/]+)\/(succeed|fail)$/)))
        return json(200, konbini(m[1]!, m[2] === "succeed" ? "succeeded" : "failed"));
      if (method === "POST" && (m = path.match(/^\/_control\/sessions\/([^/]+)\/expire$/)))
        return json(200, publicSession(expire(getSession(m[1]!))));
      if (method === "POST" && (m = path.match(/^\/_control\/events\/([^/]+)\/resend$/)))
        return json(200, resend(m[1]!).event);
      json(404, { error: { type: "invalid_request_error", message: `Unknown control ${method} ${path}` } });
    } catch (e) {
      if (!(e instanceof StripeError)) throw e;
      json(e.status, { error: { type: e.type, message: e.message, code: e.code } });
    }
  }

  function resend(eventId: string) {
    const record = events.find((e) => e.event.id === eventId);
    if (!record) throw missing("event", eventId);
    deliver(record);
    return record;
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      const method = req.method ?? "GET";
      try {
        const pay = path.match(/^\/pay\/([^/]+)$/);
        if (path.startsWith("/v1/")) handleApi(req, res, path, body);
        else if (pay && (method === "GET" || method === "POST")) hostedPage(req, res, pay[1]!, body);
        else if (path.startsWith("/_control/")) control(res, method, path);
        else page(res, 404, "見つかりません", "<h1>見つかりません</h1>");
      } catch (error) {
        log(`500 on ${method} ${path}: ${String(error)}`);
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://localhost:${port}`;

  return {
    url: baseUrl,
    port,
    sessions,
    events,
    paymentIntents,
    charges,
    refunds,
    succeedKonbini: (sessionId: string) => konbini(sessionId, "succeeded"),
    failKonbini: (sessionId: string) => konbini(sessionId, "failed"),
    /** As if the session's time ran out now. */
    expireNow: (sessionId: string) => publicSession(expire(getSession(sessionId))),
    /** Delivers an event again (Stripe does when asked from the dashboard, or by its own retry). */
    resend: (eventId: string) => resend(eventId).event,
    /** Resolves when no webhook delivery (or retry) is under way. */
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeStripe = Awaited<ReturnType<typeof startFakeStripe>>;

// ---- CLI --------------------------------------------------------------------------------------

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const secret = arg("secret") ?? process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    console.error("usage: tsx server/fake-stripe.ts [--port 12111] [--webhook URL] --secret whsec_…");
    process.exit(2);
  }
  const log = (line: string) => console.log(`[fake-stripe] ${line}`);
  const fake = await startFakeStripe({
    port: Number(arg("port") ?? 12111),
    webhookUrl: arg("webhook"),
    webhookSecret: secret,
    log,
  });
  log(`listening on ${fake.url}${arg("webhook") ? `, webhooks to ${arg("webhook")}` : ""}`);
  const stop = () => void fake.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
