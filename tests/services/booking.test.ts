import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import { roomDay, roomMonth } from "~/services/availability.server";
import {
  cancelBooking,
  getMyApplication,
  listMyApplications,
  submitApplication,
} from "~/services/booking.server";
import { db } from "~/utils/db.server";
import { closeDate, createMunicipality, createResident, nextOpenDate } from "../factories/municipality";

const now = new Date("2026-11-23T01:00:00Z"); // 10:00 in Tokyo
const today = todayIn("Asia/Tokyo", now);

let world: Awaited<ReturnType<typeof createMunicipality>>;
let alice: { id: string };
let bob: { id: string };
let keySeq = 0;
const key = () => `00000000-0000-4000-8000-${String(++keySeq).padStart(12, "0")}`;

function details(slots: { roomId: string; timeFrameId: string; date: string }[], headcount = 10) {
  return { slots, purpose: "会議", headcount, contactPhone: "090-1111-2222", idempotencyKey: key() };
}

beforeAll(async () => {
  world = await createMunicipality();
  alice = await createResident(world.municipality.id, "有子");
  bob = await createResident(world.municipality.id, "房雄");
});

describe("submitting an application", () => {
  it("holds several slots in several rooms as one tentative application", async () => {
    const date = nextOpenDate(addDays(today, 10));
    const { hallA, small } = world.rooms;
    const result = await submitApplication(
      world.municipality,
      alice.id,
      details([
        { roomId: hallA.id, timeFrameId: hallA.frames[0]!.id, date },
        { roomId: small.id, timeFrameId: small.frames[2]!.id, date },
      ]),
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.number).toBeGreaterThanOrEqual(100001);
    const application = await getMyApplication(world.municipality.id, alice.id, result.applicationId);
    expect(application?.status).toBe("TENTATIVE");
    expect(application?.items.map((i) => i.date)).toEqual([date, date]);
    expect(application?.totalFee).toBe(1200 + 1600);
    const day = await roomDay(world.municipality, hallA.id, date, now);
    expect(day?.frames.map((f) => f.free)).toEqual([false, true, true]);
  });

  it("refuses a slot someone holds, saves nothing, and offers the nearest free ones", async () => {
    const date = nextOpenDate(addDays(today, 12));
    const { hallB, small } = world.rooms;
    const taken = { roomId: hallB.id, timeFrameId: hallB.frames[1]!.id, date };
    expect((await submitApplication(world.municipality, alice.id, details([taken]), now)).ok).toBe(true);
    const before = await db.application.count();
    const result = await submitApplication(
      world.municipality,
      bob.id,
      details([{ roomId: small.id, timeFrameId: small.frames[0]!.id, date }, taken]),
      now,
    );
    expect(result).toMatchObject({ ok: false, problems: [{ code: "SLOT_TAKEN", item: 1 }] });
    if (result.ok) return;
    expect(await db.application.count()).toBe(before);
    expect(await listMyApplications(world.municipality.id, bob.id)).toEqual([]);
    // same room, same day, the frames either side come first
    expect(result.alternatives[0]).toMatchObject({ roomId: hallB.id, date });
    expect(result.alternatives.every((a) => !(a.roomId === hallB.id && a.timeFrameId === taken.timeFrameId && a.date === date))).toBe(true);
  });

  it("does not let the whole hall and one of its halves be booked at the same time", async () => {
    const date = nextOpenDate(addDays(today, 14));
    const { hall, hallA, hallB } = world.rooms;
    const whole = { roomId: hall.id, timeFrameId: hall.frames[0]!.id, date };
    expect((await submitApplication(world.municipality, alice.id, details([whole]), now)).ok).toBe(true);
    const half = await submitApplication(
      world.municipality,
      bob.id,
      details([{ roomId: hallA.id, timeFrameId: hallA.frames[0]!.id, date }]),
      now,
    );
    expect(half).toMatchObject({ ok: false, problems: [{ code: "SLOT_TAKEN" }] });
    // and the reverse: a booked half blocks the whole
    const date2 = nextOpenDate(addDays(date, 1));
    const halfB = { roomId: hallB.id, timeFrameId: hallB.frames[2]!.id, date: date2 };
    expect((await submitApplication(world.municipality, alice.id, details([halfB]), now)).ok).toBe(true);
    const whole2 = await submitApplication(
      world.municipality,
      bob.id,
      details([{ roomId: hall.id, timeFrameId: hall.frames[2]!.id, date: date2 }]),
      now,
    );
    expect(whole2).toMatchObject({ ok: false, problems: [{ code: "SLOT_TAKEN" }] });
    // the other half stays free
    const other = await submitApplication(
      world.municipality,
      bob.id,
      details([{ roomId: hallA.id, timeFrameId: hallA.frames[2]!.id, date: date2 }]),
      now,
    );
    expect(other.ok).toBe(true);
  });

  it("rejects each broken rule with its own code", async () => {
    const open = nextOpenDate(addDays(today, 20));
    const { hallA, small } = world.rooms;
    const frame = hallA.frames[0]!.id;
    const monday = (() => {
      let d = addDays(today, 7);
      while (new Date(`${d}T00:00:00Z`).getUTCDay() !== 1) d = addDays(d, 1);
      return d;
    })();
    const other = await createMunicipality();
    await closeDate(world.municipality.id, null, addDays(open, 1) === monday ? addDays(open, 2) : nextOpenDate(addDays(open, 1)));
    const closedDated = (await db.closedDate.findFirst({ where: { municipalityId: world.municipality.id } }))!;
    const closedIso = closedDated.date.toISOString().slice(0, 10);
    const cases: [string, Parameters<typeof details>[0], number | undefined][] = [
      ["EMPTY_APPLICATION", [], undefined],
      ["PAST_DATE", [{ roomId: hallA.id, timeFrameId: frame, date: addDays(today, -1) }], undefined],
      ["BOOKING_CLOSED_FOR_DATE", [{ roomId: hallA.id, timeFrameId: frame, date: today }], undefined],
      ["NOT_YET_OPEN", [{ roomId: hallA.id, timeFrameId: frame, date: addDays(today, 120) }], undefined],
      ["CLOSED_DAY", [{ roomId: hallA.id, timeFrameId: frame, date: monday }], undefined],
      ["CLOSED_DAY", [{ roomId: hallA.id, timeFrameId: frame, date: closedIso }], undefined],
      ["UNKNOWN_TIME_FRAME", [{ roomId: hallA.id, timeFrameId: small.frames[0]!.id, date: open }], undefined],
      ["UNKNOWN_ROOM", [{ roomId: other.rooms.small.id, timeFrameId: other.rooms.small.frames[0]!.id, date: open }], undefined],
      ["DUPLICATE_SLOT", [{ roomId: hallA.id, timeFrameId: frame, date: open }, { roomId: hallA.id, timeFrameId: frame, date: open }], undefined],
      ["OVERLAPPING_SLOTS", [{ roomId: hallA.id, timeFrameId: frame, date: open }, { roomId: world.rooms.hall.id, timeFrameId: world.rooms.hall.frames[0]!.id, date: open }], undefined],
      ["OVER_CAPACITY", [{ roomId: small.id, timeFrameId: small.frames[0]!.id, date: open }], 11],
    ];
    const before = await db.application.count();
    for (const [code, slots, headcount] of cases) {
      const result = await submitApplication(world.municipality, alice.id, details(slots, headcount), now);
      expect(result, code).toMatchObject({ ok: false, problems: [{ code }] });
    }
    expect(await db.application.count()).toBe(before);
    expect(await db.occupancy.count({ where: { municipalityId: other.municipality.id } })).toBe(0);
  });

  it("returns the first application when the same review page is submitted twice", async () => {
    const date = nextOpenDate(addDays(today, 25));
    const { small } = world.rooms;
    const input = details([{ roomId: small.id, timeFrameId: small.frames[1]!.id, date }]);
    const [first, second] = await Promise.all([
      submitApplication(world.municipality, alice.id, input, now),
      submitApplication(world.municipality, alice.id, input, now),
    ]);
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(second.applicationId).toBe(first.applicationId);
  });
});

describe("availability", () => {
  it("marks each day of the month ○ △ × or closed", async () => {
    const date = nextOpenDate(addDays(today, 30));
    const { small } = world.rooms;
    const partial = { roomId: small.id, timeFrameId: small.frames[0]!.id, date };
    const full = small.frames.map((f) => ({ roomId: small.id, timeFrameId: f.id, date: nextOpenDate(addDays(date, 1)) }));
    expect((await submitApplication(world.municipality, alice.id, details([partial, ...full], 5), now)).ok).toBe(true);
    const month = await roomMonth(world.municipality, small.id, date.slice(0, 7), now);
    const markOf = (d: string) => month?.days.find((x) => x.date === d)?.mark;
    expect(markOf(date)).toBe("partial");
    if (full[0]!.date.slice(0, 7) === date.slice(0, 7)) expect(markOf(full[0]!.date)).toBe("full");
    const monday = month!.days.find((d) => new Date(`${d.date}T00:00:00Z`).getUTCDay() === 1)!;
    expect(monday.mark).toBe("closed");
  });

  it("finds nothing of another municipality", async () => {
    const other = await createMunicipality();
    expect(await roomDay(world.municipality, other.rooms.small.id, nextOpenDate(addDays(today, 5)), now)).toBeNull();
  });
});

describe("cancelling", () => {
  it("frees one slot at once and keeps the rest", async () => {
    const date = nextOpenDate(addDays(today, 40));
    const { hallA, hallB } = world.rooms;
    const result = await submitApplication(
      world.municipality,
      alice.id,
      details([
        { roomId: hallA.id, timeFrameId: hallA.frames[1]!.id, date },
        { roomId: hallB.id, timeFrameId: hallB.frames[1]!.id, date },
      ]),
      now,
    );
    if (!result.ok) throw new Error("setup failed");
    const application = await getMyApplication(world.municipality.id, alice.id, result.applicationId);
    const itemA = application!.items.find((i) => i.roomId === hallA.id)!;

    // another resident cannot cancel it
    expect(await cancelBooking(world.municipality, bob.id, result.applicationId, itemA.id, now)).toEqual({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await cancelBooking(world.municipality, alice.id, result.applicationId, itemA.id, now)).toEqual({ ok: true });
    expect(await cancelBooking(world.municipality, alice.id, result.applicationId, itemA.id, now)).toEqual({
      ok: false,
      code: "ALREADY_CANCELLED",
    });
    const after = await getMyApplication(world.municipality.id, alice.id, result.applicationId);
    expect(after?.status).toBe("TENTATIVE");
    expect(after?.totalFee).toBe(1600);

    const rebook = await submitApplication(
      world.municipality,
      bob.id,
      details([{ roomId: hallA.id, timeFrameId: hallA.frames[1]!.id, date }]),
      now,
    );
    expect(rebook.ok).toBe(true);

    expect(await cancelBooking(world.municipality, alice.id, result.applicationId, undefined, now)).toEqual({ ok: true });
    expect((await getMyApplication(world.municipality.id, alice.id, result.applicationId))?.status).toBe("CANCELLED");
  });

  it("shows a resident only their own applications", async () => {
    const mine = await listMyApplications(world.municipality.id, bob.id);
    expect(mine.length).toBeGreaterThan(0);
    const alicesId = (await listMyApplications(world.municipality.id, alice.id))[0]!.id;
    expect(await getMyApplication(world.municipality.id, bob.id, alicesId)).toBeNull();
  });
});
