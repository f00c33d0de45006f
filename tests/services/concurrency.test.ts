import { describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import { submitApplication } from "~/services/booking.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, nextOpenDate } from "../factories/municipality";

const now = new Date("2026-11-23T01:00:00Z");
const today = todayIn("Asia/Tokyo", now);
const ATTEMPTS = 50;

async function residents(municipalityId: string, count: number) {
  return Promise.all(Array.from({ length: count }, (_, i) => createResident(municipalityId, `住民${i}`)));
}

function attempt(
  municipality: Awaited<ReturnType<typeof createMunicipality>>["municipality"],
  userId: string,
  slots: { roomId: string; timeFrameId: string; date: string }[],
  i: number,
) {
  return submitApplication(
    municipality,
    userId,
    {
      slots,
      purpose: "会議",
      headcount: 5,
      contactPhone: "090-0000-0000",
      idempotencyKey: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    },
    now,
  );
}

describe("many residents pressing 'book' at once", () => {
  it(`gives one slot to exactly one of ${ATTEMPTS} simultaneous applicants`, async () => {
    const { municipality, rooms } = await createMunicipality();
    const people = await residents(municipality.id, ATTEMPTS);
    const slot = { roomId: rooms.hallA.id, timeFrameId: rooms.hallA.frames[0]!.id, date: nextOpenDate(addDays(today, 7)) };
    const results = await Promise.all(people.map((p, i) => attempt(municipality, p.id, [slot], i)));
    const winners = results.filter((r) => r.ok);
    const refusals = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(refusals).toHaveLength(ATTEMPTS - 1);
    for (const r of refusals) expect(r).toMatchObject({ ok: false, problems: [{ code: "SLOT_TAKEN", item: 0 }] });
    expect(await db.occupancy.count({ where: { municipalityId: municipality.id, active: true } })).toBe(1);
    expect(await db.application.count({ where: { municipalityId: municipality.id } })).toBe(1);
  });

  it("lets exactly one of many overlapping multi-slot applications through, whole or not at all", async () => {
    const { municipality, rooms } = await createMunicipality();
    const people = await residents(municipality.id, ATTEMPTS);
    const date = nextOpenDate(addDays(today, 7));
    const { hall, hallA, hallB, small } = rooms;
    // Every application wants the small room's morning plus one of the hall (whole or a half)
    // for the afternoon, so every pair of them overlaps somewhere.
    const hallOptions = [hall, hallA, hallB];
    const applications = people.map((_, i) => [
      { roomId: hallOptions[i % 3]!.id, timeFrameId: hallOptions[i % 3]!.frames[1]!.id, date },
      { roomId: small.id, timeFrameId: small.frames[0]!.id, date },
    ]);
    const results = await Promise.all(people.map((p, i) => attempt(municipality, p.id, applications[i]!, i)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ problems: [{ code: "SLOT_TAKEN" }] });
    const winner = results.findIndex((r) => r.ok);
    const winnerSpaces = applications[winner]![0]!.roomId === hall.id ? 2 : 1;
    // the winner's items and nothing else hold space
    expect(await db.occupancy.count({ where: { municipalityId: municipality.id, active: true } })).toBe(winnerSpaces + 1);
    expect(await db.applicationItem.count({ where: { municipalityId: municipality.id } })).toBe(2);
  });
});
