/**
 * Scenario 5, page weight: each resident page as the server renders it (signed in where it
 * needs to be), with the JavaScript and CSS its HTML loads first, gzip-compressed, read from
 * public/build (scripts/support/page-weight.ts). Lighthouse's mobile performance scores come
 * from docs/lighthouse.json (`npm run lighthouse`), or are measured now with --lighthouse.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { bookingWindow } from "~/domain/booking-window";
import { todayIn } from "~/domain/calendar";
import { pageWeight } from "../../scripts/support/page-weight.ts";
import { ROOT } from "../../scripts/support/server.ts";
import { type Bench, PLAIN_DRAFT, residentsWorld } from "../context";

export type PageRow = {
  name: string;
  path: string;
  signedIn: boolean;
  status: number;
  htmlBytes: number;
  htmlGzipBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  /** Lighthouse mobile performance (null: not audited) */
  lighthouse: number | null;
};

export type PageWeightResult = { pages: PageRow[]; lighthouse: { source: string; generatedAt: string | null } };

const LIGHTHOUSE_JSON = path.join(ROOT, "docs", "lighthouse.json");

function lighthouseScores(run: boolean, log: (line: string) => void) {
  if (run) {
    log("  running scripts/lighthouse.ts (about 4 minutes)");
    // its own server on the demo database: none of the bench's settings
    const { DATABASE_URL, SESSION_SECRET, SECURE_COOKIES, ...env } = process.env;
    const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/lighthouse.ts"], { cwd: ROOT, stdio: "inherit", env });
    if (result.status !== 0) log("  Lighthouse failed: the scores below are those of docs/lighthouse.json as it was");
  }
  if (!existsSync(LIGHTHOUSE_JSON)) return { scores: new Map<string, number | null>(), generatedAt: null };
  const report = JSON.parse(readFileSync(LIGHTHOUSE_JSON, "utf8")) as { generatedAt?: string; pages?: { name: string; performance: number | null }[] };
  return { scores: new Map((report.pages ?? []).map((p) => [p.name, p.performance])), generatedAt: report.generatedAt ?? null };
}

export async function pageWeights(bench: Bench): Promise<PageWeightResult> {
  const world = await residentsWorld(bench, "pw", { facilities: 1, roomsPerFacility: 2, residents: 1, bookedPercent: 30 });
  const session = world.sessions[0]!;
  const today = todayIn("Asia/Tokyo", new Date());
  const window = bookingWindow(today, { bookingWindowMonths: 3, bookingCloseDaysBefore: 1 });
  const { rows: taken } = await bench.query(
    `SELECT i."roomId" || ' ' || i."timeFrameId" || ' ' || i."useDate"::text AS slot FROM "ApplicationItem" i
     WHERE i."municipalityId" = $1 AND i."cancelledAt" IS NULL`,
    [world.municipalityId],
  );
  const takenSlots = new Set(taken.map((r) => r.slot as string));
  const free = world.bookableSlots(window.first, window.last).find((s) => !takenSlots.has(`${s.roomId} ${s.timeFrameId} ${s.date}`));
  if (!free) throw new Error("no free slot in the page-weight world");
  const { rows: applications } = await bench.query(
    `SELECT a.id FROM "Application" a WHERE a."userId" = $1 AND a."status" = 'CONFIRMED'
       AND EXISTS (SELECT 1 FROM "ApplicationItem" i WHERE i."applicationId" = a.id AND i."useDate" > $2::date)
     ORDER BY a.id LIMIT 1`,
    [session.userId, window.first],
  );
  const applicationId = applications[0]?.id as string | undefined;
  if (!applicationId) throw new Error("no confirmed application ahead in the page-weight world");

  const signedIn = await bench.cookieFor(session);
  const picked = await bench.cookieFor(session, { slots: [free], draft: {} });
  const answered = await bench.cookieFor(session, { slots: [free], draft: PLAIN_DRAFT });
  const m = `/${world.slug}`;
  const pages: { name: string; path: string; cookie?: string }[] = [
    { name: "facility list", path: m },
    { name: "facility", path: `${m}/facilities/${world.rooms[0]!.facilityId}` },
    { name: "room month", path: `${m}/rooms/${free.roomId}` },
    { name: "day", path: `${m}/rooms/${free.roomId}/${free.date}` },
    { name: "login", path: `${m}/login` },
    { name: "help", path: `${m}/help` },
    { name: "selection", path: `${m}/selection`, cookie: picked },
    { name: "application question", path: `${m}/apply/purpose`, cookie: picked },
    { name: "review", path: `${m}/apply/review`, cookie: answered },
    { name: "my bookings", path: `${m}/bookings`, cookie: signedIn },
    { name: "application", path: `${m}/bookings/${applicationId}`, cookie: signedIn },
    { name: "cancel", path: `${m}/bookings/${applicationId}/cancel`, cookie: signedIn },
    { name: "use permit and receipt", path: `${m}/bookings/${applicationId}/documents`, cookie: signedIn },
  ];
  const { scores, generatedAt } = lighthouseScores(bench.options.lighthouse, bench.log);
  const rows: PageRow[] = [];
  for (const page of pages) {
    const answer = await bench.http.request("GET", page.path, { cookie: page.cookie });
    const weight = pageWeight(answer.body, path.join(ROOT, "public"));
    rows.push({
      name: page.name,
      path: page.path,
      signedIn: Boolean(page.cookie),
      status: answer.status,
      htmlBytes: weight.htmlBytes,
      htmlGzipBytes: weight.htmlGzipBytes,
      jsGzipBytes: weight.jsGzipBytes,
      cssGzipBytes: weight.cssGzipBytes,
      lighthouse: scores.get(page.name) ?? null,
    });
  }
  return {
    pages: rows,
    lighthouse: { source: bench.options.lighthouse ? "measured in this run (scripts/lighthouse.ts)" : "docs/lighthouse.json (npm run lighthouse)", generatedAt },
  };
}
