/**
 * Scenario 2, booking throughput: signed-in residents book distinct free slots across many
 * rooms, through the review page's submit, at a fixed concurrency for a while. Floors at the
 * same concurrency: single-row INSERTs into Occupancy (the same table, under the same
 * exclusion constraint) straight from a connection pool, and the bare resource route.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { bookingWindow } from "~/domain/booking-window";
import { todayIn } from "~/domain/calendar";
import { type Bench, PLAIN_DRAFT, queriesOfSubmit, residentsWorld, sampler } from "../context";
import { closedLoop } from "../http";
import { shuffled } from "../random";
import { type LatencySummary, ratePerSecond, ratio, summarize } from "../stats";

type Rate = { count: number; errors: number; perSecond: number; latency: LatencySummary; seconds: number };

export type ThroughputResult = {
  concurrency: number;
  rooms: number;
  bookings: Rate & { errorSamples: string[] };
  serverRssMiB: { before: number; peak: number; after: number };
  bookingsInDatabase: number;
  /** SQL statements of one booking in the booking service */
  queriesPerBooking: number;
  rawInsertFloor: Rate;
  bareRouteFloor: Rate;
  /** bookings/s ÷ each floor's rate */
  ratios: { toRawInserts: number | null; toBareRoute: number | null };
};

const MiB = (bytes: number) => Math.round(bytes / 2 ** 20);

function rateOf(results: { ok: boolean; ms: number }[], elapsedMs: number): Rate {
  const ok = results.filter((r) => r.ok);
  return {
    count: ok.length,
    errors: results.length - ok.length,
    perSecond: Math.round(ratePerSecond(ok.length, elapsedMs) * 10) / 10,
    latency: summarize(ok.map((r) => r.ms)),
    seconds: Math.round(elapsedMs / 100) / 10,
  };
}

export async function throughput(bench: Bench): Promise<ThroughputResult> {
  const { throughputSeconds, throughputConcurrency: concurrency, floorSeconds } = bench.options.sizes;
  const world = await residentsWorld(bench, "tp", { facilities: 10, roomsPerFacility: 10, residents: 64 });
  const window = bookingWindow(todayIn("Asia/Tokyo", new Date()), { bookingWindowMonths: 3, bookingCloseDaysBefore: 1 });
  // shuffled, so that the workers' bookings land in different rooms, as a crowd's do
  const slots = shuffled(world.bookableSlots(window.first, window.last), bench.options.seed);
  const review = `/${world.slug}/apply/review`;
  let nextSlot = 0;
  const book = async (i: number) => {
    const slot = slots[nextSlot++];
    if (!slot) return { ok: false, ms: 0, error: "no free slot left to book" };
    const cookie = await bench.cookieFor(world.sessions[i % world.sessions.length]!, { slots: [slot], draft: PLAIN_DRAFT });
    const answer = await bench.http.request("POST", review, { cookie, form: { idempotencyKey: randomUUID() }, readBody: false });
    const ok = answer.status === 302 && /\/bookings\/[^/?]+\?submitted=1/.test(answer.location ?? "");
    return { ok, ms: answer.ms, error: ok ? "" : `${answer.status} ${answer.error ?? answer.location ?? ""}` };
  };

  // warm-up (not counted): the server's first requests compile and fill caches
  await closedLoop({ concurrency, durationMs: 60_000, maxCount: concurrency * 4, task: book });
  const rss = sampler(bench.serverRss, 200);
  bench.log(`  booking for ${throughputSeconds} s at concurrency ${concurrency} over ${world.rooms.length} rooms (${slots.length} free slots)`);
  const run = await closedLoop({ concurrency, durationMs: throughputSeconds * 1000, task: book });
  const memory = rss.stop();
  const bookings = { ...rateOf(run.results, run.elapsedMs), errorSamples: [...new Set(run.results.filter((r) => !r.ok).map((r) => r.error))].slice(0, 5) };
  const { rows } = await bench.query(`SELECT count(*)::int AS n FROM "Occupancy" WHERE "municipalityId" = $1 AND "active"`, [world.municipalityId]);
  const one = slots[nextSlot++];
  const booking = one ? await queriesOfSubmit(bench, world.slug, world.sessions[0]!.userId, [one]) : { ok: false, queries: 0 };

  bench.log(`  floor: raw INSERTs into Occupancy for ${floorSeconds} s at concurrency ${concurrency}`);
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: concurrency });
  // far in the future, one hour each, so that they never meet the bookings nor each other
  const rawStart = Date.UTC(2100, 0, 1);
  const raw = await closedLoop({
    concurrency,
    durationMs: floorSeconds * 1000,
    task: async (i) => {
      const room = world.rooms[i % world.rooms.length]!;
      const startsAt = new Date(rawStart + Math.floor(i / world.rooms.length) * 3_600_000);
      const t0 = performance.now();
      try {
        await pool.query(
          `INSERT INTO "Occupancy" ("id", "municipalityId", "spaceId", "kind", "startsAt", "endsAt") VALUES ($1, $2, $3, 'BOOKING', $4, $5)`,
          [`raw-${i}`, world.municipalityId, room.id, startsAt, new Date(startsAt.getTime() + 3_600_000)],
        );
        return { ok: true, ms: performance.now() - t0 };
      } catch {
        return { ok: false, ms: performance.now() - t0 };
      }
    },
  });
  await pool.query(`DELETE FROM "Occupancy" WHERE "municipalityId" = $1 AND "id" LIKE 'raw-%'`, [world.municipalityId]);
  await pool.end();

  bench.log(`  floor: GET /healthz for ${floorSeconds} s at concurrency ${concurrency}`);
  const bare = await closedLoop({
    concurrency,
    durationMs: floorSeconds * 1000,
    task: async () => {
      const answer = await bench.http.request("GET", "/healthz");
      return { ok: answer.status === 200, ms: answer.ms };
    },
  });
  const rawInsertFloor = rateOf(raw.results, raw.elapsedMs);
  const bareRouteFloor = rateOf(bare.results, bare.elapsedMs);
  return {
    concurrency,
    rooms: world.rooms.length,
    bookings,
    serverRssMiB: { before: MiB(memory.first), peak: MiB(memory.peak), after: MiB(memory.last) },
    bookingsInDatabase: Number(rows[0]!.n),
    queriesPerBooking: booking.ok ? booking.queries : -1,
    rawInsertFloor,
    bareRouteFloor,
    ratios: { toRawInserts: ratio(bookings.perSecond, rawInsertFloor.perSecond), toBareRoute: ratio(bookings.perSecond, bareRouteFloor.perSecond) },
  };
}
