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

describe("the demo seed", () => {
  it("creates the akiruno municipality once, however often it runs", async () => {
    const now = new Date("2026-11-23T01:00:00Z");
    await seedDemo(db, now);
    const first = await counts();
    // two fee schedules (base and a revision), each with a weekday and a holiday rate per frame
    expect(first).toMatchObject({ municipalities: 1, facilities: 2, rooms: 8, users: 5, timeFrames: 24, feeSchedules: 2, feeRates: 96, exemptionCategories: 3 });
    // the divisible hall occupies both halves' spaces
    const hall = await db.room.findFirstOrThrow({ where: { name: { startsWith: "大集会室" } }, select: { spaces: true } });
    expect(hall.spaces).toHaveLength(2);
    await seedDemo(db, new Date("2026-12-01T01:00:00Z"));
    expect(await counts()).toEqual(first);
    const akiruno = await db.municipality.findUniqueOrThrow({ where: { slug: "akiruno" } });
    expect(await verifyPassword(akiruno.id, "yamada@example.jp", DEMO_PASSWORD)).not.toBeNull();
  });

  it("books a day's work at 中央公民館 on the last two days it was open, once a day, in every payment state the hall shows", async () => {
    // (the test above seeded other days)
    const demoBookings = async () =>
      (await db.application.findMany({ where: { id: { startsWith: "demo-akiruno-demo-2026-11-2" } }, select: { id: true } }))
        .map((a) => a.id)
        .filter((id) => /-2026-11-2[2-4]-/.test(id))
        .sort();
    // Tuesday 24 November 2026: the day before is a holiday and the hall's weekly closing day
    const tuesday = new Date("2026-11-24T01:00:00Z");
    await seedDemo(db, tuesday);
    const booked = await demoBookings();
    expect(booked.map((id) => id.slice("demo-akiruno-demo-".length))).toEqual(
      ["2026-11-22", "2026-11-24"].flatMap((date) => ["assembly", "exercise", "haiku"].map((key) => `${date}-${key}`)),
    );
    await seedDemo(db, new Date("2026-11-24T08:00:00Z"));
    expect(await demoBookings()).toEqual(booked);

    const akiruno = (await findMunicipality("akiruno"))!;
    const day = (await hallDay(akiruno, { id: "demo-akiruno-user-manager", role: "MANAGER" }, "2026-11-24", tuesday))!;
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
