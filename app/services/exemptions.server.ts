import type { Municipality } from "./catalog.server";
import { startHold } from "./payments.server";
import { hasUsableEmail } from "~/domain/deleted-accounts";
import type { FeeBreakdown } from "~/domain/fees";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { exemptionDecisionMail } from "~/mail/templates.server";
import { audit } from "./audit.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";

/** Applications whose exemption waits for staff, oldest first. */
export async function pendingExemptions(municipalityId: string) {
  return db.application.findMany({
    where: { municipalityId, exemptionStatus: "PENDING", status: { not: "CANCELLED" } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      number: true,
      purpose: true,
      headcount: true,
      totalFee: true,
      exemptionGrounds: true,
      createdAt: true,
      user: { select: { name: true } },
      exemptionCategory: { select: { name: true, evidencePrompt: true } },
      items: {
        where: { cancelledAt: null },
        orderBy: { startsAt: "asc" },
        select: { id: true, useDate: true, fee: true, exemptBreakdown: true, room: { select: { name: true } }, timeFrame: { select: { name: true } } },
      },
    },
  });
}

export type Decision = { approve: boolean; reason: string };
export type DecisionResult = { ok: true; number: number } | { ok: false; code: "NOT_FOUND" | "ALREADY_DECIDED" };

/**
 * Approves or rejects the exemption of an application. Approval makes each remaining slot's
 * exempt breakdown the one that is due. The applicant is told by email; the audit log keeps
 * the before and after.
 */
export async function decideExemption(
  municipality: Municipality,
  staffId: string,
  applicationId: string,
  decision: Decision,
  now: Date,
): Promise<DecisionResult> {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ exemptionStatus: string }[]>`
      SELECT "exemptionStatus" FROM "Application"
      WHERE "id" = ${applicationId} AND "municipalityId" = ${municipality.id} FOR UPDATE`;
    if (!locked) return { ok: false, code: "NOT_FOUND" } as const;
    if (locked.exemptionStatus !== "PENDING") return { ok: false, code: "ALREADY_DECIDED" } as const;
    const application = await tx.application.findUniqueOrThrow({
      where: { id: applicationId },
      select: {
        number: true,
        totalFee: true,
        user: { select: { id: true, email: true } },
        exemptionCategory: { select: { name: true } },
        items: { where: { cancelledAt: null }, select: { id: true, fee: true, exemptBreakdown: true } },
      },
    });
    let totalFee = application.totalFee;
    if (decision.approve) {
      totalFee = 0;
      for (const item of application.items) {
        const exempt = item.exemptBreakdown as FeeBreakdown | null;
        const fee = exempt?.total ?? item.fee;
        totalFee += fee;
        if (exempt) await tx.applicationItem.update({ where: { id: item.id }, data: { fee, feeBreakdown: exempt as unknown as Prisma.InputJsonValue } });
      }
    }
    await tx.application.update({
      where: { id: applicationId },
      data: {
        exemptionStatus: decision.approve ? "APPROVED" : "REJECTED",
        exemptionDecidedAt: now,
        exemptionDecisionReason: decision.reason,
        totalFee,
      },
    });
    // the payment deadline starts now (or nothing is due any more)
    await startHold(tx, municipality, applicationId, now);
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: decision.approve ? "exemption.approved" : "exemption.rejected",
      entity: "Application",
      entityId: applicationId,
      details: {
        before: { exemptionStatus: "PENDING", totalFee: application.totalFee },
        after: { exemptionStatus: decision.approve ? "APPROVED" : "REJECTED", totalFee },
      },
    });
    if (hasUsableEmail(application.user)) {
      await enqueueMail(tx, {
        municipalityId: municipality.id,
        to: application.user.email,
        ...exemptionDecisionMail(municipality, {
          number: application.number,
          category: application.exemptionCategory?.name ?? "",
          approved: decision.approve,
          reason: decision.reason,
          totalFee,
        }),
      });
    }
    return { ok: true, number: application.number } as const;
  }).then((result) => {
    if (result.ok) sendQueuedMailSoon();
    return result;
  });
}
