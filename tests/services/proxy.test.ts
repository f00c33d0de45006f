import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, isoDateFromDbDate, todayIn } from "~/domain/calendar";
import { RegisterForm } from "~/schemas/account.server";
import { createSession, registerResident, verifyPassword } from "~/services/accounts.server";
import { deleteAccount } from "~/services/account-deletion.server";
import { getMyApplication, getProxyApplication, submitApplication } from "~/services/booking.server";
import { hallDay } from "~/services/hall-schedule.server";
import { configureMailer } from "~/services/mail.server";
import { applicationAtCounter } from "~/services/payments.server";
import { registerResidentAtCounter, residentForProxy, searchResidents } from "~/services/proxy.server";
import { db } from "~/utils/db.server";
import { commitSession, getApplicant, getSession, startActingFor, stopActing } from "~/utils/session.server";
import { createMunicipality, createResident, freshDates } from "../factories/municipality";

configureMailer(null);

const now = new Date();
let world: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
let manager: { id: string };
let staff: { id: string };
let nextDate: () => string;

async function withRole(municipalityId: string, name: string, role: "MANAGER" | "STAFF") {
  const user = await createResident(municipalityId, name);
  await db.user.update({ where: { id: user.id }, data: { role } });
  return user;
}

/** A resident as the demo data or self-registration would have them. */
async function resident(municipalityId: string, data: { name: string; kana: string; phone: string }) {
  const user = await createResident(municipalityId, data.name);
  return db.user.update({ where: { id: user.id }, data: { kana: data.kana, phone: data.phone } });
}

/** The application's slot as the manager's day at the hall shows it. */
async function onTheHallsDay(number: number) {
  const item = await db.applicationItem.findFirstOrThrow({ where: { application: { number } }, select: { useDate: true } });
  const day = await hallDay(world.municipality, { id: manager.id, role: "MANAGER" }, isoDateFromDbDate(item.useDate), now);
  const rows = day!.facilities.flatMap((f) => f.rooms.flatMap((r) => r.rows));
  return rows.flatMap((row) => (row.kind === "BOOKED" && row.item.number === number ? [row.item] : []))[0];
}

function booking(residentId: string, proxyById: string | null, extra: { paymentChoice?: "ONLINE" | "COUNTER" } = {}) {
  const room = world.rooms.small;
  return submitApplication(
    world.municipality,
    residentId,
    {
      slots: [{ roomId: room.id, timeFrameId: room.frames[0]!.id, date: nextDate() }],
      purpose: "体操教室",
      headcount: 6,
      contactPhone: "042-555-0000",
      proxyById,
      idempotencyKey: randomUUID(),
      ...extra,
    },
    now,
  );
}

const names = (found: { residents: { name: string }[] }) => found.residents.map((r) => r.name).sort();

beforeAll(async () => {
  world = await createMunicipality();
  other = await createMunicipality();
  manager = await withRole(world.municipality.id, "管理 太郎", "MANAGER");
  staff = await withRole(world.municipality.id, "職員 次郎", "STAFF");
  await db.managerFacility.create({ data: { municipalityId: world.municipality.id, userId: manager.id, facilityId: world.facility.id } });
  await resident(world.municipality.id, { name: "山田 花子", kana: "やまだ はなこ", phone: "042-555-1234" });
  await resident(world.municipality.id, { name: "山田 太一", kana: "やまだ たいち", phone: "090-1111-2222" });
  await resident(world.municipality.id, { name: "鈴木 一郎", kana: "すずき いちろう", phone: "0425559876" });
  await resident(other.municipality.id, { name: "山田 花子", kana: "やまだ はなこ", phone: "042-555-1234" });
  nextDate = freshDates(addDays(todayIn("Asia/Tokyo", now), 8));
});

describe("finding the resident who phoned or came in", () => {
  it("finds them by name, with or without the space", async () => {
    expect(names(await searchResidents(world.municipality.id, "山田"))).toEqual(["山田 太一", "山田 花子"]);
    expect(names(await searchResidents(world.municipality.id, "山田花子"))).toEqual(["山田 花子"]);
    expect(names(await searchResidents(world.municipality.id, "山田　花子"))).toEqual(["山田 花子"]);
  });

  it("finds them by furigana typed in hiragana, katakana or half-width katakana", async () => {
    for (const typed of ["やまだ はなこ", "ヤマダハナコ", "ﾔﾏﾀﾞ ﾊﾅｺ", "はなこ"]) {
      expect(names(await searchResidents(world.municipality.id, typed)), typed).toEqual(["山田 花子"]);
    }
    expect(names(await searchResidents(world.municipality.id, "ｽｽﾞｷ"))).toEqual(["鈴木 一郎"]);
  });

  it("finds them by the digits of their phone, with or without hyphens, in full-width too", async () => {
    for (const typed of ["042-555-1234", "0425551234", "０４２－５５５－１２３４", "1234"]) {
      expect(names(await searchResidents(world.municipality.id, typed)), typed).toEqual(["山田 花子"]);
    }
    // stored without hyphens, found with them
    expect(names(await searchResidents(world.municipality.id, "042-555-9876"))).toEqual(["鈴木 一郎"]);
  });

  it("shows the name, furigana, phone and whether they have an email, and nothing for a blank box", async () => {
    const [hanako] = (await searchResidents(world.municipality.id, "はなこ")).residents;
    expect(hanako).toEqual({ id: expect.any(String), name: "山田 花子", kana: "やまだ はなこ", phone: "042-555-1234", hasEmail: true });
    expect(await searchResidents(world.municipality.id, "  ")).toEqual({ residents: [], more: false });
    expect(await searchResidents(world.municipality.id, "存在しない人")).toEqual({ residents: [], more: false });
  });

  it("finds residents of this municipality only: not staff, not deleted accounts, not another town's", async () => {
    expect(names(await searchResidents(world.municipality.id, "管理"))).toEqual([]);
    expect(names(await searchResidents(world.municipality.id, "職員"))).toEqual([]);
    const leaving = await resident(world.municipality.id, { name: "退会 予定", kana: "たいかい よてい", phone: "03-0000-0001" });
    expect(names(await searchResidents(world.municipality.id, "たいかい"))).toEqual(["退会 予定"]);
    expect((await deleteAccount(world.municipality, leaving.id, now)).ok).toBe(true);
    expect(names(await searchResidents(world.municipality.id, "0300000001"))).toEqual([]);
    const theirs = await searchResidents(other.municipality.id, "はなこ");
    const ours = await searchResidents(world.municipality.id, "はなこ");
    expect(theirs.residents).toHaveLength(1);
    expect(theirs.residents[0]!.id).not.toBe(ours.residents[0]!.id);
  });

  it("treats % and _ as themselves, not as wildcards", async () => {
    expect(names(await searchResidents(world.municipality.id, "%"))).toEqual([]);
    expect(names(await searchResidents(world.municipality.id, "_"))).toEqual([]);
  });
});

describe("registering a resident at the counter", () => {
  it("needs no email: name, furigana (normalised) and phone; they cannot sign in; who registered them is audited", async () => {
    const result = await registerResidentAtCounter(
      world.municipality.id,
      manager.id,
      { name: "佐藤 ハル", kana: "ｻﾄｳ ﾊﾙ", phone: "042-555-7777", email: null },
      { samePhoneSeen: false },
    );
    expect(result).toEqual({ ok: true, residentId: expect.any(String) });
    if (!result.ok) return;
    const user = await db.user.findUniqueOrThrow({ where: { id: result.residentId } });
    expect(user).toMatchObject({ municipalityId: world.municipality.id, role: "RESIDENT", email: null, name: "佐藤 ハル", kana: "さとう はる", phone: "042-555-7777" });
    expect(names(await searchResidents(world.municipality.id, "サトウ"))).toEqual(["佐藤 ハル"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id } });
    expect(event).toMatchObject({ action: "user.registered_at_counter", actorId: manager.id, details: { withEmail: false, samePhoneSeen: false } });
    // no personal data in the log
    expect(JSON.stringify(event.details)).not.toContain("佐藤");
  });

  it("keeps an email when they have one (lower-cased); such a resident has no password to sign in with", async () => {
    const result = await registerResidentAtCounter(
      world.municipality.id,
      staff.id,
      { name: "高橋 実", kana: "たかはし みのる", phone: "090-3333-4444", email: "Minoru@Example.jp" },
      { samePhoneSeen: false },
    );
    if (!result.ok) throw new Error(result.code);
    expect((await db.user.findUniqueOrThrow({ where: { id: result.residentId } })).email).toBe("minoru@example.jp");
    expect(await verifyPassword(world.municipality.id, "minoru@example.jp", "!none")).toBeNull();
  });

  it("refuses an email someone already has", async () => {
    const taken = await createResident(world.municipality.id, "既存");
    const result = await registerResidentAtCounter(
      world.municipality.id,
      manager.id,
      { name: "別人", kana: "べつじん", phone: "090-9999-0000", email: taken.email.toUpperCase() },
      { samePhoneSeen: false },
    );
    expect(result).toEqual({ ok: false, code: "EMAIL_TAKEN" });
  });

  it("shows residents with the same phone number instead, unless the counter has seen them and goes on", async () => {
    const before = await db.user.count({ where: { municipalityId: world.municipality.id } });
    const input = { name: "山田 はな", kana: "やまだ はな", phone: "０４２５５５１２３４", email: null };
    const warned = await registerResidentAtCounter(world.municipality.id, manager.id, input, { samePhoneSeen: false });
    expect(warned).toMatchObject({ ok: false, code: "PHONE_REGISTERED", matches: [{ name: "山田 花子", phone: "042-555-1234" }] });
    expect(await db.user.count({ where: { municipalityId: world.municipality.id } })).toBe(before);
    const created = await registerResidentAtCounter(world.municipality.id, manager.id, { ...input, phone: "042-555-1234" }, { samePhoneSeen: true });
    expect(created.ok).toBe(true);
    expect(await db.user.count({ where: { municipalityId: world.municipality.id } })).toBe(before + 1);
  });

  it("lets several residents have no email (the unique email per municipality still holds for the others)", async () => {
    const a = await registerResidentAtCounter(world.municipality.id, manager.id, { name: "甲", kana: "こう", phone: "03-1000-0001", email: null }, { samePhoneSeen: false });
    const b = await registerResidentAtCounter(world.municipality.id, manager.id, { name: "乙", kana: "おつ", phone: "03-1000-0002", email: null }, { samePhoneSeen: false });
    expect([a.ok, b.ok]).toEqual([true, true]);
  });

  it("never leaves a manager or staff member without an email (the database refuses it)", async () => {
    await expect(db.user.update({ where: { id: manager.id }, data: { email: null } })).rejects.toThrow();
  });
});

describe("residents registering themselves", () => {
  it("still works without a furigana, and keeps one given in any kana, normalised, for the search", async () => {
    const form = (kana?: string) =>
      RegisterForm.safeParse({ name: "自分 登録", email: `self-${randomUUID()}@example.jp`, phone: "090-5555-0001", password: "password-1234", ...(kana === undefined ? {} : { kana }) });
    expect(form().success && form().data).toMatchObject({ kana: "" });
    expect(form("").success).toBe(true);
    expect(form("山田").error?.issues.map((i) => [i.path[0], i.message])).toEqual([["kana", "kanaInvalid"]]);
    const parsed = form("ｼﾞﾌﾞﾝ ﾄｳﾛｸ");
    if (!parsed.success) throw parsed.error;
    const registered = await registerResident(world.municipality.id, parsed.data);
    if (!registered.ok) throw new Error(registered.code);
    expect(await db.user.findUniqueOrThrow({ where: { id: registered.userId } })).toMatchObject({ kana: "じぶん とうろく", email: parsed.data.email });
    expect(names(await searchResidents(world.municipality.id, "ジブン"))).toEqual(["自分 登録"]);
  });
});

describe("booking for a resident (代理予約)", () => {
  it("makes the resident the applicant, records who booked for them, and takes payment at the counter", async () => {
    const hanako = (await searchResidents(world.municipality.id, "やまだはなこ")).residents[0]!;
    const result = await booking(hanako.id, manager.id, { paymentChoice: "ONLINE" });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const application = await db.application.findUniqueOrThrow({ where: { id: result.applicationId } });
    expect(application).toMatchObject({ userId: hanako.id, proxyById: manager.id, paymentChoice: "COUNTER", status: "TENTATIVE" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: result.applicationId } });
    expect(event).toMatchObject({ action: "application.submitted_by_proxy", actorId: manager.id, details: { applicantId: hanako.id, number: result.number } });
    // the resident's own page says it was taken at the counter, without naming the manager
    const mine = await getMyApplication(world.municipality.id, hanako.id, result.applicationId);
    expect(mine).toMatchObject({ byProxy: true });
    expect(JSON.stringify(mine)).not.toContain(manager.id);
    // the confirmation is the manager's to see; another manager or staff member gets nothing
    expect(await getProxyApplication(world.municipality.id, manager.id, result.applicationId)).toMatchObject({ number: result.number, applicantId: hanako.id });
    expect(await getProxyApplication(world.municipality.id, staff.id, result.applicationId)).toBeNull();
    expect(await getProxyApplication(other.municipality.id, manager.id, result.applicationId)).toBeNull();
  });

  it("shows on the hall's ledger and at the counter who booked it for the resident", async () => {
    const hanako = (await searchResidents(world.municipality.id, "やまだはなこ")).residents[0]!;
    const result = await booking(hanako.id, manager.id);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(await onTheHallsDay(result.number)).toMatchObject({ applicant: "山田 花子", proxyBy: "管理 太郎" });
    expect(await applicationAtCounter(world.municipality, result.number, now)).toMatchObject({ proxyBy: { name: "管理 太郎" } });
    const own = await booking(hanako.id, null);
    if (!own.ok) throw new Error(JSON.stringify(own.problems));
    expect(await onTheHallsDay(own.number)).toMatchObject({ proxyBy: null });
  });

  it("queues the received mail to a resident with an email, and none to one without", async () => {
    const withEmail = await createResident(world.municipality.id, "メールあり");
    const registered = await registerResidentAtCounter(world.municipality.id, manager.id, { name: "メールなし", kana: "めーるなし", phone: "03-2000-0001", email: null }, { samePhoneSeen: false });
    if (!registered.ok) throw new Error(registered.code);
    const mailsBefore = await db.outboxMessage.count();
    const noMail = await booking(registered.residentId, manager.id);
    expect(noMail.ok).toBe(true);
    expect(await db.outboxMessage.count()).toBe(mailsBefore);
    const mailed = await booking(withEmail.id, staff.id);
    if (!mailed.ok) throw new Error(JSON.stringify(mailed.problems));
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { toAddress: withEmail.email } });
    expect(mail.subject).toContain(`申込番号 ${mailed.number}`);
    expect(mail.body).toContain("施設の窓口で受け付けました");
    expect(await db.outboxMessage.count()).toBe(mailsBefore + 1);
  });

  it("applies the resident's own booking rules (the window closes the day before, for them as for anyone)", async () => {
    const hanako = (await searchResidents(world.municipality.id, "やまだはなこ")).residents[0]!;
    const room = world.rooms.small;
    const result = await submitApplication(
      world.municipality,
      hanako.id,
      { slots: [{ roomId: room.id, timeFrameId: room.frames[2]!.id, date: todayIn("Asia/Tokyo", now) }], purpose: "会議", headcount: 3, contactPhone: "042-555-1234", proxyById: manager.id, idempotencyKey: randomUUID() },
      now,
    );
    expect(result).toMatchObject({ ok: false, problems: [{ code: "BOOKING_CLOSED_FOR_DATE" }] });
  });

  it("refuses another municipality's resident, the manager as their own applicant, and a resident booking for another", async () => {
    const theirs = (await searchResidents(other.municipality.id, "はなこ")).residents[0]!;
    expect(await residentForProxy(world.municipality.id, theirs.id)).toBeNull();
    expect(await residentForProxy(world.municipality.id, manager.id)).toBeNull();
    const before = await db.application.count();
    expect(await booking(theirs.id, manager.id)).toMatchObject({ ok: false, problems: [{ code: "UNKNOWN_APPLICANT" }] });
    expect(await booking(manager.id, manager.id)).toMatchObject({ ok: false, problems: [{ code: "UNKNOWN_APPLICANT" }] });
    const hanako = (await searchResidents(world.municipality.id, "やまだはなこ")).residents[0]!;
    const neighbour = await createResident(world.municipality.id, "隣人");
    expect(await booking(hanako.id, neighbour.id)).toMatchObject({ ok: false, problems: [{ code: "UNKNOWN_APPLICANT" }] });
    expect(await db.application.count()).toBe(before);
  });

  it("never has the one who booked as the applicant (the database refuses it too)", async () => {
    const hanako = (await searchResidents(world.municipality.id, "やまだはなこ")).residents[0]!;
    const result = await booking(hanako.id, manager.id);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    await expect(db.application.update({ where: { id: result.applicationId }, data: { proxyById: hanako.id } })).rejects.toThrow();
  });
});

describe("acting for a resident in the browser session", () => {
  const slugOf = () => world.municipality.slug;
  async function signedIn(userId: string) {
    const session = await getSession(new Request("http://localhost/"));
    session.set("sessionId", await createSession(world.municipality.id, userId, now));
    session.set("selection", { [world.municipality.id]: [{ roomId: world.rooms.small.id, timeFrameId: world.rooms.small.frames[0]!.id, date: "2027-01-05" }] });
    return (await commitSession(session)).split(";")[0]!;
  }
  const request = (cookie: string) => new Request(`http://localhost/${slugOf()}/x`, { headers: { Cookie: cookie } });
  const cookieFrom = (response: Response) => response.headers.get("Set-Cookie")!.split(";")[0]!;

  it("books for the resident while acting, starting from nothing picked, until it is ended", async () => {
    const hanako = (await searchResidents(world.municipality.id, "やまだはなこ")).residents[0]!;
    const cookie = await signedIn(manager.id);
    expect(await getApplicant(request(cookie), world.municipality)).toMatchObject({ applicant: { id: manager.id }, proxy: null });
    const started = await startActingFor(request(cookie), world.municipality, hanako.id, `/${slugOf()}`);
    const acting = cookieFrom(started);
    expect(await getApplicant(request(acting), world.municipality)).toMatchObject({
      user: { id: manager.id },
      applicant: { id: hanako.id, name: "山田 花子", phone: "042-555-1234" },
      proxy: { id: manager.id },
    });
    // what the manager had picked before was not for this resident
    expect((await getSession(request(acting))).get("selection")).toEqual({ [world.municipality.id]: [] });
    const stopped = cookieFrom(await stopActing(request(acting), world.municipality, `/${slugOf()}/manage/proxy`));
    expect(await getApplicant(request(stopped), world.municipality)).toMatchObject({ applicant: { id: manager.id }, proxy: null });
  });

  it("counts only for the sign-in that started it, and never for a resident", async () => {
    const hanako = (await searchResidents(world.municipality.id, "やまだはなこ")).residents[0]!;
    const acting = cookieFrom(await startActingFor(request(await signedIn(manager.id)), world.municipality, hanako.id, "/"));
    // the same cookie with another person's sign-in (signed out and someone else signed in)
    const session = await getSession(request(acting));
    const neighbour = await createResident(world.municipality.id, "隣人");
    session.set("sessionId", await createSession(world.municipality.id, neighbour.id, now));
    const replaced = (await commitSession(session)).split(";")[0]!;
    expect(await getApplicant(request(replaced), world.municipality)).toMatchObject({ applicant: { id: neighbour.id }, proxy: null });
    // a resident who somehow carries an acting state (their own sign-in) still books for themselves
    const residentSession = await getSession(request(replaced));
    residentSession.set("actingFor", { municipalityId: world.municipality.id, sessionId: residentSession.get("sessionId")!, residentId: hanako.id });
    const forged = (await commitSession(residentSession)).split(";")[0]!;
    expect(await getApplicant(request(forged), world.municipality)).toMatchObject({ applicant: { id: neighbour.id }, proxy: null });
  });
});
