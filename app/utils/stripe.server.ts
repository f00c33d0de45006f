import Stripe from "stripe";

type Env = Record<string, string | undefined>;

/**
 * The Stripe client, or null when `STRIPE_SECRET_KEY` is unset (the app then takes payment at the
 * counter only). `STRIPE_API_BASE` (e.g. `http://localhost:12111`) points the SDK at another
 * host: the fake Stripe server (`server/fake-stripe.ts`) in tests and e2e.
 */
export function stripeClient(env: Env = process.env): Stripe | null {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const base = env.STRIPE_API_BASE;
  const cacheKey = `${key}\n${base ?? ""}`;
  if (cached?.cacheKey !== cacheKey)
    cached = { cacheKey, client: new Stripe(key, { ...apiBase(base), maxNetworkRetries: 2 }) };
  return cached.client;
}

let cached: { cacheKey: string; client: Stripe } | undefined;

function apiBase(base: string | undefined) {
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol } as const;
}

/** The secret that signs Stripe's webhooks (`whsec_…`), or null when unset. */
export function stripeWebhookSecret(env: Env = process.env): string | null {
  return env.STRIPE_WEBHOOK_SECRET || null;
}
