/**
 * `npm run bench`: builds the app (remix build), then this script runs the production server
 * as a child process on a database of its own and measures the scenarios of issue 8, each next
 * to a floor measured in the same run. It prints a table and writes the figures as JSON
 * (bench/results/latest.json). It reports; it never fails on a time.
 *
 *   npm run bench                       # on the embedded PGlite the server starts itself
 *   DATABASE_URL=postgresql://… npm run bench   # on PostgreSQL: a new database there, dropped after
 *   npm run bench -- --quick --only=1,3
 *
 * BENCH_PORT and BENCH_DB_PORT choose the server's and the embedded database's ports.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT } from "../scripts/support/server.ts";
import { type Bench, startBench } from "./context";
import { type DatasetCounts, type DatasetPlan, generateDataset, planDataset, type Query } from "./dataset";
import { parseOptions, type Scenario, USAGE, UsageError } from "./options";
import { printReport } from "./report";
import { availability } from "./scenarios/availability";
import { hotSlot } from "./scenarios/hot-slot";
import { pageWeights } from "./scenarios/page-weight";
import { statistics } from "./scenarios/statistics";
import { throughput } from "./scenarios/throughput";

export type Dataset = { plan: DatasetPlan; counts: DatasetCounts; generatedInMs: number };

const RUNNERS: Record<Scenario, (bench: Bench, dataset: Dataset | null) => Promise<unknown>> = {
  "hot-slot": (bench) => hotSlot(bench),
  throughput: (bench) => throughput(bench),
  availability: (bench, dataset) => availability(bench, dataset!),
  statistics: (bench, dataset) => statistics(bench, dataset!),
  "page-weight": (bench) => pageWeights(bench),
};

/**
 * Runs a bulk load on one connection without foreign-key triggers where the role may do that
 * (the generator writes consistent rows; checking 4 million foreign keys one by one was a
 * third of the time). Constraints that are not triggers, the exclusion constraint among them,
 * still hold. Then ANALYZE, as a database in use would have been.
 */
async function bulkLoad<T>(bench: Bench, load: (query: Query) => Promise<T>): Promise<T> {
  const client = await bench.pool.connect();
  const query: Query = (sql, params) => client.query(sql, params as unknown[]);
  try {
    let replica = true;
    try {
      await client.query("SET session_replication_role = replica");
    } catch {
      replica = false;
    }
    const result = await load(query);
    if (replica) await client.query("RESET session_replication_role");
    await client.query("ANALYZE");
    return result;
  } finally {
    client.release();
  }
}

function machine() {
  const cpus = os.cpus();
  let uptime = "";
  try {
    uptime = execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    uptime = `load average: ${os.loadavg().map((l) => l.toFixed(2)).join(", ")}`;
  }
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? "",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    uptime,
  };
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options === "help") return console.log(USAGE);
  if (!existsSync(path.join(ROOT, "build", "index.js"))) throw new Error("build/index.js is missing: run `npm run bench`, which builds first");
  // the server must not inherit it when it runs on its embedded database
  const databaseUrl = process.env.DATABASE_URL || undefined;
  delete process.env.DATABASE_URL;

  const started = performance.now();
  const before = machine();
  const log = (line: string) => console.log(line);
  log(`tsudoi bench${options.quick ? " (quick sizes)" : ""}: ${options.scenarios.join(", ")}`);
  log(`machine: ${before.cores} cores, ${before.cpu}; ${before.uptime}`);
  const bench = await startBench(options, databaseUrl, log);
  const results: Partial<Record<Scenario, unknown>> = {};
  let dataset: Dataset | null = null;
  try {
    if (options.scenarios.includes("availability") || options.scenarios.includes("statistics")) {
      const size = options.sizes.dataset;
      log(`\ngenerating the data set: ${size.municipalities} municipalities × ${size.facilitiesPerMunicipality} facilities × ${size.roomsPerFacility} rooms × 3 frames × ${size.days} days, ${size.bookedPercent} % booked (seed ${options.seed})`);
      const t0 = performance.now();
      const plan = planDataset(size, options.seed, new Date());
      const counts = await bulkLoad(bench, (query) => generateDataset(query, plan, size.municipalities > 10 ? log : () => {}));
      dataset = { plan, counts, generatedInMs: performance.now() - t0 };
      log(`  ${counts.occupancies.toLocaleString("en")} booked slots of ${counts.openSlots.toLocaleString("en")} open, ${counts.applications.toLocaleString("en")} applications, in ${(dataset.generatedInMs / 1000).toFixed(0)} s`);
    }
    for (const scenario of options.scenarios) {
      log(`\n[${scenario}]`);
      const t0 = performance.now();
      try {
        results[scenario] = await RUNNERS[scenario](bench, dataset);
      } catch (error) {
        results[scenario] = { failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
        log(`  FAILED: ${error instanceof Error ? error.message : error}`);
      }
      log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  } finally {
    await bench.stop();
  }
  const after = machine();
  const report = {
    generatedAt: new Date().toISOString(),
    database: { kind: bench.kind, version: bench.databaseVersion },
    machine: { ...before, loadAverageAtEnd: after.loadAverage, uptimeAtEnd: after.uptime },
    options: { quick: options.quick, seed: options.seed, scenarios: options.scenarios, sizes: options.sizes },
    dataset: dataset ? { counts: dataset.counts, generatedInSeconds: Math.round(dataset.generatedInMs / 100) / 10, from: dataset.plan.from, to: dataset.plan.to } : null,
    scenarios: results,
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
  printReport(report);
  const out = path.resolve(ROOT, options.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  log(`\nwrote ${path.relative(ROOT, out)} (${report.totalSeconds} s in all)`);
}

export type Report = {
  generatedAt: string;
  database: { kind: string; version: string };
  machine: ReturnType<typeof machine> & { loadAverageAtEnd: number[]; uptimeAtEnd: string };
  dataset: { counts: DatasetCounts; generatedInSeconds: number; from: string; to: string } | null;
  scenarios: Partial<Record<Scenario, unknown>>;
  totalSeconds: number;
};

await main();
process.exit(process.exitCode ?? 0);
