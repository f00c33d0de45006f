import { describe, expect, it } from "vitest";
import { roomMonth } from "~/services/availability.server";
import { loadOccupied } from "~/services/rooms.server";
import { db } from "~/utils/db.server";
import { createMunicipality } from "../factories/municipality";

const now = new Date("2026-11-23T01:00:00Z");
const at = (iso: string) => new Date(iso);
/** the one space of a room that is one half of the hall */
const spaceOf = async (roomId: string) => (await db.roomSpace.findFirstOrThrow({ where: { roomId } })).spaceId;

describe("occupied intervals of spaces (a range overlap on the constraint's index)", () => {
  it("returns the active intervals overlapping [from, to), half-open at both ends, of the spaces asked for only", async () => {
    const { municipality, rooms } = await createMunicipality();
    const [spaceA, spaceB] = [await spaceOf(rooms.hallA.id), await spaceOf(rooms.hallB.id)];
    const occupy = (spaceId: string, startsAt: string, endsAt: string, extra: { active?: boolean; expiresAt?: Date; kind?: "BLOCK" } = {}) =>
      db.occupancy.create({ data: { municipalityId: municipality.id, spaceId, startsAt: at(startsAt), endsAt: at(endsAt), ...extra } });
    await occupy(spaceA!, "2026-12-10T01:00:00Z", "2026-12-10T03:00:00Z"); // inside
    await occupy(spaceA!, "2026-12-09T20:00:00Z", "2026-12-10T00:00:00Z"); // ends where the range starts
    await occupy(spaceA!, "2026-12-11T00:00:00Z", "2026-12-11T02:00:00Z"); // starts where the range ends
    await occupy(spaceA!, "2026-12-10T04:00:00Z", "2026-12-10T05:00:00Z", { active: false }); // cancelled
    await occupy(spaceA!, "2026-12-10T06:00:00Z", "2026-12-10T07:00:00Z", { expiresAt: at("2026-11-23T00:59:00Z") }); // hold ran out
    await occupy(spaceA!, "2026-12-10T08:00:00Z", "2026-12-10T09:00:00Z", { expiresAt: at("2026-11-23T01:01:00Z") }); // hold still on
    await occupy(spaceA!, "2026-12-01T00:00:00Z", "2026-12-31T00:00:00Z", { kind: "BLOCK", active: false }); // an old block, lifted
    await occupy(spaceB!, "2026-12-09T00:00:00Z", "2026-12-12T00:00:00Z", { kind: "BLOCK" }); // covers the whole range

    const from = at("2026-12-10T00:00:00Z");
    const to = at("2026-12-11T00:00:00Z");
    const onlyA = await loadOccupied(municipality.id, [spaceA!], from, to, now);
    expect([...onlyA.keys()]).toEqual([spaceA]);
    expect(onlyA.get(spaceA!)!.map((i) => i.startsAt.toISOString()).sort()).toEqual(["2026-12-10T01:00:00.000Z", "2026-12-10T08:00:00.000Z"]);
    const both = await loadOccupied(municipality.id, [spaceA!, spaceB!, spaceA!], from, to, now);
    expect(both.get(spaceB!)).toEqual([{ startsAt: at("2026-12-09T00:00:00Z"), endsAt: at("2026-12-12T00:00:00Z") }]);
    // another municipality's id finds nothing
    const other = await createMunicipality();
    expect((await loadOccupied(other.municipality.id, [spaceA!, spaceB!], from, to, now)).size).toBe(0);
  });

  it("marks a month's days from them: a blocked half fills the whole hall's day, not the other half's", async () => {
    const { municipality, rooms } = await createMunicipality({ closedWeekdays: [] });
    const spaceB = await spaceOf(rooms.hallB.id);
    // 2026-12-10 (Thursday), the whole day in Tokyo
    await db.occupancy.create({ data: { municipalityId: municipality.id, spaceId: spaceB, kind: "BLOCK", startsAt: at("2026-12-09T15:00:00Z"), endsAt: at("2026-12-10T15:00:00Z") } });
    const markOn = async (roomId: string, date: string) => (await roomMonth(municipality, roomId, "2026-12", now))!.days.find((d) => d.date === date)!.mark;
    expect(await markOn(rooms.hall.id, "2026-12-10")).toBe("full");
    expect(await markOn(rooms.hallB.id, "2026-12-10")).toBe("full");
    expect(await markOn(rooms.hallA.id, "2026-12-10")).toBe("free");
    expect(await markOn(rooms.hall.id, "2026-12-11")).toBe("free");
  });
});
