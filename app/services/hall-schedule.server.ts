import { addDays, dbDateFromIsoDate, formatMinutes, instantAt, type IsoDate, isoDateFromDbDate, todayIn } from "~/domain/calendar";
import { type Closure, closureOn } from "~/domain/closures";
import type { FeeBreakdown } from "~/domain/fees";
import { framesOn } from "~/domain/time-frames";
import { hallPaymentState, mayRecordUsage, type OtherUse, roomDay, type RowOfDay, weekFrom } from "~/domain/hall-day";
import type { Prisma, Role } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import type { Municipality } from "./catalog.server";
import { facilityScopeOf } from "./hall-bookings.server";
import { moneyOfApplications } from "./payments.server";
import { loadClosedDates } from "./rooms.server";

type Viewer = { id: string; role: Role };

/**
 * The facilities a person looks at on the hall screens: their scope, or one facility of it.
 * Null when `facilityId` is outside their scope (another hall's, another town's, made up).
 */
export async function hallFacilities(municipality: Pick<Municipality, "id">, viewer: Viewer, facilityId?: string | null) {
  const scope = await facilityScopeOf(municipality.id, viewer);
  if (facilityId && !scope.includes(facilityId)) return null;
  return db.facility.findMany({
    where: { municipalityId: municipality.id, id: { in: facilityId ? [facilityId] : scope } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      phone: true,
      closedWeekdays: true,
      rooms: {
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          spaces: { select: { spaceId: true } },
          timeFrames: { orderBy: { sortOrder: "asc" }, select: { id: true, name: true, startMinute: true, endMinute: true, active: true, dayTypes: true } },
        },
      },
    },
  });
}

/** The names of the person's facilities, in their order, for choosing one. */
export async function facilitiesOf(municipality: Pick<Municipality, "id">, viewer: Viewer) {
  const scope = await facilityScopeOf(municipality.id, viewer);
  return db.facility.findMany({
    where: { municipalityId: municipality.id, id: { in: scope } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

type Facilities = NonNullable<Awaited<ReturnType<typeof hallFacilities>>>;

/** A booked slot as the hall sees it: who, what for, how many, what to have ready, money, usage. */
/** What the hall sees of an application: who, what for, and what it owes. */
export const HALL_APPLICATION_COLUMNS = {
  id: true,
  number: true,
  status: true,
  purpose: true,
  headcount: true,
  contactPhone: true,
  totalFee: true,
  exemptionStatus: true,
  paymentChoice: true,
  holdExpiresAt: true,
  user: { select: { name: true } },
  group: { select: { name: true } },
  proxyBy: { select: { name: true } },
} satisfies Prisma.ApplicationSelect;

export type HallBooking = Awaited<ReturnType<typeof bookingsBetween>>[number];

/**
 * Booked slots of the facilities from `from` for `days` days. Live applications only: confirmed,
 * or held and still within their hold (a hold that ran out is free for others already).
 * Each application's money is summed by the database in one query for all of them.
 */
async function bookingsBetween(municipality: Municipality, facilityIds: string[], from: IsoDate, days: number, now: Date) {
  const items = await db.applicationItem.findMany({
    where: {
      municipalityId: municipality.id,
      cancelledAt: null,
      room: { facilityId: { in: facilityIds } },
      useDate: { gte: dbDateFromIsoDate(from), lt: dbDateFromIsoDate(addDays(from, days)) },
      application: {
        OR: [{ status: "CONFIRMED" }, { status: "TENTATIVE", OR: [{ holdExpiresAt: null }, { holdExpiresAt: { gt: now } }] }],
      },
    },
    orderBy: [{ useDate: "asc" }, { startsAt: "asc" }],
    take: 2000,
    select: {
      id: true,
      roomId: true,
      timeFrameId: true,
      useDate: true,
      fee: true,
      feeBreakdown: true,
      usageRecordedAt: true,
      actualHeadcount: true,
      noShow: true,
      usageNote: true,
      equipmentUses: { orderBy: { equipment: { sortOrder: "asc" } }, select: { quantity: true, equipment: { select: { name: true } } } },
      room: { select: { facilityId: true } },
      timeFrame: { select: { name: true, startMinute: true, endMinute: true } },
      application: { select: HALL_APPLICATION_COLUMNS },
    },
  });
  const money = await moneyOfApplications(municipality.id, items.map((i) => i.application.id));
  const today = todayIn(municipality.timeZone, now);
  return items.map((item) => {
    const a = item.application;
    const date = isoDateFromDbDate(item.useDate);
    const { paid, refunded } = money.get(a.id) ?? { paid: 0, refunded: 0 };
    return {
      id: item.id,
      date,
      roomId: item.roomId,
      facilityId: item.room.facilityId,
      timeFrameId: item.timeFrameId,
      frame: item.timeFrame.name,
      startMinute: item.timeFrame.startMinute,
      from: formatMinutes(item.timeFrame.startMinute),
      to: formatMinutes(item.timeFrame.endMinute),
      applicationId: a.id,
      number: a.number,
      status: a.status as "TENTATIVE" | "CONFIRMED",
      applicant: a.group ? `${a.group.name}（${a.user.name}）` : a.user.name,
      phone: a.contactPhone,
      /** who booked it for the applicant (代理予約), or null when they booked it themselves */
      proxyBy: a.proxyBy?.name ?? null,
      purpose: a.purpose,
      headcount: a.headcount,
      fee: item.fee,
      breakdown: item.feeBreakdown as unknown as FeeBreakdown,
      /** what the whole application owes, as the counter sees it */
      payment: hallPaymentState({ ...a, paid, refunded }),
      holdExpiresAt: a.status === "TENTATIVE" ? a.holdExpiresAt : null,
      /** equipment to have ready for the slot */
      equipment: item.equipmentUses.map((u) => ({ name: u.equipment.name, quantity: u.quantity })),
      usage: item.usageRecordedAt ? { actualHeadcount: item.actualHeadcount, noShow: item.noShow, note: item.usageNote } : null,
      mayRecordUsage: mayRecordUsage(date, today),
    };
  });
}

/**
 * What else holds the rooms' spaces during the days: bookings of other rooms sharing a space
 * (大集会室 and its halves) and blocks, as minutes of each day for each room.
 */
async function otherUsesBetween(municipality: Municipality, facilities: Facilities, from: IsoDate, days: number, now: Date) {
  const rooms = facilities.flatMap((f) => f.rooms);
  const start = instantAt(from, 0, municipality.timeZone);
  const end = instantAt(addDays(from, days), 0, municipality.timeZone);
  const rows = await db.occupancy.findMany({
    where: {
      municipalityId: municipality.id,
      active: true,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      spaceId: { in: [...new Set(rooms.flatMap((r) => r.spaces.map((s) => s.spaceId)))] },
      startsAt: { lt: end },
      endsAt: { gt: start },
    },
    select: { spaceId: true, kind: true, startsAt: true, endsAt: true, item: { select: { roomId: true, room: { select: { name: true } } } } },
  });
  return (roomId: string, spaceIds: string[], date: IsoDate): OtherUse[] => {
    const midnight = instantAt(date, 0, municipality.timeZone).getTime();
    return rows
      .filter((o) => spaceIds.includes(o.spaceId) && o.item?.roomId !== roomId)
      .map((o) => ({
        kind: o.kind,
        roomName: o.item?.room.name ?? null,
        startMinute: Math.round((o.startsAt.getTime() - midnight) / 60_000),
        endMinute: Math.round((o.endsAt.getTime() - midnight) / 60_000),
      }))
      .filter((u) => u.endMinute > 0 && u.startMinute < 24 * 60);
  };
}

async function closuresBetween(municipality: Municipality, facilities: Facilities, from: IsoDate, days: number) {
  const closedDatesOf = await loadClosedDates(municipality.id, facilities.map((f) => f.id), from, addDays(from, days - 1));
  return (facility: Facilities[number], date: IsoDate): Closure | null =>
    closureOn(date, {
      closedWeekdays: facility.closedWeekdays,
      closedOnHolidays: municipality.closedOnHolidays,
      closedAtYearEnd: municipality.closedAtYearEnd,
      closedDates: closedDatesOf(facility.id),
    });
}

export type HallDay = NonNullable<Awaited<ReturnType<typeof hallDay>>>;

/**
 * One day at the person's facilities (or one of them): every room's time frames in time
 * order, each booked (with everything the hall needs), free, or held by something else.
 * On a closed day only bookings show. Null for a facility outside their scope.
 */
export async function hallDay(municipality: Municipality, viewer: Viewer, date: IsoDate, now: Date, options: { facilityId?: string | null } = {}) {
  const facilities = await hallFacilities(municipality, viewer, options.facilityId);
  if (!facilities) return null;
  const ids = facilities.map((f) => f.id);
  const [bookings, otherUsesOf, closureOf] = await Promise.all([
    bookingsBetween(municipality, ids, date, 1, now),
    otherUsesBetween(municipality, facilities, date, 1, now),
    closuresBetween(municipality, facilities, date, 1),
  ]);
  return {
    date,
    facilities: facilities.map((facility) => {
      const closure = closureOf(facility, date);
      return {
        id: facility.id,
        name: facility.name,
        closure,
        rooms: facility.rooms.map((room) => {
          const booked = bookings.filter((b) => b.roomId === room.id);
          const frames = closure ? [] : framesOn(room.timeFrames, date);
          const rows: RowOfDay<HallBooking>[] = roomDay(frames, booked, otherUsesOf(room.id, room.spaces.map((s) => s.spaceId), date));
          return { id: room.id, name: room.name, rows };
        }),
      };
    }),
  };
}

export type HallWeek = NonNullable<Awaited<ReturnType<typeof hallWeek>>>;

/**
 * Seven days from `from` at the person's facilities: each room's bookings in time order,
 * and for each facility and day whether it is closed and how many slots are booked.
 */
export async function hallWeek(municipality: Municipality, viewer: Viewer, from: IsoDate, now: Date, options: { facilityId?: string | null } = {}) {
  const facilities = await hallFacilities(municipality, viewer, options.facilityId);
  if (!facilities) return null;
  const dates = weekFrom(from);
  const [bookings, closureOf] = await Promise.all([
    bookingsBetween(municipality, facilities.map((f) => f.id), from, dates.length, now),
    closuresBetween(municipality, facilities, from, dates.length),
  ]);
  return {
    from,
    to: dates[dates.length - 1]!,
    facilities: facilities.map((facility) => ({
      id: facility.id,
      name: facility.name,
      days: dates.map((date) => ({
        date,
        closure: closureOf(facility, date),
        booked: bookings.filter((b) => b.facilityId === facility.id && b.date === date).length,
      })),
      rooms: facility.rooms.map((room) => ({ id: room.id, name: room.name, bookings: bookings.filter((b) => b.roomId === room.id) })),
    })),
  };
}
