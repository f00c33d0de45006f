import { PassThrough, Readable } from "node:stream";
import { once } from "node:events";
import ExcelJS from "exceljs";
import { addDays, formatMinutes, instantAt, type IsoDate, localDateTime, weekday } from "~/domain/calendar";
import { PURPOSE_CATEGORIES } from "~/domain/purpose-categories";
import { type DateRange, monthsIn, occupancyRate, percentOf, slotsOffered } from "~/domain/statistics";
import { Prisma } from "~/generated/prisma/client";
import type { DayType } from "~/generated/prisma/client";
import { ja } from "~/i18n/ja";
import { staffText } from "~/i18n/staff";
import { BOM, type CsvCell, csvRow } from "~/utils/csv";
import { db } from "~/utils/db.server";
import type { Municipality } from "./catalog.server";
import { loadClosedDates } from "./rooms.server";

const t = staffText.statistics;

/** The period (dates of use, both inclusive) and, optionally, one facility. */
export type StatisticsQuery = DateRange & { facilityId: string | null };
type Town = Pick<Municipality, "id" | "name" | "timeZone" | "closedOnHolidays" | "closedAtYearEnd">;

export const BREAKDOWNS = ["facility", "room", "frame", "weekday", "month", "purpose", "payment"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
/** What can be downloaded as CSV: one breakdown's table, or the detail (one row per slot). */
export type CsvPart = Breakdown | "detail";

// ---- the rules of what counts (one place; the ADR 0013 explains them) ----------------------

/**
 * A booked slot: not cancelled, of a confirmed application or of a tentative one whose hold has
 * not run out. An expired hold is neither booked nor cancelled.
 */
const booked = (now: Date) =>
  Prisma.sql`(i."cancelledAt" IS NULL AND (a."status" = 'CONFIRMED' OR (a."status" = 'TENTATIVE' AND (a."holdExpiresAt" IS NULL OR a."holdExpiresAt" > ${now}))))`;
/** A cancelled slot: cancelled by the applicant or the municipality, not freed by an expired hold. */
const cancelled = Prisma.sql`(i."cancelledAt" IS NOT NULL AND (a."expiredAt" IS NULL OR i."cancelledAt" <> a."expiredAt"))`;
/** An exemption granted for the slot (approved by staff, or needing no approval). */
const exempt = Prisma.sql`(a."exemptionStatus" = 'APPROVED' AND i."exemptBreakdown" IS NOT NULL)`;
/** Yen taken off by the exemption: the EXEMPTION line of the slot's exempt breakdown. */
const exemptionYen = Prisma.sql`COALESCE((SELECT -SUM((l->>'amount')::int) FROM jsonb_array_elements(i."exemptBreakdown"->'lines') AS l WHERE l->>'kind' = 'EXEMPTION'), 0)::int`;
/** How many came: the usage record where there is one (a no-show is 0), else the application's headcount. */
const headcount = Prisma.sql`(CASE WHEN i."usageRecordedAt" IS NOT NULL THEN COALESCE(i."actualHeadcount", 0) ELSE a."headcount" END)`;

/** The slots of the period, with their application, room and time frame (and `joins`). */
function slotsOf(municipalityId: string, query: StatisticsQuery, joins: Prisma.Sql = Prisma.empty) {
  const facility = query.facilityId ? Prisma.sql`AND r."facilityId" = ${query.facilityId}` : Prisma.empty;
  return Prisma.sql`"ApplicationItem" i
    JOIN "Application" a ON a."id" = i."applicationId" AND a."municipalityId" = i."municipalityId"
    JOIN "Room" r ON r."id" = i."roomId" AND r."municipalityId" = i."municipalityId"
    JOIN "TimeFrame" tf ON tf."id" = i."timeFrameId" AND tf."municipalityId" = i."municipalityId"
    ${joins}
    WHERE i."municipalityId" = ${municipalityId}
      AND i."useDate" BETWEEN ${query.from}::date AND ${query.to}::date ${facility}`;
}

const frameKey = (f: { name: string; startMinute: number; endMinute: number }) => `${f.name}|${f.startMinute}|${f.endMinute}`;

// ---- the figures ----------------------------------------------------------------------------

export type Figures = {
  booked: number;
  cancelled: number;
  noShows: number;
  headcount: number;
  fees: number;
  exemptions: number;
  exemptionYen: number;
};
const NO_FIGURES: Figures = { booked: 0, cancelled: 0, noShows: 0, headcount: 0, fees: 0, exemptions: 0, exemptionYen: 0 };

export type RevenueRow = { method: string; payments: number; refunds: number; reversals: number; net: number; entries: number };

type Scope = {
  facilities: { id: string; name: string; rooms: { id: string; name: string; timeFrames: { name: string; startMinute: number; endMinute: number; active: boolean; dayTypes: DayType[] }[] }[]; closedWeekdays: number[] }[];
  facilityName: string | null;
};

/** The facilities (one, or all) and their rooms and frames; null when the facility is not this town's. */
async function scopeOf(municipalityId: string, facilityId: string | null): Promise<Scope | null> {
  const facilities = await db.facility.findMany({
    where: { municipalityId, ...(facilityId ? { id: facilityId } : {}) },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      closedWeekdays: true,
      rooms: {
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { id: true, name: true, timeFrames: { orderBy: { sortOrder: "asc" }, select: { name: true, startMinute: true, endMinute: true, active: true, dayTypes: true } } },
      },
    },
  });
  if (facilityId && facilities.length === 0) return null;
  return { facilities, facilityName: facilityId ? facilities[0]!.name : null };
}

type GroupRow = { set: string; key: string | null } & { [K in keyof Figures]: bigint | number };

/**
 * Every breakdown's booking figures in one aggregate query (GROUPING SETS): the database counts
 * and sums; nothing but the grouped rows comes back.
 */
async function bookingFigures(municipalityId: string, query: StatisticsQuery, now: Date) {
  const rows = await db.$queryRaw<GroupRow[]>`
    WITH s AS (
      SELECT r."facilityId" AS facility, i."roomId" AS room,
             tf."name" || '|' || tf."startMinute" || '|' || tf."endMinute" AS frame,
             EXTRACT(DOW FROM i."useDate")::int AS weekday, to_char(i."useDate", 'YYYY-MM') AS month,
             a."purposeCategory" AS purpose,
             ${booked(now)} AS booked, ${cancelled} AS cancelled, i."noShow" AS "noShow",
             ${headcount} AS headcount, i."fee" AS fee, ${exempt} AS exempt, ${exemptionYen} AS "exemptionYen"
      FROM ${slotsOf(municipalityId, query)}
    )
    SELECT CASE WHEN GROUPING(facility) = 0 THEN 'facility' WHEN GROUPING(room) = 0 THEN 'room'
                WHEN GROUPING(frame) = 0 THEN 'frame' WHEN GROUPING(weekday) = 0 THEN 'weekday'
                WHEN GROUPING(month) = 0 THEN 'month' WHEN GROUPING(purpose) = 0 THEN 'purpose' ELSE 'total' END AS "set",
           COALESCE(facility, room, frame, weekday::text, month, purpose) AS "key",
           COUNT(*) FILTER (WHERE booked)::int AS "booked",
           COUNT(*) FILTER (WHERE cancelled)::int AS "cancelled",
           COUNT(*) FILTER (WHERE booked AND "noShow")::int AS "noShows",
           COALESCE(SUM(headcount) FILTER (WHERE booked), 0)::bigint AS "headcount",
           COALESCE(SUM(fee) FILTER (WHERE booked), 0)::bigint AS "fees",
           COUNT(*) FILTER (WHERE booked AND exempt)::int AS "exemptions",
           COALESCE(SUM("exemptionYen") FILTER (WHERE booked AND exempt), 0)::bigint AS "exemptionYen"
    FROM s WHERE booked OR cancelled
    GROUP BY GROUPING SETS ((facility), (room), (frame), (weekday), (month), (purpose), ())`;
  const figures = new Map<string, Figures>();
  for (const row of rows) {
    figures.set(`${row.set}:${row.key ?? ""}`, {
      booked: Number(row.booked),
      cancelled: Number(row.cancelled),
      noShows: Number(row.noShows),
      headcount: Number(row.headcount),
      fees: Number(row.fees),
      exemptions: Number(row.exemptions),
      exemptionYen: Number(row.exemptionYen),
    });
  }
  return (set: string, key = "") => figures.get(`${set}:${key}`) ?? NO_FIGURES;
}

const METHODS = ["CASH", "TERMINAL", "STRIPE"] as const;

/**
 * Money recorded in the period (by the day it was recorded, in the town's time zone), by payment
 * method: payments, refunds and reversals as signed sums. With a facility: the ledger of
 * applications that have a slot there.
 */
async function revenue(town: Town, query: StatisticsQuery): Promise<RevenueRow[]> {
  const from = instantAt(query.from, 0, town.timeZone);
  const until = instantAt(addDays(query.to, 1), 0, town.timeZone);
  const facility = query.facilityId
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "ApplicationItem" i JOIN "Room" r ON r."id" = i."roomId"
        WHERE i."applicationId" = l."applicationId" AND i."municipalityId" = l."municipalityId" AND r."facilityId" = ${query.facilityId})`
    : Prisma.empty;
  const rows = await db.$queryRaw<{ method: string; kind: string; amount: bigint; entries: number }[]>`
    SELECT l."method"::text AS "method", l."kind"::text AS "kind", SUM(l."amount")::bigint AS "amount", COUNT(*)::int AS "entries"
    FROM "LedgerEntry" l
    WHERE l."municipalityId" = ${town.id} AND l."createdAt" >= ${from} AND l."createdAt" < ${until} ${facility}
    GROUP BY l."method", l."kind"`;
  const byMethod = METHODS.map((method) => {
    const of = (kind: string) => rows.find((r) => r.method === method && r.kind === kind);
    const sum = (kind: string) => Number(of(kind)?.amount ?? 0);
    const payments = sum("PAYMENT");
    const refunds = sum("REFUND");
    const reversals = sum("REVERSAL");
    const entries = rows.filter((r) => r.method === method).reduce((n, r) => n + r.entries, 0);
    return { method, payments, refunds, reversals, net: payments + refunds + reversals, entries };
  });
  const total = (k: keyof Omit<RevenueRow, "method">) => byMethod.reduce((n, r) => n + r[k], 0);
  return [...byMethod, { method: "TOTAL", payments: total("payments"), refunds: total("refunds"), reversals: total("reversals"), net: total("net"), entries: total("entries") }];
}

export type StatRow = Figures & { key: string; offered: number | null; rate: number | null };

export type UsageStatistics = {
  query: StatisticsQuery;
  facilityName: string | null;
  total: StatRow;
  facilities: (StatRow & { name: string })[];
  rooms: (StatRow & { facilityName: string; name: string })[];
  frames: (StatRow & { name: string; startMinute: number; endMinute: number })[];
  /** Monday first; weekday 0 = Sunday … 6 = Saturday */
  weekdays: (StatRow & { weekday: number })[];
  months: (StatRow & { month: string })[];
  purposes: (StatRow & { category: string })[];
  revenue: RevenueRow[];
};

/**
 * The usage statistics of a period: slots offered from the calendar (pure domain code), the
 * booking figures and the money from aggregate queries. Null when the facility asked for is not
 * the municipality's.
 */
export async function usageStatistics(town: Town, query: StatisticsQuery, now: Date): Promise<UsageStatistics | null> {
  const scope = await scopeOf(town.id, query.facilityId);
  if (!scope) return null;
  const [closedDatesOf, figuresOf, money] = await Promise.all([
    loadClosedDates(town.id, scope.facilities.map((f) => f.id), query.from, query.to),
    bookingFigures(town.id, query, now),
    revenue(town, query),
  ]);
  const offered = slotsOffered(
    scope.facilities.flatMap((f) =>
      f.rooms.map((r) => ({
        id: r.id,
        facilityId: f.id,
        frames: r.timeFrames.map((frame) => ({ ...frame, key: frameKey(frame) })),
        closure: { closedWeekdays: f.closedWeekdays, closedOnHolidays: town.closedOnHolidays, closedAtYearEnd: town.closedAtYearEnd, closedDates: closedDatesOf(f.id) },
      })),
    ),
    query,
  );
  const row = (set: string, key: string, slots: number | null): StatRow => {
    const figures = figuresOf(set, key);
    return { key, offered: slots, rate: occupancyRate(figures.booked, slots), ...figures };
  };
  const frames = new Map<string, { name: string; startMinute: number; endMinute: number }>();
  for (const f of scope.facilities) for (const r of f.rooms) for (const frame of r.timeFrames) frames.set(frameKey(frame), frame);
  return {
    query,
    facilityName: scope.facilityName,
    total: row("total", "", offered.total),
    facilities: scope.facilities.map((f) => ({ ...row("facility", f.id, offered.byFacility.get(f.id) ?? 0), name: f.name })),
    rooms: scope.facilities.flatMap((f) => f.rooms.map((r) => ({ ...row("room", r.id, offered.byRoom.get(r.id) ?? 0), facilityName: f.name, name: r.name }))),
    frames: [...frames]
      .sort(([, a], [, b]) => a.startMinute - b.startMinute || a.endMinute - b.endMinute || a.name.localeCompare(b.name, "ja"))
      .map(([key, frame]) => ({ ...row("frame", key, offered.byFrame.get(key) ?? 0), ...frame })),
    weekdays: [1, 2, 3, 4, 5, 6, 0].map((d) => ({ ...row("weekday", String(d), offered.byWeekday[d]!), weekday: d })),
    months: monthsIn(query).map((month) => ({ ...row("month", month, offered.byMonth.get(month) ?? 0), month })),
    purposes: PURPOSE_CATEGORIES.map((category) => ({ ...row("purpose", category, null), category })),
    revenue: money,
  };
}

// ---- tables: what the page shows, and the CSV and workbook hold ------------------------------

export type ColumnFormat = "text" | "count" | "yen" | "percent";
export type Column = { header: string; format: ColumnFormat };
/** A percent cell holds the ratio (0.25 = 25 %); null is an empty cell. */
export type Cell = string | number | null;
export type StatTable = {
  id: Breakdown;
  title: string;
  columns: Column[];
  rows: Cell[][];
  total: Cell[];
  /** one bar per row: the occupancy rate, else the booked slots (purpose) or the net (money) */
  chart: { metric: string; bars: { label: string; value: number; ratio: number }[]; format: ColumnFormat };
};

const c = t.columns;
const FIGURE_COLUMNS: Column[] = [
  { header: c.offered, format: "count" },
  { header: c.booked, format: "count" },
  { header: c.rate, format: "percent" },
  { header: c.cancelled, format: "count" },
  { header: c.noShows, format: "count" },
  { header: c.headcount, format: "count" },
  { header: c.fees, format: "yen" },
  { header: c.exemptions, format: "count" },
  { header: c.exemptionYen, format: "yen" },
];
const figureCells = (r: StatRow): Cell[] => [r.offered, r.booked, r.rate, r.cancelled, r.noShows, r.headcount, r.fees, r.exemptions, r.exemptionYen];
/** A purpose has no slots of its own: its columns start at 予約枠, without the rate. */
const PURPOSE_COLUMNS = [FIGURE_COLUMNS[1]!, ...FIGURE_COLUMNS.slice(3)];
const purposeCells = (r: StatRow): Cell[] => [r.booked, ...figureCells(r).slice(3)];

function rateChart(labels: string[], rows: StatRow[]): StatTable["chart"] {
  return { metric: t.charts.rate, format: "percent", bars: rows.map((r, i) => ({ label: labels[i]!, value: r.rate ?? 0, ratio: r.rate ?? 0 })) };
}

function scaledChart(metric: string, format: ColumnFormat, bars: { label: string; value: number }[]): StatTable["chart"] {
  const max = Math.max(0, ...bars.map((b) => b.value));
  return { metric, format, bars: bars.map((b) => ({ ...b, ratio: max > 0 ? Math.max(0, b.value) / max : 0 })) };
}

/** The tables of every breakdown, in the order the page shows them. */
export function statisticsTables(stats: UsageStatistics): StatTable[] {
  const withFigures = <R extends StatRow>(id: Breakdown, labelColumns: string[], rows: R[], labels: (r: R) => string[]): StatTable => ({
    id,
    title: t.tables[id]!,
    columns: [...labelColumns.map((header) => ({ header, format: "text" as const })), ...FIGURE_COLUMNS],
    rows: rows.map((r) => [...labels(r), ...figureCells(r)]),
    total: [t.total, ...labelColumns.slice(1).map(() => null), ...figureCells(stats.total)],
    chart: rateChart(rows.map((r) => labels(r).join(" ")), rows),
  });
  const purposeName = (code: string) => ja.apply.purpose.categories[code] ?? code;
  const money = stats.revenue.filter((r) => r.method !== "TOTAL");
  const moneyTotal = stats.revenue.find((r) => r.method === "TOTAL")!;
  const moneyCells = (r: RevenueRow): Cell[] => [r.payments, r.refunds, r.reversals, r.net, r.entries];
  return [
    withFigures("facility", [c.facility], stats.facilities, (r) => [r.name]),
    withFigures("room", [c.facility, c.room], stats.rooms, (r) => [r.facilityName, r.name]),
    withFigures("frame", [c.frame, c.time], stats.frames, (r) => [r.name, `${formatMinutes(r.startMinute)}〜${formatMinutes(r.endMinute)}`]),
    withFigures("weekday", [c.weekday], stats.weekdays, (r) => [ja.weekdayShort[r.weekday]!]),
    withFigures("month", [c.month], stats.months, (r) => [r.month]),
    {
      id: "purpose",
      title: t.tables.purpose!,
      columns: [{ header: c.purpose, format: "text" }, ...PURPOSE_COLUMNS],
      rows: stats.purposes.map((r) => [purposeName(r.category), ...purposeCells(r)]),
      total: [t.total, ...purposeCells(stats.total)],
      chart: scaledChart(t.charts.booked, "count", stats.purposes.map((r) => ({ label: purposeName(r.category), value: r.booked }))),
    },
    {
      id: "payment",
      title: t.tables.payment!,
      columns: [
        { header: c.method, format: "text" },
        { header: c.payments, format: "yen" },
        { header: c.refunds, format: "yen" },
        { header: c.reversals, format: "yen" },
        { header: c.net, format: "yen" },
        { header: c.entries, format: "count" },
      ],
      rows: money.map((r) => [t.methods[r.method] ?? r.method, ...moneyCells(r)]),
      total: [t.total, ...moneyCells(moneyTotal)],
      chart: scaledChart(t.charts.net, "yen", money.map((r) => ({ label: t.methods[r.method] ?? r.method, value: r.net }))),
    },
  ];
}


function csvCells(table: Pick<StatTable, "columns">, cells: Cell[]): CsvCell[] {
  return cells.map((cell, i) => (table.columns[i]!.format === "percent" && typeof cell === "number" ? percentOf(cell) : cell));
}

// ---- the detail: one row per booked or cancelled slot, read in keyset-paginated batches ------

type DetailRow = {
  id: string;
  date: string;
  startsAt: Date;
  number: number;
  status: string;
  purposeCategory: string;
  facility: string;
  room: string;
  frame: string;
  startMinute: number;
  endMinute: number;
  booked: boolean;
  headcount: number;
  recorded: boolean;
  actualHeadcount: number | null;
  noShow: boolean;
  counted: number;
  fee: number;
  exemption: string | null;
  exemptionYen: number;
  cancellationCharge: number;
};

const detailJoins = Prisma.sql`JOIN "Facility" f ON f."id" = r."facilityId" AND f."municipalityId" = i."municipalityId"
    LEFT JOIN "ExemptionCategory" ec ON ec."id" = a."exemptionCategoryId" AND ec."municipalityId" = i."municipalityId"`;

/** How many slots the export reads from the database at a time. */
export const DETAIL_BATCH = 500;

/**
 * The period's booked and cancelled slots in (date of use, start, id) order, `batchSize` rows per
 * query: each batch starts after the last row of the one before (keyset), so no batch grows with
 * the period and nothing is held beyond the batch being written.
 */
export async function* detailBatches(municipalityId: string, query: StatisticsQuery, now: Date, batchSize = DETAIL_BATCH): AsyncGenerator<DetailRow[]> {
  let after: DetailRow | null = null;
  for (;;) {
    const keyset: Prisma.Sql = after
      ? Prisma.sql`AND (i."useDate", i."startsAt", i."id") > (${after.date}::date, ${after.startsAt}, ${after.id})`
      : Prisma.empty;
    const rows: DetailRow[] = await db.$queryRaw<DetailRow[]>`
      SELECT i."id", to_char(i."useDate", 'YYYY-MM-DD') AS "date", i."startsAt", a."number", a."status"::text AS "status",
             a."purposeCategory", f."name" AS "facility", r."name" AS "room", tf."name" AS "frame", tf."startMinute", tf."endMinute",
             ${booked(now)} AS "booked", a."headcount", i."usageRecordedAt" IS NOT NULL AS "recorded", i."actualHeadcount", i."noShow",
             ${headcount} AS "counted", i."fee",
             CASE WHEN ${exempt} THEN ec."name" END AS "exemption",
             CASE WHEN ${exempt} THEN ${exemptionYen} ELSE 0 END AS "exemptionYen",
             i."cancellationCharge"
      FROM ${slotsOf(municipalityId, query, detailJoins)}
        AND (${booked(now)} OR ${cancelled}) ${keyset}
      ORDER BY i."useDate", i."startsAt", i."id"
      LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!;
  }
}

const d = t.detail;
const DETAIL_COLUMNS: Column[] = [
  { header: d.number, format: "count" },
  { header: d.date, format: "text" },
  { header: d.weekday, format: "text" },
  { header: d.facility, format: "text" },
  { header: d.room, format: "text" },
  { header: d.frame, format: "text" },
  { header: d.start, format: "text" },
  { header: d.end, format: "text" },
  { header: d.state, format: "text" },
  { header: d.status, format: "text" },
  { header: d.purpose, format: "text" },
  { header: d.appliedHeadcount, format: "count" },
  { header: d.actualHeadcount, format: "count" },
  { header: d.noShow, format: "text" },
  { header: d.countedHeadcount, format: "count" },
  { header: d.fee, format: "yen" },
  { header: d.exemption, format: "text" },
  { header: d.exemptionYen, format: "yen" },
  { header: d.cancellationCharge, format: "yen" },
];

/** A detail row's cells: no names, phone numbers or purposes in words (the number finds them). */
function detailCells(r: DetailRow): Cell[] {
  return [
    r.number,
    r.date,
    ja.weekdayShort[weekday(r.date)]!,
    r.facility,
    r.room,
    r.frame,
    formatMinutes(r.startMinute),
    formatMinutes(r.endMinute),
    r.booked ? d.booked : d.cancelled,
    t.statuses[r.status] ?? r.status,
    ja.apply.purpose.categories[r.purposeCategory] ?? r.purposeCategory,
    r.headcount,
    r.recorded && !r.noShow ? r.actualHeadcount : null,
    r.noShow ? d.yes : "",
    r.booked ? r.counted : null,
    r.booked ? r.fee : null,
    r.exemption ?? "",
    r.booked && r.exemption !== null ? r.exemptionYen : null,
    r.booked ? null : r.cancellationCharge,
  ];
}

// ---- downloads -------------------------------------------------------------------------------

const ASCII_PART: Record<CsvPart, string> = {
  facility: "facility",
  room: "room",
  frame: "time-frame",
  weekday: "weekday",
  month: "month",
  purpose: "purpose",
  payment: "payment-method",
  detail: "detail",
};

/** The download's name (Japanese) and an ASCII fallback for old browsers. */
export function exportFileName(query: StatisticsQuery, facilityName: string | null, part: CsvPart | "workbook", extension: "csv" | "xlsx") {
  const title = part === "workbook" ? null : part === "detail" ? d.sheet : t.tables[part]!;
  const name = [t.fileName, title, facilityName, query.from, query.to].filter(Boolean).join("_");
  const ascii = ["usage-statistics", part === "workbook" ? null : ASCII_PART[part], query.from, query.to].filter(Boolean).join("_");
  return { name: `${name}.${extension}`, ascii: `${ascii}.${extension}` };
}

/** Pulls one string at a time from `chunks` as the reader asks for it (backpressure). */
function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

async function* csvChunks(town: Town, stats: UsageStatistics, part: CsvPart, now: Date, batchSize: number): AsyncGenerator<string> {
  if (part !== "detail") {
    const table = statisticsTables(stats).find((x) => x.id === part)!;
    yield BOM + [table.columns.map((col) => col.header), ...table.rows, table.total].map((row) => csvRow(csvCells(table, row))).join("");
    return;
  }
  yield BOM + csvRow(DETAIL_COLUMNS.map((col) => col.header));
  for await (const batch of detailBatches(town.id, stats.query, now, batchSize)) {
    yield batch.map((r) => csvRow(detailCells(r))).join("");
  }
}

/**
 * A CSV download of one breakdown or of the detail, for Japanese Excel (BOM, CRLF, Japanese
 * headings), as a stream: the detail is read and written a batch at a time, so memory does not
 * grow with the period. Null when the facility is not the municipality's. The benchmarks call
 * this too (a year of one municipality).
 */
export async function statisticsCsv(town: Town, query: StatisticsQuery, part: CsvPart, now: Date, options: { batchSize?: number } = {}) {
  const stats = await usageStatistics(town, query, now);
  if (!stats) return null;
  return { fileName: exportFileName(query, stats.facilityName, part, "csv"), body: textStream(csvChunks(town, stats, part, now, options.batchSize ?? DETAIL_BATCH)) };
}

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = { text: undefined, count: "#,##0", yen: "#,##0", percent: "0.0%" };

/** A sheet whose first row holds the columns' headings (bold, kept in view when scrolling). */
function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Column[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((col) => ({
    header: col.header,
    width: col.format === "text" ? 18 : 12,
    style: NUMBER_FORMATS[col.format] ? { numFmt: NUMBER_FORMATS[col.format] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

/** Waits while the reader is behind, so the workbook is not built up in memory ahead of it. */
async function keepPace(out: PassThrough) {
  while (out.writableNeedDrain && !out.destroyed) await once(out, "drain");
}

async function writeWorkbook(town: Town, stats: UsageStatistics, now: Date, out: PassThrough, batchSize: number) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Tsudoi";
  workbook.created = now;
  const s = t.summaryRows;
  const summary = workbook.addWorksheet(t.summarySheet);
  summary.columns = [{ width: 24 }, { width: 28, style: { numFmt: NUMBER_FORMATS.count } }];
  const total = stats.total;
  const net = stats.revenue.find((r) => r.method === "TOTAL")!.net;
  const lines: [string, Cell, string?][] = [
    [s.municipality, town.name],
    [s.period, t.period(stats.query.from, stats.query.to)],
    [s.facility, stats.facilityName ?? t.allFacilities],
    [s.createdAt, localDateTime(now, town.timeZone)],
    [s.offered, total.offered],
    [s.booked, total.booked],
    [s.rate, total.rate, "0.0%"],
    [s.cancelled, total.cancelled],
    [s.noShows, total.noShows],
    [s.headcount, total.headcount],
    [s.fees, total.fees],
    [s.exemptions, total.exemptions],
    [s.exemptionYen, total.exemptionYen],
    [s.net, net],
  ];
  for (const [label, value, numFmt] of lines) {
    const row = summary.addRow([label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.commit();
  }
  summary.commit();
  for (const table of statisticsTables(stats)) {
    const sheet = addSheet(workbook, table.title, table.columns);
    for (const cells of table.rows) sheet.addRow(cells).commit();
    const totalRow = sheet.addRow(table.total);
    totalRow.font = { bold: true };
    totalRow.commit();
    sheet.commit();
    await keepPace(out);
  }
  const detail = addSheet(workbook, d.sheet, DETAIL_COLUMNS);
  for await (const batch of detailBatches(town.id, stats.query, now, batchSize)) {
    // the download was abandoned: read no further
    if (out.destroyed) return;
    for (const r of batch) detail.addRow(detailCells(r)).commit();
    await keepPace(out);
  }
  detail.commit();
  await workbook.commit();
}

/**
 * The .xlsx workbook: a summary sheet, a sheet per breakdown and the detail sheet, streamed
 * (exceljs's streaming writer into the response) with the detail read a batch at a time. Null
 * when the facility is not the municipality's.
 */
export async function statisticsWorkbook(town: Town, query: StatisticsQuery, now: Date, options: { batchSize?: number } = {}) {
  const stats = await usageStatistics(town, query, now);
  if (!stats) return null;
  const out = new PassThrough();
  writeWorkbook(town, stats, now, out, options.batchSize ?? DETAIL_BATCH).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return { fileName: exportFileName(query, stats.facilityName, "workbook", "xlsx"), body: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}
