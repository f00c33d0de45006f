import { slotInterval } from "~/domain/availability";
import type { RequestedSlot } from "~/domain/booking-rules";
import { type EquipmentUse, shortOfStock, unitsFree } from "~/domain/equipment";
import { scheduleInForce } from "~/domain/fees";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { Municipality } from "./catalog.server";
import { loadFeeTable } from "./fees.server";
import { findRooms } from "./rooms.server";

type Client = Prisma.TransactionClient | typeof db;

/** Active equipment of the facilities these rooms belong to. */
function lentForRooms(municipalityId: string, roomIds: readonly string[]) {
  return { municipalityId, active: true, facility: { rooms: { some: { id: { in: [...new Set(roomIds)] } } } } };
}

/** The equipment the facilities of these rooms lend now, in display order. */
export function equipmentForRooms(municipalityId: string, roomIds: readonly string[]) {
  return db.equipment.findMany({
    where: lentForRooms(municipalityId, roomIds),
    orderBy: [{ facility: { sortOrder: "asc" } }, { sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, facilityId: true, name: true, stock: true, facility: { select: { name: true } } },
  });
}

/** Units of each equipment lent in slots, not cancelled, that overlap [from, to). */
export async function bookedUses(client: Client, municipalityId: string, equipmentIds: readonly string[], from: Date, to: Date, now: Date) {
  const rows = await client.equipmentUse.findMany({
    where: {
      municipalityId,
      equipmentId: { in: [...equipmentIds] },
      item: {
        cancelledAt: null,
        startsAt: { lt: to },
        endsAt: { gt: from },
        // a hold that ran out lends nothing (the booking transaction also expires it first)
        application: { OR: [{ holdExpiresAt: null }, { holdExpiresAt: { gt: now } }] },
      },
    },
    select: { equipmentId: true, quantity: true, item: { select: { startsAt: true, endsAt: true } } },
  });
  const uses = new Map<string, EquipmentUse[]>();
  for (const row of rows) {
    const list = uses.get(row.equipmentId) ?? [];
    list.push({ from: row.item.startsAt.getTime(), to: row.item.endsAt.getTime(), quantity: row.quantity });
    uses.set(row.equipmentId, list);
  }
  return uses;
}

/** What the equipment question offers for the chosen slots: fee per slot and units still free. */
export async function equipmentChoices(municipality: Municipality, selection: readonly RequestedSlot[], now = new Date()) {
  const equipment = await equipmentForRooms(municipality.id, selection.map((s) => s.roomId));
  if (equipment.length === 0) return [];
  const [rooms, fees] = await Promise.all([findRooms(municipality.id, selection.map((s) => s.roomId)), loadFeeTable(municipality.id)]);
  const intervals = selection.flatMap((slot) => {
    const room = rooms.get(slot.roomId);
    const frame = room?.timeFrames.find((f) => f.id === slot.timeFrameId);
    if (!room || !frame) return [];
    const { startsAt, endsAt } = slotInterval(slot.date, frame, municipality.timeZone);
    return [{ facilityId: room.facility.id, from: startsAt.getTime(), to: endsAt.getTime() }];
  });
  if (intervals.length === 0) return [];
  const booked = await bookedUses(
    db,
    municipality.id,
    equipment.map((e) => e.id),
    new Date(Math.min(...intervals.map((i) => i.from))),
    new Date(Math.max(...intervals.map((i) => i.to))),
    now,
  );
  const firstDate = [...selection.map((s) => s.date)].sort()[0]!;
  const schedule = scheduleInForce(fees.schedules, firstDate);
  return equipment.flatMap((e) => {
    const unitFee = schedule?.equipmentFees.get(e.id);
    // equipment without a fee in the schedule is not offered online
    if (unitFee === undefined) return [];
    const free = unitsFree(e.stock, booked.get(e.id) ?? [], intervals.filter((i) => i.facilityId === e.facilityId));
    return [{ id: e.id, name: e.name, facilityName: e.facility.name, unitFee, free }];
  });
}

/** Units of one equipment asked for one slot (`item` is the slot's position in the application). */
export type StockRequest = { item: number; equipmentId: string; quantity: number; startsAt: Date; endsAt: Date };

/**
 * The slots whose equipment the stock cannot cover, counting what is booked and the other
 * requests. With `lock` (inside the submitting transaction) the equipment rows are locked in id
 * order first, so two applications cannot both take the last unit.
 */
export async function itemsShortOfStock(client: Client, municipalityId: string, requests: readonly StockRequest[], lock: boolean, now: Date) {
  if (requests.length === 0) return [];
  const ids = [...new Set(requests.map((r) => r.equipmentId))].sort();
  const stocks = lock
    ? await client.$queryRaw<{ id: string; stock: number }[]>`SELECT "id", "stock" FROM "Equipment"
        WHERE "municipalityId" = ${municipalityId} AND "id" = ANY(${ids}) ORDER BY "id" FOR UPDATE`
    : await client.equipment.findMany({ where: { municipalityId, id: { in: ids } }, select: { id: true, stock: true } });
  const booked = await bookedUses(
    client,
    municipalityId,
    ids,
    new Date(Math.min(...requests.map((r) => r.startsAt.getTime()))),
    new Date(Math.max(...requests.map((r) => r.endsAt.getTime()))),
    now,
  );
  const short = new Set<number>();
  for (const { id, stock } of stocks) {
    const mine = requests.filter((r) => r.equipmentId === id);
    const uses = mine.map((r) => ({ from: r.startsAt.getTime(), to: r.endsAt.getTime(), quantity: r.quantity }));
    for (const index of shortOfStock(stock, booked.get(id) ?? [], uses)) short.add(mine[index]!.item);
  }
  return [...short].sort((a, b) => a - b);
}

/** Whether a facility of these rooms lends equipment (the equipment question is asked). */
export async function offersEquipment(municipalityId: string, roomIds: readonly string[]) {
  const count = await db.equipment.count({
    where: lentForRooms(municipalityId, roomIds),
  });
  return count > 0;
}

/** The equipment a facility lends, with today's fee per unit per slot, for its page. */
export async function equipmentOfFacility(municipalityId: string, facilityId: string, today: string) {
  const [rows, fees] = await Promise.all([
    db.equipment.findMany({
      where: { municipalityId, facilityId, active: true },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: { id: true, name: true, stock: true },
    }),
    loadFeeTable(municipalityId),
  ]);
  const schedule = scheduleInForce(fees.schedules, today);
  return rows.flatMap((e) => {
    const fee = schedule?.equipmentFees.get(e.id);
    return fee === undefined ? [] : [{ ...e, fee }];
  });
}
