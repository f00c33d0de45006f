import { slotInterval } from "./availability";
import { type BlockRule, blockOf } from "./blocks";
import { checkBookingWindow, type BookingWindowRules } from "./booking-window";
import type { IsoDate } from "./calendar";
import { closureOn, type ClosureRules } from "./closures";
import type { BookingProblem } from "./errors";
import { type FrameTimes, isOfferedOn, type OfferableFrame } from "./time-frames";

import { MAX_ITEMS_PER_APPLICATION } from "./limits";

export { MAX_ITEMS_PER_APPLICATION };

export type RequestedSlot = { roomId: string; timeFrameId: string; date: IsoDate };

export type KnownRoom = {
  id: string;
  capacity: number;
  /** the physical spaces the room occupies (two for a hall that joins two rooms) */
  spaceIds: readonly string[];
  /** every frame of the room by id, retired ones too */
  timeFrames: ReadonlyMap<string, FrameTimes & OfferableFrame>;
  closure: ClosureRules;
  /** blocks in force that touch the room's spaces */
  blocks: readonly BlockRule[];
};

/**
 * Every rule a requested set of slots must pass before the database is asked to hold them,
 * in the order a person would want to hear about them. `rooms` holds only rooms of the
 * applicant's municipality, so a room of another municipality is simply unknown.
 */
export function checkSlots(input: {
  slots: readonly RequestedSlot[];
  rooms: ReadonlyMap<string, KnownRoom>;
  today: IsoDate;
  window: BookingWindowRules;
  /** the municipality's, to place the rooms' frames in time against blocks */
  timeZone: string;
  headcount?: number;
}): BookingProblem[] {
  const { slots, rooms, today, window, timeZone, headcount } = input;
  if (slots.length === 0) return [{ code: "EMPTY_APPLICATION" }];
  if (slots.length > MAX_ITEMS_PER_APPLICATION) return [{ code: "TOO_MANY_ITEMS" }];
  const problems: BookingProblem[] = [];
  const seen = new Set<string>();
  slots.forEach((slot, item) => {
    const room = rooms.get(slot.roomId);
    if (!room) return problems.push({ code: "UNKNOWN_ROOM", item });
    const frame = room.timeFrames.get(slot.timeFrameId);
    if (!frame) return problems.push({ code: "UNKNOWN_TIME_FRAME", item });
    const windowError = checkBookingWindow(slot.date, today, window);
    if (windowError) return problems.push({ code: windowError, item });
    if (closureOn(slot.date, room.closure)) return problems.push({ code: "CLOSED_DAY", item });
    // retired, or made for the other day type (a weekday frame on a Saturday)
    if (!isOfferedOn(frame, slot.date)) return problems.push({ code: "FRAME_NOT_OFFERED", item });
    if (blockOf(slotInterval(slot.date, frame, timeZone), room.spaceIds, room.blocks)) {
      return problems.push({ code: "BLOCKED", item });
    }
    const key = `${slot.roomId}|${slot.timeFrameId}|${slot.date}`;
    if (seen.has(key)) return problems.push({ code: "DUPLICATE_SLOT", item });
    seen.add(key);
    const clash = slots.slice(0, item).some((other) => sharesSpaceAndTime(slot, other, rooms));
    if (clash) return problems.push({ code: "OVERLAPPING_SLOTS", item });
    if (headcount !== undefined && headcount > room.capacity) {
      return problems.push({ code: "OVER_CAPACITY", item });
    }
  });
  return problems;
}

/** Whether two slots of one application would occupy the same space at the same time. */
function sharesSpaceAndTime(
  a: RequestedSlot,
  b: RequestedSlot,
  rooms: ReadonlyMap<string, KnownRoom>,
): boolean {
  if (a.date !== b.date) return false;
  const roomA = rooms.get(a.roomId);
  const roomB = rooms.get(b.roomId);
  const frameA = roomA?.timeFrames.get(a.timeFrameId);
  const frameB = roomB?.timeFrames.get(b.timeFrameId);
  if (!roomA || !roomB || !frameA || !frameB) return false;
  const sameSpace = roomA.spaceIds.some((id) => roomB.spaceIds.includes(id));
  return sameSpace && frameA.startMinute < frameB.endMinute && frameB.startMinute < frameA.endMinute;
}
