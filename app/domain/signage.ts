import { type FrameTimes, type Interval, overlaps, slotInterval } from "./availability";
import { type IsoDate, formatMinutes } from "./calendar";

/*
 * The hall's entrance screen (デジタルサイネージ): today's time frames of every room, each booked,
 * free or closed. A booking shows its group's name only when the group agreed; nothing else about
 * who booked ever reaches this board.
 */

export type SignageRoom = {
  id: string;
  name: string;
  spaceIds: readonly string[];
  frames: readonly (FrameTimes & { name: string })[];
};

/** An active occupied interval of a space of the facility today. */
export type SignageOccupancy = Interval & {
  spaceId: string;
  kind: "BOOKING" | "BLOCK";
  /** the room booked (null for a block) */
  roomId: string | null;
  /** the group's name when the group agreed to show it, otherwise null */
  groupName: string | null;
};

export type SignageState = { state: "BOOKED"; groupName: string | null } | { state: "FREE" } | { state: "UNAVAILABLE" };

export type SignageCell = SignageState & {
  name: string;
  from: string;
  to: string;
  /** over already */
  past: boolean;
  /** going on now */
  current: boolean;
};

export type SignageRow = { roomId: string; room: string; cells: SignageCell[] };

/** The state of one frame of a room, from the occupied intervals of the facility's spaces. */
export function frameState(room: Pick<SignageRoom, "id" | "spaceIds">, slot: Interval, occupancies: readonly SignageOccupancy[]): SignageState {
  const here = occupancies.filter((o) => room.spaceIds.includes(o.spaceId) && overlaps(o, slot));
  // this room's own booking first; then a booking of a room sharing its space (the whole hall)
  const booking = here.find((o) => o.kind === "BOOKING" && o.roomId === room.id) ?? here.find((o) => o.kind === "BOOKING");
  if (booking) return { state: "BOOKED", groupName: booking.groupName };
  if (here.some((o) => o.kind === "BLOCK")) return { state: "UNAVAILABLE" };
  return { state: "FREE" };
}

/** Every room's frames on `date`, in the rooms' and frames' own order. */
export function signageBoard(input: {
  date: IsoDate;
  timeZone: string;
  now: Date;
  rooms: readonly SignageRoom[];
  occupancies: readonly SignageOccupancy[];
}): SignageRow[] {
  const now = input.now.getTime();
  return input.rooms.map((room) => ({
    roomId: room.id,
    room: room.name,
    cells: room.frames.map((frame) => {
      const slot = slotInterval(input.date, frame, input.timeZone);
      return {
        ...frameState(room, slot, input.occupancies),
        name: frame.name,
        from: formatMinutes(frame.startMinute),
        to: formatMinutes(frame.endMinute),
        past: slot.endsAt.getTime() <= now,
        current: slot.startsAt.getTime() <= now && now < slot.endsAt.getTime(),
      };
    }),
  }));
}
