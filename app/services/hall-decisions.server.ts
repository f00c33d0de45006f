import { formatMinutes, isoDateFromDbDate } from "~/domain/calendar";
import { hasUsableEmail } from "~/domain/deleted-accounts";
import { hallPaymentState } from "~/domain/hall-day";
import type { Prisma, Role } from "~/generated/prisma/client";
import { hallConfirmedMail } from "~/mail/templates.server";
import { db } from "~/utils/db.server";
import { publicUrl } from "~/utils/public-url.server";
import { audit } from "./audit.server";
import { cancelForMunicipalityIn } from "./booking.server";
import type { Municipality } from "./catalog.server";
import { facilityScopeOf } from "./hall-bookings.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";
import { confirm, moneyOfApplications, paidOf } from "./payments.server";

type Decider = { id: string; role: Role };

/**
 * An application waits for the hall while it is held (仮予約) and its hold is running. One
 * whose exemption waits for staff is not the hall's to decide yet: its fee is not known until
 * staff decide, and from then on it waits here with its payment deadline (ADR 0016).
 */
function waitingWhere(municipalityId: string, now: Date): Prisma.ApplicationWhereInput {
  return {
    municipalityId,
    status: "TENTATIVE",
    exemptionStatus: { not: "PENDING" },
    OR: [{ holdExpiresAt: null }, { holdExpiresAt: { gt: now } }],
  };
}

/**
 * Applications waiting for the person: those with a slot in their facilities (staff: all),
 * oldest first. Each shows only the slots in their facilities; `decidable` says whether every
 * slot is theirs (a manager decides only those; staff decide the rest).
 */
export async function applicationsWaitingForHall(municipality: Municipality, viewer: Decider, now: Date) {
  const scope = await facilityScopeOf(municipality.id, viewer);
  const applications = await db.application.findMany({
    where: { ...waitingWhere(municipality.id, now), items: { some: { cancelledAt: null, room: { facilityId: { in: scope } } } } },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      number: true,
      status: true,
      purpose: true,
      headcount: true,
      contactPhone: true,
      totalFee: true,
      exemptionStatus: true,
      paymentChoice: true,
      holdExpiresAt: true,
      createdAt: true,
      user: { select: { name: true } },
      group: { select: { name: true } },
      items: {
        where: { cancelledAt: null },
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          useDate: true,
          fee: true,
          room: { select: { name: true, facilityId: true, facility: { select: { name: true } } } },
          timeFrame: { select: { name: true, startMinute: true, endMinute: true } },
        },
      },
    },
  });
  const money = await moneyOfApplications(municipality.id, applications.map((a) => a.id));
  return applications.map((a) => {
    const ours = a.items.filter((i) => scope.includes(i.room.facilityId));
    return {
      id: a.id,
      number: a.number,
      applicant: a.group ? `${a.group.name}（${a.user.name}）` : a.user.name,
      phone: a.contactPhone,
      purpose: a.purpose,
      headcount: a.headcount,
      totalFee: a.totalFee,
      payment: hallPaymentState({ ...a, ...(money.get(a.id) ?? { paid: 0, refunded: 0 }) }),
      holdExpiresAt: a.holdExpiresAt,
      createdAt: a.createdAt,
      slots: ours.map((i) => ({
        id: i.id,
        date: isoDateFromDbDate(i.useDate),
        facility: i.room.facility.name,
        room: i.room.name,
        frame: i.timeFrame.name,
        from: formatMinutes(i.timeFrame.startMinute),
        to: formatMinutes(i.timeFrame.endMinute),
      })),
      /** slots in facilities the person does not look after */
      otherSlots: a.items.length - ours.length,
      decidable: ours.length === a.items.length,
    };
  });
}

export type HallDecision = { approve: true } | { approve: false; reason: string };
export type HallDecisionResult =
  | { ok: true; number: number; refund: number }
  | { ok: false; code: "NOT_FOUND" | "NOT_YOURS" | "NOT_WAITING" };

/**
 * The hall confirms a waiting application (it is booked; anything unpaid stays due at the
 * counter and no longer runs out) or rejects it: every remaining slot is cancelled for the
 * municipality with a full refund, and the applicant is told why. A manager decides only an
 * application all of whose slots are in their facilities; one with none there is not found.
 * Audited, and the applicant is mailed through the outbox in the same transaction.
 */
export async function decideForHall(
  municipality: Municipality,
  decider: Decider,
  applicationId: string,
  decision: HallDecision,
  now: Date,
): Promise<HallDecisionResult> {
  const scope = await facilityScopeOf(municipality.id, decider);
  const result = await db.$transaction(async (tx): Promise<HallDecisionResult> => {
    // one decision at a time: a second manager, a payment or an expiry waits for this one
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Application" WHERE "municipalityId" = ${municipality.id} AND "id" = ${applicationId} FOR UPDATE`;
    if (!locked[0]) return { ok: false, code: "NOT_FOUND" };
    const application = await tx.application.findFirst({
      where: { id: applicationId, municipalityId: municipality.id },
      select: {
        id: true,
        number: true,
        status: true,
        totalFee: true,
        holdExpiresAt: true,
        user: { select: { id: true, email: true } },
        items: { where: { cancelledAt: null }, select: { room: { select: { facilityId: true } } } },
      },
    });
    if (!application) return { ok: false, code: "NOT_FOUND" };
    const ours = application.items.filter((i) => scope.includes(i.room.facilityId)).length;
    if (ours === 0) return { ok: false, code: "NOT_FOUND" };
    if (ours < application.items.length) return { ok: false, code: "NOT_YOURS" };
    const waiting = await tx.application.count({ where: { ...waitingWhere(municipality.id, now), id: application.id } });
    if (waiting === 0) return { ok: false, code: "NOT_WAITING" };
    const before = { status: application.status, holdExpiresAt: application.holdExpiresAt?.toISOString() ?? null };

    if (decision.approve) {
      await confirm(tx, application.id, now);
      await audit(tx, {
        municipalityId: municipality.id,
        actorId: decider.id,
        action: "application.confirmed_by_hall",
        entity: "Application",
        entityId: application.id,
        details: { number: application.number, before, after: { status: "CONFIRMED", holdExpiresAt: null } },
      });
      if (hasUsableEmail(application.user)) {
        const due = Math.max(0, application.totalFee - (await paidOf(tx, application.id)));
        const mail = hallConfirmedMail(municipality, { number: application.number, due, url: `${publicUrl()}/${municipality.slug}/bookings/${application.id}` });
        await enqueueMail(tx, { municipalityId: municipality.id, to: application.user.email, ...mail });
      }
      return { ok: true, number: application.number, refund: 0 };
    }

    const cancelled = await cancelForMunicipalityIn(tx, municipality, decider.id, application.id, decision.reason, now);
    if (!cancelled.ok) return { ok: false, code: "NOT_WAITING" };
    const after = await tx.application.findUniqueOrThrow({ where: { id: application.id }, select: { status: true } });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: decider.id,
      action: "application.rejected_by_hall",
      entity: "Application",
      entityId: application.id,
      details: { number: application.number, reason: decision.reason, refund: cancelled.refund ?? 0, before, after },
    });
    return { ok: true, number: application.number, refund: cancelled.refund ?? 0 };
  });
  if (result.ok) sendQueuedMailSoon();
  return result;
}
