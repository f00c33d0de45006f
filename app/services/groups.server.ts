import { todayIn } from "~/domain/calendar";
import { hasUsableEmail } from "~/domain/deleted-accounts";
import { type ActivityType, GROUP_REGISTRATION_DAYS, isRenewable, RENEWAL_REMINDER_DAYS, renewedExpiry } from "~/domain/groups";
import { groupDecisionMail, groupRenewalDecisionMail, groupRenewalReminderMail } from "~/mail/templates.server";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";

/*
 * Renewal (更新): an approved group stays APPROVED while its representative's renewal request
 * (`renewalRequestedAt`) waits for staff, so its bookings and exemption never stop while staff
 * decide. Approving moves `expiresAt` on a year; returning it keeps the current expiry.
 */

export type GroupInput = { name: string; purpose: string; membersCount: number; activityType: ActivityType; showNameOnSignage?: boolean };

export async function applyForGroup(municipalityId: string, representativeId: string, input: GroupInput) {
  return db.$transaction(async (tx) => {
    const group = await tx.group.create({ data: { municipalityId, representativeId, ...input } });
    await audit(tx, { municipalityId, actorId: representativeId, action: "group.applied", entity: "Group", entityId: group.id });
    return group.id;
  });
}

export function groupsOf(municipalityId: string, representativeId: string) {
  return db.group.findMany({
    where: { municipalityId, representativeId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      status: true,
      returnReason: true,
      expiresAt: true,
      renewalRequestedAt: true,
      showNameOnSignage: true,
      exemptionCategory: { select: { name: true } },
    },
  });
}

/**
 * The representative agrees (or no longer agrees) that the group's name is shown on the halls'
 * entrance screens. Only their own group of this municipality; audited with before and after.
 */
export async function setSignageConsent(municipalityId: string, representativeId: string, groupId: string, show: boolean) {
  return db.$transaction(async (tx) => {
    const group = await tx.group.findFirst({ where: { id: groupId, municipalityId, representativeId }, select: { name: true, showNameOnSignage: true } });
    if (!group) return { ok: false, code: "NOT_FOUND" } as const;
    if (group.showNameOnSignage !== show) {
      await tx.group.update({ where: { id: groupId }, data: { showNameOnSignage: show } });
      await audit(tx, {
        municipalityId,
        actorId: representativeId,
        action: "group.signage_consent_changed",
        entity: "Group",
        entityId: groupId,
        details: { before: { showNameOnSignage: group.showNameOnSignage }, after: { showNameOnSignage: show } },
      });
    }
    return { ok: true, name: group.name } as const;
  });
}

/** The groups a person may book for now: approved, not expired, they are the representative. */
export function activeGroupsOf(municipalityId: string, representativeId: string, now: Date) {
  return db.group.findMany({
    where: { municipalityId, representativeId, status: "APPROVED", expiresAt: { gt: now } },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      exemptionCategory: {
        select: { id: true, name: true, percent: true, coversBase: true, coversAdjustments: true, coversSurcharges: true, active: true },
      },
    },
  });
}

/** What staff decide on: new applications and renewal requests, the longest-waiting first. */
export async function pendingGroups(municipalityId: string) {
  const groups = await db.group.findMany({
    where: { municipalityId, OR: [{ status: "PENDING" }, { status: "APPROVED", renewalRequestedAt: { not: null } }] },
    select: {
      id: true,
      name: true,
      purpose: true,
      membersCount: true,
      activityType: true,
      createdAt: true,
      expiresAt: true,
      renewalRequestedAt: true,
      exemptionCategoryId: true,
      representative: { select: { name: true, phone: true } },
    },
  });
  const askedAt = (g: (typeof groups)[number]) => (g.renewalRequestedAt ?? g.createdAt).getTime();
  return groups
    .sort((a, b) => askedAt(a) - askedAt(b))
    .map(({ renewalRequestedAt, ...g }) => ({ ...g, renewal: renewalRequestedAt !== null }));
}

export type GroupDecision = { approve: true; exemptionCategoryId: string | null } | { approve: false; reason: string };

type Municipality = { id: string; name: string; helpPhone: string; timeZone: string };

/**
 * Decides a new application (approve for a year with the exemption category chosen, or return
 * it with a reason) or a renewal request (approve: a year from the later of now and the current
 * expiry; return: the current expiry stays). The representative is emailed either way.
 */
export async function decideGroup(
  municipality: Municipality,
  staffId: string,
  groupId: string,
  decision: GroupDecision,
  now: Date,
): Promise<{ ok: true; renewal: boolean } | { ok: false; code: "NOT_FOUND" | "ALREADY_DECIDED" | "UNKNOWN_EXEMPTION" }> {
  if (decision.approve && decision.exemptionCategoryId) {
    const category = await db.exemptionCategory.findFirst({
      where: { id: decision.exemptionCategoryId, municipalityId: municipality.id, active: true },
      select: { id: true },
    });
    if (!category) return { ok: false, code: "UNKNOWN_EXEMPTION" };
  }
  const result = await db.$transaction(async (tx) => {
    const group = await tx.group.findFirst({
      where: { id: groupId, municipalityId: municipality.id },
      select: {
        status: true,
        name: true,
        expiresAt: true,
        renewalRequestedAt: true,
        exemptionCategoryId: true,
        representative: { select: { id: true, email: true } },
      },
    });
    if (!group) return { ok: false, code: "NOT_FOUND" } as const;
    const renewal = group.status === "APPROVED" && group.renewalRequestedAt !== null && group.expiresAt !== null;
    if (group.status !== "PENDING" && !renewal) return { ok: false, code: "ALREADY_DECIDED" } as const;
    const expiresAt = !decision.approve
      ? group.expiresAt
      : renewal
        ? renewedExpiry(group.expiresAt!, now)
        : new Date(now.getTime() + GROUP_REGISTRATION_DAYS * 86_400_000);
    const { count } = await tx.group.updateMany({
      // the state read above: another staff member's decision meanwhile is not overwritten
      where: renewal ? { id: groupId, status: "APPROVED", renewalRequestedAt: group.renewalRequestedAt } : { id: groupId, status: "PENDING" },
      data: decision.approve
        ? {
            status: "APPROVED",
            approvedAt: now,
            expiresAt,
            exemptionCategoryId: decision.exemptionCategoryId,
            returnReason: "",
            renewalRequestedAt: null,
            // the new period gets its own reminder
            renewalRemindedAt: null,
          }
        : renewal
          ? { renewalRequestedAt: null, returnReason: decision.reason }
          : { status: "RETURNED", returnReason: decision.reason },
    });
    if (count !== 1) return { ok: false, code: "ALREADY_DECIDED" } as const;
    const after = decision.approve ? { exemptionCategoryId: decision.exemptionCategoryId } : { reason: decision.reason };
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: renewal
        ? decision.approve ? "group.renewed" : "group.renewal_returned"
        : decision.approve ? "group.approved" : "group.returned",
      entity: "Group",
      entityId: groupId,
      details: renewal
        ? {
            before: { expiresAt: group.expiresAt!.toISOString(), exemptionCategoryId: group.exemptionCategoryId },
            after: { expiresAt: expiresAt!.toISOString(), ...after },
          }
        : { before: { status: "PENDING" }, after: { status: decision.approve ? "APPROVED" : "RETURNED", ...after } },
    });
    if (hasUsableEmail(group.representative)) {
      const d = { name: group.name, approved: decision.approve, reason: decision.approve ? "" : decision.reason };
      await enqueueMail(tx, {
        municipalityId: municipality.id,
        to: group.representative.email,
        ...(renewal
          ? groupRenewalDecisionMail(municipality, { ...d, expiresOn: todayIn(municipality.timeZone, expiresAt!) })
          : groupDecisionMail(municipality, d)),
      });
    }
    return { ok: true, renewal } as const;
  });
  if (result.ok) sendQueuedMailSoon();
  return result;
}

export type RenewalResult = { ok: true; name: string } | { ok: false; code: "NOT_FOUND" | "NOT_RENEWABLE" | "ALREADY_REQUESTED" };

/**
 * The representative asks staff to renew their group's registration. Only their own group of
 * this municipality; only from 60 days before expiry to 90 days after it. The registration keeps
 * working meanwhile.
 */
export async function requestGroupRenewal(municipalityId: string, representativeId: string, groupId: string, now: Date): Promise<RenewalResult> {
  return db.$transaction(async (tx) => {
    const group = await tx.group.findFirst({
      where: { id: groupId, municipalityId, representativeId },
      select: { name: true, status: true, expiresAt: true, renewalRequestedAt: true },
    });
    if (!group) return { ok: false, code: "NOT_FOUND" } as const;
    if (group.status === "APPROVED" && group.renewalRequestedAt) return { ok: false, code: "ALREADY_REQUESTED" } as const;
    if (!isRenewable(group, now)) return { ok: false, code: "NOT_RENEWABLE" } as const;
    const { count } = await tx.group.updateMany({
      where: { id: groupId, status: "APPROVED", renewalRequestedAt: null },
      data: { renewalRequestedAt: now, returnReason: "" },
    });
    if (count !== 1) return { ok: false, code: "ALREADY_REQUESTED" } as const;
    await audit(tx, {
      municipalityId,
      actorId: representativeId,
      action: "group.renewal_requested",
      entity: "Group",
      entityId: groupId,
      details: { expiresAt: group.expiresAt!.toISOString() },
    });
    return { ok: true, name: group.name } as const;
  });
}

/**
 * Emails each representative whose registration expires within RENEWAL_REMINDER_DAYS, once per
 * registration period, across municipalities; returns how many were reminded. Groups are
 * claimed by setting `renewalRemindedAt` with SKIP LOCKED in the transaction that queues the
 * mail, so two processes running it at once never remind twice. Skipped: renewals already asked
 * for, and deleted accounts (their address is undeliverable).
 */
export async function remindGroupRenewals(now: Date, publicUrl: string, batchSize = 100): Promise<number> {
  const horizon = new Date(now.getTime() + RENEWAL_REMINDER_DAYS * 86_400_000);
  const count = await db.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Group" SET "renewalRemindedAt" = ${now}
      WHERE "id" IN (
        SELECT g."id" FROM "Group" g JOIN "User" u ON u."id" = g."representativeId"
        WHERE g."status" = 'APPROVED' AND g."expiresAt" > ${now} AND g."expiresAt" <= ${horizon}
          AND g."renewalRemindedAt" IS NULL AND g."renewalRequestedAt" IS NULL
          -- hasUsableEmail(): an anonymised account or one registered at the counter without an
          -- address has none to write to (NULL never equals anything)
          AND u."email" <> ('deleted-' || u."id" || '@invalid')
        ORDER BY g."expiresAt" LIMIT ${batchSize}
        FOR UPDATE OF g SKIP LOCKED)
      RETURNING "id"`;
    if (claimed.length === 0) return 0;
    const groups = await tx.group.findMany({
      where: { id: { in: claimed.map((c) => c.id) } },
      select: {
        name: true,
        expiresAt: true,
        representative: { select: { id: true, email: true } },
        municipality: { select: { id: true, slug: true, name: true, helpPhone: true, timeZone: true } },
      },
    });
    for (const { municipality, representative, ...group } of groups) {
      if (!hasUsableEmail(representative)) continue;
      await enqueueMail(tx, {
        municipalityId: municipality.id,
        to: representative.email,
        ...groupRenewalReminderMail(municipality, {
          name: group.name,
          expiresOn: todayIn(municipality.timeZone, group.expiresAt!),
          url: `${publicUrl.replace(/\/+$/, "")}/${municipality.slug}/groups`,
        }),
      });
    }
    return groups.length;
  });
  if (count > 0) sendQueuedMailSoon();
  return count;
}
