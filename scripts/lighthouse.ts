/**
 * Lighthouse (default config = the mobile preset: a mid-range phone, simulated slow 4G and a
 * 4× slower CPU) on the resident pages, in Debian's Chromium. Prints a table of the scores and
 * writes them to docs/lighthouse.json.
 *
 *   npm run lighthouse           # = remix build && tsx scripts/lighthouse.ts
 *   npx tsx scripts/lighthouse.ts    # when build/ is already up to date
 *
 * This script builds nothing itself: it runs the existing `build/` (from `npx remix build`),
 * on a free port with a fresh temporary DATA_DIR (new PGlite database with the demo
 * municipality), and stops the server and deletes the directory at the end, also on failure.
 * Pages that send a signed-out visitor to the login page are audited signed in as the demo
 * resident (the session cookie is sent as an extra header).
 *
 * Chromium is cold on its first page, so one discarded run of the first page comes first.
 * Every page is audited 3 times and the run with the median performance score is kept
 * (Lighthouse's own advice: one run on a busy 2-core machine can be off by 30 points);
 * LIGHTHOUSE_RUNS=1 for a quick look.
 *
 * Lighthouse 12.8 is the last release that runs on Node 20 (13.x needs Node 22.19+). It audits
 * with /usr/bin/chromium (`apt-get install chromium`), launched by chrome-launcher.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { ROOT, type RunningServer, seconds, startServer } from "./support/server.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/chromium";

const MUNI = "/akiruno";
const DEMO = { email: "yamada@example.jp", password: "tsudoi-demo" };
const OUT = path.join(ROOT, "docs", "lighthouse.json");
const CHROMIUM_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];

type Target = { name: string; path: string };

/** The hrefs in a page's HTML whose path matches, in document order. */
async function hrefs(baseURL: string, pagePath: string, pattern: RegExp) {
  const response = await fetch(`${baseURL}${pagePath}`);
  if (!response.ok) throw new Error(`GET ${pagePath} answered HTTP ${response.status} while looking for pages to audit`);
  const html = await response.text();
  const found = [...html.matchAll(/<a\b[^>]*\shref="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({
    path: m[1]!.replace(/&amp;/g, "&"),
    // the link's inner HTML: its text and the class names of its parts (the calendar's marks)
    text: m[2]!,
  }));
  return found.filter((l) => pattern.test(l.path));
}

/** /akiruno, 中央公民館, its 集会室A month page, the first day with a free slot, the login page. */
async function findTargets(baseURL: string): Promise<Target[]> {
  const facilities = await hrefs(baseURL, MUNI, /\/facilities\/[^/?#]+$/);
  const facility = facilities.find((l) => l.text.includes("中央公民館")) ?? facilities[0];
  if (!facility) throw new Error(`no facility link on ${MUNI}`);
  const rooms = await hrefs(baseURL, facility.path, /\/rooms\/[^/?#]+$/);
  const room = rooms.find((l) => l.text.includes("集会室A")) ?? rooms[0];
  if (!room) throw new Error(`no room link on ${facility.path}`);
  let monthPath = room.path;
  let day: string | undefined;
  for (let i = 0; i < 4 && !day; i++) {
    const days = await hrefs(baseURL, monthPath, /\/rooms\/[^/?#]+\/\d{4}-\d{2}-\d{2}$/);
    day = (days.find((d) => /mark--free|空きあり/.test(d.text)) ?? days.find((d) => /mark--partial|残りわずか/.test(d.text)))?.path;
    if (!day) {
      const months = (await hrefs(baseURL, monthPath, /[?&]month=\d{4}-\d{2}/)).map((l) => l.path).sort();
      if (!months.length) break;
      monthPath = months[months.length - 1]!;
    }
  }
  if (!day) throw new Error(`no day with a free slot from ${room.path}`);
  return [
    { name: "facility list", path: MUNI },
    { name: "facility", path: facility.path },
    { name: "room month", path: room.path },
    { name: "day", path: day },
    { name: "login", path: `${MUNI}/login` },
  ];
}

async function needsSignIn(baseURL: string, pagePath: string) {
  const response = await fetch(`${baseURL}${pagePath}`, { redirect: "manual" });
  return response.status >= 300 && response.status < 400 && /\/login/.test(response.headers.get("location") ?? "");
}

/** Signs the demo resident in with a plain form post and returns the session cookie. */
async function signIn(baseURL: string) {
  const body = new URLSearchParams({ email: DEMO.email, password: DEMO.password, redirectTo: `${MUNI}/bookings` });
  const response = await fetch(`${baseURL}${MUNI}/login/password`, { method: "POST", body, redirect: "manual" });
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (response.status >= 400 || !cookies.length) {
    throw new Error(`signing in as ${DEMO.email} failed (HTTP ${response.status}, no session cookie)`);
  }
  return cookies.join("; ");
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

/** The audits of a category that did not pass, each with up to 5 of the elements at fault. */
function failing(lhr: Lhr, category: string) {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a && a.score !== null && a.score < 1 && !["informative", "notApplicable", "manual"].includes(a.scoreDisplayMode))
    .map((a) => {
      const items = ((a!.details as { items?: { node?: { snippet?: string; selector?: string } }[] } | undefined)?.items ?? [])
        .map((item) => item.node?.snippet ?? item.node?.selector)
        .filter(Boolean)
        .slice(0, 5) as string[];
      return { id: a!.id, title: a!.title, elements: items };
    });
}

type Row = {
  name: string;
  path: string;
  signedIn: boolean;
  performance: number | null;
  /** every run's performance score, lowest first; the row is the median run */
  performanceRuns: (number | null)[];
  accessibility: number | null;
  bestPractices: number | null;
  seo: number | null;
  metrics: Record<string, string | undefined>;
  failedAudits: { accessibility: ReturnType<typeof failing>; bestPractices: ReturnType<typeof failing>; seo: ReturnType<typeof failing> };
  warnings: string[];
};

const score = (s: number | null | undefined) => (s === null || s === undefined ? null : Math.round(s * 100));

async function main() {
  const started = Date.now();
  let server: RunningServer | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  const rows: Row[] = [];
  let lighthouseVersion = "";
  let userAgent = "";
  try {
    server = await startServer();
    const { baseURL } = server;
    const targets = await findTargets(baseURL);
    let cookie: string | undefined;
    // warm the server (first renders, database caches) so the first page is not penalised
    for (const t of targets) await fetch(`${baseURL}${t.path}`).then((r) => r.arrayBuffer());

    chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: "silent" });
    const port = chrome.port;
    const audit = async (target: Target) => {
      const signedIn = await needsSignIn(baseURL, target.path);
      if (signedIn) cookie ??= await signIn(baseURL);
      const result = await lighthouse(`${baseURL}${target.path}`, {
        port,
        output: "json",
        logLevel: "error",
        locale: "en-US",
        ...(signedIn && cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${target.path}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${target.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      return { lhr, signedIn };
    };
    const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3) || 3);
    const t00 = Date.now();
    await audit(targets[0]!);
    console.log(`  (warm-up run of ${targets[0]!.path}, not counted: ${seconds(t00)})`);
    for (const target of targets) {
      const t0 = Date.now();
      const done: Awaited<ReturnType<typeof audit>>[] = [];
      for (let i = 0; i < runs; i++) done.push(await audit(target));
      done.sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0));
      const { lhr, signedIn } = done[Math.floor((done.length - 1) / 2)]!;
      lighthouseVersion = lhr.lighthouseVersion;
      userAgent = lhr.environment.hostUserAgent;
      const a11y = lhr.categories.accessibility;
      const metric = (id: string) => lhr.audits[id]?.displayValue?.replace(/\u00a0/g, " ");
      rows.push({
        name: target.name,
        path: target.path,
        signedIn,
        performance: score(lhr.categories.performance?.score),
        performanceRuns: done.map((d) => score(d.lhr.categories.performance?.score)),
        accessibility: score(a11y?.score),
        bestPractices: score(lhr.categories["best-practices"]?.score),
        seo: score(lhr.categories.seo?.score),
        metrics: {
          firstContentfulPaint: metric("first-contentful-paint"),
          largestContentfulPaint: metric("largest-contentful-paint"),
          totalBlockingTime: metric("total-blocking-time"),
          cumulativeLayoutShift: metric("cumulative-layout-shift"),
          speedIndex: metric("speed-index"),
        },
        failedAudits: {
          accessibility: failing(lhr, "accessibility"),
          bestPractices: failing(lhr, "best-practices"),
          seo: failing(lhr, "seo"),
        },
        warnings: lhr.runWarnings,
      });
      console.log(`  ${target.name}: ${target.path} (${runs > 1 ? `median of ${runs} runs, ` : ""}${seconds(t0)})`);
    }
  } catch (error) {
    console.error(`\nlighthouse FAILED\n${error instanceof Error ? (error.stack ?? error.message) : error}`);
    process.exitCode = 1;
  } finally {
    await chrome?.kill();
    await server?.stop();
  }
  if (!rows.length) return;

  const header = ["page", "path", "perf", "(runs)", "a11y", "best pr.", "SEO", "LCP", "TBT", "CLS"];
  const table = rows.map((r) => [
    r.name + (r.signedIn ? " (signed in)" : ""),
    r.path,
    String(r.performance ?? "-"),
    r.performanceRuns.length > 1 ? r.performanceRuns.join("/") : "",
    String(r.accessibility ?? "-"),
    String(r.bestPractices ?? "-"),
    String(r.seo ?? "-"),
    r.metrics.largestContentfulPaint ?? "-",
    r.metrics.totalBlockingTime ?? "-",
    r.metrics.cumulativeLayoutShift ?? "-",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${table.map(line).join("\n")}`);
  for (const r of rows) {
    for (const [category, audits] of Object.entries(r.failedAudits)) {
      for (const a of audits) {
        console.log(`  ${category} – ${r.name}: ${a.id}: ${a.title}`);
        for (const element of a.elements) console.log(`      ${element.replace(/\s+/g, " ").slice(0, 140)}`);
      }
    }
    for (const warning of r.warnings) console.log(`  warning ${r.name}: ${warning}`);
  }

  mkdirSync(path.dirname(OUT), { recursive: true });
  const report = {
    generatedAt: new Date().toISOString(),
    lighthouseVersion,
    browser: userAgent,
    config: "Lighthouse default config (mobile: emulated Moto G Power, simulated slow 4G, 4x CPU slowdown)",
    machine: "scores measured on the 2-core development machine; compare runs from the same machine only",
    runsPerPage: Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3) || 3),
    pages: rows,
  };
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(ROOT, OUT)} (${seconds(started)})`);
}

await main();
