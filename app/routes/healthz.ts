/**
 * A bare resource route: answers without touching the database, for a load balancer's health
 * check, and as the floor of `npm run bench` (what Remix and Express cost for one request).
 */
export function loader() {
  return new Response("ok\n", { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
