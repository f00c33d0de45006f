/** The bench's printed report: one table per scenario, each figure beside its floor. */
import type { Report } from "./run";
import type { AvailabilityResult } from "./scenarios/availability";
import type { HotSlotResult } from "./scenarios/hot-slot";
import type { PageWeightResult } from "./scenarios/page-weight";
import type { StatisticsResult } from "./scenarios/statistics";
import type { ThroughputResult } from "./scenarios/throughput";

/** Columns padded to their widest cell, numbers to the right. Pure. */
export function formatTable(header: string[], rows: (string | number | null)[][]): string {
  const cells = rows.map((row) => row.map((c) => (c === null ? "-" : String(c))));
  const width = (i: number) => Math.max(header[i]!.length, ...cells.map((r) => r[i]?.length ?? 0));
  const numeric = (i: number) => cells.length > 0 && cells.every((r) => /^[-\d.,×%+ ]+(ms|s|KB|MiB|\/s)?$/.test(r[i] ?? ""));
  const line = (row: string[]) =>
    row.map((c, i) => (numeric(i) ? c.padStart(width(i)) : c.padEnd(width(i)))).join("  ").trimEnd();
  return [line(header), header.map((_, i) => "-".repeat(width(i))).join("  "), ...cells.map(line)].join("\n");
}

export const ms = (value: number | null | undefined) => (value === null || value === undefined ? null : `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`);
export const times = (value: number | null | undefined) => (value === null || value === undefined ? null : `${value < 10 ? value.toFixed(2) : value.toFixed(1)}×`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function failed(result: unknown): string | null {
  return result && typeof result === "object" && "failed" in result ? String((result as { failed: string }).failed).split("\n")[0]! : null;
}

export function printReport(report: Report) {
  const out: string[] = [];
  const m = report.machine;
  out.push(
    `\n== Tsudoi bench, ${report.generatedAt} ==`,
    `database: ${report.database.kind} (${report.database.version.split(",")[0]})`,
    `machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, node ${m.node}; load average ${m.loadAverage.join(" ")} at the start, ${m.loadAverageAtEnd.join(" ")} at the end`,
  );
  if (report.dataset) {
    const c = report.dataset.counts;
    out.push(`data set: ${c.municipalities} municipalities, ${c.rooms} rooms, ${c.items} booked slots of ${c.openSlots} open (${Math.round((c.activeOccupancies / c.openSlots) * 100)} % held), ${c.applications} applications, ${report.dataset.from}…${report.dataset.to}; generated in ${report.dataset.generatedInSeconds} s`);
  }
  const s = report.scenarios;

  if (s["hot-slot"]) {
    out.push("\n1. Hot slot: residents submit the same slot at the same moment");
    const r = s["hot-slot"] as HotSlotResult;
    const why = failed(r);
    if (why) out.push(`   failed: ${why}`);
    else {
      out.push(
        formatTable(
          ["", "requests", "winners", "refusals", "errors", "p50", "p99", "all answered in"],
          [
            ["submit (review page)", r.residents, r.winners, r.refusals, r.errors, ms(r.latency.p50), ms(r.latency.p99), ms(r.allAnsweredMs)],
            [`floor: ${r.floor.name}`, r.residents, null, null, null, ms(r.floor.latency.p50), ms(r.floor.latency.p99), ms(r.floor.allAnsweredMs)],
          ],
        ),
        `   bookings of the slot in the database: ${r.bookingsInDatabase}; SQL statements of one refused submit in the booking service: ${r.queriesPerRefusal}${r.errorSamples.length ? `; errors: ${r.errorSamples.join(" | ")}` : ""}`,
      );
    }
  }

  if (s.throughput) {
    const r = s.throughput as ThroughputResult;
    const why = failed(r);
    out.push(`\n2. Booking throughput${why ? "" : `: distinct free slots of ${r.rooms} rooms at concurrency ${r.concurrency}`}`);
    if (why) out.push(`   failed: ${why}`);
    else {
      out.push(
        formatTable(
          ["", "per second", "count", "errors", "p50", "p99", "seconds", "bookings/s ÷ this"],
          [
            ["bookings (submit through HTTP)", r.bookings.perSecond, r.bookings.count, r.bookings.errors, ms(r.bookings.latency.p50), ms(r.bookings.latency.p99), r.bookings.seconds, null],
            ["floor: raw INSERT into Occupancy", r.rawInsertFloor.perSecond, r.rawInsertFloor.count, r.rawInsertFloor.errors, ms(r.rawInsertFloor.latency.p50), ms(r.rawInsertFloor.latency.p99), r.rawInsertFloor.seconds, times(r.ratios.toRawInserts)],
            ["floor: GET /healthz (bare route)", r.bareRouteFloor.perSecond, r.bareRouteFloor.count, r.bareRouteFloor.errors, ms(r.bareRouteFloor.latency.p50), ms(r.bareRouteFloor.latency.p99), r.bareRouteFloor.seconds, times(r.ratios.toBareRoute)],
          ],
        ),
        `   server RSS ${r.serverRssMiB.before} MiB before, ${r.serverRssMiB.peak} MiB at most during the run; active bookings in the database: ${r.bookingsInDatabase}; SQL statements of one booking in the booking service: ${r.queriesPerBooking}${r.bookings.errorSamples.length ? `; errors: ${r.bookings.errorSamples.join(" | ")}` : ""}`,
      );
    }
  }

  if (s.availability) {
    const r = s.availability as AvailabilityResult;
    const why = failed(r);
    out.push(`\n3. Availability at scale${why ? "" : `: anonymous, ${r.rooms} rooms, concurrency ${r.concurrency}`}`);
    if (why) out.push(`   failed: ${why}`);
    else {
      const row = (name: string, l: AvailabilityResult["month"], ratio: number | null) => [name, l.perSecond, l.requests, l.errors, ms(l.latency.p50), ms(l.latency.p99), times(ratio)];
      out.push(
        formatTable(
          ["", "per second", "requests", "errors", "p50", "p99", "p99 ÷ floor"],
          [row("room's month page", r.month, r.p99Ratios.month), row("day page", r.day, r.p99Ratios.day), row(`floor: static ${r.staticFloor.path}`, r.staticFloor, null)],
        ),
      );
      for (const view of r.explain) {
        out.push(`   ${view.page}: ${view.queries.length} queries`);
        for (const q of view.queries) out.push(`     ${q.ms} ms  ${q.scans.join(", ") || "(no table)"}${q.sequentialScans.length ? "   <- sequential scan of a big table" : ""}`);
      }
    }
  }

  if (s.statistics) {
    const r = s.statistics as StatisticsResult;
    const why = failed(r);
    out.push("\n4. Statistics: a year of one municipality, and its detail CSV");
    if (why) out.push(`   failed: ${why}`);
    else if (!r.available) out.push(`   ${r.note}`);
    else {
      out.push(
        `   statistics page (${r.slotsInYear} slots in the year): HTTP ${r.page.status} in ${r.page.ms} ms`,
        formatTable(
          ["CSV export", "status", "rows", "size", "first byte", "time", "server RSS before", "peak", "growth"],
          [r.month, r.year].map((e) => [e.period, e.status, e.rows, `${(e.bytes / 2 ** 20).toFixed(1)} MiB`, ms(e.firstByteMs), ms(e.ms), `${e.serverRssMiB.before} MiB`, `${e.serverRssMiB.peak} MiB`, `+${e.serverRssMiB.growth} MiB`]),
        ),
      );
    }
  }

  if (s["page-weight"]) {
    const r = s["page-weight"] as PageWeightResult;
    const why = failed(r);
    out.push("\n5. Page weight: what each resident page loads first (gzip), read from the build");
    if (why) out.push(`   failed: ${why}`);
    else {
      out.push(
        formatTable(
          ["page", "HTTP", "JS gzip", "CSS gzip", "HTML", "HTML gzip", "Lighthouse perf."],
          r.pages.map((p) => [`${p.name}${p.signedIn ? " (signed in)" : ""}`, p.status, kb(p.jsGzipBytes), kb(p.cssGzipBytes), kb(p.htmlBytes), kb(p.htmlGzipBytes), p.lighthouse]),
        ),
        `   Lighthouse: ${r.lighthouse.source}${r.lighthouse.generatedAt ? `, ${r.lighthouse.generatedAt}` : ""}`,
      );
    }
  }
  console.log(out.join("\n"));
}
