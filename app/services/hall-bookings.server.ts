import { addDays, dbDateFromIsoDate, formatMinutes, isoDateFromDbDate, type IsoDate, todayIn } from "~/domain/calendar";
import type { FeeBreakdown } from "~/domain/fees";
import type { Role } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";

/**
 * Which facilities a person may see the bookings of: staff every facility of their
 * municipality, a hall manager only those assigned to them, anyone else none.
 */
export async function facilityScopeOf(municipalityId: string, user: { id: string; role: Role }) {
  if (user.role === "STAFF") {
    const all = await db.facility.findMany({ where: { municipalityId }, select: { id: true } });
    return all.map((f) => f.id);
  }
  if (user.role !== "MANAGER") return [];
  const assigned = await db.managerFacility.findMany({
    where: { municipalityId, userId: user.id },
    select: { facilityId: true },
  });
  return assigned.map((a) => a.facilityId);
}

/** Booked slots of the given facilities for `days` days from `from`, for the hall's ledger. */
export async function bookingsOfFacilities(
  municipalityId: string,
  facilityIds: string[],
  from: IsoDate,
  days: number,
) {
  const items = await db.applicationItem.findMany({
    where: {
      municipalityId,
      cancelledAt: null,
      room: { facilityId: { in: facilityIds } },
      useDate: { gte: dbDateFromIsoDate(from), lt: dbDateFromIsoDate(addDays(from, days)) },
      application: { status: { not: "CANCELLED" } },
    },
    orderBy: [{ useDate: "asc" }, { startsAt: "asc" }],
    take: 500,
    select: {
      id: true,
      useDate: true,
      fee: true,
      feeBreakdown: true,
      usageRecordedAt: true,
      actualHeadcount: true,
      noShow: true,
      usageNote: true,
      equipmentUses: { select: { quantity: true, equipment: { select: { name: true } } } },
      room: { select: { name: true, facility: { select: { name: true } } } },
      timeFrame: { select: { name: true, startMinute: true, endMinute: true } },
      application: {
        select: {
          number: true,
          status: true,
          purpose: true,
          headcount: true,
          contactPhone: true,
          exemptionStatus: true,
          user: { select: { name: true } },
          group: { select: { name: true } },
          proxyBy: { select: { name: true } },
        },
      },
    },
  });
  return items.map((item) => ({
    id: item.id,
    date: isoDateFromDbDate(item.useDate),
    facility: item.room.facility.name,
    room: item.room.name,
    frame: item.timeFrame.name,
    from: formatMinutes(item.timeFrame.startMinute),
    to: formatMinutes(item.timeFrame.endMinute),
    number: item.application.number,
    status: item.application.status,
    applicant: item.application.group ? `${item.application.group.name}（${item.application.user.name}）` : item.application.user.name,
    phone: item.application.contactPhone,
    /** who booked it for the applicant (代理予約), or null when they booked it themselves */
    proxyBy: item.application.proxyBy?.name ?? null,
    purpose: item.application.purpose,
    headcount: item.application.headcount,
    fee: item.fee,
    breakdown: item.feeBreakdown as unknown as FeeBreakdown,
    /** equipment to have ready for the slot */
    equipment: item.equipmentUses.map((u) => ({ name: u.equipment.name, quantity: u.quantity })),
    exemptionStatus: item.application.exemptionStatus,
    usage: item.usageRecordedAt ? { actualHeadcount: item.actualHeadcount, noShow: item.noShow, note: item.usageNote } : null,
  }));
}

export type UsageInput = { noShow: true; note: string } | { noShow: false; actualHeadcount: number; note: string };
export type UsageResult = { ok: true } | { ok: false; code: "NOT_FOUND" | "NOT_YET" };

/**
 * The hall records how a slot was used (利用実績): how many came, or that nobody came, with a
 * note. Only for slots of the person's facilities, not cancelled, on or before today; recording
 * again replaces the record (audited with before and after).
 */
export async function recordUsage(
  municipality: { id: string; timeZone: string },
  user: { id: string; role: Role },
  itemId: string,
  input: UsageInput,
  now: Date,
): Promise<UsageResult> {
  const scope = await facilityScopeOf(municipality.id, user);
  return db.$transaction(async (tx) => {
    const item = await tx.applicationItem.findFirst({
      where: { id: itemId, municipalityId: municipality.id, cancelledAt: null, room: { facilityId: { in: scope } } },
      select: { id: true, applicationId: true, useDate: true, usageRecordedAt: true, actualHeadcount: true, noShow: true, usageNote: true },
    });
    if (!item) return { ok: false, code: "NOT_FOUND" } as const;
    if (isoDateFromDbDate(item.useDate) > todayIn(municipality.timeZone, now)) return { ok: false, code: "NOT_YET" } as const;
    const after = { actualHeadcount: input.noShow ? null : input.actualHeadcount, noShow: input.noShow, usageNote: input.note };
    await tx.applicationItem.update({ where: { id: item.id }, data: { ...after, usageRecordedAt: now } });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: user.id,
      action: "usage.recorded",
      entity: "ApplicationItem",
      entityId: item.id,
      details: {
        before: item.usageRecordedAt ? { actualHeadcount: item.actualHeadcount, noShow: item.noShow, usageNote: item.usageNote } : null,
        after,
      },
    });
    return { ok: true } as const;
  });
}
