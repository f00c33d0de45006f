import { daysInterval } from "~/domain/blocks";
import { dbDateFromIsoDate, type IsoDate, isoDateFromDbDate, todayIn } from "~/domain/calendar";
import {
  type CalendarSettings,
  type CalendarSettingsInput,
  type CalendarSettingsProblems,
  checkCalendarSettings,
  checkClosure,
  type ClosureProblem,
  datesFrom,
} from "~/domain/calendar-settings";
import type { Role } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { affectedBookings, cancelAffectedBookings, type CancelAffectedResult, type Coverage, coveredSpaceIds } from "./affected-bookings.server";
import { audit } from "./audit.server";
import type { Municipality } from "./catalog.server";
import { lockSpaces } from "./rooms.server";

export function calendarSettingsOf(municipality: Municipality): CalendarSettings {
  return {
    bookingWindowMonths: municipality.bookingWindowMonths,
    groupExtraWindowMonths: municipality.groupExtraWindowMonths,
    bookingCloseDaysBefore: municipality.bookingCloseDaysBefore,
    closedOnHolidays: municipality.closedOnHolidays,
    closedAtYearEnd: municipality.closedAtYearEnd,
  };
}

const settingsSelect = {
  bookingWindowMonths: true,
  groupExtraWindowMonths: true,
  bookingCloseDaysBefore: true,
  closedOnHolidays: true,
  closedAtYearEnd: true,
} as const;

export type CalendarSettingsResult = { ok: true; changed: boolean } | { ok: false; problems: CalendarSettingsProblems };

/**
 * Saves the booking windows and the holiday and year-end closures, all or nothing, audited
 * with before and after. Bookings already made stay as they are.
 */
export async function updateCalendarSettings(
  municipality: Pick<Municipality, "id">,
  staffId: string,
  input: CalendarSettingsInput,
): Promise<CalendarSettingsResult> {
  const checked = checkCalendarSettings(input);
  if (!checked.ok) return checked;
  const after = checked.settings;
  return db.$transaction(async (tx) => {
    // locked, so two staff saving at once are recorded one after the other with true "before"s
    await tx.$queryRaw`SELECT "id" FROM "Municipality" WHERE "id" = ${municipality.id} FOR UPDATE`;
    const before = await tx.municipality.findUniqueOrThrow({ where: { id: municipality.id }, select: settingsSelect });
    if ((Object.keys(after) as (keyof CalendarSettings)[]).every((k) => before[k] === after[k])) return { ok: true, changed: false };
    await tx.municipality.update({ where: { id: municipality.id }, data: after });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "municipality.calendar_settings_changed",
      entity: "Municipality",
      entityId: municipality.id,
      details: { before, after },
    });
    return { ok: true, changed: true };
  });
}

/** What a dated closure covers: its facility (or every one) for the whole day. */
function coverageOf(closure: { facilityId: string | null; date: Date }, timeZone: string): Coverage {
  const date = isoDateFromDbDate(closure.date);
  return { facilityId: closure.facilityId, roomId: null, ...daysInterval(date, date, timeZone) };
}

/** Dated closures from today on, soonest first, with how many bookings each runs into. */
export async function listClosures(municipality: Pick<Municipality, "id" | "timeZone">, now: Date) {
  const rows = await db.closedDate.findMany({
    where: { municipalityId: municipality.id, date: { gte: dbDateFromIsoDate(todayIn(municipality.timeZone, now)) } },
    orderBy: [{ date: "asc" }, { id: "asc" }],
    take: 400,
    select: { id: true, facilityId: true, date: true, reason: true, facility: { select: { name: true } } },
  });
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      date: isoDateFromDbDate(r.date),
      facilityName: r.facility?.name ?? null,
      reason: r.reason,
      affected: (await affectedBookings(db, municipality.id, coverageOf(r, municipality.timeZone), now)).length,
    })),
  );
}

/** One dated closure of the municipality, from today on, with the bookings it runs into. */
export async function closureDetail(municipality: Pick<Municipality, "id" | "timeZone">, closureId: string, now: Date) {
  const row = await findUpcomingClosure(municipality, closureId, now);
  if (!row) return null;
  const affected = await affectedBookings(db, municipality.id, coverageOf(row, municipality.timeZone), now);
  return { id: row.id, date: isoDateFromDbDate(row.date), facilityName: row.facility?.name ?? null, reason: row.reason, affected };
}

function findUpcomingClosure(municipality: Pick<Municipality, "id" | "timeZone">, closureId: string, now: Date) {
  return db.closedDate.findFirst({
    where: { id: closureId, municipalityId: municipality.id, date: { gte: dbDateFromIsoDate(todayIn(municipality.timeZone, now)) } },
    select: { id: true, facilityId: true, date: true, reason: true, facility: { select: { name: true } } },
  });
}

export type NewClosure = { facilityId: string | null; from: IsoDate; to: IsoDate | null; reason: string };
export type AddClosureResult =
  | { ok: true; ids: string[]; affected: number }
  | { ok: false; code: "UNKNOWN_FACILITY" }
  | { ok: false; code: "INVALID"; problems: ClosureProblem[] }
  | { ok: false; code: "ALREADY_CLOSED"; dates: IsoDate[] };

/**
 * Closes a facility (or every facility when facilityId is null) on each date from `from` to
 * `to`, one audited row per date, all or nothing. The covered spaces are locked as a booking
 * locks them, so a booking submitted meanwhile is either counted in `affected` or refused.
 */
export async function addClosure(municipality: Pick<Municipality, "id" | "timeZone">, staffId: string, input: NewClosure, now: Date): Promise<AddClosureResult> {
  if (input.facilityId) {
    const facility = await db.facility.findFirst({ where: { id: input.facilityId, municipalityId: municipality.id }, select: { id: true } });
    if (!facility) return { ok: false, code: "UNKNOWN_FACILITY" };
  }
  const problems = checkClosure(input, todayIn(municipality.timeZone, now));
  if (problems.length > 0) return { ok: false, code: "INVALID", problems };
  const dates = datesFrom(input.from, input.to ?? input.from);
  const reason = input.reason.trim();
  return db.$transaction(async (tx): Promise<AddClosureResult> => {
    await lockSpaces(tx, municipality.id, await coveredSpaceIds(tx, municipality.id, { facilityId: input.facilityId, roomId: null }));
    const existing = await tx.closedDate.findMany({
      where: { municipalityId: municipality.id, facilityId: input.facilityId, date: { in: dates.map(dbDateFromIsoDate) } },
      orderBy: { date: "asc" },
      select: { date: true },
    });
    if (existing.length > 0) return { ok: false, code: "ALREADY_CLOSED", dates: existing.map((e) => isoDateFromDbDate(e.date)) };
    const ids: string[] = [];
    for (const date of dates) {
      const row = await tx.closedDate.create({
        data: { municipalityId: municipality.id, facilityId: input.facilityId, date: dbDateFromIsoDate(date), reason },
        select: { id: true },
      });
      ids.push(row.id);
      await audit(tx, {
        municipalityId: municipality.id,
        actorId: staffId,
        action: "closure.added",
        entity: "ClosedDate",
        entityId: row.id,
        details: { before: null, after: { facilityId: input.facilityId, date, reason } },
      });
    }
    const coverage = { facilityId: input.facilityId, roomId: null, ...daysInterval(dates[0]!, dates[dates.length - 1]!, municipality.timeZone) };
    const affected = await affectedBookings(tx, municipality.id, coverage, now);
    return { ok: true, ids, affected: affected.length };
  });
}

export type RemoveClosureResult = { ok: true } | { ok: false; code: "NOT_FOUND" };

/** Opens a closed date again (today or later; past closures stay as the record of what was). */
export async function removeClosure(municipality: Pick<Municipality, "id" | "timeZone">, staffId: string, closureId: string, now: Date): Promise<RemoveClosureResult> {
  return db.$transaction(async (tx) => {
    const row = await tx.closedDate.findFirst({
      where: { id: closureId, municipalityId: municipality.id, date: { gte: dbDateFromIsoDate(todayIn(municipality.timeZone, now)) } },
      select: { id: true, facilityId: true, date: true, reason: true },
    });
    if (!row) return { ok: false, code: "NOT_FOUND" } as const;
    await tx.closedDate.delete({ where: { id: row.id } });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "closure.removed",
      entity: "ClosedDate",
      entityId: row.id,
      details: { before: { facilityId: row.facilityId, date: isoDateFromDbDate(row.date), reason: row.reason }, after: null },
    });
    return { ok: true } as const;
  });
}

/** Staff cancel chosen bookings on a closed date, with a full refund and their message. */
export async function cancelBookingsOnClosure(
  municipality: Municipality,
  user: { id: string; role: Role },
  closureId: string,
  applicationIds: readonly string[],
  message: string,
  now: Date,
): Promise<CancelAffectedResult | { ok: false; code: "NOT_FOUND" }> {
  const row = await findUpcomingClosure(municipality, closureId, now);
  if (!row) return { ok: false, code: "NOT_FOUND" };
  return cancelAffectedBookings(municipality, user, coverageOf(row, municipality.timeZone), applicationIds, message, now);
}
