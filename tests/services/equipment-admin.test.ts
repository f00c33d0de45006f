import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, dbDateFromIsoDate, type IsoDate, todayIn } from "~/domain/calendar";
import { type ApplicationInput, cancelBooking, submitApplication } from "~/services/booking.server";
import { addEquipment, changeStock, equipmentByFacility, setEquipmentActive } from "~/services/equipment-admin.server";
import { equipmentChoices } from "~/services/equipment.server";
import { addFeeSchedule, allExemptionCategories, listExemptionCategories, setExemptionCategoryActive } from "~/services/fees.server";
import { db } from "~/utils/db.server";
import { addEquipment as seedEquipment, createMunicipality, createResident, freshDates } from "../factories/municipality";

const now = new Date();
const today = todayIn("Asia/Tokyo", now);
let world: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
let staff: { id: string };
let resident: { id: string };

/** A different open date for each test, so their bookings never meet. */
const freshDate = freshDates(addDays(today, 7));

const slot = (room: { id: string; frames: { id: string }[] }, date: IsoDate, frame = 1) => ({ roomId: room.id, timeFrameId: room.frames[frame]!.id, date });
const book = async (slots: ApplicationInput["slots"], equipment: Record<string, number>) => {
  const result = await submitApplication(
    world.municipality,
    resident.id,
    { slots, purpose: "講演会", headcount: 5, contactPhone: "090-1111-2222", idempotencyKey: randomUUID(), equipment },
    now,
  );
  expect(result.ok).toBe(true);
  return (result as { applicationId: string }).applicationId;
};
const audits = (action: string) => db.auditEvent.count({ where: { municipalityId: world.municipality.id, action } });
const newEquipment = (extra: Partial<Parameters<typeof addEquipment>[2]> = {}) => ({ facilityId: world.facility.id, name: "スクリーン", stock: 2, fee: 300, ...extra });

beforeAll(async () => {
  world = await createMunicipality();
  other = await createMunicipality();
  staff = await createResident(world.municipality.id, "職員");
  resident = await createResident(world.municipality.id);
});

describe("staff adding equipment", () => {
  it("prices it in the schedule in force today and every later one, so it can be booked at once", async () => {
    const municipalityId = world.municipality.id;
    const older = await db.feeSchedule.create({ data: { municipalityId, effectiveFrom: dbDateFromIsoDate("1999-01-01") } });
    const later = await db.feeSchedule.create({ data: { municipalityId, effectiveFrom: dbDateFromIsoDate(addDays(today, 90)) } });
    const result = await addEquipment(world.municipality, staff.id, newEquipment({ name: "  スクリーン  " }), now);
    expect(result.ok).toBe(true);
    const id = (result as { id: string }).id;
    const rates = await db.equipmentRate.findMany({ where: { equipmentId: id }, select: { scheduleId: true, amount: true } });
    expect(rates.map((r) => r.scheduleId).sort()).toEqual([world.schedule.id, later.id].sort());
    expect(rates.every((r) => r.amount === 300)).toBe(true);
    expect(rates.some((r) => r.scheduleId === older.id)).toBe(false);
    expect(await db.equipment.findUniqueOrThrow({ where: { id } })).toMatchObject({ name: "スクリーン", stock: 2, active: true });
    const choices = await equipmentChoices(world.municipality, [slot(world.rooms.small, freshDate())]);
    expect(choices.find((c) => c.id === id)).toMatchObject({ unitFee: 300, free: 2 });
    const [facility] = await equipmentByFacility(municipalityId, today);
    expect(facility!.equipment.find((e) => e.id === id)).toMatchObject({ fee: 300, stock: 2, active: true });
    expect(await audits("equipment.added")).toBe(1);
  });

  it("refuses bad input whole, saving nothing", async () => {
    const count = () => db.equipment.count({ where: { municipalityId: world.municipality.id } });
    const before = await count();
    const refuse = async (input: ReturnType<typeof newEquipment>, problems: string[]) => {
      expect(await addEquipment(world.municipality, staff.id, input, now)).toEqual({ ok: false, problems });
    };
    await refuse(newEquipment({ name: "  " }), ["NAME_REQUIRED"]);
    await refuse(newEquipment({ name: "あ".repeat(101) }), ["NAME_TOO_LONG"]);
    await refuse(newEquipment({ stock: -1 }), ["STOCK_OUT_OF_RANGE"]);
    await refuse(newEquipment({ stock: 1000 }), ["STOCK_OUT_OF_RANGE"]);
    await refuse(newEquipment({ stock: Number.NaN }), ["STOCK_OUT_OF_RANGE"]);
    await refuse(newEquipment({ fee: -1 }), ["NEGATIVE_FEE"]);
    await refuse(newEquipment({ fee: 1e20 }), ["NEGATIVE_FEE"]);
    await refuse(newEquipment({ facilityId: other.facility.id }), ["UNKNOWN_FACILITY"]);
    await refuse(newEquipment({ facilityId: "" }), ["UNKNOWN_FACILITY"]);
    expect(await count()).toBe(before);
    expect(await addEquipment(world.municipality, staff.id, newEquipment({ name: "あ".repeat(100), stock: 999, fee: 0 }), now)).toMatchObject({ ok: true });
  });
});

describe("staff changing the units", () => {
  it("refuses fewer units than are lent at one moment in future slots, and allows exactly that many", async () => {
    const chairs = await seedEquipment(world, "長机", 5, 100);
    const date = freshDate();
    // 2 in one room and 1 in another in the same afternoon: 3 at once; the morning's 1 does not add
    await book([slot(world.rooms.hallA, date)], { [chairs.id]: 2 });
    await book([slot(world.rooms.small, date), slot(world.rooms.small, date, 0)], { [chairs.id]: 1 });
    // a cancelled booking does not count
    const cancelled = await book([slot(world.rooms.hallB, date)], { [chairs.id]: 2 });
    await cancelBooking(world.municipality, resident.id, cancelled, undefined, now);

    expect(await changeStock(world.municipality, staff.id, chairs.id, 2, now)).toEqual({ ok: false, problems: ["BELOW_BOOKED"], peak: 3 });
    expect((await db.equipment.findUniqueOrThrow({ where: { id: chairs.id } })).stock).toBe(5);
    expect(await changeStock(world.municipality, staff.id, chairs.id, 1000, now)).toEqual({ ok: false, problems: ["STOCK_OUT_OF_RANGE"] });
    expect(await changeStock(world.municipality, staff.id, chairs.id, 3, now)).toEqual({ ok: true, id: chairs.id });
    expect((await db.equipment.findUniqueOrThrow({ where: { id: chairs.id } })).stock).toBe(3);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "equipment.stock_changed", entityId: chairs.id } });
    expect(event.details).toEqual({ before: { stock: 5 }, after: { stock: 3 } });
  });

  it("refuses another municipality's equipment or an unknown id", async () => {
    const theirs = await seedEquipment(other, "マイク", 2, 100);
    expect(await changeStock(world.municipality, staff.id, theirs.id, 5, now)).toEqual({ ok: false, problems: ["UNKNOWN_EQUIPMENT"] });
    expect(await changeStock(world.municipality, staff.id, "no-such-id", 5, now)).toEqual({ ok: false, problems: ["UNKNOWN_EQUIPMENT"] });
    expect(await setEquipmentActive(world.municipality, staff.id, theirs.id, false)).toEqual({ ok: false, problems: ["UNKNOWN_EQUIPMENT"] });
    expect(await db.equipment.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ stock: 2, active: true });
  });
});

describe("retiring equipment", () => {
  it("is no longer offered, bookings keep it, and it can be offered again", async () => {
    const piano = await seedEquipment(world, "ピアノ", 1, 1000);
    const date = freshDate();
    const applicationId = await book([slot(world.rooms.hall, date)], { [piano.id]: 1 });
    const offered = async () => (await equipmentChoices(world.municipality, [slot(world.rooms.small, freshDate())])).some((c) => c.id === piano.id);
    expect(await offered()).toBe(true);

    expect(await setEquipmentActive(world.municipality, staff.id, piano.id, false)).toEqual({ ok: true, id: piano.id });
    expect(await offered()).toBe(false);
    const uses = await db.equipmentUse.count({ where: { equipmentId: piano.id, item: { applicationId } } });
    expect(uses).toBe(1);
    expect(await audits("equipment.retired")).toBe(1);

    await setEquipmentActive(world.municipality, staff.id, piano.id, true);
    expect(await offered()).toBe(true);
    expect(await audits("equipment.offered")).toBe(1);
  });
});

describe("fee schedules price equipment", () => {
  it("refuse a schedule that leaves active equipment unpriced or prices unknown equipment; save the rates otherwise", async () => {
    const tenant = await createMunicipality();
    const projector = await seedEquipment(tenant, "プロジェクター", 1, 500);
    const retired = await seedEquipment(tenant, "古いマイク", 1, 100);
    await setEquipmentActive(tenant.municipality, staff.id, retired.id, false);
    const theirs = await seedEquipment(other, "スクリーン", 1, 100);
    const frames = Object.values(tenant.rooms).flatMap((r) => r.frames);
    const rates = Object.fromEntries(frames.flatMap((f) => ["WEEKDAY", "HOLIDAY"].map((d) => [`${f.id}:${d}`, 1000])));
    const schedule = (equipmentRates: Record<string, number>) => ({
      effectiveFrom: addDays(today, 60),
      nonResidentPercent: 150,
      commercialPercent: 200,
      admissionPercent: 150,
      roundingUnit: 10,
      airconFee: 300,
      rates,
      equipmentRates,
    });
    const count = () => db.feeSchedule.count({ where: { municipalityId: tenant.municipality.id } });
    const before = await count();
    const add = (equipmentRates: Record<string, number>) => addFeeSchedule(tenant.municipality, staff.id, schedule(equipmentRates), now);
    expect(await add({})).toEqual({ ok: false, problems: ["MISSING_RATE"] });
    expect(await add({ [projector.id]: 600, [theirs.id]: 100 })).toEqual({ ok: false, problems: ["UNKNOWN_EQUIPMENT"] });
    expect(await add({ [projector.id]: -1 })).toEqual({ ok: false, problems: ["NEGATIVE_FEE"] });
    expect(await count()).toBe(before);

    const added = await add({ [projector.id]: 600 });
    expect(added.ok).toBe(true);
    const saved = await db.equipmentRate.findMany({ where: { scheduleId: (added as { id: string }).id }, select: { equipmentId: true, amount: true } });
    expect(saved).toEqual([{ equipmentId: projector.id, amount: 600 }]);
  });
});

describe("retiring exemption categories", () => {
  it("takes a category off the applicants' list, keeps it for staff, audits, and offers it again", async () => {
    const municipalityId = world.municipality.id;
    const category = await db.exemptionCategory.create({ data: { municipalityId, name: "町内会（免除）", percent: 100 } });
    expect(await setExemptionCategoryActive(municipalityId, staff.id, category.id, false)).toEqual({ name: "町内会（免除）" });
    expect((await listExemptionCategories(municipalityId)).map((c) => c.categoryId)).not.toContain(category.id);
    expect((await allExemptionCategories(municipalityId)).find((c) => c.id === category.id)).toMatchObject({ active: false });
    expect(await audits("fees.exemption_category_retired")).toBe(1);

    await setExemptionCategoryActive(municipalityId, staff.id, category.id, true);
    expect((await listExemptionCategories(municipalityId)).map((c) => c.categoryId)).toContain(category.id);
    expect(await audits("fees.exemption_category_offered")).toBe(1);

    expect(await setExemptionCategoryActive(other.municipality.id, staff.id, category.id, false)).toBeNull();
    expect((await db.exemptionCategory.findUniqueOrThrow({ where: { id: category.id } })).active).toBe(true);
  });
});
