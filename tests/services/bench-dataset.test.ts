import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset, planDataset, type Query } from "../../bench/dataset";
import { QUICK_SIZES } from "../../bench/options";

// the benchmark's generator on a small size: a month of two facilities of one municipality
const size = { ...QUICK_SIZES.dataset, municipalities: 1, facilitiesPerMunicipality: 2, roomsPerFacility: 2, days: 30, residentsPerMunicipality: 5 };
const now = new Date("2026-11-23T01:00:00Z");

let client: pg.Client;
const query: Query = (sql, params) => client.query(sql, params as unknown[]);

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
});
afterAll(() => client.end());

/** The booked slots of a data set as room place, date and frame, without its prefix. */
async function bookedSlots(prefix: string) {
  const { rows } = await client.query(
    `SELECT substring(i."roomId" from length($1) + 1) || ' ' || i."useDate"::text || ' ' || t."sortOrder" AS slot
     FROM "ApplicationItem" i JOIN "TimeFrame" t ON t.id = i."timeFrameId"
     WHERE i."municipalityId" LIKE $1 || '%' ORDER BY 1`,
    [prefix],
  );
  return rows.map((r) => r.slot as string);
}

describe("the benchmark's data set generator", () => {
  it("writes every facility, room and frame, and books about the asked share of the open slots", async () => {
    const plan = planDataset(size, 7, now, "ga");
    expect(plan.dates).toHaveLength(30);
    // the year ends on the last day of the booking window (3 months ahead)
    expect(plan.to).toBe("2027-02-23");
    const counts = await generateDataset(query, plan);
    expect(counts).toMatchObject({ municipalities: 1, facilities: 2, rooms: 4, timeFrames: 12, users: 5 });
    // one item and one occupancy per booked slot; one application per room and day
    expect(counts.occupancies).toBe(counts.items);
    expect(counts.applications).toBeLessThanOrEqual(counts.items);
    const share = counts.items / counts.openSlots;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.75);
    // a few cancelled: their rows no longer hold the slot
    expect(counts.activeOccupancies).toBeLessThan(counts.occupancies);
    expect(counts.activeOccupancies).toBeGreaterThan(counts.occupancies * 0.85);
  });

  it("gives the same bookings for the same seed, and others for another seed", async () => {
    await generateDataset(query, planDataset(size, 7, now, "gb"));
    await generateDataset(query, planDataset(size, 8, now, "gc"));
    const [a, b, c] = await Promise.all([bookedSlots("ga"), bookedSlots("gb"), bookedSlots("gc")]);
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("books only open days, and keeps each application's total the sum of its slots' fees", async () => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "ApplicationItem" i JOIN "Room" r ON r.id = i."roomId" JOIN "Facility" f ON f.id = r."facilityId"
       WHERE i."municipalityId" LIKE 'ga%' AND extract(dow FROM i."useDate")::int = ANY (f."closedWeekdays")`,
    );
    expect(rows[0].n).toBe(0);
    const totals = await client.query(
      `SELECT count(*)::int AS n FROM "Application" a
       WHERE a."municipalityId" LIKE 'ga%' AND a."totalFee" <> (SELECT sum(fee) FROM "ApplicationItem" i WHERE i."applicationId" = a.id)`,
    );
    expect(totals.rows[0].n).toBe(0);
  });
});
