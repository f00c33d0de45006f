import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD, seedDemo } from "../../prisma/seed";
import { verifyPassword } from "~/services/accounts.server";
import { findMunicipality } from "~/services/catalog.server";
import { hallDay } from "~/services/hall-schedule.server";

async function counts() {
  const [municipalities, facilities, rooms, spaces, roomSpaces, timeFrames, closedDates, users, feeSchedules, feeRates, exemptionCategories] =
    await Promise.all([
      db.municipality.count(),
      db.facility.count(),
      db.room.count(),
      db.space.count(),
      db.roomSpace.count(),
      db.timeFrame.count(),
      db.closedDate.count(),
      db.user.count(),
      db.feeSchedule.count(),
      db.feeRate.count(),
      db.exemptionCategory.count(),
    ]);
  return { municipalities, facilities, rooms, spaces, roomSpaces, timeFrames, closedDates, users, feeSchedules, feeRates, exemptionCategories };
}

/** The demo's past bookings (for the usage statistics) by month and purpose category. */
async function pastBookings() {
  const rows = await db.$queryRaw<{ month: string; category: string; slots: number; cancelled: number; recorded: number; paid: number }[]>`
    SELECT to_char(i."useDate", 'YYYY-MM') AS "month", a."purposeCategory" AS "category", COUNT(*)::int AS "slots",
           COUNT(*) FILTER (WHERE i."cancelledAt" IS NOT NULL)::int AS "cancelled",
           COUNT(*) FILTER (WHERE i."usageRecordedAt" IS NOT NULL)::int AS "recorded",
           COUNT(DISTINCT l."id")::int AS "paid"
    FROM "ApplicationItem" i JOIN "Application" a ON a."id" = i."applicationId"
    LEFT JOIN "LedgerEntry" l ON l."applicationId" = a."id"
    WHERE a."id" NOT LIKE 'demo-akiruno-demo-%' -- the hall's work of today, not history
    GROUP BY 1, 2 ORDER BY 1, 2`;
  return rows;
}

describe("the demo seed", () => {
  it("gives the two months before today a history of varied bookings, for the statistics", async () => {
    await seedDemo(db, new Date("2026-11-23T01:00:00Z"));
    const rows = await pastBookings();
    expect([...new Set(rows.map((r) => r.month))]).toEqual(["2026-09", "2026-10"]);
    expect([...new Set(rows.map((r) => r.category))].sort()).toEqual(["culture", "learning", "meeting", "other", "sports", "welfare"]);
    const sum = (k: "slots" | "cancelled" | "recorded" | "paid") => rows.reduce((n, r) => n + r[k], 0);
    expect(sum("slots")).toBeGreaterThan(200);
    expect(sum("cancelled")).toBeGreaterThan(0);
    expect(sum("recorded")).toBeGreaterThan(sum("slots") / 2);
    expect(sum("paid")).toBeGreaterThan(sum("slots") / 2);
    const methods = await db.ledgerEntry.groupBy({ by: ["method", "kind"], _count: true });
    expect(methods.map((m) => `${m.method}:${m.kind}`).sort()).toEqual(expect.arrayContaining(["CASH:PAYMENT", "STRIPE:PAYMENT", "TERMINAL:PAYMENT", "CASH:REFUND"]));
    expect(await db.application.count({ where: { exemptionStatus: "APPROVED" } })).toBeGreaterThan(0);
  });

  it("creates the akiruno municipality once, however often it runs", async () => {
    const now = new Date("2026-11-23T01:00:00Z");
    await seedDemo(db, now);
    const first = await counts();
    // two fee schedules (base and a revision), each with a weekday and a holiday rate per frame
    expect(first).toMatchObject({ municipalities: 1, facilities: 2, rooms: 8, users: 8, timeFrames: 24, feeSchedules: 2, feeRates: 96, exemptionCategories: 3 });
    // the divisible hall occupies both halves' spaces
    const hall = await db.room.findFirstOrThrow({ where: { name: { startsWith: "大集会室" } }, select: { spaces: true } });
    expect(hall.spaces).toHaveLength(2);
    const history = await pastBookings();
    await seedDemo(db, now);
    expect(await pastBookings()).toEqual(history);
    await seedDemo(db, new Date("2026-12-01T01:00:00Z"));
    expect(await counts()).toEqual(first);
    const akiruno = await db.municipality.findUniqueOrThrow({ where: { slug: "akiruno" } });
    expect(await verifyPassword(akiruno.id, "yamada@example.jp", DEMO_PASSWORD)).not.toBeNull();
  });

  it("books a day's work at 中央公民館 on the last two days it was open, once a day, in every payment state the hall shows", async () => {
    // (the tests above seeded other days, and the months before December as history)
    const demoBookings = async () =>
      (await db.application.findMany({ where: { id: { startsWith: "demo-akiruno-demo-2027-01-1" } }, select: { id: true } }))
        .map((a) => a.id)
        .filter((id) => /-2027-01-1[0-2]-/.test(id))
        .sort();
    // Tuesday 12 January 2027: the day before is a holiday (成人の日) and the hall's weekly closing day
    const tuesday = new Date("2027-01-12T01:00:00Z");
    await seedDemo(db, tuesday);
    const booked = await demoBookings();
    expect(booked.map((id) => id.slice("demo-akiruno-demo-".length))).toEqual(
      ["2027-01-10", "2027-01-12"].flatMap((date) => ["assembly", "exercise", "haiku"].map((key) => `${date}-${key}`)),
    );
    await seedDemo(db, new Date("2027-01-12T08:00:00Z"));
    expect(await demoBookings()).toEqual(booked);

    const akiruno = (await findMunicipality("akiruno"))!;
    const day = (await hallDay(akiruno, { id: "demo-akiruno-user-manager", role: "MANAGER" }, "2027-01-12", tuesday))!;
    expect(day.facilities.map((f) => f.name)).toEqual(["中央公民館"]);
    const rows = Object.fromEntries(day.facilities[0]!.rooms.map((r) => [r.name, r.rows.map((row) => (row.kind === "BOOKED" ? row.item.payment.code : row.kind))]));
    expect(rows).toEqual({
      "大集会室（A・B通し）": ["FREE", "IN_USE", "EXEMPT"],
      集会室A: ["FREE", "PAY_ON_THE_DAY", "IN_USE"],
      集会室B: ["FREE", "FREE", "IN_USE"],
      和室: ["PAID", "FREE", "FREE"],
      調理室: ["FREE", "FREE", "FREE"],
    });
  });
});
