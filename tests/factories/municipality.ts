import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { addDays, dbDateFromIsoDate, type IsoDate } from "~/domain/calendar";
import { closureOn } from "~/domain/closures";
import { findMunicipality } from "~/services/catalog.server";
import { db } from "~/utils/db.server";

const id = () => randomBytes(8).toString("hex");

/** Weekends and holidays cost this much more than weekdays in the test fee schedule. */
export const HOLIDAY_EXTRA = 300;

const FRAMES = [
  { name: "午前", startMinute: 540, endMinute: 720, fee: 1200 },
  { name: "午後", startMinute: 780, endMinute: 1020, fee: 1600 },
  { name: "夜間", startMinute: 1080, endMinute: 1290, fee: 1600 },
];

/**
 * A municipality with one facility (closed on Mondays) holding a divisible hall (whole, and
 * halves A and B) and a small room, each with the three standard frames.
 */
export async function createMunicipality(options: { slug?: string; closedWeekdays?: number[] } = {}) {
  const m = await db.municipality.create({
    data: { slug: options.slug ?? `t-${id()}`, name: "テスト市", helpPhone: "000-0000-0000" },
  });
  const facility = await db.facility.create({
    data: {
      municipalityId: m.id,
      name: "テスト会館",
      address: "テスト市1-1",
      phone: "000-0000-0001",
      closedWeekdays: options.closedWeekdays ?? [1],
    },
  });
  // one fee schedule from long ago: weekday fees as in FRAMES, weekends and holidays dearer
  const schedule = await db.feeSchedule.create({
    data: { municipalityId: m.id, effectiveFrom: dbDateFromIsoDate("2000-01-01") },
  });
  const space = (name: string) =>
    db.space.create({ data: { municipalityId: m.id, facilityId: facility.id, name } });
  const [spaceA, spaceB, spaceSmall] = await Promise.all([space("A"), space("B"), space("small")]);
  const ctx = { municipalityId: m.id, facilityId: facility.id, scheduleId: schedule.id };
  const room = (name: string, capacity: number, spaceIds: string[], sortOrder: number) => addRoom(ctx, name, capacity, spaceIds, sortOrder);
  const hall = await room("大集会室", 120, [spaceA.id, spaceB.id], 0);
  const hallA = await room("集会室A", 60, [spaceA.id], 1);
  const hallB = await room("集会室B", 60, [spaceB.id], 2);
  const small = await room("学習室", 10, [spaceSmall.id], 3);
  const municipality = (await findMunicipality(m.slug))!;
  return { municipality, facility, schedule, rooms: { hall, hallA, hallB, small } };
}

/** A room of the facility occupying `spaceIds`, with the three standard frames priced in the schedule. */
export async function addRoom(
  ctx: { municipalityId: string; facilityId: string; scheduleId: string },
  name: string,
  capacity: number,
  spaceIds: string[],
  sortOrder: number,
) {
  const r = await db.room.create({
    data: {
      municipalityId: ctx.municipalityId,
      facilityId: ctx.facilityId,
      name,
      capacity,
      sortOrder,
      spaces: { create: spaceIds.map((spaceId) => ({ municipalityId: ctx.municipalityId, spaceId })) },
    },
  });
  const frames = [];
  for (const [i, { fee, ...f }] of FRAMES.entries()) {
    const frame = await db.timeFrame.create({ data: { municipalityId: ctx.municipalityId, roomId: r.id, sortOrder: i, ...f } });
    await db.feeRate.createMany({
      data: (["WEEKDAY", "HOLIDAY"] as const).map((dayType) => ({
        municipalityId: ctx.municipalityId,
        scheduleId: ctx.scheduleId,
        timeFrameId: frame.id,
        dayType,
        amount: dayType === "WEEKDAY" ? fee : fee + HOLIDAY_EXTRA,
      })),
    });
    frames.push({ ...frame, fee });
  }
  return { ...r, frames };
}

/** Equipment of the facility with `stock` units at `fee` a unit per slot in the schedule. */
export async function addEquipment(
  world: { municipality: { id: string }; facility: { id: string }; schedule: { id: string } },
  name: string,
  stock: number,
  fee: number,
) {
  const municipalityId = world.municipality.id;
  const equipment = await db.equipment.create({ data: { municipalityId, facilityId: world.facility.id, name, stock } });
  await db.equipmentRate.create({ data: { municipalityId, scheduleId: world.schedule.id, equipmentId: equipment.id, amount: fee } });
  return equipment;
}

let passwordHash: Promise<string> | undefined;

export async function createResident(municipalityId: string, name = "住民") {
  passwordHash ??= hash("password-1234");
  const email = `${id()}@example.jp`;
  const user = await db.user.create({
    data: { municipalityId, email, name, phone: "090-0000-0000", passwordHash: await passwordHash },
  });
  return { ...user, email };
}

/** The first date on or after `from` on which the test facility (closed on Mondays) is open. */
export function nextOpenDate(from: IsoDate): IsoDate {
  const rules = { closedWeekdays: [1], closedOnHolidays: true, closedAtYearEnd: true, closedDates: new Map() };
  let date = from;
  while (closureOn(date, rules)) date = addDays(date, 1);
  return date;
}

/** Successive open dates from `from`, a new one at each call, so that tests' bookings never meet. */
export function freshDates(from: IsoDate) {
  let next = from;
  return () => {
    const date = nextOpenDate(next);
    next = addDays(date, 1);
    return date;
  };
}

export async function closeDate(municipalityId: string, facilityId: string | null, date: IsoDate) {
  await db.closedDate.create({
    data: { municipalityId, facilityId, date: dbDateFromIsoDate(date), reason: "臨時休館" },
  });
}
