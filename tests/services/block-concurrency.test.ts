import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, type IsoDate, todayIn } from "~/domain/calendar";
import { blockDetail, createBlock, type CreateBlockResult } from "~/services/blocks.server";
import { type ApplicationInput, submitApplication } from "~/services/booking.server";
import { addClosure } from "~/services/calendar-settings.server";
import { configureMailer } from "~/services/mail.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, freshDates } from "../factories/municipality";

configureMailer(null);

/**
 * A block (or a dated closure) and a booking of a slot it covers, at the same moment: the
 * booking either comes first and is in the block's list of affected bookings, or it is
 * refused. Never a booking that the block's creator was not shown.
 */

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
const freshDate = freshDates(addDays(today, 10));

type World = Awaited<ReturnType<typeof createMunicipality>>;
let world: World;
let staff: { id: string; role: "STAFF" };

beforeAll(async () => {
  world = await createMunicipality({ closedWeekdays: [] });
  const user = await createResident(world.municipality.id, "職員");
  await db.user.update({ where: { id: user.id }, data: { role: "STAFF" } });
  staff = { id: user.id, role: "STAFF" };
});

afterEach(() => {
  vi.restoreAllMocks();
});

const input = (slots: ApplicationInput["slots"]): ApplicationInput => ({
  slots,
  purpose: "会議",
  headcount: 5,
  contactPhone: "090-0000-0000",
  idempotencyKey: randomUUID(),
});
const slotOf = (room: World["rooms"]["small"], frame: number, date: IsoDate) => ({ roomId: room.id, timeFrameId: room.frames[frame]!.id, date });
const blockOf = (facilityId: string, from: IsoDate, to: IsoDate) => ({
  facilityId,
  roomId: null,
  fromDate: from,
  fromMinute: null,
  toDate: to,
  toMinute: null,
  reason: "停電を伴う電気設備の点検",
});

/** Runs `meanwhile` just before the next transaction of the app begins (the booking's, here). */
function beforeNextTransaction(meanwhile: () => Promise<unknown>) {
  const original = db.$transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  vi.spyOn(db, "$transaction").mockImplementationOnce((async (...args: unknown[]) => {
    await meanwhile();
    return original(...args);
  }) as never);
}

describe("a block and a booking at the same moment", () => {
  it("a block made after the booking's first look is still seen by its transaction, which refuses the slot", async () => {
    const date = freshDate();
    const resident = await createResident(world.municipality.id);
    let block: CreateBlockResult | undefined;
    beforeNextTransaction(async () => {
      block = await createBlock(world.municipality, staff, blockOf(world.facility.id, date, date), now);
    });
    const result = await submitApplication(world.municipality, resident.id, input([slotOf(world.rooms.small, 0, date)]), now);
    expect(block).toMatchObject({ ok: true, affected: [] });
    expect(result).toEqual({ ok: false, problems: [{ code: "BLOCKED", item: 0 }], alternatives: [] });
    expect(await db.application.count({ where: { userId: resident.id } })).toBe(0);
    expect(await db.occupancy.count({ where: { municipalityId: world.municipality.id, active: true, startsAt: { gte: new Date(`${date}T00:00:00+09:00`), lt: new Date(`${addDays(date, 1)}T00:00:00+09:00`) } } })).toBe(0);
  });

  it("so is a dated closure", async () => {
    const date = freshDate();
    const resident = await createResident(world.municipality.id);
    beforeNextTransaction(() => addClosure(world.municipality, staff.id, { facilityId: null, from: date, to: null, reason: "選挙の投票所" }, now));
    const result = await submitApplication(world.municipality, resident.id, input([slotOf(world.rooms.hallA, 1, date)]), now);
    expect(result).toEqual({ ok: false, problems: [{ code: "CLOSED_DAY", item: 0 }], alternatives: [] });
  });

  it("a block made while a booking is being written waits for it, and lists it", async () => {
    const date = freshDate();
    const resident = await createResident(world.municipality.id);
    const original = db.$transaction.bind(db) as (fn: (tx: unknown) => Promise<unknown>, options?: unknown) => Promise<unknown>;
    let block: Promise<CreateBlockResult> | undefined;
    vi.spyOn(db, "$transaction").mockImplementationOnce((async (fn: (tx: unknown) => Promise<unknown>, options?: unknown) =>
      original(async (tx) => {
        const written = await fn(tx);
        // started before the booking commits: it must wait for the booking's locks
        block = createBlock(world.municipality, staff, blockOf(world.facility.id, date, date), now);
        await new Promise((resolve) => setTimeout(resolve, 50));
        return written;
      }, options)) as never);
    const result = await submitApplication(world.municipality, resident.id, input([slotOf(world.rooms.small, 2, date)]), now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const created = await block!;
    expect(created.ok && created.affected.map((a) => a.applicationId)).toEqual([result.applicationId]);
  });

  it("of many bookings racing a block, exactly those the block listed got through; every other was refused as blocked", async () => {
    const first = freshDate();
    const last = freshDate();
    const dates = [first, last];
    const { small, hallA, hallB } = world.rooms;
    const slots = dates.flatMap((date) => [small, hallA, hallB].flatMap((room) => [0, 1, 2].map((frame) => slotOf(room, frame, date))));
    const people = await Promise.all(slots.map((_, i) => createResident(world.municipality.id, `住民${i}`)));
    const bookings = slots.map((slot, i) => submitApplication(world.municipality, people[i]!.id, input([slot]), now));
    const block = createBlock(world.municipality, staff, blockOf(world.facility.id, first, last), now);
    const results = await Promise.all(bookings);
    const created = await block;
    if (!created.ok) throw new Error(JSON.stringify(created));

    const through = results.flatMap((r) => (r.ok ? [r.applicationId] : []));
    expect(created.affected.map((a) => a.applicationId).sort()).toEqual([...through].sort());
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, problems: [{ code: "BLOCKED", item: 0 }] });
    expect((await blockDetail(world.municipality, staff, created.id, now))?.affected.map((a) => a.applicationId).sort()).toEqual([...through].sort());
  });
});
