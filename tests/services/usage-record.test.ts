import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import { submitApplication } from "~/services/booking.server";
import { configureMailer } from "~/services/mail.server";
import { recordUsage } from "~/services/hall-bookings.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, nextOpenDate } from "../factories/municipality";

configureMailer(null);

const now = new Date();
let world: Awaited<ReturnType<typeof createMunicipality>>;
let manager: { id: string; role: "MANAGER" };
let otherManager: { id: string; role: "MANAGER" };
let usedItem: string;
let futureItem: string;

/**
 * A slot booked ten days ago for a day that has passed, and one for next week. This town takes
 * payment on the day, so the old booking was confirmed and never expired unpaid.
 */
async function book(residentId: string, date: string, at: Date) {
  const result = await submitApplication(
    { ...world.municipality, confirmBeforePayment: true },
    residentId,
    { slots: [{ roomId: world.rooms.small.id, timeFrameId: world.rooms.small.frames[0]!.id, date }], purpose: "会議", headcount: 8, contactPhone: "090-0000-0000", idempotencyKey: randomUUID() },
    at,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return (await db.applicationItem.findFirstOrThrow({ where: { applicationId: result.applicationId } })).id;
}

beforeAll(async () => {
  world = await createMunicipality();
  const resident = await createResident(world.municipality.id);
  const m = await createResident(world.municipality.id, "管理人");
  const o = await createResident(world.municipality.id, "別の管理人");
  await db.user.updateMany({ where: { id: { in: [m.id, o.id] } }, data: { role: "MANAGER" } });
  const otherFacility = await db.facility.create({ data: { municipalityId: world.municipality.id, name: "別の館", address: "-", phone: "-" } });
  await db.managerFacility.createMany({
    data: [
      { municipalityId: world.municipality.id, userId: m.id, facilityId: world.facility.id },
      { municipalityId: world.municipality.id, userId: o.id, facilityId: otherFacility.id },
    ],
  });
  manager = { id: m.id, role: "MANAGER" };
  otherManager = { id: o.id, role: "MANAGER" };
  const tenDaysAgo = new Date(now.getTime() - 10 * 86_400_000);
  usedItem = await book(resident.id, nextOpenDate(addDays(todayIn("Asia/Tokyo", tenDaysAgo), 3)), tenDaysAgo);
  futureItem = await book(resident.id, nextOpenDate(addDays(todayIn("Asia/Tokyo", now), 7)), now);
});

describe("the usage record (利用実績)", () => {
  it("keeps how many came, replaces it when recorded again, and audits both", async () => {
    expect(await recordUsage(world.municipality, manager, usedItem, { noShow: false, actualHeadcount: 6, note: "" }, now)).toEqual({ ok: true });
    expect(await recordUsage(world.municipality, manager, usedItem, { noShow: true, note: "連絡なし" }, now)).toEqual({ ok: true });
    const item = await db.applicationItem.findUniqueOrThrow({ where: { id: usedItem } });
    expect(item).toMatchObject({ noShow: true, actualHeadcount: null, usageNote: "連絡なし" });
    const events = await db.auditEvent.findMany({ where: { entityId: usedItem, action: "usage.recorded" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => (e.details as { before: unknown }).before)).toEqual([null, { actualHeadcount: 6, noShow: false, usageNote: "" }]);
  });

  it("is refused for a slot not yet used, and for another hall's or another town's manager", async () => {
    expect(await recordUsage(world.municipality, manager, futureItem, { noShow: true, note: "" }, now)).toEqual({ ok: false, code: "NOT_YET" });
    expect(await recordUsage(world.municipality, otherManager, usedItem, { noShow: true, note: "" }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    const other = await createMunicipality();
    expect(await recordUsage(other.municipality, manager, usedItem, { noShow: true, note: "" }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await recordUsage(world.municipality, { id: manager.id, role: "RESIDENT" }, usedItem, { noShow: true, note: "" }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
  });
});
