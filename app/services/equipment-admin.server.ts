import { type IsoDate, todayIn } from "~/domain/calendar";
import { checkEquipment, type EquipmentProblem, peakUse } from "~/domain/equipment";
import { isFee, scheduleInForce } from "~/domain/fees";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";
import type { Municipality } from "./catalog.server";
import { bookedUses } from "./equipment.server";
import { loadFeeTable } from "./fees.server";

/** Staff's view: every facility with its equipment, offered or retired, and today's fee. */
export async function equipmentByFacility(municipalityId: string, today: IsoDate) {
  const [facilities, table] = await Promise.all([
    db.facility.findMany({
      where: { municipalityId },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        equipment: { orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, stock: true, active: true } },
      },
    }),
    loadFeeTable(municipalityId),
  ]);
  const schedule = scheduleInForce(table.schedules, today);
  return facilities.map((f) => ({
    ...f,
    equipment: f.equipment.map((e) => ({ ...e, fee: schedule?.equipmentFees.get(e.id) ?? null })),
  }));
}

export type EquipmentAdminProblem = EquipmentProblem | "NEGATIVE_FEE" | "UNKNOWN_FACILITY" | "UNKNOWN_EQUIPMENT" | "BELOW_BOOKED";
export type EquipmentAdminResult = { ok: true; id: string } | { ok: false; problems: EquipmentAdminProblem[]; peak?: number };

export type NewEquipment = { facilityId: string; name: string; stock: number; fee: number };

/**
 * Adds equipment to a facility, priced at `fee` a unit per slot in the schedule in force today
 * and every later one, so residents can book it at once and after revisions.
 */
export async function addEquipment(
  municipality: Pick<Municipality, "id" | "timeZone">,
  staffId: string,
  input: NewEquipment,
  now: Date,
): Promise<EquipmentAdminResult> {
  const name = input.name.trim();
  const facility = await db.facility.findFirst({ where: { id: input.facilityId, municipalityId: municipality.id }, select: { id: true } });
  // in the order of the form's fields
  const problems: EquipmentAdminProblem[] = [
    ...(facility ? [] : (["UNKNOWN_FACILITY"] as const)),
    ...checkEquipment({ name, stock: input.stock }),
    ...(isFee(input.fee) ? [] : (["NEGATIVE_FEE"] as const)),
  ];
  if (problems.length > 0) return { ok: false, problems };
  const today = todayIn(municipality.timeZone, now);
  const id = await db.$transaction(async (tx) => {
    const last = await tx.equipment.aggregate({ where: { municipalityId: municipality.id, facilityId: input.facilityId }, _max: { sortOrder: true } });
    const sortOrder = (last._max.sortOrder ?? -1) + 1;
    const created = await tx.equipment.create({
      data: { municipalityId: municipality.id, facilityId: input.facilityId, name, stock: input.stock, sortOrder },
    });
    const { schedules } = await loadFeeTable(municipality.id, tx);
    const from = scheduleInForce(schedules, today)?.effectiveFrom ?? today;
    const priced = schedules.filter((s) => s.effectiveFrom >= from).map((s) => s.id);
    await tx.equipmentRate.createMany({
      data: priced.map((scheduleId) => ({ municipalityId: municipality.id, scheduleId, equipmentId: created.id, amount: input.fee })),
    });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "equipment.added",
      entity: "Equipment",
      entityId: created.id,
      details: { before: null, after: { facilityId: input.facilityId, name, stock: input.stock, fee: input.fee, scheduleIds: priced } },
    });
    return created.id;
  });
  return { ok: true, id };
}

/**
 * Changes how many units a facility has. Refused below the most units lent at one moment in a
 * slot that has not ended and is not cancelled; the row is locked as a booking locks it, so a
 * booking cannot slip in between the check and the change.
 */
export async function changeStock(
  municipality: Pick<Municipality, "id">,
  staffId: string,
  equipmentId: string,
  stock: number,
  now: Date,
): Promise<EquipmentAdminResult> {
  const problems: EquipmentAdminProblem[] = checkEquipment({ stock });
  if (problems.length > 0) return { ok: false, problems };
  return db.$transaction(async (tx): Promise<EquipmentAdminResult> => {
    const [row] = await tx.$queryRaw<{ id: string; stock: number }[]>`SELECT "id", "stock" FROM "Equipment"
      WHERE "municipalityId" = ${municipality.id} AND "id" = ${equipmentId} FOR UPDATE`;
    if (!row) return { ok: false, problems: ["UNKNOWN_EQUIPMENT"] };
    const uses = await bookedUses(tx, municipality.id, [equipmentId], now, new Date(8.64e15), now);
    const peak = peakUse(uses.get(equipmentId) ?? [], now.getTime(), Number.POSITIVE_INFINITY);
    if (stock < peak) return { ok: false, problems: ["BELOW_BOOKED"], peak };
    await tx.equipment.update({ where: { id: equipmentId }, data: { stock } });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "equipment.stock_changed",
      entity: "Equipment",
      entityId: equipmentId,
      details: { before: { stock: row.stock }, after: { stock } },
    });
    return { ok: true, id: equipmentId };
  });
}

/** Retires equipment (no longer offered; bookings that have it keep it) or offers it again. */
export async function setEquipmentActive(
  municipality: Pick<Municipality, "id">,
  staffId: string,
  equipmentId: string,
  active: boolean,
): Promise<EquipmentAdminResult> {
  return db.$transaction(async (tx): Promise<EquipmentAdminResult> => {
    const row = await tx.equipment.findFirst({ where: { id: equipmentId, municipalityId: municipality.id }, select: { active: true } });
    if (!row) return { ok: false, problems: ["UNKNOWN_EQUIPMENT"] };
    if (row.active === active) return { ok: true, id: equipmentId };
    await tx.equipment.update({ where: { id: equipmentId }, data: { active } });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: active ? "equipment.offered" : "equipment.retired",
      entity: "Equipment",
      entityId: equipmentId,
      details: { before: { active: row.active }, after: { active } },
    });
    return { ok: true, id: equipmentId };
  });
}

/** The equipment offered now, each with its facility's name (a new fee schedule prices each). */
export async function offeredEquipment(municipalityId: string) {
  const rows = await db.equipment.findMany({
    where: { municipalityId, active: true },
    orderBy: [{ facility: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, facility: { select: { name: true } } },
  });
  return rows.map((e) => ({ id: e.id, name: `${e.facility.name} ${e.name}` }));
}
