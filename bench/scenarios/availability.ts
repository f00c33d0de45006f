/**
 * Scenario 3, availability at scale: anonymous visitors open rooms' month pages and day pages
 * of the generated data set at a fixed concurrency; the floor is a static file of the same
 * server. The SQL of the month and day views and of a resident's applications (captured from the
 * app's own services) is EXPLAINed to check that it uses indexes, and counted (the month view's
 * must not grow with the days).
 */
import { bookingWindow } from "~/domain/booking-window";
import { addDays, daysBetween, monthOf, todayIn } from "~/domain/calendar";
import { type Bench } from "../context";
import type { Dataset } from "../run";
import { closedLoop } from "../http";
import { scansOf } from "../query-log";
import { seededRandom } from "../random";
import { type LatencySummary, ratePerSecond, ratio, summarize } from "../stats";

type Load = { requests: number; errors: number; perSecond: number; latency: LatencySummary };

type Explained = { page: string; queries: { sql: string; ms: number; scans: string[]; sequentialScans: string[] }[] };

export type AvailabilityResult = {
  concurrency: number;
  rooms: number;
  month: Load;
  day: Load;
  staticFloor: Load & { path: string };
  /** p99 of the page ÷ p99 of the static file */
  p99Ratios: { month: number | null; day: number | null };
  explain: Explained[];
};

/** tables that grow with bookings: a sequential scan of one of them is a finding */
const BIG_TABLES = new Set(["Occupancy", "ApplicationItem", "Application", "LedgerEntry", "User", "Session", "AuditEvent", "OutboxMessage"]);

async function load(bench: Bench, path: (random: () => number) => string, seed: number): Promise<Load> {
  const { availabilitySeconds, availabilityConcurrency } = bench.options.sizes;
  const random = seededRandom(seed);
  // warm-up, not counted
  await closedLoop({ concurrency: availabilityConcurrency, durationMs: 30_000, maxCount: availabilityConcurrency * 2, task: () => bench.http.request("GET", path(random)) });
  const run = await closedLoop({
    concurrency: availabilityConcurrency,
    durationMs: availabilitySeconds * 1000,
    task: async () => {
      const answer = await bench.http.request("GET", path(random), { readBody: false });
      return { ok: answer.status === 200, ms: answer.ms };
    },
  });
  const ok = run.results.filter((r) => r.ok);
  return {
    requests: run.results.length,
    errors: run.results.length - ok.length,
    perSecond: Math.round(ratePerSecond(ok.length, run.elapsedMs) * 10) / 10,
    latency: summarize(ok.map((r) => r.ms)),
  };
}

export async function availability(bench: Bench, dataset: Dataset): Promise<AvailabilityResult> {
  const { rows } = await bench.query(
    `SELECT r.id, m.slug FROM "Room" r JOIN "Municipality" m ON m.id = r."municipalityId" WHERE m.id LIKE $1 || '%' ORDER BY r.id`,
    [dataset.plan.prefix],
  );
  const rooms = rows.map((r) => ({ id: r.id as string, slug: r.slug as string }));
  const today = todayIn("Asia/Tokyo", new Date());
  const window = bookingWindow(today, { bookingWindowMonths: 3, bookingCloseDaysBefore: 1 });
  const windowDays = daysBetween(today, window.last) + 1;
  const months = [...new Set(Array.from({ length: windowDays }, (_, i) => monthOf(addDays(today, i))))];
  const pick = <T>(items: readonly T[], random: () => number) => items[Math.floor(random() * items.length)]!;

  const explain = await explainViews(bench, rooms[0]!, months[1] ?? months[0]!, addDays(today, 14));

  const concurrency = bench.options.sizes.availabilityConcurrency;
  bench.log(`  month pages of ${rooms.length} rooms for ${bench.options.sizes.availabilitySeconds} s at concurrency ${concurrency}`);
  const month = await load(bench, (random) => {
    const room = pick(rooms, random);
    return `/${room.slug}/rooms/${room.id}?month=${pick(months, random)}`;
  }, bench.options.seed);
  bench.log("  day pages");
  const day = await load(bench, (random) => {
    const room = pick(rooms, random);
    return `/${room.slug}/rooms/${room.id}/${addDays(today, Math.floor(random() * windowDays))}`;
  }, bench.options.seed + 1);
  bench.log("  floor: a static file");
  const staticFloor = { ...(await load(bench, () => "/favicon.svg", 0)), path: "/favicon.svg" };
  return {
    concurrency,
    rooms: rooms.length,
    month,
    day,
    staticFloor,
    p99Ratios: { month: ratio(month.latency.p99, staticFloor.latency.p99), day: ratio(day.latency.p99, staticFloor.latency.p99) },
    explain,
  };
}

/** The SQL of the month and day views of one room, each query EXPLAINed (ANALYZE). */
async function explainViews(bench: Bench, room: { id: string; slug: string }, month: string, date: string): Promise<Explained[]> {
  const { findMunicipality } = await import("~/services/catalog.server");
  const { roomMonth, roomDay } = await import("~/services/availability.server");
  const { getMyApplication, listMyApplications } = await import("~/services/booking.server");
  const municipality = (await findMunicipality(room.slug))!;
  const { rows } = await bench.query(`SELECT "id", "userId" FROM "Application" WHERE "municipalityId" = $1 ORDER BY "id" LIMIT 1`, [municipality.id]);
  const application = rows[0] as { id: string; userId: string };
  const now = new Date();
  const pages = [
    { page: `month view (${month})`, call: () => roomMonth(municipality, room.id, month, now) },
    { page: `day view (${date})`, call: () => roomDay(municipality, room.id, date, now) },
    // a resident's pages read items and payments of applications, among a year of everyone's
    { page: "a resident's application", call: () => getMyApplication(municipality.id, application.userId, application.id) },
    { page: "a resident's list of applications", call: () => listMyApplications(municipality.id, application.userId) },
  ];
  const explained: Explained[] = [];
  for (const { page, call } of pages) {
    await call(); // warm: the first call's queries are not the ones measured
    const queries = await bench.queryLog.capture(call);
    const result: Explained = { page, queries: [] };
    for (const q of queries) {
      const { rows } = await bench.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.sql}`, q.params);
      const plan = (rows[0]!["QUERY PLAN"] as { Plan: Parameters<typeof scansOf>[0]; "Execution Time": number }[])[0]!;
      const scans = scansOf(plan.Plan);
      result.queries.push({
        sql: q.sql.replace(/\s+/g, " ").slice(0, 160),
        ms: Math.round(plan["Execution Time"] * 100) / 100,
        scans: scans.map((s) => s.line),
        sequentialScans: scans.filter((s) => s.sequential && BIG_TABLES.has(s.relation)).map((s) => s.line),
      });
    }
    explained.push(result);
    bench.log(`  ${page}: ${queries.length} queries; ${result.queries.map((q) => `${q.scans.join(", ")} (${q.ms} ms)`).join("; ")}`);
  }
  return explained;
}
