import { todayIn } from "~/domain/calendar";
import { closureOn } from "~/domain/closures";
import { framesOn } from "~/domain/time-frames";
import { signageBoard } from "~/domain/signage";
import { db } from "~/utils/db.server";
import type { Municipality } from "./catalog.server";
import { instantRange, loadBlocks, loadClosedDates } from "./rooms.server";

/**
 * What the facility's entrance screen shows now: today's frames of every room, or why the
 * facility is closed today. Only a group's name ever leaves here, and only when the group
 * agreed. Another municipality's facility is not found (null).
 */
export async function signageOf(municipality: Pick<Municipality, "id" | "timeZone" | "closedOnHolidays" | "closedAtYearEnd">, facilityId: string, now: Date) {
  const facility = await db.facility.findFirst({
    where: { id: facilityId, municipalityId: municipality.id },
    select: {
      id: true,
      name: true,
      closedWeekdays: true,
      rooms: {
        where: { active: true },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          spaces: { select: { spaceId: true } },
          timeFrames: { orderBy: { sortOrder: "asc" }, select: { name: true, startMinute: true, endMinute: true, active: true, dayTypes: true } },
        },
      },
    },
  });
  if (!facility) return null;
  const date = todayIn(municipality.timeZone, now);
  const closedDates = await loadClosedDates(municipality.id, [facility.id], date, date);
  const closure = closureOn(date, {
    closedWeekdays: facility.closedWeekdays,
    closedOnHolidays: municipality.closedOnHolidays,
    closedAtYearEnd: municipality.closedAtYearEnd,
    closedDates: closedDates(facility.id),
  });
  const shown = { facility: facility.name, date, closure };
  if (closure) return { ...shown, rows: [] };

  const range = instantRange(date, date);
  const blocks = await loadBlocks(municipality.id, [facility.id], range.from, range.to);
  const occupied = await db.occupancy.findMany({
    where: {
      municipalityId: municipality.id,
      active: true,
      // a hold that ran out is free, as on the booking pages
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      space: { facilityId: facility.id },
      startsAt: { lt: range.to },
      endsAt: { gt: range.from },
    },
    select: {
      spaceId: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      item: { select: { roomId: true, application: { select: { group: { select: { name: true, showNameOnSignage: true } } } } } },
    },
  });
  const rows = signageBoard({
    date,
    timeZone: municipality.timeZone,
    now,
    rooms: facility.rooms.map((r) => ({ id: r.id, name: r.name, spaceIds: r.spaces.map((s) => s.spaceId), frames: framesOn(r.timeFrames, date) })),
    occupancies: [
      ...occupied.map(({ item, ...o }) => {
        const group = item?.application.group;
        return { ...o, roomId: item?.roomId ?? null, groupName: group?.showNameOnSignage ? group.name : null };
      }),
      // a room or the whole facility closed for a while (a block holds its spaces, not a booking)
      ...blocks.flatMap((b) =>
        b.spaceIds.map((spaceId) => ({ spaceId, kind: "BLOCK" as const, startsAt: b.startsAt, endsAt: b.endsAt, roomId: null, groupName: null })),
      ),
    ],
  });
  return { ...shown, rows };
}
