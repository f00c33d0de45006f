import { type PageCursor, pageOf, type ResidentQuery, SEARCH_PAGE_SIZE } from "~/domain/application-search";
import { formatMinutes, type IsoDate, isoDateFromDbDate } from "~/domain/calendar";
import { normalizeKana } from "~/domain/kana";
import { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

/** A facility (all its rooms) or one room. */
export type Place = { facilityId: string } | { roomId: string };

export type ApplicationSearch = {
  number: number | null;
  resident: ResidentQuery | null;
  /** dates of use, inclusive; either may be open */
  from: IsoDate | null;
  to: IsoDate | null;
  place: Place | null;
  cursor: PageCursor;
};

/**
 * The resident's columns a name search looks in (`u` is the applicant's "User" row), each with
 * the form the typed text takes for it: kana is stored as hiragana, so the text is too.
 */
const RESIDENT_NAME_COLUMNS = [
  { column: Prisma.sql`u."name"`, text: (typed: string) => typed },
  { column: Prisma.sql`u."kana"`, text: normalizeKana },
];

/**
 * A phone column's digits. The same expression as the indexes of migration
 * 20261207040000_displays, so that the planner can use them: keep the two alike.
 */
const phoneDigits = (column: Prisma.Sql) => Prisma.sql`regexp_replace(${column}, '[^0-9]', '', 'g')`;

/** `column`, spaces removed, contains `text` (already without spaces), in any letter case. */
function nameContains(column: Prisma.Sql, text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`replace(replace(${column}, ' ', ''), '　', '') ILIKE ${pattern}`;
}

/** Applications whose applicant (or contact phone, or group) matches what staff typed. */
function residentCondition(municipalityId: string, resident: ResidentQuery) {
  const m = municipalityId;
  if (resident.kind === "phone") {
    return Prisma.sql`a."id" IN (
      SELECT x."id" FROM "User" u JOIN "Application" x ON x."userId" = u."id" AND x."municipalityId" = ${m}
      WHERE u."municipalityId" = ${m} AND ${phoneDigits(Prisma.sql`u."phone"`)} = ${resident.digits}
      UNION
      SELECT x."id" FROM "Application" x
      WHERE x."municipalityId" = ${m} AND ${phoneDigits(Prisma.sql`x."contactPhone"`)} = ${resident.digits})`;
  }
  const byName = Prisma.join(RESIDENT_NAME_COLUMNS.map(({ column, text }) => nameContains(column, text(resident.text))), " OR ");
  return Prisma.sql`a."id" IN (
    SELECT x."id" FROM "User" u JOIN "Application" x ON x."userId" = u."id" AND x."municipalityId" = ${m}
    WHERE u."municipalityId" = ${m} AND (${byName})
    UNION
    SELECT x."id" FROM "Group" g JOIN "Application" x ON x."groupId" = g."id" AND x."municipalityId" = ${m}
    WHERE g."municipalityId" = ${m} AND ${nameContains(Prisma.sql`g."name"`, resident.text)})`;
}

/**
 * The query of one page of results (one row more than a page, to know whether there is more):
 * ids and numbers, newest first (oldest first when going back). Exported for the test that
 * checks indexes serve it.
 */
export function searchSql(municipalityId: string, search: Omit<ApplicationSearch, "place">, roomIds: readonly string[] | null, limit = SEARCH_PAGE_SIZE + 1) {
  const m = municipalityId;
  const where = [Prisma.sql`a."municipalityId" = ${m}`];
  if (search.number !== null) where.push(Prisma.sql`a."number" = ${search.number}`);
  if (search.resident) where.push(residentCondition(m, search.resident));
  if (search.from || search.to || roomIds) {
    const item = [Prisma.sql`i."municipalityId" = ${m}`];
    if (search.from) item.push(Prisma.sql`i."useDate" >= ${search.from}::date`);
    if (search.to) item.push(Prisma.sql`i."useDate" <= ${search.to}::date`);
    if (roomIds) item.push(Prisma.sql`i."roomId" = ANY(${[...roomIds]}::text[])`);
    where.push(Prisma.sql`a."id" IN (SELECT i."applicationId" FROM "ApplicationItem" i WHERE ${Prisma.join(item, " AND ")})`);
  }
  const cursor = search.cursor;
  if (cursor && "before" in cursor) where.push(Prisma.sql`a."number" < ${cursor.before}`);
  if (cursor && "after" in cursor) where.push(Prisma.sql`a."number" > ${cursor.after}`);
  const order = cursor && "after" in cursor ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return Prisma.sql`SELECT a."id", a."number" FROM "Application" a WHERE ${Prisma.join(where, " AND ")} ORDER BY a."number" ${order} LIMIT ${limit}`;
}

/** The rooms a place stands for, within the municipality; null when there is no such place here. */
async function roomsOf(municipalityId: string, place: Place) {
  if ("roomId" in place) {
    const room = await db.room.findFirst({ where: { id: place.roomId, municipalityId }, select: { id: true } });
    return room ? [room.id] : null;
  }
  const facility = await db.facility.findFirst({
    where: { id: place.facilityId, municipalityId },
    select: { rooms: { select: { id: true } } },
  });
  return facility ? facility.rooms.map((r) => r.id) : null;
}

export type SearchResult = Awaited<ReturnType<typeof searchApplications>>;

/**
 * Staff search of their municipality's applications by number, applicant (name or phone),
 * dates of use and facility or room, newest first, a page at a time. Every condition goes
 * through an index; another municipality's applications are never found.
 */
export async function searchApplications(municipalityId: string, search: ApplicationSearch) {
  const roomIds = search.place ? await roomsOf(municipalityId, search.place) : null;
  if (search.place && !roomIds) return { ok: false as const, code: "UNKNOWN_PLACE" as const };
  const found = await db.$queryRaw<{ id: string; number: number }[]>(searchSql(municipalityId, search, roomIds));
  const page = pageOf(found, search.cursor);
  const ids = page.rows.map((r) => r.id);
  const [applications, paid] = await Promise.all([
    db.application.findMany({
      where: { municipalityId, id: { in: ids } },
      select: {
        id: true,
        number: true,
        status: true,
        totalFee: true,
        user: { select: { name: true } },
        group: { select: { name: true } },
        items: {
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            useDate: true,
            cancelledAt: true,
            timeFrame: { select: { name: true, startMinute: true, endMinute: true } },
            room: { select: { name: true, facility: { select: { name: true } } } },
          },
        },
      },
    }),
    db.ledgerEntry.groupBy({ by: ["applicationId"], where: { municipalityId, applicationId: { in: ids } }, _sum: { amount: true } }),
  ]);
  const paidOf = new Map(paid.map((p) => [p.applicationId, p._sum.amount ?? 0]));
  const byId = new Map(applications.map((a) => [a.id, a]));
  return {
    ok: true as const,
    newer: page.newer,
    older: page.older,
    applications: ids.map((id) => {
      const a = byId.get(id)!;
      return {
        id: a.id,
        number: a.number,
        status: a.status,
        applicant: a.group ? `${a.group.name}（${a.user.name}）` : a.user.name,
        totalFee: a.totalFee,
        paid: paidOf.get(a.id) ?? 0,
        items: a.items.map((i) => ({
          id: i.id,
          date: isoDateFromDbDate(i.useDate),
          frame: i.timeFrame.name,
          from: formatMinutes(i.timeFrame.startMinute),
          to: formatMinutes(i.timeFrame.endMinute),
          facility: i.room.facility.name,
          room: i.room.name,
          cancelled: i.cancelledAt !== null,
        })),
      };
    }),
  };
}
