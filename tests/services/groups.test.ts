import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, todayIn } from "~/domain/calendar";
import { closureOn } from "~/domain/closures";
import { type ApplicationInput, submitApplication } from "~/services/booking.server";
import { activeGroupsOf, applyForGroup, decideGroup, pendingGroups } from "~/services/groups.server";
import { configureMailer } from "~/services/mail.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident } from "../factories/municipality";

configureMailer(null);
const now = new Date();
const today = todayIn("Asia/Tokyo", now);
const openDate = (from: string) => {
  const rules = { closedWeekdays: [1], closedOnHolidays: true, closedAtYearEnd: true, closedDates: new Map() };
  let d = from;
  // a weekday, so the test fee is the weekday fee
  while (closureOn(d, rules) || [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
};

async function setUp() {
  const world = await createMunicipality();
  const rep = await createResident(world.municipality.id, "代表");
  const other = await createResident(world.municipality.id, "会員");
  const staff = await createResident(world.municipality.id, "職員");
  const half = await db.exemptionCategory.create({ data: { municipalityId: world.municipality.id, name: "5割減額", percent: 50 } });
  const groupId = await applyForGroup(world.municipality.id, rep.id, { name: "俳句の会", purpose: "俳句", membersCount: 12, activityType: "culture" });
  return { world, rep, other, staff, half, groupId };
}

const input = (world: Awaited<ReturnType<typeof createMunicipality>>, date: string, extra: Partial<ApplicationInput> = {}): ApplicationInput => ({
  slots: [{ roomId: world.rooms.small.id, timeFrameId: world.rooms.small.frames[0]!.id, date }],
  purpose: "例会",
  headcount: 10,
  contactPhone: "090-1111-2222",
  idempotencyKey: randomUUID(),
  ...extra,
});

describe("registered groups", () => {
  it("are approved by staff for a year with a category; their representative then books at the group's rate at once", async () => {
    const { world, rep, staff, half, groupId } = await setUp();
    expect((await pendingGroups(world.municipality.id)).map((g) => g.id)).toEqual([groupId]);
    expect(await activeGroupsOf(world.municipality.id, rep.id, now)).toEqual([]);
    expect(await decideGroup(world.municipality, staff.id, groupId, { approve: true, exemptionCategoryId: half.id }, now)).toEqual({ ok: true });
    const group = await db.group.findUniqueOrThrow({ where: { id: groupId } });
    expect(group.status).toBe("APPROVED");
    expect(group.expiresAt!.getTime() - now.getTime()).toBe(365 * 86_400_000);

    const result = await submitApplication(world.municipality, rep.id, input(world, openDate(addDays(today, 10)), { groupId }), now);
    expect(result.ok).toBe(true);
    const application = await db.application.findUniqueOrThrow({ where: { id: (result as { applicationId: string }).applicationId } });
    const base = world.rooms.small.frames[0]!.fee;
    expect(application).toMatchObject({ groupId, exemptionStatus: "APPROVED", exemptionCategoryId: half.id, totalFee: base / 2 });
  });

  it("book further ahead than individuals, by the municipality's extra months", async () => {
    const { world, rep, staff, groupId } = await setUp();
    await decideGroup(world.municipality, staff.id, groupId, { approve: true, exemptionCategoryId: null }, now);
    const beyond = openDate(addDays(addMonths(today, 3), 7));
    const alone = await submitApplication(world.municipality, rep.id, input(world, beyond), now);
    expect(alone).toMatchObject({ ok: false, problems: [{ code: "NOT_YET_OPEN" }] });
    const asGroup = await submitApplication(world.municipality, rep.id, input(world, beyond, { groupId }), now);
    expect(asGroup.ok).toBe(true);
  });

  it("cannot be used by someone who is not the representative, once expired, or when returned", async () => {
    const { world, rep, other, staff, groupId } = await setUp();
    const date = openDate(addDays(today, 12));
    // pending: not yet
    expect(await submitApplication(world.municipality, rep.id, input(world, date, { groupId }), now)).toMatchObject({ ok: false, problems: [{ code: "UNKNOWN_GROUP" }] });
    await decideGroup(world.municipality, staff.id, groupId, { approve: true, exemptionCategoryId: null }, now);
    expect(await submitApplication(world.municipality, other.id, input(world, date, { groupId }), now)).toMatchObject({ ok: false, problems: [{ code: "UNKNOWN_GROUP" }] });
    const nextYear = new Date(now.getTime() + 366 * 86_400_000);
    expect(await activeGroupsOf(world.municipality.id, rep.id, nextYear)).toEqual([]);

    const second = await applyForGroup(world.municipality.id, rep.id, { name: "囲碁の会", purpose: "囲碁", membersCount: 5, activityType: "culture" });
    expect(await decideGroup(world.municipality, staff.id, second, { approve: false, reason: "会員名簿がありません" }, now)).toEqual({ ok: true });
    expect(await decideGroup(world.municipality, staff.id, second, { approve: true, exemptionCategoryId: null }, now)).toEqual({ ok: false, code: "ALREADY_DECIDED" });
    expect(await submitApplication(world.municipality, rep.id, input(world, date, { groupId: second }), now)).toMatchObject({ ok: false, problems: [{ code: "UNKNOWN_GROUP" }] });
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: rep.email }, orderBy: { createdAt: "desc" } });
    expect(mail.body).toContain("会員名簿がありません");
  });

  it("are decided only by their own municipality, with its own categories", async () => {
    const { world, staff, groupId } = await setUp();
    const elsewhere = await createMunicipality();
    const foreign = await db.exemptionCategory.create({ data: { municipalityId: elsewhere.municipality.id, name: "他市", percent: 100 } });
    expect(await decideGroup(elsewhere.municipality, staff.id, groupId, { approve: true, exemptionCategoryId: null }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await decideGroup(world.municipality, staff.id, groupId, { approve: true, exemptionCategoryId: foreign.id }, now)).toEqual({ ok: false, code: "UNKNOWN_EXEMPTION" });
    expect((await db.group.findUniqueOrThrow({ where: { id: groupId } })).status).toBe("PENDING");
  });
});
