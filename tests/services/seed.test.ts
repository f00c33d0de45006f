import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { DEMO_PASSWORD, seedDemo } from "../../prisma/seed";
import { verifyPassword } from "~/services/accounts.server";

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
});
