import { isoDateFromDbDate, todayIn } from "~/domain/calendar";
import { mayRecordUsage } from "~/domain/hall-day";
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

export type UsageInput = { noShow: true; note: string } | { noShow: false; actualHeadcount: number; note: string };
export type UsageResult = { ok: true } | { ok: false; code: "NOT_FOUND" | "NOT_YET" };

/**
 * The hall records how a slot was used (利用実績): how many came, or that nobody came, with a
 * note. Only for slots of the person's facilities, not cancelled, on the day of use or after it
 * (yesterday's too), never before; recording again replaces the record (audited with before
 * and after).
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
    if (!mayRecordUsage(isoDateFromDbDate(item.useDate), todayIn(municipality.timeZone, now))) return { ok: false, code: "NOT_YET" } as const;
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
