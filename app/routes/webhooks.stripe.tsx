import type { ActionFunctionArgs } from "@remix-run/node";
import { handleStripeWebhook } from "~/services/online-payments.server";
import { stripeWebhookSecret } from "~/utils/stripe.server";

/** Stripe's events about payments (checkout completed, konbini paid or not, refunds). */
export async function action({ request }: ActionFunctionArgs) {
  const secret = stripeWebhookSecret();
  if (!secret) return new Response("stripe webhooks are not configured", { status: 400 });
  const result = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"), secret, new Date());
  return new Response(result.body, { status: result.status, headers: { "Content-Type": "text/plain" } });
}

export function loader() {
  return new Response("Method Not Allowed", { status: 405, headers: { Allow: "POST" } });
}
