import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";

type Tx = Pick<typeof db, "auditEvent">;

export type AuditInput = {
  municipalityId: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
};

/**
 * Records a state change. Pass the transaction that makes the change, so the record and the
 * change are saved together or not at all.
 */
export async function audit(tx: Tx, event: AuditInput) {
  await tx.auditEvent.create({ data: { ...event, details: event.details ?? {} } });
}

/** A municipality's events, newest first (for its staff). */
export function listAuditEvents(municipalityId: string, take = 100) {
  return db.auditEvent.findMany({
    where: { municipalityId },
    // cuid ids grow within a millisecond too, so same-instant events keep their order
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { action: true, entity: true, entityId: true, actorId: true, details: true, createdAt: true },
  });
}

/** The events with the name of who made each change (for the staff's audit page). */
export async function auditLogFor(municipalityId: string, take = 100) {
  const events = await listAuditEvents(municipalityId, take);
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
  const actors = await db.user.findMany({
    where: { municipalityId, id: { in: actorIds } },
    select: { id: true, name: true, role: true },
  });
  const byId = new Map(actors.map((a) => [a.id, a]));
  return events.map((e) => ({ ...e, actor: e.actorId ? (byId.get(e.actorId) ?? null) : null }));
}
