import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dbDateFromIsoDate, type IsoDate, todayIn } from "~/domain/calendar";
import type { FeeBreakdown } from "~/domain/fees";
import { type ApplicationInput, cancelBooking, checkRequestedSlots, pricingFor, submitApplication } from "~/services/booking.server";
import { equipmentChoices } from "~/services/equipment.server";
import { db } from "~/utils/db.server";
import { addEquipment, addRoom, createMunicipality, createResident, nextOpenDate, freshDates } from "../factories/municipality";

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
let world: Awaited<ReturnType<typeof createMunicipality>>;
let resident: { id: string };
let projector: { id: string };
let mics: { id: string };

/** A different open date for each test, so their bookings never meet. */
const freshDate = freshDates(addDays(today, 7));

const slot = (room: { id: string; frames: { id: string }[] }, date: IsoDate, frame = 1) => ({ roomId: room.id, timeFrameId: room.frames[frame]!.id, date });
const input = (slots: ApplicationInput["slots"], equipment: Record<string, number>, extra: Partial<ApplicationInput> = {}): ApplicationInput => ({
  slots,
  purpose: "講演会",
  headcount: 5,
  contactPhone: "090-1111-2222",
  idempotencyKey: randomUUID(),
  equipment,
  ...extra,
});

beforeAll(async () => {
  world = await createMunicipality();
  resident = await createResident(world.municipality.id);
  projector = await addEquipment(world, "プロジェクター", 1, 500);
  mics = await addEquipment(world, "マイク", 4, 100);
});

describe("equipment in the booking flow", () => {
  it("adds a surcharge line per equipment to every slot and records the units each slot uses", async () => {
    const date = freshDate();
    const result = await submitApplication(world.municipality, resident.id, input([slot(world.rooms.small, date, 0), slot(world.rooms.small, date, 1)], { [projector.id]: 1, [mics.id]: 2 }), now);
    expect(result.ok).toBe(true);
    const items = await db.applicationItem.findMany({
      where: { applicationId: (result as { applicationId: string }).applicationId },
      orderBy: { startsAt: "asc" },
      select: { fee: true, feeBreakdown: true, equipmentUses: { select: { equipmentId: true, quantity: true } } },
    });
    expect(items).toHaveLength(2);
    const [morning] = items;
    const [base, ...surcharges] = (morning!.feeBreakdown as FeeBreakdown).lines;
    expect(base).toMatchObject({ kind: "BASE" });
    expect(surcharges).toEqual([
      { kind: "SURCHARGE", name: "プロジェクター", unitFee: 500, quantity: 1, amount: 500 },
      { kind: "SURCHARGE", name: "マイク", unitFee: 100, quantity: 2, amount: 200 },
    ]);
    expect(morning!.fee).toBe(base!.amount + 700);
    for (const item of items) {
      expect(item.equipmentUses.sort((a, b) => a.quantity - b.quantity)).toEqual([
        { equipmentId: projector.id, quantity: 1 },
        { equipmentId: mics.id, quantity: 2 },
      ]);
    }
  });

  it("refuses the only projector in a second room at the same time, whole, and lends it again in the evening", async () => {
    const date = freshDate();
    const first = await submitApplication(world.municipality, resident.id, input([slot(world.rooms.hallA, date)], { [projector.id]: 1 }), now);
    expect(first.ok).toBe(true);
    const before = await db.application.count({ where: { municipalityId: world.municipality.id } });
    const second = await submitApplication(
      world.municipality,
      resident.id,
      input([slot(world.rooms.small, date, 0), slot(world.rooms.small, date, 1)], { [projector.id]: 1 }),
      now,
    );
    // the morning is free; the afternoon clashes with the first booking
    expect(second).toEqual({ ok: false, problems: [{ code: "EQUIPMENT_SHORT", item: 1 }], alternatives: [] });
    expect(await db.application.count({ where: { municipalityId: world.municipality.id } })).toBe(before);
    const evening = await submitApplication(world.municipality, resident.id, input([slot(world.rooms.small, date, 2)], { [projector.id]: 1 }), now);
    expect(evening.ok).toBe(true);
  });

  it("counts the application's own slots: one projector cannot be in two rooms at once", async () => {
    const date = freshDate();
    const checked = await checkRequestedSlots(
      world.municipality,
      [slot(world.rooms.hallA, date), slot(world.rooms.hallB, date)],
      now,
      5,
      await pricing({ [projector.id]: 1 }),
    );
    expect(checked.problems).toEqual([
      { code: "EQUIPMENT_SHORT", item: 0 },
      { code: "EQUIPMENT_SHORT", item: 1 },
    ]);
  });

  it("frees the units when the slot is cancelled", async () => {
    const date = freshDate();
    const first = await submitApplication(world.municipality, resident.id, input([slot(world.rooms.hallA, date)], { [mics.id]: 4 }), now);
    expect(first.ok).toBe(true);
    const choicesBefore = await equipmentChoices(world.municipality, [slot(world.rooms.small, date)]);
    expect(choicesBefore.find((c) => c.id === mics.id)).toMatchObject({ free: 0, unitFee: 100 });
    await cancelBooking(world.municipality, resident.id, (first as { applicationId: string }).applicationId, undefined, now);
    const choicesAfter = await equipmentChoices(world.municipality, [slot(world.rooms.small, date)]);
    expect(choicesAfter.find((c) => c.id === mics.id)).toMatchObject({ free: 4 });
    const again = await submitApplication(world.municipality, resident.id, input([slot(world.rooms.small, date)], { [mics.id]: 4 }), now);
    expect(again.ok).toBe(true);
  });

  it("charges equipment by the schedule in force on the date of use", async () => {
    const revisionDate = addDays(today, 40);
    const revision = await db.feeSchedule.create({
      data: { municipalityId: world.municipality.id, effectiveFrom: dbDateFromIsoDate(revisionDate) },
    });
    const rates = await db.feeRate.findMany({ where: { scheduleId: world.schedule.id } });
    await db.feeRate.createMany({ data: rates.map((r) => ({ ...r, scheduleId: revision.id })) });
    await db.equipmentRate.createMany({
      data: [
        { municipalityId: world.municipality.id, scheduleId: revision.id, equipmentId: projector.id, amount: 700 },
        { municipalityId: world.municipality.id, scheduleId: revision.id, equipmentId: mics.id, amount: 100 },
      ],
    });
    const before = nextOpenDate(addDays(revisionDate, -7));
    const after = nextOpenDate(addDays(revisionDate, 1));
    const checked = await checkRequestedSlots(world.municipality, [slot(world.rooms.small, before, 2), slot(world.rooms.small, after, 2)], now, 5, await pricing({ [projector.id]: 1 }));
    const projectorLine = (b: FeeBreakdown) => b.lines.find((l) => l.kind === "SURCHARGE");
    expect(projectorLine(checked.slots[0]!.breakdown)).toMatchObject({ unitFee: 500 });
    expect(projectorLine(checked.slots[1]!.breakdown)).toMatchObject({ unitFee: 700 });
    await db.feeSchedule.delete({ where: { id: revision.id } });
  });

  it("lends a facility's equipment only in its own rooms, and not retired equipment", async () => {
    const other = await createMunicipality();
    const theirs = await addEquipment(other, "ピアノ", 1, 1000);
    const date = freshDate();
    const checked = await checkRequestedSlots(world.municipality, [slot(world.rooms.small, date)], now, 5, await pricing({ [theirs.id]: 1 }));
    expect(checked.problems).toEqual([]);
    expect(checked.slots[0]!.breakdown.lines.map((l) => l.kind)).toEqual(["BASE"]);
    const retired = await addEquipment(world, "古いスクリーン", 1, 300);
    await db.equipment.update({ where: { id: retired.id }, data: { active: false } });
    expect((await equipmentChoices(world.municipality, [slot(world.rooms.small, date)])).map((c) => c.name)).toEqual(["プロジェクター", "マイク"]);
  });
});

async function pricing(equipment: Record<string, number>) {
  const result = await pricingFor(world.municipality.id, resident.id, { equipment }, now);
  if (!result.ok) throw new Error("pricing refused");
  return result;
}

describe("many residents asking for the last units at once", () => {
  it("lends one projector to exactly one of 12 simultaneous applications in 12 rooms, and 4 microphones to 4", async () => {
    const local = await createMunicipality();
    const ctx = { municipalityId: local.municipality.id, facilityId: local.facility.id, scheduleId: local.schedule.id };
    const rooms = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const space = await db.space.create({ data: { municipalityId: ctx.municipalityId, facilityId: ctx.facilityId, name: `r${i}` } });
        return addRoom(ctx, `会議室${i}`, 10, [space.id], 10 + i);
      }),
    );
    const people = await Promise.all(rooms.map((_, i) => createResident(ctx.municipalityId, `住民${i}`)));
    const onlyProjector = await addEquipment(local, "プロジェクター", 1, 500);
    const fourMics = await addEquipment(local, "マイク", 4, 100);
    const date = nextOpenDate(addDays(today, 9));
    const race = (equipment: Record<string, number>, frame: number) =>
      Promise.all(rooms.map((room, i) => submitApplication(local.municipality, people[i]!.id, input([slot(room, date, frame)], equipment), now)));

    const projectorResults = await race({ [onlyProjector.id]: 1 }, 0);
    expect(projectorResults.filter((r) => r.ok)).toHaveLength(1);
    for (const r of projectorResults.filter((r) => !r.ok)) expect(r).toMatchObject({ problems: [{ code: "EQUIPMENT_SHORT", item: 0 }] });

    const micResults = await race({ [fourMics.id]: 1 }, 1);
    expect(micResults.filter((r) => r.ok)).toHaveLength(4);
    const lent = await db.equipmentUse.groupBy({ by: ["equipmentId"], where: { municipalityId: ctx.municipalityId }, _sum: { quantity: true } });
    expect(Object.fromEntries(lent.map((l) => [l.equipmentId, l._sum.quantity]))).toEqual({ [onlyProjector.id]: 1, [fourMics.id]: 4 });
    // refused applications left nothing behind: one application per winner
    expect(await db.application.count({ where: { municipalityId: ctx.municipalityId } })).toBe(5);
  });
});
