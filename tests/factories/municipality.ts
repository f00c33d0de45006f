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
  const room = async (name: string, capacity: number, spaceIds: string[], sortOrder: number) => {
    const r = await db.room.create({
      data: {
        municipalityId: m.id,
        facilityId: facility.id,
        name,
        capacity,
        sortOrder,
        spaces: { create: spaceIds.map((spaceId) => ({ municipalityId: m.id, spaceId })) },
      },
    });
    const frames = [];
    for (const [i, { fee, ...f }] of FRAMES.entries()) {
      const frame = await db.timeFrame.create({ data: { municipalityId: m.id, roomId: r.id, sortOrder: i, ...f } });
      await db.feeRate.createMany({
        data: (["WEEKDAY", "HOLIDAY"] as const).map((dayType) => ({
          municipalityId: m.id,
          scheduleId: schedule.id,
          timeFrameId: frame.id,
          dayType,
          amount: dayType === "WEEKDAY" ? fee : fee + HOLIDAY_EXTRA,
        })),
      });
      frames.push({ ...frame, fee });
    }
    return { ...r, frames };
  };
  const hall = await room("大集会室", 120, [spaceA.id, spaceB.id], 0);
  const hallA = await room("集会室A", 60, [spaceA.id], 1);
  const hallB = await room("集会室B", 60, [spaceB.id], 2);
  const small = await room("学習室", 10, [spaceSmall.id], 3);
  const municipality = (await findMunicipality(m.slug))!;
  return { municipality, facility, schedule, rooms: { hall, hallA, hallB, small } };
}

let passwordHash: Promise<string> | undefined;

export async function createResident(municipalityId: string, name = "住民") {
  passwordHash ??= hash("password-1234");
  return db.user.create({
    data: {
      municipalityId,
      email: `${id()}@example.jp`,
      name,
      phone: "090-0000-0000",
      passwordHash: await passwordHash,
    },
  });
}

/** The first date on or after `from` on which the test facility (closed on Mondays) is open. */
export function nextOpenDate(from: IsoDate): IsoDate {
  const rules = { closedWeekdays: [1], closedOnHolidays: true, closedAtYearEnd: true, closedDates: new Map() };
  let date = from;
  while (closureOn(date, rules)) date = addDays(date, 1);
  return date;
}

export async function closeDate(municipalityId: string, facilityId: string | null, date: IsoDate) {
  await db.closedDate.create({
    data: { municipalityId, facilityId, date: dbDateFromIsoDate(date), reason: "臨時休館" },
  });
}
