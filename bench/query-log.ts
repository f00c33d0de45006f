/**
 * The app's own queries, as the bench calls its services: the process's one Prisma client (the
 * one app/utils/db.server.ts would create) is made here first, with query events on, so that
 * a service call's SQL and parameters can be captured and EXPLAINed.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

export type CapturedQuery = { sql: string; params: unknown[]; ms: number };

export function installQueryLog(connectionString: string) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 10 }),
    log: [{ emit: "event", level: "query" }],
  });
  (globalThis as unknown as { __db?: PrismaClient }).__db = client;
  let current: CapturedQuery[] | null = null;
  client.$on("query", (event) => {
    current?.push({ sql: event.query, params: JSON.parse(event.params) as unknown[], ms: event.duration });
  });
  return {
    /** Runs `fn` and returns the queries it sent (one caller at a time). */
    async capture(fn: () => Promise<unknown>) {
      current = [];
      try {
        await fn();
        return current;
      } finally {
        current = null;
      }
    },
  };
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };

/** The scans of a plan (EXPLAIN FORMAT JSON), as "Index Scan using X on T" lines. Pure. */
export function scansOf(plan: PlanNode): { line: string; relation: string; sequential: boolean }[] {
  // a bitmap heap scan names no index itself: its bitmap index scans below it do
  const bitmapIndexes = (node: PlanNode): string[] =>
    node["Node Type"] === "Bitmap Index Scan" ? [node["Index Name"] ?? "?"] : (node.Plans ?? []).flatMap(bitmapIndexes);
  const index = plan["Index Name"] ?? (plan["Node Type"] === "Bitmap Heap Scan" ? bitmapIndexes(plan).join(" + ") : "");
  const here = plan["Relation Name"]
    ? [{
        line: `${plan["Node Type"]}${index ? ` using ${index}` : ""} on ${plan["Relation Name"]}`,
        relation: plan["Relation Name"],
        sequential: plan["Node Type"] === "Seq Scan",
      }]
    : [];
  return [...here, ...(plan.Plans ?? []).flatMap(scansOf)];
}
