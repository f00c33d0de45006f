import {
  type Candidate,
  dayMark,
  type DayMark,
  isFree,
  nearestAlternatives,
  type SlotRef,
  slotInterval,
} from "~/domain/availability";
import { blockOf } from "~/domain/blocks";
import { bookingWindow, checkBookingWindow, type WindowError } from "~/domain/booking-window";
import { addDays, datesOfMonth, type IsoDate, type IsoMonth, todayIn } from "~/domain/calendar";
import { type Closure, closureOn } from "~/domain/closures";
import { framesOn } from "~/domain/time-frames";
import type { Municipality } from "./catalog.server";
import { baseFeeOn, loadFeeTable } from "./fees.server";
import {
  findFacilityRooms,
  findRoom,
  instantRange,
  knownRoom,
  loadBlocks,
  loadClosedDates,
  loadOccupied,
  occupiedForRoom,
  type RoomDetail,
} from "./rooms.server";

export type DayAvailability = {
  date: IsoDate;
  mark: DayMark;
  closure: Closure | null;
  freeFrames: number;
  /** the day's blocks, for the notice residents read (frames: null when every frame is blocked) */
  blocks: { reason: string; frames: string[] | null }[];
};

/**
 * Availability of every date of one room's month: one query for closures and one for
 * occupancy, whatever the number of days.
 */
export async function roomMonth(
  municipality: Municipality,
  roomId: string,
  month: IsoMonth,
  now: Date,
) {
  const room = await findRoom(municipality.id, roomId);
  if (!room) return null;
  const dates = datesOfMonth(month);
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  // the month shows marks only: no fees to load or price
  const days = await availabilityOfDates(municipality, [room], first, last, now, { withFees: false });
  return { room, days: dates.map((date) => days(room, date).summary), window: windowOf(municipality, now) };
}

export type FrameAvailability = {
  id: string;
  name: string;
  startMinute: number;
  endMinute: number;
  /** the base fee on this date (before any adjustment or exemption); null: not set */
  fee: number | null;
  free: boolean;
  /** why the hall closed this frame (a block), or null */
  blockedFor: string | null;
};

/** One room on one date: each time frame with whether it is free. */
export async function roomDay(municipality: Municipality, roomId: string, date: IsoDate, now: Date) {
  const room = await findRoom(municipality.id, roomId);
  if (!room) return null;
  const days = await availabilityOfDates(municipality, [room], date, date, now);
  const { summary, frames, windowError } = days(room, date);
  return { room, ...summary, windowError, frames };
}

function windowOf(municipality: Municipality, now: Date) {
  return bookingWindow(todayIn(municipality.timeZone, now), municipality);
}

async function availabilityOfDates(
  municipality: Municipality,
  rooms: readonly RoomDetail[],
  from: IsoDate,
  to: IsoDate,
  now: Date,
  { withFees = true } = {},
) {
  const today = todayIn(municipality.timeZone, now);
  const range = instantRange(from, to);
  const facilityIds = [...new Set(rooms.map((r) => r.facility.id))];
  const [closedDatesOf, occupiedBySpace, blocks, fees] = await Promise.all([
    loadClosedDates(municipality.id, facilityIds, from, to),
    loadOccupied(municipality.id, rooms.flatMap((r) => r.spaceIds), range.from, range.to, now),
    loadBlocks(municipality.id, facilityIds, range.from, range.to),
    withFees ? loadFeeTable(municipality.id) : null,
  ]);
  const perRoom = new Map(
    rooms.map((room) => [
      room.id,
      {
        rules: knownRoom(room, municipality, closedDatesOf(room.facility.id), blocks),
        occupied: occupiedForRoom(room, occupiedBySpace),
      },
    ]),
  );
  return (room: RoomDetail, date: IsoDate) => {
    const { rules, occupied } = perRoom.get(room.id)!;
    const closure = closureOn(date, rules.closure);
    const windowError: WindowError | null = checkBookingWindow(date, today, municipality);
    const frames: FrameAvailability[] = framesOn(room.timeFrames, date).map((frame) => {
      const interval = slotInterval(date, frame, municipality.timeZone);
      const block = closure ? null : blockOf(interval, room.spaceIds, rules.blocks);
      return {
        ...frame,
        fee: fees ? (baseFeeOn(fees, frame.id, date)?.amount ?? null) : null,
        free: !closure && !block && isFree(interval, occupied),
        blockedFor: block?.reason ?? null,
      };
    });
    const freeFrames = frames.filter((f) => f.free).length;
    const blockedAllDay = frames.length > 0 && frames.every((f) => f.blockedFor !== null);
    const mark = dayMark({
      closed: closure !== null || blockedAllDay,
      bookable: windowError === null,
      freeFrames,
      totalFrames: frames.length,
    });
    const reasons = [...new Set(frames.flatMap((f) => (f.blockedFor ? [f.blockedFor] : [])))];
    const dayBlocks = reasons.map((reason) => {
      const names = frames.filter((f) => f.blockedFor === reason).map((f) => f.name);
      return { reason, frames: names.length === frames.length ? null : names };
    });
    return { summary: { date, mark, closure, freeFrames, blocks: dayBlocks } satisfies DayAvailability, frames, windowError };
  };
}

export type Alternative = SlotRef & {
  roomName: string;
  frameName: string;
  startMinute: number;
  endMinute: number;
  fee: number | null;
};

/** Free slots nearest to one that was just taken (same room first, then the facility's others). */
export async function alternativesFor(
  municipality: Municipality,
  taken: SlotRef,
  now: Date,
  exclude: readonly SlotRef[] = [],
): Promise<Alternative[]> {
  const room = await findRoom(municipality.id, taken.roomId);
  if (!room) return [];
  const rooms = await findFacilityRooms(municipality.id, room.facility.id);
  const from = addDays(taken.date, -7);
  const to = addDays(taken.date, 14);
  const days = await availabilityOfDates(municipality, rooms, from, to, now);
  const excluded = new Set(exclude.map((s) => `${s.roomId}|${s.timeFrameId}|${s.date}`));
  const candidates: Candidate[] = [];
  for (const r of rooms) {
    for (let date = from; date <= to; date = addDays(date, 1)) {
      if (r.id !== room.id && date !== taken.date) continue;
      const { frames, windowError } = days(r, date);
      frames.forEach((frame, frameIndex) => {
        candidates.push({
          roomId: r.id,
          date,
          timeFrameId: frame.id,
          frameIndex,
          available:
            frame.free && windowError === null && !excluded.has(`${r.id}|${frame.id}|${date}`),
        });
      });
    }
  }
  const frameIndex = framesOn(room.timeFrames, taken.date).findIndex((f) => f.id === taken.timeFrameId);
  const byRoom = new Map(rooms.map((r) => [r.id, r]));
  return nearestAlternatives({ ...taken, frameIndex: Math.max(frameIndex, 0) }, candidates).map(
    (c) => {
      const r = byRoom.get(c.roomId)!;
      const frame = days(r, c.date).frames.find((f) => f.id === c.timeFrameId)!;
      return {
        roomId: c.roomId,
        date: c.date,
        timeFrameId: c.timeFrameId,
        roomName: r.name,
        frameName: frame.name,
        startMinute: frame.startMinute,
        endMinute: frame.endMinute,
        fee: frame.fee,
      };
    },
  );
}
