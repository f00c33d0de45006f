import { isoDateFromDbDate } from "~/domain/calendar";
import { DELETED_NAME, deletedEmail } from "~/domain/deleted-accounts";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";
import { cancelItems, firstCancellableDate, listMyApplications } from "./booking.server";
import type { Municipality } from "./catalog.server";
import { accountLimitKey } from "./rate-limits.server";

/**
 * A resident deletes their account (APPI). The User row is anonymised in place rather than
 * deleted, so their past applications stay for the municipality's statistics without anything
 * that identifies them (docs/decisions/0006-account-deletion-anonymises.md).
 */

export { DELETED_NAME, deletedEmail } from "~/domain/deleted-accounts";

// Not an argon2 hash: verifying any password against it fails.
const NO_PASSWORD = "!deleted";

/** The slots that deleting the account would cancel: not cancelled and not yet used. */
export async function slotsCancelledByDeletion(municipality: Municipality, userId: string, now: Date) {
  const from = isoDateFromDbDate(firstCancellableDate(municipality, now));
  const applications = await listMyApplications(municipality.id, userId);
  return applications.flatMap((a) =>
    a.items
      .filter((item) => !item.cancelledAt && item.date >= from)
      .map((item) => ({ ...item, applicationNumber: a.number })),
  );
}

export type DeletionResult =
  | { ok: true; slotsCancelled: number; applicationsKept: number; sessionsEnded: number }
  | { ok: false; code: "NOT_FOUND" | "NOT_RESIDENT" };

/**
 * In one transaction: cancels the resident's upcoming slots (freeing them for others), blanks
 * the personal fields of their applications, anonymises their account, ends every session and
 * records `user.deleted` with counts only. Scoped to the municipality and this user; an
 * unknown or already deleted account changes nothing.
 */
export async function deleteAccount(municipality: Municipality, userId: string, now: Date): Promise<DeletionResult> {
  const municipalityId = municipality.id;
  const from = firstCancellableDate(municipality, now);
  return db.$transaction(async (tx) => {
    // the row lock makes a second, simultaneous deletion wait and then find the account gone
    const [user] = await tx.$queryRaw<{ email: string; role: string }[]>`
      SELECT "email", "role" FROM "User"
      WHERE "id" = ${userId} AND "municipalityId" = ${municipalityId} FOR UPDATE`;
    if (!user || user.email === deletedEmail(userId)) return { ok: false, code: "NOT_FOUND" } as const;
    // staff and managers act for the municipality: their accounts are closed by it, not here
    if (user.role !== "RESIDENT") return { ok: false, code: "NOT_RESIDENT" } as const;

    const applications = await tx.application.findMany({
      where: { municipalityId, userId },
      select: {
        id: true,
        items: { where: { cancelledAt: null }, select: { id: true, fee: true, useDate: true } },
      },
    });
    let slotsCancelled = 0;
    for (const application of applications) {
      const upcoming = application.items.filter((i) => i.useDate >= from).map((i) => i.id);
      if (upcoming.length === 0) continue;
      await cancelItems(tx, { municipality, actorId: userId, applicationId: application.id, itemIds: upcoming, now, reason: "user.deleted" });
      slotsCancelled += upcoming.length;
    }
    // dates, rooms, fees, headcount and status stay for statistics; the purpose is free text
    // that can name people, so it goes with the phone number
    await tx.application.updateMany({
      where: { municipalityId, userId },
      data: { purpose: "", contactPhone: "" },
    });
    const { count: sessionsEnded } = await tx.session.deleteMany({ where: { municipalityId, userId } });
    await tx.rateLimit.deleteMany({ where: { municipalityId, key: accountLimitKey(user.email) } });
    await tx.user.updateMany({
      where: { id: userId, municipalityId },
      data: { name: DELETED_NAME, kana: "", email: deletedEmail(userId), phone: "", passwordHash: NO_PASSWORD },
    });
    const result = { slotsCancelled, applicationsKept: applications.length, sessionsEnded };
    await audit(tx, {
      municipalityId,
      actorId: userId,
      action: "user.deleted",
      entity: "User",
      entityId: userId,
      details: result,
    });
    return { ok: true, ...result } as const;
  });
}
