/**
 * Scenario 1, the opening-day rush: N signed-in residents, each with the same slot picked and
 * every question answered, open the review page and then all press 申し込む at the same moment.
 * Floor: N requests at once to the bare resource route.
 */
import { addDays, todayIn } from "~/domain/calendar";
import { ja } from "~/i18n/ja";
import { type Bench, PLAIN_DRAFT, queriesOfSubmit, residentsWorld } from "../context";
import { burst } from "../http";
import { summarize, type LatencySummary } from "../stats";

export type HotSlotResult = {
  residents: number;
  winners: number;
  refusals: number;
  errors: number;
  errorSamples: string[];
  latency: LatencySummary;
  allAnsweredMs: number;
  bookingsInDatabase: number;
  /** SQL statements of one refused submit in the booking service (the slot is taken) */
  queriesPerRefusal: number;
  floor: { name: string; latency: LatencySummary; allAnsweredMs: number };
};

export async function hotSlot(bench: Bench): Promise<HotSlotResult> {
  const count = bench.options.sizes.hotSlotResidents;
  const world = await residentsWorld(bench, "hot", { facilities: 1, roomsPerFacility: 1, residents: count });
  const today = todayIn("Asia/Tokyo", new Date());
  const [slot] = world.bookableSlots(addDays(today, 7), addDays(today, 30));
  if (!slot) throw new Error("no open date for the hot slot");
  const review = `/${world.slug}/apply/review`;

  // Each resident's browser: signed in, the slot picked, every question answered, the review
  // page open (its form carries the idempotency key).
  const cookies = await Promise.all(world.sessions.map((s) => bench.cookieFor(s, { slots: [slot], draft: PLAIN_DRAFT })));
  const pages = await Promise.all(cookies.map((cookie) => bench.http.request("GET", review, { cookie })));
  const keys = pages.map((page, i) => {
    const key = /name="idempotencyKey" value="([0-9a-f-]{36})"/.exec(page.body)?.[1];
    if (page.status !== 200 || !key) throw new Error(`resident ${i}'s review page answered ${page.status} without a form to submit`);
    return key;
  });

  const taken = ja.bookingErrors.SLOT_TAKEN;
  const { results, elapsedMs } = await burst(count, (i) =>
    bench.http.request("POST", review, { cookie: cookies[i], form: { idempotencyKey: keys[i]!, paymentChoice: "COUNTER" } }),
  );
  const won = (a: (typeof results)[number]) => (a.status === 302 || a.status === 303) && /\/bookings\/[^/?]+\?submitted=1/.test(a.location ?? "");
  const refused = (a: (typeof results)[number]) => a.status === 409 && a.body.includes(taken);
  const errors = results.filter((a) => !won(a) && !refused(a));

  const { rows } = await bench.query(
    `SELECT count(*)::int AS n FROM "Occupancy" o JOIN "ApplicationItem" i ON i.id = o."itemId"
     WHERE o."municipalityId" = $1 AND o."active" AND i."roomId" = $2 AND i."timeFrameId" = $3 AND i."useDate" = $4::date`,
    [world.municipalityId, slot.roomId, slot.timeFrameId, slot.date],
  );

  const refusal = await queriesOfSubmit(bench, world.slug, world.sessions[0]!.userId, [slot]);
  const floor = await burst(count, () => bench.http.request("GET", "/healthz"));
  return {
    residents: count,
    winners: results.filter(won).length,
    refusals: results.filter(refused).length,
    errors: errors.length,
    errorSamples: [...new Set(errors.map((e) => `${e.status} ${e.error ?? e.body.slice(0, 120).replace(/\s+/g, " ")}`))].slice(0, 5),
    latency: summarize(results.map((a) => a.ms)),
    allAnsweredMs: elapsedMs,
    bookingsInDatabase: Number(rows[0]!.n),
    queriesPerRefusal: refusal.ok ? -1 : refusal.queries,
    floor: { name: `${count} × GET /healthz at once`, latency: summarize(floor.results.map((a) => a.ms)), allAnsweredMs: floor.elapsedMs },
  };
}
