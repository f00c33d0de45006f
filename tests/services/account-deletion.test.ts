import { describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import {
  DELETED_NAME,
  deleteAccount,
  deletedEmail,
  slotsCancelledByDeletion,
} from "~/services/account-deletion.server";
import { createSession, findSessionUser, registerResident, verifyPassword } from "~/services/accounts.server";
import { listAuditEvents } from "~/services/audit.server";
import { roomDay } from "~/services/availability.server";
import { listMyApplications, submitApplication } from "~/services/booking.server";
import { recordFailure, signInKeys } from "~/services/rate-limits.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, nextOpenDate } from "../factories/municipality";

const booked = new Date("2026-11-23T01:00:00Z"); // when the bookings were made
const today = todayIn("Asia/Tokyo", booked);
const PASSWORD = "password-1234";
let keySeq = 0;
const key = () => `00000000-0000-4000-8000-${String(++keySeq).padStart(12, "0")}`;

type World = Awaited<ReturnType<typeof createMunicipality>>;

async function register(municipalityId: string, name: string, email: string) {
  const result = await registerResident(municipalityId, { email, password: PASSWORD, name, phone: "090-1111-2222" });
  if (!result.ok) throw new Error("setup failed");
  return result.userId;
}

function book(world: World, userId: string, slots: { room: keyof World["rooms"]; frame: number; date: string }[], purpose: string) {
  return submitApplication(
    world.municipality,
    userId,
    {
      slots: slots.map((s) => ({
        roomId: world.rooms[s.room].id,
        timeFrameId: world.rooms[s.room].frames[s.frame]!.id,
        date: s.date,
      })),
      purpose,
      headcount: 4,
      contactPhone: "080-3333-4444",
      idempotencyKey: key(),
    },
    booked,
  ).then((result) => {
    if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result.problems)}`);
    return result;
  });
}

/**
 * 花子 holds one application with a slot already used (dateA) and one to come (dateB), and a
 * second application to come (dateC); she deletes her account the day after dateA.
 */
async function setUp() {
  const world = await createMunicipality();
  const other = await createMunicipality();
  const email = "hanako@example.jp";
  const me = await register(world.municipality.id, "退会 花子", email);
  const neighbour = await register(world.municipality.id, "近所 太郎", "taro@example.jp");
  // the same person's address in another municipality is another account
  const twin = await register(other.municipality.id, "退会 花子", email);

  const dateA = nextOpenDate(addDays(today, 7));
  const dateB = nextOpenDate(addDays(today, 30));
  const dateC = nextOpenDate(addDays(today, 16));
  const first = await book(world, me, [
    { room: "small", frame: 0, date: dateA },
    { room: "hallA", frame: 1, date: dateB },
  ], "花子の書道教室（090-9999-8888）");
  const second = await book(world, me, [{ room: "hall", frame: 2, date: dateC }], "花子の誕生会");
  const neighbours = await book(world, neighbour, [{ room: "small", frame: 1, date: dateC }], "太郎の囲碁");
  const twins = await book(other, twin, [{ room: "small", frame: 0, date: dateC }], "花子の会議");

  const deletedAt = new Date(`${addDays(dateA, 1)}T01:00:00Z`);
  const sessions = [
    await createSession(world.municipality.id, me, booked),
    await createSession(world.municipality.id, me, booked),
  ];
  const neighbourSession = await createSession(world.municipality.id, neighbour, booked);
  const twinSession = await createSession(other.municipality.id, twin, booked);
  await recordFailure(world.municipality.id, signInKeys(email, "192.0.2.1"), booked);
  return {
    world, other, email, me, neighbour, twin, dateA, dateB, dateC, first, second, neighbours, twins,
    deletedAt, sessions, neighbourSession, twinSession,
  };
}

describe("a resident deletes their account", () => {
  it("lists the upcoming slots the deletion would cancel", async () => {
    const s = await setUp();
    const slots = await slotsCancelledByDeletion(s.world.municipality, s.me, s.deletedAt);
    expect(slots.map((x) => [x.applicationNumber, x.date, x.roomName])).toEqual(
      expect.arrayContaining([
        [s.first.number, s.dateB, "集会室A"],
        [s.second.number, s.dateC, "大集会室"],
      ]),
    );
    expect(slots).toHaveLength(2);
  });

  it("removes the personal data, keeps past bookings for statistics and cancels the upcoming ones", async () => {
    const s = await setUp();
    const result = await deleteAccount(s.world.municipality, s.me, s.deletedAt);
    expect(result).toEqual({ ok: true, slotsCancelled: 2, applicationsKept: 2, sessionsEnded: 2 });

    // the account: anonymised in place, and nobody can sign in to it
    const user = await db.user.findUniqueOrThrow({ where: { id: s.me } });
    expect(user).toMatchObject({ name: DELETED_NAME, email: deletedEmail(s.me), phone: "" });
    expect(user.email).toMatch(/@invalid$/);
    expect(await verifyPassword(s.world.municipality.id, s.email, PASSWORD)).toBeNull();
    expect(await verifyPassword(s.world.municipality.id, deletedEmail(s.me), PASSWORD)).toBeNull();
    expect(await verifyPassword(s.world.municipality.id, deletedEmail(s.me), "!deleted")).toBeNull();

    // the applications: kept with dates, rooms, fees, headcount, status; without purpose and phone
    const applications = await listMyApplications(s.world.municipality.id, s.me);
    const first = applications.find((a) => a.id === s.first.applicationId)!;
    const second = applications.find((a) => a.id === s.second.applicationId)!;
    expect(applications.every((a) => a.purpose === "" && a.contactPhone === "" && a.headcount === 4)).toBe(true);
    expect(first.status).toBe("TENTATIVE");
    expect(first.totalFee).toBe(1200);
    expect(first.items.map((i) => [i.date, i.roomName, i.fee, Boolean(i.cancelledAt)])).toEqual([
      [s.dateA, "学習室", 1200, false],
      [s.dateB, "集会室A", 1600, true],
    ]);
    expect(second).toMatchObject({ status: "CANCELLED", cancelledAt: s.deletedAt, totalFee: 0 });

    // the upcoming slots are free again: the neighbour can book them
    const dayB = await roomDay(s.world.municipality, s.world.rooms.hallA.id, s.dateB, s.deletedAt);
    expect(dayB?.frames.map((f) => f.free)).toEqual([true, true, true]);
    const again = await submitApplication(
      s.world.municipality,
      s.neighbour,
      {
        slots: [{ roomId: s.world.rooms.hall.id, timeFrameId: s.world.rooms.hall.frames[2]!.id, date: s.dateC }],
        purpose: "太郎の会議",
        headcount: 4,
        contactPhone: "080-0000-0000",
        idempotencyKey: key(),
      },
      s.deletedAt,
    );
    expect(again.ok).toBe(true);

    // every session ended; the failed sign-ins counted against the address are forgotten
    for (const session of s.sessions) expect(await findSessionUser(s.world.municipality.id, session, s.deletedAt)).toBeNull();
    expect(await db.session.count({ where: { userId: s.me } })).toBe(0);
    const limits = await db.rateLimit.findMany({ where: { municipalityId: s.world.municipality.id } });
    expect(limits.map((l) => l.key)).toEqual(["login:source:192.0.2.1"]);

    // nothing that names her is left in her municipality's data
    const everything = JSON.stringify([
      await db.user.findMany({ where: { municipalityId: s.world.municipality.id, id: s.me } }),
      await db.application.findMany({ where: { municipalityId: s.world.municipality.id, userId: s.me } }),
      limits,
      await listAuditEvents(s.world.municipality.id, 1000),
    ]);
    for (const personal of ["花子", s.email, "090-1111-2222", "080-3333-4444", "090-9999-8888", "書道"]) {
      expect(everything).not.toContain(personal);
    }
  });

  it("records user.deleted with counts only, and the cancellations with the reason", async () => {
    const s = await setUp();
    await deleteAccount(s.world.municipality, s.me, s.deletedAt);
    const events = await listAuditEvents(s.world.municipality.id, 1000);
    const deleted = events.filter((e) => e.action === "user.deleted");
    expect(deleted).toEqual([
      expect.objectContaining({
        actorId: s.me,
        entity: "User",
        entityId: s.me,
        details: { slotsCancelled: 2, applicationsKept: 2, sessionsEnded: 2 },
      }),
    ]);
    const cancellations = events.filter((e) => e.action.startsWith("application.") && e.action !== "application.submitted");
    expect(cancellations.map((e) => [e.action, e.entityId])).toEqual(
      expect.arrayContaining([
        ["application.items_cancelled", s.first.applicationId],
        ["application.cancelled", s.second.applicationId],
      ]),
    );
    expect(cancellations.every((e) => (e.details as { reason?: string }).reason === "user.deleted")).toBe(true);
  });

  it("leaves other residents and other municipalities untouched", async () => {
    const s = await setUp();
    // asked in another municipality, nothing happens there or here
    expect(await deleteAccount(s.other.municipality, s.me, s.deletedAt)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect((await db.user.findUniqueOrThrow({ where: { id: s.me } })).name).toBe("退会 花子");

    await deleteAccount(s.world.municipality, s.me, s.deletedAt);
    const neighbour = await db.user.findUniqueOrThrow({ where: { id: s.neighbour } });
    expect(neighbour).toMatchObject({ name: "近所 太郎", email: "taro@example.jp", phone: "090-1111-2222" });
    expect(await verifyPassword(s.world.municipality.id, "taro@example.jp", PASSWORD)).toBe(s.neighbour);
    expect((await listMyApplications(s.world.municipality.id, s.neighbour))[0]).toMatchObject({
      purpose: "太郎の囲碁",
      contactPhone: "080-3333-4444",
      status: "TENTATIVE",
    });
    expect((await findSessionUser(s.world.municipality.id, s.neighbourSession, s.deletedAt))?.id).toBe(s.neighbour);

    const twin = await db.user.findUniqueOrThrow({ where: { id: s.twin } });
    expect(twin).toMatchObject({ name: "退会 花子", email: s.email });
    expect(await verifyPassword(s.other.municipality.id, s.email, PASSWORD)).toBe(s.twin);
    expect((await listMyApplications(s.other.municipality.id, s.twin))[0]).toMatchObject({
      purpose: "花子の会議",
      status: "TENTATIVE",
    });
    expect((await findSessionUser(s.other.municipality.id, s.twinSession, s.deletedAt))?.id).toBe(s.twin);
    expect((await listAuditEvents(s.other.municipality.id)).some((e) => e.action === "user.deleted")).toBe(false);
  });

  it("is harmless a second time, for an unknown account and for staff accounts", async () => {
    const s = await setUp();
    expect((await deleteAccount(s.world.municipality, s.me, s.deletedAt)).ok).toBe(true);
    const before = await listAuditEvents(s.world.municipality.id, 1000);
    expect(await deleteAccount(s.world.municipality, s.me, s.deletedAt)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await deleteAccount(s.world.municipality, "no-such-user", s.deletedAt)).toEqual({ ok: false, code: "NOT_FOUND" });
    expect(await listAuditEvents(s.world.municipality.id, 1000)).toEqual(before);

    const manager = await createResident(s.world.municipality.id, "管理 者");
    await db.user.update({ where: { id: manager.id }, data: { role: "MANAGER" } });
    expect(await deleteAccount(s.world.municipality, manager.id, s.deletedAt)).toEqual({ ok: false, code: "NOT_RESIDENT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: manager.id } })).name).toBe("管理 者");
  });

  it("frees the address: the person can register again later", async () => {
    const s = await setUp();
    await deleteAccount(s.world.municipality, s.me, s.deletedAt);
    const again = await registerResident(s.world.municipality.id, {
      email: s.email,
      password: PASSWORD,
      name: "退会 花子",
      phone: "090-1111-2222",
    });
    expect(again.ok).toBe(true);
    if (again.ok) expect(await listMyApplications(s.world.municipality.id, again.userId)).toEqual([]);
  });
});
