import { type BlockPeriodInput, type BlockProblem, blockInterval, checkBlock } from "~/domain/blocks";
import type { Role } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { type AffectedBooking, affectedBookings, cancelAffectedBookings, type CancelAffectedResult, type Coverage, coveredSpaceIds } from "./affected-bookings.server";
import { audit } from "./audit.server";
import type { Municipality } from "./catalog.server";
import { facilityScopeOf } from "./hall-bookings.server";
import { lockSpaces } from "./rooms.server";

type Actor = { id: string; role: Role };

/** The rooms a person may block: every room of the facilities they look after. */
export async function blockableFacilities(municipalityId: string, user: Actor) {
  const scope = await facilityScopeOf(municipalityId, user);
  return db.facility.findMany({
    where: { municipalityId, id: { in: scope } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, rooms: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } } },
  });
}

const blockSelect = {
  id: true,
  facilityId: true,
  roomId: true,
  startsAt: true,
  endsAt: true,
  reason: true,
  createdAt: true,
  liftedAt: true,
  facility: { select: { name: true } },
  room: { select: { name: true } },
  createdBy: { select: { name: true } },
  liftedBy: { select: { name: true } },
} as const;

function coverageOf(block: { facilityId: string; roomId: string | null; startsAt: Date; endsAt: Date }): Coverage {
  return { facilityId: block.facilityId, roomId: block.roomId, startsAt: block.startsAt, endsAt: block.endsAt };
}

/** Blocks in force or to come of the person's facilities, soonest first, with how many bookings each runs into. */
export async function listBlocks(municipality: Pick<Municipality, "id">, user: Actor, now: Date) {
  const scope = await facilityScopeOf(municipality.id, user);
  const blocks = await db.block.findMany({
    where: { municipalityId: municipality.id, facilityId: { in: scope }, liftedAt: null, endsAt: { gt: now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 200,
    select: blockSelect,
  });
  return Promise.all(
    blocks.map(async (b) => ({ ...b, affected: (await affectedBookings(db, municipality.id, coverageOf(b), now)).length })),
  );
}

/**
 * One block of the person's facilities with the bookings it runs into (none once lifted);
 * null for another facility's or another municipality's.
 */
export async function blockDetail(municipality: Pick<Municipality, "id">, user: Actor, blockId: string, now: Date) {
  const scope = await facilityScopeOf(municipality.id, user);
  const block = await db.block.findFirst({
    where: { id: blockId, municipalityId: municipality.id, facilityId: { in: scope } },
    select: blockSelect,
  });
  if (!block) return null;
  const affected = block.liftedAt ? [] : await affectedBookings(db, municipality.id, coverageOf(block), now);
  return { ...block, coverage: coverageOf(block), affected };
}

export type NewBlock = BlockPeriodInput & { facilityId: string; roomId: string | null; reason: string };
export type CreateBlockResult =
  | { ok: true; id: string; affected: AffectedBooking[] }
  | { ok: false; code: "NOT_FOUND" }
  | { ok: false; code: "INVALID"; problems: BlockProblem[] };

/**
 * Closes a room, or every room of a facility, for a period. A hall manager may block only
 * their own facilities; another facility or municipality is simply not found. The spaces are
 * locked as a booking locks them, so a booking being submitted meanwhile either comes first
 * (and is in `affected`, read in the same transaction) or sees the block and is refused.
 */
export async function createBlock(municipality: Pick<Municipality, "id" | "timeZone">, user: Actor, input: NewBlock, now: Date): Promise<CreateBlockResult> {
  const scope = await facilityScopeOf(municipality.id, user);
  if (!scope.includes(input.facilityId)) return { ok: false, code: "NOT_FOUND" };
  if (input.roomId) {
    const room = await db.room.findFirst({ where: { id: input.roomId, municipalityId: municipality.id, facilityId: input.facilityId }, select: { id: true } });
    if (!room) return { ok: false, code: "NOT_FOUND" };
  }
  const problems = checkBlock(input, municipality.timeZone, now);
  if (problems.length > 0) return { ok: false, code: "INVALID", problems };
  const { startsAt, endsAt } = blockInterval(input, municipality.timeZone);
  const coverage: Coverage = { facilityId: input.facilityId, roomId: input.roomId, startsAt, endsAt };
  return db.$transaction(async (tx) => {
    await lockSpaces(tx, municipality.id, await coveredSpaceIds(tx, municipality.id, coverage));
    const after = { facilityId: input.facilityId, roomId: input.roomId, startsAt, endsAt, reason: input.reason.trim() };
    const block = await tx.block.create({ data: { municipalityId: municipality.id, createdById: user.id, ...after }, select: { id: true } });
    const affected = await affectedBookings(tx, municipality.id, coverage, now);
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: user.id,
      action: "block.created",
      entity: "Block",
      entityId: block.id,
      details: { before: null, after: { ...after, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() }, affectedApplications: affected.map((a) => a.number) },
    });
    return { ok: true, id: block.id, affected };
  });
}

export type LiftBlockResult = { ok: true } | { ok: false; code: "NOT_FOUND" | "ALREADY_LIFTED" };

/** Ends a block early: its slots can be booked again at once. Kept as a record, with who lifted it. */
export async function liftBlock(municipality: Pick<Municipality, "id">, user: Actor, blockId: string, now: Date): Promise<LiftBlockResult> {
  const scope = await facilityScopeOf(municipality.id, user);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Block"
      WHERE "municipalityId" = ${municipality.id} AND "id" = ${blockId} AND "facilityId" = ANY(${scope}) FOR UPDATE`;
    if (!row) return { ok: false, code: "NOT_FOUND" } as const;
    const block = await tx.block.findUniqueOrThrow({ where: { id: row.id }, select: { liftedAt: true } });
    if (block.liftedAt) return { ok: false, code: "ALREADY_LIFTED" } as const;
    await tx.block.update({ where: { id: row.id }, data: { liftedAt: now, liftedById: user.id } });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: user.id,
      action: "block.lifted",
      entity: "Block",
      entityId: row.id,
      details: { before: { liftedAt: null }, after: { liftedAt: now.toISOString() } },
    });
    return { ok: true } as const;
  });
}

/**
 * Staff cancel chosen bookings' slots inside a block in force, with a full refund and the
 * message mailed to each applicant (cancelAffectedBookings).
 */
export async function cancelBookingsInBlock(
  municipality: Municipality,
  user: Actor,
  blockId: string,
  applicationIds: readonly string[],
  message: string,
  now: Date,
): Promise<CancelAffectedResult | { ok: false; code: "NOT_FOUND" }> {
  const scope = await facilityScopeOf(municipality.id, user);
  const block = await db.block.findFirst({
    where: { id: blockId, municipalityId: municipality.id, facilityId: { in: scope }, liftedAt: null },
    select: { facilityId: true, roomId: true, startsAt: true, endsAt: true },
  });
  if (!block) return { ok: false, code: "NOT_FOUND" };
  return cancelAffectedBookings(municipality, user, coverageOf(block), applicationIds, message, now);
}
