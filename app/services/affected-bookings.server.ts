import type { Interval } from "~/domain/availability";
import { formatMinutes, isoDateFromDbDate } from "~/domain/calendar";
import type { Prisma, Role } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { cancelForMunicipality } from "./booking.server";
import type { Municipality } from "./catalog.server";

type Client = Prisma.TransactionClient | typeof db;

/**
 * What a block or a closure covers: a room (its spaces, so a divisible hall and its halves go
 * together), every room of a facility, or every facility of the municipality.
 */
export type Coverage = Interval & { facilityId: string | null; roomId: string | null };

/** The spaces a coverage closes. */
export async function coveredSpaceIds(client: Client, municipalityId: string, coverage: Pick<Coverage, "facilityId" | "roomId">) {
  if (coverage.roomId) {
    const rows = await client.roomSpace.findMany({ where: { municipalityId, roomId: coverage.roomId }, select: { spaceId: true } });
    return rows.map((r) => r.spaceId);
  }
  const rows = await client.space.findMany({
    where: { municipalityId, ...(coverage.facilityId ? { facilityId: coverage.facilityId } : {}) },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export type AffectedBooking = {
  applicationId: string;
  number: number;
  status: "TENTATIVE" | "CONFIRMED";
  applicant: string;
  phone: string;
  totalFee: number;
  /** what the ledger says is paid (payments less refunds) */
  paid: number;
  /** its slots inside the period, earliest first (others of the application are not touched) */
  slots: { itemId: string; date: string; frame: string; from: string; to: string; facility: string; room: string }[];
};

/**
 * Bookings still held or confirmed with a slot inside the coverage that has not ended, one
 * entry per application, earliest first: what a new block or closure runs into. The one list
 * for blocks and closures alike.
 */
export async function affectedBookings(client: Client, municipalityId: string, coverage: Coverage, now: Date): Promise<AffectedBooking[]> {
  const spaceIds = await coveredSpaceIds(client, municipalityId, coverage);
  const items = await client.applicationItem.findMany({
    where: {
      municipalityId,
      cancelledAt: null,
      startsAt: { lt: coverage.endsAt },
      endsAt: { gt: new Date(Math.max(coverage.startsAt.getTime(), now.getTime())) },
      room: { spaces: { some: { spaceId: { in: spaceIds } } } },
      // a hold that ran out frees its slots even before anything marks it expired
      application: { status: { in: ["TENTATIVE", "CONFIRMED"] }, OR: [{ holdExpiresAt: null }, { holdExpiresAt: { gt: now } }] },
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 1000,
    select: {
      id: true,
      applicationId: true,
      useDate: true,
      room: { select: { name: true, facility: { select: { name: true } } } },
      timeFrame: { select: { name: true, startMinute: true, endMinute: true } },
      application: {
        select: { number: true, status: true, totalFee: true, contactPhone: true, user: { select: { name: true } }, group: { select: { name: true } } },
      },
    },
  });
  const applicationIds = [...new Set(items.map((i) => i.applicationId))];
  const sums = applicationIds.length
    ? await client.ledgerEntry.groupBy({ by: ["applicationId"], where: { municipalityId, applicationId: { in: applicationIds } }, _sum: { amount: true } })
    : [];
  const paidOf = new Map(sums.map((s) => [s.applicationId, s._sum.amount ?? 0]));
  const byApplication = new Map<string, AffectedBooking>();
  for (const item of items) {
    const a = item.application;
    const entry =
      byApplication.get(item.applicationId) ??
      byApplication
        .set(item.applicationId, {
          applicationId: item.applicationId,
          number: a.number,
          status: a.status as AffectedBooking["status"],
          applicant: a.group ? `${a.group.name}（${a.user.name}）` : a.user.name,
          phone: a.contactPhone,
          totalFee: a.totalFee,
          paid: paidOf.get(item.applicationId) ?? 0,
          slots: [],
        })
        .get(item.applicationId)!;
    entry.slots.push({
      itemId: item.id,
      date: isoDateFromDbDate(item.useDate),
      frame: item.timeFrame.name,
      from: formatMinutes(item.timeFrame.startMinute),
      to: formatMinutes(item.timeFrame.endMinute),
      facility: item.room.facility.name,
      room: item.room.name,
    });
  }
  return [...byApplication.values()];
}

export type CancelAffectedResult =
  | { ok: true; cancelled: { number: number; refund: number }[]; notCancelled: number }
  | { ok: false; code: "STAFF_ONLY" | "NOTHING_CHOSEN" | "MESSAGE_REQUIRED" | "MESSAGE_TOO_LONG" };

/** The longest message to the applicants (as on the counter's own cancel form). */
export const MESSAGE_MAX = 200;

/**
 * Staff cancel the chosen applications' slots inside the coverage for the municipality: paid
 * slots are refunded in full (online ones through Stripe), and each applicant is emailed
 * `message`. Their slots outside it stay booked. Each application is cancelled in its own
 * transaction (cancelForMunicipality), so one that someone changed meanwhile does not undo the
 * others; an application that is no longer affected is left alone and counted.
 */
export async function cancelAffectedBookings(
  municipality: Municipality,
  user: { id: string; role: Role },
  coverage: Coverage,
  applicationIds: readonly string[],
  message: string,
  now: Date,
): Promise<CancelAffectedResult> {
  if (user.role !== "STAFF") return { ok: false, code: "STAFF_ONLY" };
  if (applicationIds.length === 0) return { ok: false, code: "NOTHING_CHOSEN" };
  if (!message.trim()) return { ok: false, code: "MESSAGE_REQUIRED" };
  if (message.trim().length > MESSAGE_MAX) return { ok: false, code: "MESSAGE_TOO_LONG" };
  const affected = new Map((await affectedBookings(db, municipality.id, coverage, now)).map((a) => [a.applicationId, a]));
  const cancelled: { number: number; refund: number }[] = [];
  let notCancelled = 0;
  for (const applicationId of new Set(applicationIds)) {
    const booking = affected.get(applicationId);
    const result = booking
      ? await cancelForMunicipality(municipality, user.id, applicationId, message.trim(), now, booking.slots.map((s) => s.itemId))
      : null;
    if (booking && result?.ok) cancelled.push({ number: booking.number, refund: result.refund ?? 0 });
    else notCancelled += 1;
  }
  return { ok: true, cancelled, notCancelled };
}
