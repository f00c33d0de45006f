import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { SEARCH_PAGE_SIZE } from "~/domain/application-search";
import { addDays, type IsoDate, todayIn } from "~/domain/calendar";
import { Prisma } from "~/generated/prisma/client";
import { parseApplicationSearch } from "~/schemas/application-search.server";
import { type ApplicationSearch, searchApplications, searchSql } from "~/services/application-search.server";
import { submitApplication } from "~/services/booking.server";
import { configureMailer } from "~/services/mail.server";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, freshDates } from "../factories/municipality";

configureMailer(null);

let world: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
const numbers: Record<string, number> = {};
let dates: IsoDate[];

const everything: ApplicationSearch = { number: null, resident: null, from: null, to: null, place: null, cursor: null };

async function book(
  municipality: typeof world.municipality,
  userId: string,
  slots: { room: { id: string; frames: { id: string }[] }; date: IsoDate }[],
  contactPhone = "090-0000-0000",
) {
  const result = await submitApplication(
    municipality,
    userId,
    { slots: slots.map((s) => ({ roomId: s.room.id, timeFrameId: s.room.frames[0]!.id, date: s.date })), purpose: "会議", headcount: 5, contactPhone, idempotencyKey: randomUUID() },
    new Date(),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.number;
}

/** The numbers a search finds, newest first (or the reason it refused). */
async function found(search: Partial<ApplicationSearch>, municipalityId = world.municipality.id) {
  const result = await searchApplications(municipalityId, { ...everything, ...search });
  return result.ok ? result.applications.map((a) => a.number) : result.code;
}

/** What the form finds, typed as staff type it. */
async function typed(fields: Record<string, string>) {
  const parsed = parseApplicationSearch(new URLSearchParams(fields));
  if (!parsed.ok) return parsed.problems;
  return found(parsed.search);
}

beforeAll(async () => {
  world = await createMunicipality();
  other = await createMunicipality();
  const next = freshDates(addDays(todayIn("Asia/Tokyo", new Date()), 5));
  dates = [next(), next(), next()];
  const yamada = await createResident(world.municipality.id, "山田 花子");
  const suzuki = await createResident(world.municipality.id, "鈴木 一郎");
  await db.user.update({ where: { id: yamada.id }, data: { phone: "090-1234-5678", kana: "やまだ はなこ" } });
  await db.user.update({ where: { id: suzuki.id }, data: { phone: "03-1111-2222" } });
  numbers.yamadaSmall = await book(world.municipality, yamada.id, [{ room: world.rooms.small, date: dates[0]! }]);
  numbers.yamadaHall = await book(world.municipality, yamada.id, [{ room: world.rooms.hallA, date: dates[1]! }, { room: world.rooms.small, date: dates[2]! }]);
  // 鈴木さん gave a different number to be called on that day
  numbers.suzuki = await book(world.municipality, suzuki.id, [{ room: world.rooms.hallB, date: dates[2]! }], "080-9999-0000");
  const group = await db.group.create({
    data: { municipalityId: world.municipality.id, representativeId: suzuki.id, name: "あきる野俳句の会", purpose: "俳句", membersCount: 5, activityType: "culture" },
  });
  await db.application.update({ where: { municipalityId: world.municipality.id, number: numbers.suzuki }, data: { groupId: group.id } });
  // the same name and phone in another town: never found from this one
  const twin = await createResident(other.municipality.id, "山田 花子");
  await db.user.update({ where: { id: twin.id }, data: { phone: "090-1234-5678" } });
  numbers.otherTown = await book(other.municipality, twin.id, [{ room: other.rooms.small, date: dates[0]! }]);
});

describe("staff search of applications", () => {
  it("finds one application by its number, and not another town's", async () => {
    expect(await found({ number: numbers.yamadaHall! })).toEqual([numbers.yamadaHall]);
    expect(await found({ number: numbers.otherTown! })).toEqual([]);
    expect(await typed({ number: `${numbers.suzuki}`.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) })).toEqual([numbers.suzuki]);
  });

  it("finds a resident by part of their name, with or without the space, and a group by its name", async () => {
    const yamada = [numbers.yamadaHall, numbers.yamadaSmall];
    expect(await typed({ resident: "山田" })).toEqual(yamada);
    expect(await typed({ resident: "山田花子" })).toEqual(yamada);
    expect(await typed({ resident: "山田　花子" })).toEqual(yamada);
    expect(await typed({ resident: "俳句" })).toEqual([numbers.suzuki]);
    expect(await typed({ resident: "鈴木 一郎" })).toEqual([numbers.suzuki]);
    expect(await typed({ resident: "佐藤" })).toEqual([]);
    // furigana, however it was typed
    for (const kana of ["やまだ", "ヤマダ ハナコ", "ﾔﾏﾀﾞﾊﾅｺ"]) expect(await typed({ resident: kana }), kana).toEqual(yamada);
    // the characters of a LIKE pattern are only characters
    expect(await typed({ resident: "%" })).toEqual([]);
  });

  it("finds a resident by phone, with or without hyphens, in full-width digits, or by the contact phone of an application", async () => {
    const yamada = [numbers.yamadaHall, numbers.yamadaSmall];
    for (const phone of ["090-1234-5678", "09012345678", "０９０１２３４５６７８", "０９０－１２３４－５６７８"]) expect(await typed({ resident: phone })).toEqual(yamada);
    expect(await typed({ resident: "0311112222" })).toEqual([numbers.suzuki]);
    expect(await typed({ resident: "080 9999 0000" })).toEqual([numbers.suzuki]);
    expect(await typed({ resident: "090-0000-1111" })).toEqual([]);
  });

  it("finds applications with a slot in a range of dates of use, either end open", async () => {
    expect(await typed({ from: dates[1]!, to: dates[1]! })).toEqual([numbers.yamadaHall]);
    expect(await typed({ from: dates[2]!.replace(/-/g, "/") })).toEqual([numbers.suzuki, numbers.yamadaHall]);
    expect(await typed({ to: dates[0]! })).toEqual([numbers.yamadaSmall]);
  });

  it("finds applications with a slot in a room, or in any room of a facility, and combines the conditions", async () => {
    expect(await typed({ place: `room:${world.rooms.small.id}` })).toEqual([numbers.yamadaHall, numbers.yamadaSmall]);
    expect(await typed({ place: `room:${world.rooms.hallB.id}` })).toEqual([numbers.suzuki]);
    expect(await typed({ place: `facility:${world.facility.id}` })).toEqual([numbers.suzuki, numbers.yamadaHall, numbers.yamadaSmall]);
    // the same slot must match both: 山田さん's hall slot is not on dates[2]
    expect(await typed({ place: `room:${world.rooms.hallA.id}`, from: dates[2]! })).toEqual([]);
    expect(await typed({ place: `room:${world.rooms.small.id}`, from: dates[2]!, resident: "山田" })).toEqual([numbers.yamadaHall]);
  });

  it("never finds another town's applications, nor takes its rooms", async () => {
    expect(await found({})).toEqual([numbers.suzuki, numbers.yamadaHall, numbers.yamadaSmall]);
    expect(await found({}, other.municipality.id)).toEqual([numbers.otherTown]);
    expect(await typed({ place: `room:${other.rooms.small.id}` })).toBe("UNKNOWN_PLACE");
    expect(await typed({ place: `facility:${other.facility.id}` })).toBe("UNKNOWN_PLACE");
  });

  it("refuses what was typed wrong, field by field", async () => {
    const refused = parseApplicationSearch(new URLSearchParams({ number: "12a", resident: "1234", from: "12月7日", to: "2026-12-01", place: "x" }));
    expect(refused).toMatchObject({ ok: false, problems: { number: "number", resident: "PHONE_LENGTH", from: "date", place: "place" } });
    expect(refused.values).toEqual({ number: "12a", resident: "1234", from: "12月7日", to: "2026-12-01", place: "x" });
    expect(await typed({ from: "2026-12-08", to: "2026-12-01" })).toEqual({ to: "range" });
    expect(await typed({ number: "0" })).toEqual({ number: "number" });
  });

  it("pages through many applications, fifty at a time, newest first, both ways", async () => {
    const town = await createMunicipality();
    const resident = await createResident(town.municipality.id);
    const base = { municipalityId: town.municipality.id, userId: resident.id, purpose: "会議", headcount: 1, contactPhone: "090-0000-0000", totalFee: 0 };
    await db.application.createMany({ data: Array.from({ length: SEARCH_PAGE_SIZE + 5 }, () => ({ ...base, idempotencyKey: randomUUID() })) });
    const all = (await db.application.findMany({ where: { municipalityId: town.municipality.id }, orderBy: { number: "desc" }, select: { number: true } })).map((a) => a.number);
    const page = (cursor: ApplicationSearch["cursor"]) => searchApplications(town.municipality.id, { ...everything, cursor });
    const first = await page(null);
    expect(first).toMatchObject({ ok: true, newer: false, older: true });
    const firstNumbers = first.ok ? first.applications.map((a) => a.number) : [];
    expect(firstNumbers).toEqual(all.slice(0, SEARCH_PAGE_SIZE));
    const second = await page({ before: firstNumbers.at(-1)! });
    expect(second).toMatchObject({ ok: true, newer: true, older: false });
    const secondNumbers = second.ok ? second.applications.map((a) => a.number) : [];
    expect(secondNumbers).toEqual(all.slice(SEARCH_PAGE_SIZE));
    const back = await page({ after: secondNumbers[0]! });
    expect(back.ok && back.applications.map((a) => a.number)).toEqual(firstNumbers);
    expect(back).toMatchObject({ newer: false, older: true });
  });

  it("shows each application's slots, total and what is paid", async () => {
    const result = await searchApplications(world.municipality.id, { ...everything, number: numbers.yamadaHall! });
    expect(result.ok && result.applications[0]).toMatchObject({
      number: numbers.yamadaHall,
      status: "TENTATIVE",
      applicant: "山田 花子",
      paid: 0,
      items: [
        { date: dates[1], frame: "午前", from: "9:00", to: "12:00", facility: "テスト会館", room: "集会室A", cancelled: false },
        { date: dates[2], frame: "午前", room: "学習室" },
      ],
    });
    const group = await searchApplications(world.municipality.id, { ...everything, number: numbers.suzuki! });
    expect(group.ok && group.applications[0]!.applicant).toBe("あきる野俳句の会（鈴木 一郎）");
  });
});

describe("the search's queries go through indexes", () => {
  /** The plan with sequential scans made as costly as possible: one still there has no index to use. */
  async function planOf(search: Partial<ApplicationSearch>, roomIds: string[] | null = null) {
    return db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      const rows = await tx.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${searchSql(world.municipality.id, { ...everything, ...search }, roomIds)}`);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
  }

  it("looks up a number without scanning the applications", async () => {
    const plan = await planOf({ number: numbers.suzuki! });
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).toMatch(/Index (Only )?Scan.*"?Application_/);
  });

  it("looks up phone digits through the expression indexes", async () => {
    const plan = await planOf({ resident: { kind: "phone", digits: "09012345678" } });
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).toMatch(/User_municipalityId_phoneDigits_idx/);
    expect(plan).toMatch(/Application_municipalityId_contactPhoneDigits_idx/);
  });

  // which index serves dates and rooms depends on the tables' sizes; that one can, is what counts
  it("looks up dates of use, rooms and names without scanning a whole table", async () => {
    expect(await planOf({ from: dates[0]!, to: dates[1]! })).not.toMatch(/Seq Scan/);
    expect(await planOf({ from: dates[0]! }, [world.rooms.small.id])).not.toMatch(/Seq Scan/);
    expect(await planOf({ resident: { kind: "name", text: "山田" } })).not.toMatch(/Seq Scan/);
  });
});
