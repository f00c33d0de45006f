/**
 * The availability data set of scenario 3: municipalities × facilities × rooms × the three
 * standard time frames × a year, about `bookedPercent` % of the open slots booked. Written
 * with a few bulk INSERT … SELECT statements per municipality (no row-by-row inserts), and
 * reproducible: whether a slot is booked, by whom and in which state is a hash of the seed and
 * the slot's place (not of the ids' prefix), so the same seed gives the same bookings.
 *
 * Every booking is what the app itself would have written: an Application with one
 * ApplicationItem per booked frame of a room's day and one Occupancy row per item (under the
 * same exclusion constraint), past ones confirmed and paid (a LedgerEntry) with a usage record,
 * a few cancelled, some future ones still held for payment at the counter.
 */
import { bookingWindow } from "~/domain/booking-window";
import { addDays, type IsoDate, todayIn, weekday } from "~/domain/calendar";
import { closureOn } from "~/domain/closures";
import type { DatasetSize } from "./options";

export type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

const TIME_ZONE = "Asia/Tokyo";
/** the default rules of a new municipality (schema defaults), which the generated ones keep */
const MUNICIPALITY_RULES = { bookingWindowMonths: 3, bookingCloseDaysBefore: 1, closedOnHolidays: true, closedAtYearEnd: true };

export type DatasetPlan = {
  /** start of every id and slug of the data set, so that it never meets other data */
  prefix: string;
  seed: number;
  size: DatasetSize;
  now: Date;
  today: IsoDate;
  /** the year of bookings: it ends on the last day of the booking window */
  from: IsoDate;
  to: IsoDate;
  /** every date of the year, whether it is a weekday closure-free day for the municipality */
  dates: { date: IsoDate; weekday: number; closedForAll: boolean }[];
};

export function planDataset(size: DatasetSize, seed: number, now: Date, prefix = "bench"): DatasetPlan {
  const today = todayIn(TIME_ZONE, now);
  const to = bookingWindow(today, MUNICIPALITY_RULES).last;
  const from = addDays(to, -(size.days - 1));
  const dates = Array.from({ length: size.days }, (_, i) => {
    const date = addDays(from, i);
    const closure = closureOn(date, { ...MUNICIPALITY_RULES, closedWeekdays: [], closedDates: new Map() });
    return { date, weekday: weekday(date), closedForAll: closure !== null };
  });
  return { prefix, seed, size, now, today, from, to, dates };
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** ids of the plan's municipality number `m` (1-based) */
export function municipalityIds(plan: DatasetPlan, m: number) {
  return { id: `${plan.prefix}${pad(m, 2)}`, slug: `${plan.prefix}${pad(m, 2)}` };
}

/** A non-negative 28-bit hash of the seed (an integer, so safe to write into the SQL) and a key. */
function hasher(seed: number) {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`the seed must be an integer, not ${seed}`);
  return (key: string) => `('x' || substr(md5('${seed}:' || ${key}), 1, 7))::bit(28)::int`;
}

export type DatasetCounts = Record<"municipalities" | "facilities" | "rooms" | "timeFrames" | "users" | "applications" | "items" | "occupancies" | "activeOccupancies" | "ledgerEntries" | "openSlots", number>;

/**
 * Writes the plan's data set. `log` hears of each municipality done. The database must have the
 * app's migrations applied and no data of this prefix yet.
 */
export async function generateDataset(query: Query, plan: DatasetPlan, log: (line: string) => void = () => {}): Promise<DatasetCounts> {
  const { size } = plan;
  const hash = hasher(plan.seed);
  // $1 is the prefix in every statement below
  const base = [plan.prefix];
  await query(
    `INSERT INTO "Municipality" ("id", "slug", "name", "helpPhone")
     SELECT $1 || lpad(m::text, 2, '0'), $1 || lpad(m::text, 2, '0'), 'ベンチ市' || m, '0000-00-' || lpad(m::text, 4, '0')
     FROM generate_series(1, $2::int) m`,
    [...base, size.municipalities],
  );
  // a weekly closing day for four facilities in five (Sunday … Saturday), none for the fifth
  await query(
    `INSERT INTO "Facility" ("id", "municipalityId", "name", "address", "phone", "closedWeekdays", "sortOrder")
     SELECT m.id || '-f' || lpad(f::text, 2, '0'), m.id, '第' || f || '地区会館', m."name" || f || '-1', '0000-11-' || lpad(f::text, 4, '0'),
       CASE WHEN h % 5 = 0 THEN '{}'::int[] ELSE ARRAY[h % 7] END, f
     FROM "Municipality" m CROSS JOIN generate_series(1, $2::int) f
     CROSS JOIN LATERAL (SELECT ${hash(`substring(m.id from length($1) + 1) || ':f' || f`)} AS h) x
     WHERE m.id LIKE $1 || '%'`,
    [...base, size.facilitiesPerMunicipality],
  );
  await query(
    `INSERT INTO "Space" ("id", "municipalityId", "facilityId", "name")
     SELECT f.id || '-s' || r, f."municipalityId", f.id, '部屋' || r
     FROM "Facility" f CROSS JOIN generate_series(1, $2::int) r WHERE f."municipalityId" LIKE $1 || '%'`,
    [...base, size.roomsPerFacility],
  );
  await query(
    `INSERT INTO "Room" ("id", "municipalityId", "facilityId", "name", "capacity", "sortOrder")
     SELECT s.id, s."municipalityId", s."facilityId", '集会室' || chr(64 + r), 10 + ${hash("substring(s.id from length($1) + 1)")} % 50, r
     FROM "Space" s CROSS JOIN LATERAL (SELECT substring(s.id from '-s(\\d+)$')::int AS r) x
     WHERE s."municipalityId" LIKE $1 || '%'`,
    base,
  );
  await query(
    `INSERT INTO "RoomSpace" ("municipalityId", "roomId", "spaceId")
     SELECT "municipalityId", id, id FROM "Room" WHERE "municipalityId" LIKE $1 || '%'`,
    base,
  );
  await query(
    `INSERT INTO "TimeFrame" ("id", "municipalityId", "roomId", "name", "startMinute", "endMinute", "sortOrder")
     SELECT r.id || '-t' || t.k, r."municipalityId", r.id, t.name, t.s, t.e, t.k
     FROM "Room" r CROSS JOIN (VALUES (0, '午前', 540, 720), (1, '午後', 780, 1020), (2, '夜間', 1080, 1290)) AS t(k, name, s, e)
     WHERE r."municipalityId" LIKE $1 || '%'`,
    base,
  );
  await query(
    `INSERT INTO "FeeSchedule" ("id", "municipalityId", "effectiveFrom", "airconFee")
     SELECT id || '-fees', id, DATE '2000-01-01', 300 FROM "Municipality" WHERE id LIKE $1 || '%'`,
    base,
  );
  await query(
    `INSERT INTO "FeeRate" ("municipalityId", "scheduleId", "timeFrameId", "dayType", "amount")
     SELECT t."municipalityId", t."municipalityId" || '-fees', t.id, d."dayType", ${feeOf(`t."sortOrder"`, `d."dayType" = 'HOLIDAY'`)}
     FROM "TimeFrame" t CROSS JOIN (VALUES ('WEEKDAY'::"DayType"), ('HOLIDAY'::"DayType")) AS d("dayType")
     WHERE t."municipalityId" LIKE $1 || '%'`,
    base,
  );
  await query(
    `INSERT INTO "User" ("id", "municipalityId", "email", "passwordHash", "name", "phone")
     SELECT m.id || '-u' || lpad(u::text, 4, '0'), m.id, 'u' || u || '@' || m.slug || '.example.jp',
       'no-password: generated by the benchmark', '利用者' || u, '090-0000-' || lpad(u::text, 4, '0')
     FROM "Municipality" m CROSS JOIN generate_series(1, $2::int) u WHERE m.id LIKE $1 || '%'`,
    [...base, size.residentsPerMunicipality],
  );

  for (let m = 1; m <= size.municipalities; m++) {
    const started = Date.now();
    await bookingsOf(query, plan, municipalityIds(plan, m).id);
    log(`  municipality ${m}/${size.municipalities} booked (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  return countDataset(query, plan);
}

/** Base fee of a frame (0 morning, 1 afternoon, 2 evening), dearer on Saturdays, Sundays and holidays. */
const feeOf = (frame: string, holiday: string) => `(CASE WHEN ${frame} = 0 THEN 1200 ELSE 1600 END + CASE WHEN ${holiday} THEN 300 ELSE 0 END)`;

async function bookingsOf(query: Query, plan: DatasetPlan, municipalityId: string) {
  const hash = hasher(plan.seed);
  const params = [
    municipalityId,
    plan.dates.map((d) => d.date),
    plan.dates.map((d) => d.weekday),
    plan.dates.map((d) => d.closedForAll),
    plan.size.bookedPercent,
    plan.today,
    plan.now,
    plan.size.residentsPerMunicipality,
    plan.prefix,
  ];
  // the booked slots of the municipality's open days; hashed keys leave out the prefix ($9),
  // so the seed alone decides (01-f02-s3:2026-12-07:0 …)
  const booked = `
    WITH slot AS (
      SELECT r."municipalityId" AS m, r.id AS room_id, d.day, d.weekday, t.id AS frame_id, t."sortOrder" AS frame,
        t."startMinute" AS start_minute, t."endMinute" AS end_minute,
        r.id || '-' || to_char(d.day, 'YYYYMMDD') AS app_id,
        ${hash(`substring(r.id from length($9::text) + 1) || ':' || d.day || ':' || t."sortOrder"`)} AS h
      FROM "Room" r
      JOIN "Facility" f ON f.id = r."facilityId"
      JOIN "TimeFrame" t ON t."roomId" = r.id
      CROSS JOIN unnest($2::date[], $3::int[], $4::boolean[]) AS d(day, weekday, closed)
      WHERE r."municipalityId" = $1 AND NOT d.closed AND NOT (d.weekday = ANY (f."closedWeekdays"))
    ), booked AS (
      SELECT slot.*, ${hash(`substring(app_id from length($9::text) + 1)`)} AS ah FROM slot WHERE h % 100 < $5
    ), app AS (
      SELECT booked.*,
        CASE WHEN day < $6::date THEN CASE WHEN ah % 100 < 4 THEN 'CANCELLED' ELSE 'CONFIRMED' END
             ELSE CASE WHEN ah % 100 < 5 THEN 'CANCELLED' WHEN ah % 100 < 20 THEN 'TENTATIVE' ELSE 'CONFIRMED' END
        END::"ApplicationStatus" AS status,
        LEAST($7::timestamptz, (day - (1 + ah % 60))::timestamp AT TIME ZONE 'Asia/Tokyo' + interval '10 hours') AS created_at,
        5 + ah % 30 AS headcount,
        1 + ah % $8::int AS user_number,
        ${feeOf("frame", "weekday IN (0, 6)")} AS fee
      FROM booked
    )`;
  await query(
    `${booked}
     INSERT INTO "Application" ("id", "municipalityId", "userId", "status", "purpose", "headcount", "contactPhone", "totalFee",
       "idempotencyKey", "createdAt", "confirmedAt", "holdExpiresAt", "cancelledAt")
     SELECT app_id, m, m || '-u' || lpad(min(user_number)::text, 4, '0'), min(status),
       (ARRAY['会議', '練習', '教室', '講演会', '趣味の会'])[1 + min(ah) % 5], min(headcount), '090-1111-2222', sum(fee),
       app_id, min(created_at),
       CASE WHEN min(status) = 'CONFIRMED' THEN min(created_at) END,
       CASE WHEN min(status) = 'TENTATIVE' THEN $7::timestamptz + interval '7 days' END,
       CASE WHEN min(status) = 'CANCELLED' THEN LEAST($7::timestamptz, min(created_at) + interval '1 day') END
     FROM app GROUP BY app_id, m`,
    params,
  );
  await query(
    `${booked}
     INSERT INTO "ApplicationItem" ("id", "municipalityId", "applicationId", "roomId", "timeFrameId", "useDate", "startsAt", "endsAt",
       "fee", "feeBreakdown", "cancelledAt", "usageRecordedAt", "actualHeadcount", "noShow")
     SELECT app_id || '-' || frame, m, app_id, room_id, frame_id, day, s, e, fee,
       jsonb_build_object('lines', jsonb_build_array(jsonb_build_object('kind', 'BASE', 'amount', fee)), 'total', fee),
       CASE WHEN status = 'CANCELLED' THEN LEAST($7::timestamptz, created_at + interval '1 day') END,
       CASE WHEN recorded THEN e END,
       CASE WHEN recorded AND NOT no_show THEN greatest(1, headcount - h % 4) END,
       recorded AND no_show
     FROM app CROSS JOIN LATERAL (SELECT
       (day + make_interval(mins => start_minute)) AT TIME ZONE 'Asia/Tokyo' AS s,
       (day + make_interval(mins => end_minute)) AT TIME ZONE 'Asia/Tokyo' AS e,
       status = 'CONFIRMED' AND day < $6::date AS recorded,
       h % 100 < 3 AS no_show) x`,
    params,
  );
  await query(
    `INSERT INTO "Occupancy" ("id", "municipalityId", "spaceId", "itemId", "kind", "startsAt", "endsAt", "active", "expiresAt")
     SELECT i.id || '-' || rs."spaceId", i."municipalityId", rs."spaceId", i.id, 'BOOKING', i."startsAt", i."endsAt",
       i."cancelledAt" IS NULL, a."holdExpiresAt"
     FROM "ApplicationItem" i
     JOIN "Application" a ON a.id = i."applicationId"
     JOIN "RoomSpace" rs ON rs."roomId" = i."roomId"
     WHERE i."municipalityId" = $1`,
    [municipalityId],
  );
  // what was paid: at the counter or online, the whole fee
  await query(
    `INSERT INTO "LedgerEntry" ("id", "municipalityId", "applicationId", "kind", "method", "amount", "createdAt")
     SELECT a.id || '-paid', a."municipalityId", a.id, 'PAYMENT',
       CASE WHEN ${hash("a.id")} % 3 = 0 THEN 'STRIPE' ELSE 'CASH' END::"PaymentMethod", a."totalFee", a."confirmedAt"
     FROM "Application" a WHERE a."municipalityId" = $1 AND a."status" = 'CONFIRMED' AND a."totalFee" > 0`,
    [municipalityId],
  );
}

/** Rows of the data set, and how many slots were open to book. */
export async function countDataset(query: Query, plan: DatasetPlan): Promise<DatasetCounts> {
  const count = async (table: string, extra = "") =>
    Number((await query(`SELECT count(*)::int AS n FROM "${table}" WHERE ${table === "Municipality" ? "id" : `"municipalityId"`} LIKE $1 || '%' ${extra}`, [plan.prefix])).rows[0]!.n);
  const openSlots = Number(
    (
      await query(
        `SELECT count(*)::int AS n FROM "Room" r JOIN "Facility" f ON f.id = r."facilityId" JOIN "TimeFrame" t ON t."roomId" = r.id
         CROSS JOIN unnest($2::int[], $3::boolean[]) AS d(weekday, closed)
         WHERE r."municipalityId" LIKE $1 || '%' AND NOT d.closed AND NOT (d.weekday = ANY (f."closedWeekdays"))`,
        [plan.prefix, plan.dates.map((d) => d.weekday), plan.dates.map((d) => d.closedForAll)],
      )
    ).rows[0]!.n,
  );
  return {
    municipalities: await count("Municipality"),
    facilities: await count("Facility"),
    rooms: await count("Room"),
    timeFrames: await count("TimeFrame"),
    users: await count("User"),
    applications: await count("Application"),
    items: await count("ApplicationItem"),
    occupancies: await count("Occupancy"),
    activeOccupancies: await count("Occupancy", `AND "active"`),
    ledgerEntries: await count("LedgerEntry"),
    openSlots,
  };
}
