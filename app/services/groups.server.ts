import type { ActivityType } from "~/domain/groups";
import { groupDecisionMail } from "~/mail/templates.server";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";

/** A registration lasts a year from approval; then the group registers again. */
export const GROUP_REGISTRATION_DAYS = 365;

export type GroupInput = { name: string; purpose: string; membersCount: number; activityType: ActivityType };

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
      exemptionCategory: { select: { name: true } },
    },
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

export function pendingGroups(municipalityId: string) {
  return db.group.findMany({
    where: { municipalityId, status: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      purpose: true,
      membersCount: true,
      activityType: true,
      createdAt: true,
      representative: { select: { name: true, phone: true } },
    },
  });
}

export type GroupDecision = { approve: true; exemptionCategoryId: string | null } | { approve: false; reason: string };

/** Approves a group for a year (with the exemption category chosen) or returns it with a reason. */
export async function decideGroup(
  municipality: { id: string; name: string; helpPhone: string },
  staffId: string,
  groupId: string,
  decision: GroupDecision,
  now: Date,
): Promise<{ ok: true } | { ok: false; code: "NOT_FOUND" | "ALREADY_DECIDED" | "UNKNOWN_EXEMPTION" }> {
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
      select: { status: true, name: true, representative: { select: { email: true } } },
    });
    if (!group) return { ok: false, code: "NOT_FOUND" } as const;
    const { count } = await tx.group.updateMany({
      where: { id: groupId, status: "PENDING" },
      data: decision.approve
        ? {
            status: "APPROVED",
            approvedAt: now,
            expiresAt: new Date(now.getTime() + GROUP_REGISTRATION_DAYS * 86_400_000),
            exemptionCategoryId: decision.exemptionCategoryId,
          }
        : { status: "RETURNED", returnReason: decision.reason },
    });
    if (count !== 1) return { ok: false, code: "ALREADY_DECIDED" } as const;
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: decision.approve ? "group.approved" : "group.returned",
      entity: "Group",
      entityId: groupId,
      details: {
        before: { status: "PENDING" },
        after: decision.approve
          ? { status: "APPROVED", exemptionCategoryId: decision.exemptionCategoryId }
          : { status: "RETURNED", reason: decision.reason },
      },
    });
    await enqueueMail(tx, {
      municipalityId: municipality.id,
      to: group.representative.email,
      ...groupDecisionMail(municipality, { name: group.name, approved: decision.approve, reason: decision.approve ? "" : decision.reason }),
    });
    return { ok: true } as const;
  });
  if (result.ok) sendQueuedMailSoon();
  return result;
}
