import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { addDays, addMonths, todayIn } from "~/domain/calendar";
import { closureOn } from "~/domain/closures";
import { type ApplicationInput, submitApplication } from "~/services/booking.server";
import { deleteAccount } from "~/services/account-deletion.server";
import { activeGroupsOf, applyForGroup, decideGroup, pendingGroups, remindGroupRenewals, requestGroupRenewal } from "~/services/groups.server";
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
    expect(await decideGroup(world.municipality, staff.id, groupId, { approve: true, exemptionCategoryId: half.id }, now)).toEqual({ ok: true, renewal: false });
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
    expect(await decideGroup(world.municipality, staff.id, second, { approve: false, reason: "会員名簿がありません" }, now)).toEqual({ ok: true, renewal: false });
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

const DAY = 86_400_000;
const URL = "https://tsudoi.example.jp/";
const inDays = (days: number) => new Date(now.getTime() + days * DAY);

/** An approved group of a new representative, expiring in `days` (negative: expired). */
async function approvedGroup(world: Awaited<ReturnType<typeof createMunicipality>>, days: number, name = `会${days}`) {
  const rep = await createResident(world.municipality.id, "代表");
  const id = await applyForGroup(world.municipality.id, rep.id, { name, purpose: "活動", membersCount: 5, activityType: "culture" });
  await db.group.update({ where: { id }, data: { status: "APPROVED", approvedAt: inDays(days - 365), expiresAt: inDays(days) } });
  return { rep, id };
}

const mailTo = (email: string) => db.outboxMessage.findMany({ where: { toAddress: email }, orderBy: { createdAt: "asc" } });

describe("renewal reminders", () => {
  it("email each representative once, 30 days before expiry, with the date and the page to renew on", async () => {
    const { world, rep, groupId: pending } = await setUp();
    await remindGroupRenewals(now, URL); // earlier tests' groups, if any were due
    const due = await approvedGroup(world, 20, "あきる野俳句の会");
    const later = await approvedGroup(world, 40);
    const expired = await approvedGroup(world, -10);
    const longAgo = await approvedGroup(world, -200);
    const reminded = await approvedGroup(world, 25);
    await db.group.update({ where: { id: reminded.id }, data: { renewalRemindedAt: inDays(-5) } });
    const asked = await approvedGroup(world, 15);
    expect(await requestGroupRenewal(world.municipality.id, asked.rep.id, asked.id, now)).toMatchObject({ ok: true });
    const returned = await approvedGroup(world, 10);
    await db.group.update({ where: { id: returned.id }, data: { status: "RETURNED", returnReason: "不備" } });
    const deleted = await approvedGroup(world, 12);
    expect(await deleteAccount(world.municipality, deleted.rep.id, now)).toMatchObject({ ok: true });

    // two processes at once: each group is claimed by one of them
    const counts = await Promise.all([remindGroupRenewals(now, URL), remindGroupRenewals(now, URL)]);
    expect(counts[0] + counts[1]).toBe(1);
    expect(await remindGroupRenewals(now, URL)).toBe(0);

    const [mail, ...more] = await mailTo(due.rep.email);
    expect(more).toEqual([]);
    const expiresOn = todayIn("Asia/Tokyo", inDays(20));
    expect(mail!.subject).toBe("【テスト市 施設予約】団体登録の更新のお知らせ（あきる野俳句の会）");
    expect(mail!.body).toContain(`「あきる野俳句の会」の団体登録は、${expiresOn.slice(0, 4)}年${Number(expiresOn.slice(5, 7))}月${Number(expiresOn.slice(8))}日(`);
    expect(mail!.body).toContain(`https://tsudoi.example.jp/${world.municipality.slug}/groups`);
    expect(mail!.body).toContain("更新を申し込む");
    for (const other of [rep, later.rep, expired.rep, longAgo.rep, reminded.rep, asked.rep, returned.rep, deleted.rep]) {
      expect(await mailTo(other.email)).toEqual([]);
    }
    expect((await db.group.findUniqueOrThrow({ where: { id: pending } })).renewalRemindedAt).toBeNull();
    expect((await db.group.findUniqueOrThrow({ where: { id: due.id } })).renewalRemindedAt).toEqual(now);
  });

  it("come again for the next period once a renewal is approved", async () => {
    const { world, staff } = await setUp();
    const due = await approvedGroup(world, 20);
    await remindGroupRenewals(now, URL);
    expect(await requestGroupRenewal(world.municipality.id, due.rep.id, due.id, now)).toMatchObject({ ok: true });
    await decideGroup(world.municipality, staff.id, due.id, { approve: true, exemptionCategoryId: null }, now);
    const renewed = await db.group.findUniqueOrThrow({ where: { id: due.id } });
    expect(renewed.renewalRemindedAt).toBeNull();
    const nextYear = new Date(renewed.expiresAt!.getTime() - 20 * DAY);
    await remindGroupRenewals(nextYear, URL);
    expect((await db.group.findUniqueOrThrow({ where: { id: due.id } })).renewalRemindedAt).toEqual(nextYear);
    expect((await mailTo(due.rep.email)).filter((m) => m.subject.includes("更新のお知らせ"))).toHaveLength(2);
  });
});

describe("renewal", () => {
  it("is asked for by the representative from 60 days before expiry to 90 days after, and the group keeps working meanwhile", async () => {
    const { world, groupId: pending, rep: pendingRep } = await setUp();
    const group = await approvedGroup(world, 20);
    const date = openDate(addDays(today, 10));
    expect(await requestGroupRenewal(world.municipality.id, group.rep.id, group.id, now)).toEqual({ ok: true, name: "会20" });
    expect(await requestGroupRenewal(world.municipality.id, group.rep.id, group.id, now)).toEqual({ ok: false, code: "ALREADY_REQUESTED" });
    // still the group's rate and window while staff decide
    expect((await activeGroupsOf(world.municipality.id, group.rep.id, now)).map((g) => g.id)).toEqual([group.id]);
    const booked = await submitApplication(world.municipality, group.rep.id, input(world, date, { groupId: group.id }), now);
    expect(booked.ok).toBe(true);
    const queue = await pendingGroups(world.municipality.id);
    expect(queue.find((g) => g.id === group.id)).toMatchObject({ renewal: true });
    expect(queue.find((g) => g.id === pending)).toMatchObject({ renewal: false });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: group.id, action: "group.renewal_requested" } });
    expect(audit.actorId).toBe(group.rep.id);

    expect(await requestGroupRenewal(world.municipality.id, pendingRep.id, pending, now)).toEqual({ ok: false, code: "NOT_RENEWABLE" });
    const early = await approvedGroup(world, 61);
    expect(await requestGroupRenewal(world.municipality.id, early.rep.id, early.id, now)).toEqual({ ok: false, code: "NOT_RENEWABLE" });
    const tooLate = await approvedGroup(world, -91);
    expect(await requestGroupRenewal(world.municipality.id, tooLate.rep.id, tooLate.id, now)).toEqual({ ok: false, code: "NOT_RENEWABLE" });
    const lapsed = await approvedGroup(world, -30);
    expect(await requestGroupRenewal(world.municipality.id, lapsed.rep.id, lapsed.id, now)).toMatchObject({ ok: true });
  });

  it("of someone else's group, or another municipality's, is refused as not found", async () => {
    const { world, other } = await setUp();
    const group = await approvedGroup(world, 20);
    const elsewhere = await createMunicipality();
    expect(await requestGroupRenewal(world.municipality.id, other.id, group.id, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await requestGroupRenewal(elsewhere.municipality.id, group.rep.id, group.id, now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await requestGroupRenewal(world.municipality.id, group.rep.id, "no-such-group", now)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await db.group.findUniqueOrThrow({ where: { id: group.id } })).renewalRequestedAt).toBeNull();
    // nor decided by another municipality's staff
    await requestGroupRenewal(world.municipality.id, group.rep.id, group.id, now);
    expect(await decideGroup(elsewhere.municipality, other.id, group.id, { approve: true, exemptionCategoryId: null }, now)).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("approved: a year from the current expiry when early, from now when lapsed; audited and emailed", async () => {
    const { world, staff, half } = await setUp();
    const early = await approvedGroup(world, 20, "早めの会");
    const lapsed = await approvedGroup(world, -30, "遅めの会");
    for (const g of [early, lapsed]) await requestGroupRenewal(world.municipality.id, g.rep.id, g.id, now);
    expect(await decideGroup(world.municipality, staff.id, early.id, { approve: true, exemptionCategoryId: half.id }, now)).toEqual({ ok: true, renewal: true });
    expect(await decideGroup(world.municipality, staff.id, lapsed.id, { approve: true, exemptionCategoryId: null }, now)).toEqual({ ok: true, renewal: true });
    const earlyRow = await db.group.findUniqueOrThrow({ where: { id: early.id } });
    expect(earlyRow).toMatchObject({ status: "APPROVED", expiresAt: inDays(20 + 365), renewalRequestedAt: null, exemptionCategoryId: half.id });
    expect((await db.group.findUniqueOrThrow({ where: { id: lapsed.id } })).expiresAt).toEqual(inDays(365));
    expect(await decideGroup(world.municipality, staff.id, early.id, { approve: true, exemptionCategoryId: null }, now)).toEqual({ ok: false, code: "ALREADY_DECIDED" });

    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: early.id, action: "group.renewed" } });
    expect(event).toMatchObject({ actorId: staff.id, details: { before: { expiresAt: inDays(20).toISOString() }, after: { expiresAt: inDays(385).toISOString(), exemptionCategoryId: half.id } } });
    const [mail] = await mailTo(early.rep.email);
    expect(mail!.subject).toContain("団体登録の更新の結果（早めの会）");
    const until = todayIn("Asia/Tokyo", inDays(385));
    expect(mail!.body).toContain(`新しい有効期限は ${until.slice(0, 4)}年${Number(until.slice(5, 7))}月${Number(until.slice(8))}日(`);
  });

  it("returned: the current expiry stays, the reason is kept and emailed, and the representative may ask again", async () => {
    const { world, staff } = await setUp();
    const group = await approvedGroup(world, 20);
    await requestGroupRenewal(world.municipality.id, group.rep.id, group.id, now);
    expect(await decideGroup(world.municipality, staff.id, group.id, { approve: false, reason: "会員名簿を添えてください" }, now)).toEqual({ ok: true, renewal: true });
    const row = await db.group.findUniqueOrThrow({ where: { id: group.id } });
    expect(row).toMatchObject({ status: "APPROVED", expiresAt: inDays(20), renewalRequestedAt: null, returnReason: "会員名簿を添えてください" });
    expect((await activeGroupsOf(world.municipality.id, group.rep.id, now)).map((g) => g.id)).toEqual([group.id]);
    expect(await db.auditEvent.count({ where: { entityId: group.id, action: "group.renewal_returned" } })).toBe(1);
    const [mail] = await mailTo(group.rep.email);
    expect(mail!.body).toContain("理由：会員名簿を添えてください");
    expect(await requestGroupRenewal(world.municipality.id, group.rep.id, group.id, now)).toMatchObject({ ok: true });
    expect((await db.group.findUniqueOrThrow({ where: { id: group.id } })).returnReason).toBe("");
  });
});
