/**
 * What every scenario works with: the production server started as a child process against the
 * bench's own database, an HTTP client, a connection to that database for setting up data and
 * checking results, and the app's own session cookies for signed-in residents.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import type { RunningServer } from "../scripts/support/server.ts";
import { freePort, startServer } from "../scripts/support/server.ts";
import { addDays, type IsoDate } from "~/domain/calendar";
import { closureOn } from "~/domain/closures";
import type { ApplicationDraft } from "~/utils/session.server";
import { type Client, createClient } from "./http";
import { generateDataset, municipalityIds, planDataset, type Query } from "./dataset";
import type { BenchOptions } from "./options";
import { installQueryLog } from "./query-log";

export type DatabaseKind = "pglite" | "postgresql";

export type Bench = {
  options: BenchOptions;
  kind: DatabaseKind;
  /** PostgreSQL's version string (PGlite reports the PostgreSQL it is built from) */
  databaseVersion: string;
  server: RunningServer;
  http: Client;
  /** the bench's own connections to the server's database */
  pool: pg.Pool;
  query: Query;
  /** a resident's session cookie, with slots picked and every question answered if given */
  cookieFor: (session: { sessionId: string; municipalityId: string }, application?: { slots: Slot[]; draft: ApplicationDraft }) => Promise<string>;
  /** the SQL that a call of the app's services sends, for EXPLAIN */
  queryLog: ReturnType<typeof installQueryLog>;
  /** the RSS of the server's node process, in bytes */
  serverRss: () => number;
  log: (line: string) => void;
  stop: () => Promise<void>;
};

export type Slot = { roomId: string; timeFrameId: string; date: IsoDate };

/** Answers a resident gives on the application's question pages (no equipment, no exemption). */
export const PLAIN_DRAFT: ApplicationDraft = {
  purpose: "自治会の会議",
  resident: true,
  commercial: false,
  admissionCharged: false,
  aircon: false,
  exemptionCategoryId: "",
  exemptionGrounds: "",
  groupId: "",
  headcount: 8,
  contactPhone: "090-1234-5678",
};

/** What the review page's submit hands the booking service for `slots` and PLAIN_DRAFT. */
export function plainApplication(slots: Slot[], idempotencyKey: string) {
  return {
    slots,
    purpose: PLAIN_DRAFT.purpose!,
    headcount: PLAIN_DRAFT.headcount!,
    contactPhone: PLAIN_DRAFT.contactPhone!,
    facts: { resident: true, commercial: false, admissionCharged: false },
    idempotencyKey,
  };
}

/**
 * How many SQL statements one call of the booking service sends (the server's submit sends
 * these and what the page around it needs): a figure that does not depend on the machine.
 */
export async function queriesOfSubmit(bench: Bench, slug: string, userId: string, slots: Slot[]) {
  const { findMunicipality } = await import("~/services/catalog.server");
  const { submitApplication } = await import("~/services/booking.server");
  const municipality = (await findMunicipality(slug))!;
  let ok = false;
  const queries = await bench.queryLog.capture(async () => {
    ok = (await submitApplication(municipality, userId, plainApplication(slots, randomUUID()), new Date())).ok;
  });
  return { ok, queries: queries.length };
}

/**
 * Starts the server: on PostgreSQL against a new throwaway database on the server of
 * `databaseUrl` (dropped at the end), or on the embedded PGlite the server starts itself, which
 * the bench reaches through EMBEDDED_DB_PORT.
 */
export async function startBench(options: BenchOptions, databaseUrl: string | undefined, log: (line: string) => void): Promise<Bench> {
  const sessionSecret = randomBytes(32).toString("hex");
  const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : undefined;
  const env: Record<string, string> = { SEED_DEMO: "false", SESSION_SECRET: sessionSecret, SECURE_COOKIES: "false" };
  let dropDatabase = async () => {};
  let url: string;
  if (databaseUrl) {
    const name = `tsudoi_bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(databaseUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    env.DATABASE_URL = url;
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    };
    log(`database: a new database ${name} on ${target.host}`);
  } else {
    const dbPort = process.env.BENCH_DB_PORT ? Number(process.env.BENCH_DB_PORT) : await freePort();
    env.EMBEDDED_DB_PORT = String(dbPort);
    url = `postgresql://postgres:postgres@127.0.0.1:${dbPort}/postgres?sslmode=disable`;
    log("database: the server's embedded PGlite (a new DATA_DIR)");
  }

  let server: RunningServer;
  try {
    server = await startServer({ readyPath: "/", port, env, timeoutMs: 180_000 });
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  const query: Query = (sql, params) => pool.query(sql, params as unknown[]);
  const databaseVersion = String((await query("SELECT version() AS v")).rows[0]!.v);

  // The app's own session storage signs the cookies: it reads these when it is first imported.
  process.env.SESSION_SECRET = sessionSecret;
  process.env.SECURE_COOKIES = "false";
  process.env.DATABASE_URL = url;
  // before any app module creates the process's Prisma client
  const queryLog = installQueryLog(url);
  const sessions = await import("~/utils/session.server");

  const cookieFor: Bench["cookieFor"] = async ({ sessionId, municipalityId }, application) => {
    const session = await sessions.getSession(new Request("http://bench.invalid/"));
    session.set("sessionId", sessionId);
    if (application) {
      sessions.setSelection(session, municipalityId, application.slots);
      sessions.setDraft(session, municipalityId, application.draft);
    }
    return (await sessions.commitSession(session)).split(";")[0]!;
  };

  const http = createClient(server.baseURL);
  return {
    options,
    kind: databaseUrl ? "postgresql" : "pglite",
    databaseVersion,
    server,
    http,
    pool,
    query,
    cookieFor,
    queryLog,
    serverRss: () => groupRss(server.pid),
    log,
    async stop() {
      http.close();
      await pool.end();
      const { db } = await import("~/utils/db.server");
      await db.$disconnect();
      await server.stop();
      await dropDatabase();
    },
  };
}

/** The RSS of the largest process of a process group (the node process under tsx), in bytes. */
export function groupRss(groupId: number) {
  let largest = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // fields after the command name (which may hold spaces): state ppid pgrp …
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== groupId) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (rss) largest = Math.max(largest, Number(rss[1]) * 1024);
    } catch {
      // the process ended meanwhile
    }
  }
  return largest;
}

/** Samples `read` every `everyMs` until stopped; returns the highest and the last sample. */
export function sampler(read: () => number, everyMs = 100) {
  let peak = read();
  const first = peak;
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
  }, everyMs);
  return {
    first,
    stop: () => {
      clearInterval(timer);
      const last = read();
      return { first, peak: Math.max(peak, last), last };
    },
  };
}

/**
 * A small world of one generated municipality (no bookings): its rooms' slots, and residents
 * with a live session each.
 */
export async function residentsWorld(
  bench: Bench,
  prefix: string,
  shape: { facilities: number; roomsPerFacility: number; residents: number; bookedPercent?: number },
) {
  const plan = planDataset(
    {
      municipalities: 1,
      facilitiesPerMunicipality: shape.facilities,
      roomsPerFacility: shape.roomsPerFacility,
      days: 365,
      bookedPercent: shape.bookedPercent ?? 0,
      residentsPerMunicipality: shape.residents,
    },
    bench.options.seed,
    new Date(),
    prefix,
  );
  await generateDataset(bench.query, plan);
  const { id: municipalityId, slug } = municipalityIds(plan, 1);
  const { rows: sessions } = await bench.query(
    `INSERT INTO "Session" ("id", "municipalityId", "userId", "expiresAt")
     SELECT 'bench-' || u.id, u."municipalityId", u.id, now() + interval '30 days' FROM "User" u WHERE u."municipalityId" = $1
     RETURNING "id" AS "sessionId", "userId"`,
    [municipalityId],
  );
  const { rows: rooms } = await bench.query(
    `SELECT r.id, f.id AS "facilityId", f."closedWeekdays", array_agg(t.id ORDER BY t."sortOrder") AS frames
     FROM "Room" r JOIN "Facility" f ON f.id = r."facilityId" JOIN "TimeFrame" t ON t."roomId" = r.id
     WHERE r."municipalityId" = $1 GROUP BY r.id, f.id ORDER BY r.id`,
    [municipalityId],
  );
  /** the free slots of the booking window, room by room */
  const bookableSlots = (firstDate: IsoDate, lastDate: IsoDate) => {
    const slots: Slot[] = [];
    for (const room of rooms) {
      const rules = { closedWeekdays: room.closedWeekdays as number[], closedOnHolidays: true, closedAtYearEnd: true, closedDates: new Map() };
      for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
        if (closureOn(date, rules)) continue;
        for (const timeFrameId of room.frames as string[]) slots.push({ roomId: room.id as string, timeFrameId, date });
      }
    }
    return slots;
  };
  return {
    plan,
    municipalityId,
    slug,
    sessions: sessions.map((s) => ({ sessionId: s.sessionId as string, userId: s.userId as string, municipalityId })),
    rooms: rooms.map((r) => ({ id: r.id as string, facilityId: r.facilityId as string, frames: r.frames as string[] })),
    bookableSlots,
  };
}
