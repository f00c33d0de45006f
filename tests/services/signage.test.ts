import { randomUUID } from "node:crypto";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { addDays, instantAt, type IsoDate, todayIn, weekday } from "~/domain/calendar";
import { dayTypeOn } from "~/domain/time-frames";
import { cancelForMunicipality, submitApplication } from "~/services/booking.server";
import type { Municipality } from "~/services/catalog.server";
import { applyForGroup, setSignageConsent } from "~/services/groups.server";
import { configureMailer } from "~/services/mail.server";
import { signageOf } from "~/services/signage.server";
import { GroupForm } from "~/schemas/application.server";
import { parseForm } from "~/utils/form.server";
import { db } from "~/utils/db.server";
import { closeDate, createMunicipality, createResident, nextOpenDate } from "../factories/municipality";

configureMailer(null);

// the page's component reads the loader's data through Remix; here it is handed the data directly
const loaderData = vi.hoisted(() => ({ current: null as unknown }));
vi.mock("@remix-run/react", async (original) => ({
  ...(await original<typeof import("@remix-run/react")>()),
  useLoaderData: () => loaderData.current,
  useRouteLoaderData: () => ({ language: "ja" }),
}));

const TZ = "Asia/Tokyo";
let world: Awaited<ReturnType<typeof createMunicipality>>;
/** pays on the day: bookings are confirmed at once, so they still hold on the day of use */
let town: Municipality;
let date: IsoDate;
const at = (minute: number) => instantAt(date, minute, TZ);

const RESIDENT = { name: "秘密野 花子", phone: "090-5555-6666", purpose: "個人的な相談会" };

async function book(userId: string, room: { id: string; frames: { id: string }[] }, frame: number, on: IsoDate, groupId?: string) {
  const result = await submitApplication(
    town,
    userId,
    {
      slots: [{ roomId: room.id, timeFrameId: room.frames[frame]!.id, date: on }],
      purpose: RESIDENT.purpose,
      headcount: 5,
      contactPhone: RESIDENT.phone,
      groupId: groupId ?? null,
      idempotencyKey: randomUUID(),
    },
    new Date(),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.applicationId;
}

/** An approved group of a new representative, consenting to its name on the screens or not. */
async function group(name: string, showNameOnSignage: boolean) {
  const rep = await createResident(world.municipality.id, RESIDENT.name);
  await db.user.update({ where: { id: rep.id }, data: { phone: RESIDENT.phone } });
  const id = await applyForGroup(world.municipality.id, rep.id, { name, purpose: "活動", membersCount: 5, activityType: "culture", showNameOnSignage });
  await db.group.update({ where: { id }, data: { status: "APPROVED", approvedAt: new Date(), expiresAt: new Date(Date.now() + 300 * 86_400_000) } });
  return { id, repId: rep.id };
}

beforeAll(async () => {
  world = await createMunicipality();
  town = { ...world.municipality, confirmBeforePayment: true };
  date = nextOpenDate(addDays(todayIn(TZ, new Date()), 10));
  const haiku = await group("あきる野俳句の会", true);
  const go = await group("囲碁の会", false);
  const person = await createResident(world.municipality.id, RESIDENT.name);
  await db.user.update({ where: { id: person.id }, data: { phone: RESIDENT.phone } });
  await book(haiku.repId, world.rooms.small, 0, date, haiku.id); // 学習室 午前: the group agreed
  await book(go.repId, world.rooms.hallA, 1, date, go.id); // 集会室A 午後: the group did not
  await book(person.id, world.rooms.hall, 2, date); // 大集会室 夜間: a resident on their own
  await book(person.id, world.rooms.small, 1, addDays(date, 1)); // another day
  const cancelled = await book(person.id, world.rooms.small, 2, date); // 学習室 夜間, then cancelled
  const staff = await createResident(world.municipality.id, "職員");
  await cancelForMunicipality(town, staff.id, cancelled, "臨時休館", new Date());
});

describe("the entrance screen of a facility", () => {
  it("shows today's frames of every room: booked ones and free ones", async () => {
    const board = (await signageOf(town, world.facility.id, at(600)))!;
    expect(board).toMatchObject({ facility: "テスト会館", date, closure: null });
    const states = Object.fromEntries(board.rows.map((r) => [r.room, r.cells.map((c) => (c.state === "BOOKED" ? (c.groupName ?? "予約あり") : c.state))]));
    expect(states).toEqual({
      大集会室: ["FREE", "予約あり", "予約あり"], // 夜間 its own booking; 午後 half of it is taken
      集会室A: ["FREE", "予約あり", "予約あり"],
      集会室B: ["FREE", "FREE", "予約あり"],
      学習室: ["あきる野俳句の会", "FREE", "FREE"], // the other day's booking and the cancelled one are not here
    });
    expect(board.rows[3]!.cells.map((c) => [c.past, c.current])).toEqual([
      [false, true],
      [false, false],
      [false, false],
    ]);
  });

  it("shows a room closed by a block as unavailable, and only the frames offered that day", async () => {
    const other = nextOpenDate(addDays(date, 3));
    const creator = await createResident(world.municipality.id, "管理人");
    await db.block.create({
      data: {
        municipalityId: world.municipality.id,
        facilityId: world.facility.id,
        roomId: world.rooms.small.id,
        startsAt: instantAt(other, 0, TZ),
        endsAt: instantAt(other, 12 * 60, TZ),
        reason: "点検",
        createdById: creator.id,
      },
    });
    // 集会室B's 夜間 is offered only on the other day type than this day's
    const evening = world.rooms.hallB.frames[2]!.id;
    await db.timeFrame.update({ where: { id: evening }, data: { dayTypes: [dayTypeOn(other) === "WEEKDAY" ? "HOLIDAY" : "WEEKDAY"] } });
    try {
      const board = (await signageOf(town, world.facility.id, instantAt(other, 8 * 60, TZ)))!;
      const states = Object.fromEntries(board.rows.map((r) => [r.room, r.cells.map((c) => c.state)]));
      expect(states["学習室"]).toEqual(["UNAVAILABLE", "FREE", "FREE"]);
      expect(states["集会室B"]).toEqual(["FREE", "FREE"]);
    } finally {
      await db.timeFrame.update({ where: { id: evening }, data: { dayTypes: ["WEEKDAY", "HOLIDAY"] } });
    }
  });

  it("shows a group's name only while it agrees, and the change is audited", async () => {
    const haiku = await db.group.findFirstOrThrow({ where: { municipalityId: world.municipality.id, name: "あきる野俳句の会" } });
    const nameOnScreen = async () => (await signageOf(town, world.facility.id, at(600)))!.rows[3]!.cells[0];
    expect(await setSignageConsent(world.municipality.id, haiku.representativeId, haiku.id, false)).toEqual({ ok: true, name: "あきる野俳句の会" });
    expect(await nameOnScreen()).toMatchObject({ state: "BOOKED", groupName: null });
    await setSignageConsent(world.municipality.id, haiku.representativeId, haiku.id, true);
    expect(await nameOnScreen()).toMatchObject({ state: "BOOKED", groupName: "あきる野俳句の会" });
    const events = await db.auditEvent.findMany({ where: { entityId: haiku.id, action: "group.signage_consent_changed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { before: { showNameOnSignage: true }, after: { showNameOnSignage: false } },
      { before: { showNameOnSignage: false }, after: { showNameOnSignage: true } },
    ]);
    // someone else (even staff) cannot change it; nor can a representative in another town
    const other = await createMunicipality();
    expect(await setSignageConsent(world.municipality.id, (await createResident(world.municipality.id)).id, haiku.id, false)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await setSignageConsent(other.municipality.id, haiku.representativeId, haiku.id, false)).toEqual({ ok: false, code: "NOT_FOUND" });
  });

  it("is asked on the group registration form as one box, unchecked meaning no", () => {
    const form = (extra: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries({ name: "会", purpose: "活動", membersCount: "５", activityType: "culture", ...extra })) data.set(k, v);
      return parseForm(GroupForm, data);
    };
    expect(form({ showNameOnSignage: "yes" })).toMatchObject({ ok: true, data: { showNameOnSignage: true, membersCount: 5 } });
    expect(form({})).toMatchObject({ ok: true, data: { showNameOnSignage: false } });
  });

  it("never carries a person's name, phone or purpose, in its data or its HTML", async () => {
    const { loader, default: Signage } = await import("~/routes/$muni_.signage.$facilityId");
    vi.useFakeTimers({ now: at(600), toFake: ["Date"] });
    try {
      const data = await loader({ request: new Request("http://localhost/x"), params: { muni: world.municipality.slug, facilityId: world.facility.id }, context: {} });
      loaderData.current = data;
      const html = renderToString(createElement(Signage));
      for (const text of [JSON.stringify(data), html]) {
        expect(text).toContain("あきる野俳句の会");
        expect(text).not.toContain("囲碁の会");
        for (const secret of [RESIDENT.name, "秘密野", RESIDENT.phone, "09055556666", RESIDENT.purpose]) expect(text).not.toContain(secret);
      }
      expect(html).toContain("予約あり");
      expect(html).toContain("空き");
      expect(data.updatedAt).toBe("10:00");
    } finally {
      vi.useRealTimers();
    }
  });

  it("says the facility is closed today, and why", async () => {
    // the test facility is closed on Mondays
    let monday = addDays(date, 1);
    while (weekday(monday) !== 1) monday = addDays(monday, 1);
    const weekly = await signageOf(town, world.facility.id, instantAt(monday, 600, TZ));
    expect(weekly).toMatchObject({ closure: { code: "WEEKLY", weekday: 1 }, rows: [] });
    const closedOn = nextOpenDate(addDays(date, 2));
    await closeDate(world.municipality.id, world.facility.id, closedOn);
    expect(await signageOf(town, world.facility.id, instantAt(closedOn, 600, TZ))).toMatchObject({ closure: { code: "DATED", reason: "臨時休館" }, rows: [] });
  });

  it("does not show another municipality's facility", async () => {
    const other = await createMunicipality();
    expect(await signageOf(town, other.facility.id, at(600))).toBeNull();
    const { loader } = await import("~/routes/$muni_.signage.$facilityId");
    const status = await loader({ request: new Request("http://localhost/x"), params: { muni: world.municipality.slug, facilityId: other.facility.id }, context: {} }).then(
      () => 200,
      (thrown: Response) => thrown.status,
    );
    expect(status).toBe(404);
  });
});
