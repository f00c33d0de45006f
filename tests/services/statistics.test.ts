import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import type { RequestedSlot } from "~/domain/booking-rules";
import { cancelBooking, cancelForMunicipality, submitApplication } from "~/services/booking.server";
import { findMunicipality, type Municipality } from "~/services/catalog.server";
import { decideExemption } from "~/services/exemptions.server";
import { recordUsage } from "~/services/hall-bookings.server";
import { configureMailer } from "~/services/mail.server";
import { expireDueHolds, recordCounterPayment, reverseLedgerEntry } from "~/services/payments.server";
import { detailBatches, statisticsCsv, statisticsTables, statisticsWorkbook, type UsageStatistics, usageStatistics } from "~/services/statistics.server";
import { BOM } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { addRoom, closeDate, createMunicipality, createResident } from "../factories/municipality";

configureMailer(null);

/**
 * A hand-made November 2025 in a town that confirms counter-payment applications at once.
 *
 * Calendar: テスト会館 is closed on Mondays (3, 10, 17, 24), on 勤労感謝の日 (Sun 23) and on a
 * dated closure (Thu 20): 24 open days × 4 rooms × 3 frames = 288 slots offered. 分館 closes on
 * holidays (3, 23, 24) and its own dated closure (Fri 21): 26 days × 1 room × 3 frames = 78.
 * Together 366.
 *
 * Fees (test schedule): 午前 1,200, 午後 and 夜間 1,600 on weekdays; +300 on Saturdays.
 *
 * | app | room    | frame | date        | what happens                          | fee   | people |
 * | A1  | 学習室  | 午前  | Tue 11/4    | booked, came: 4 (applied 5)           | 1,200 | 4      |
 * | A2  | 集会室A | 午後  | Sat 11/8    | booked, no-show                       | 1,900 | 0      |
 * | A3  | 大集会室| 夜間  | Sat 11/15   | booked, 5割減額 approved (−950)       |   950 | 80     |
 * | A4  | 学習室  | 午後  | Wed 11/5    | booked                                | 1,600 | 8      |
 * | A4  | 学習室  | 夜間  | Wed 11/5    | cancelled by the applicant (refunded) |       |        |
 * | A5  | 集会室B | 午前  | Wed 11/12   | cancelled by the municipality         |       |        |
 * | A6  | 学習室  | 午前  | Sat 11/22   | booked, no category chosen (その他)   | 1,500 | 6      |
 * | A7  | 集会室A | 午前  | Wed 11/26   | hold expired (swept): neither         |       |        |
 * | A8  | 集会室B | 夜間  | Wed 11/19   | booked, exemption pending (not granted)| 1,600 | 12     |
 * | A9  | 大集会室| 午前  | Sat 11/29   | hold ran out, not swept: neither      |       |        |
 * | A10 | 会議室  | 午前  | Mon 11/17   | booked (分館), came: 12 (applied 15)  | 1,200 | 12     |
 *
 * Money, recorded today (the ledger dates entries when they are written): A1 cash 1,200; A2 cash
 * 1,900 reversed, then terminal 1,900; A4 cash 3,200, refund −1,600 on cancelling a slot; A6
 * online 1,500; A10 terminal 1,200.
 */
const NOVEMBER = { from: "2025-11-01", to: "2025-11-30" };
const at = (iso: string) => new Date(iso);
const BOOKED_BY = at("2025-10-20T00:00:00Z");
const LATER = at("2025-10-25T00:00:00Z");
/** when the statistics are asked for */
const NOW = at("2025-12-01T03:00:00Z");

let town: Municipality;
let world: Awaited<ReturnType<typeof createMunicipality>>;
let annex: { id: string };
let meetingRoom: Awaited<ReturnType<typeof addRoom>>;
let staffId: string;
const numbers: Record<string, number> = {};

type Rooms = Awaited<ReturnType<typeof createMunicipality>>["rooms"];
const frame = (room: { id: string; frames: { id: string }[] }, i: number, date: string): RequestedSlot => ({ roomId: room.id, timeFrameId: room.frames[i]!.id, date });

async function apply(
  key: string,
  userId: string,
  slots: RequestedSlot[],
  options: { category?: string; headcount: number; now?: Date; holdAtCounter?: boolean; exemptionCategoryId?: string },
) {
  const result = await submitApplication(
    options.holdAtCounter ? { ...town, confirmBeforePayment: false } : town,
    userId,
    {
      slots,
      purpose: `${key}の集まり`,
      purposeCategory: options.category,
      headcount: options.headcount,
      contactPhone: "090-0000-0000",
      exemption: options.exemptionCategoryId ? { categoryId: options.exemptionCategoryId, grounds: "地域の行事" } : null,
      idempotencyKey: randomUUID(),
    },
    options.now ?? BOOKED_BY,
  );
  if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result.problems)}`);
  numbers[key] = result.number;
  const items = await db.applicationItem.findMany({ where: { applicationId: result.applicationId }, orderBy: { startsAt: "asc" }, select: { id: true } });
  return { id: result.applicationId, number: result.number, items: items.map((i) => i.id) };
}

async function pay(key: string, method: "CASH" | "TERMINAL", amount: number) {
  const result = await recordCounterPayment(town, staffId, numbers[key]!, { method, amount, receiptNumber: `R-${key}` }, BOOKED_BY);
  if (!result.ok) throw new Error(`${key}: ${JSON.stringify(result)}`);
}

beforeAll(async () => {
  world = await createMunicipality();
  await db.municipality.update({ where: { id: world.municipality.id }, data: { confirmBeforePayment: true } });
  town = (await findMunicipality(world.municipality.slug))!;
  const rooms: Rooms = world.rooms;
  annex = await db.facility.create({ data: { municipalityId: town.id, name: "分館", address: "-", phone: "-", closedWeekdays: [], sortOrder: 1 } });
  const space = await db.space.create({ data: { municipalityId: town.id, facilityId: annex.id, name: "会議室" } });
  meetingRoom = await addRoom({ municipalityId: town.id, facilityId: annex.id, scheduleId: world.schedule.id }, "会議室", 30, [space.id], 0);
  await closeDate(town.id, world.facility.id, "2025-11-20");
  // 分館's own closure closes 分館 only
  await closeDate(town.id, annex.id, "2025-11-21");
  const halfOff = await db.exemptionCategory.create({ data: { municipalityId: town.id, name: "地域行事（5割減額）", percent: 50, needsApproval: true } });
  const staff = await createResident(town.id, "職員");
  await db.user.update({ where: { id: staff.id }, data: { role: "STAFF" } });
  staffId = staff.id;
  const [r1, r2, r3] = [await createResident(town.id, "一"), await createResident(town.id, "二"), await createResident(town.id, "三")];

  const a1 = await apply("A1", r1.id, [frame(rooms.small, 0, "2025-11-04")], { category: "learning", headcount: 5 });
  const a2 = await apply("A2", r1.id, [frame(rooms.hallA, 1, "2025-11-08")], { category: "sports", headcount: 30 });
  const a3 = await apply("A3", r2.id, [frame(rooms.hall, 2, "2025-11-15")], { category: "culture", headcount: 80, exemptionCategoryId: halfOff.id });
  const a4 = await apply("A4", r2.id, [frame(rooms.small, 1, "2025-11-05"), frame(rooms.small, 2, "2025-11-05")], { category: "meeting", headcount: 8 });
  const a5 = await apply("A5", r3.id, [frame(rooms.hallB, 0, "2025-11-12")], { category: "welfare", headcount: 20 });
  await apply("A6", r3.id, [frame(rooms.small, 0, "2025-11-22")], { headcount: 6 });
  await apply("A7", r1.id, [frame(rooms.hallA, 0, "2025-11-26")], { category: "meeting", headcount: 10, holdAtCounter: true });
  await apply("A8", r2.id, [frame(rooms.hallB, 2, "2025-11-19")], { category: "meeting", headcount: 12, exemptionCategoryId: halfOff.id });
  const a10 = await apply("A10", r1.id, [frame(meetingRoom, 0, "2025-11-17")], { category: "learning", headcount: 15 });

  expect(await decideExemption(town, staffId, a3.id, { approve: true, reason: "" }, LATER)).toMatchObject({ ok: true });
  await pay("A1", "CASH", 1200);
  await pay("A2", "CASH", 1900);
  const mistaken = await db.ledgerEntry.findFirstOrThrow({ where: { applicationId: a2.id, kind: "PAYMENT" } });
  expect(await reverseLedgerEntry(town, staffId, mistaken.id, "端末で払われていた")).toEqual({ ok: true });
  await pay("A2", "TERMINAL", 1900);
  await pay("A4", "CASH", 3200);
  expect(await cancelBooking(town, r2.id, a4.id, a4.items[1], LATER)).toEqual({ ok: true });
  expect(await cancelForMunicipality(town, staffId, a5.id, "臨時休館", LATER)).toMatchObject({ ok: true, refund: 0 });
  // paid online: Stripe's webhook writes this entry (payments tests cover that path)
  const a6 = await db.application.findFirstOrThrow({ where: { number: numbers.A6 } });
  await db.ledgerEntry.create({ data: { municipalityId: town.id, applicationId: a6.id, kind: "PAYMENT", method: "STRIPE", amount: 1500, stripePaymentIntentId: "pi_test_a6" } });
  await pay("A10", "TERMINAL", 1200);
  expect(await expireDueHolds(at("2025-11-01T00:00:00Z"), { municipalityId: town.id })).toBe(1); // A7
  await apply("A9", r3.id, [frame(rooms.hall, 0, "2025-11-29")], { category: "culture", headcount: 50, now: at("2025-11-20T00:00:00Z"), holdAtCounter: true });

  const staffUser = { id: staffId, role: "STAFF" as const };
  expect(await recordUsage(town, staffUser, a1.items[0]!, { noShow: false, actualHeadcount: 4, note: "" }, NOW)).toEqual({ ok: true });
  expect(await recordUsage(town, staffUser, a2.items[0]!, { noShow: true, note: "連絡なし" }, NOW)).toEqual({ ok: true });
  expect(await recordUsage(town, staffUser, a10.items[0]!, { noShow: false, actualHeadcount: 12, note: "" }, NOW)).toEqual({ ok: true });

  // another town, the same month: none of it may show here
  const other = await createMunicipality();
  const stranger = await createResident(other.municipality.id);
  const elsewhere = await submitApplication({ ...other.municipality, confirmBeforePayment: true }, stranger.id, { slots: [frame(other.rooms.small, 0, "2025-11-04")], purpose: "よその会議", headcount: 3, contactPhone: "090-0000-0000", idempotencyKey: randomUUID() }, BOOKED_BY);
  expect(elsewhere.ok).toBe(true);
}, 120_000);

const figures = (offered: number | null, booked: number, cancelled: number, noShows: number, headcount: number, fees: number, exemptions = 0, exemptionYen = 0) => ({
  offered,
  booked,
  rate: offered ? booked / offered : null,
  cancelled,
  noShows,
  headcount,
  fees,
  exemptions,
  exemptionYen,
});

describe("usage statistics of a period", () => {
  let stats: UsageStatistics;
  beforeAll(async () => {
    stats = (await usageStatistics(town, { ...NOVEMBER, facilityId: null }, NOW))!;
  });

  it("totals every slot offered and booked, with cancellations, no-shows, people, fees and exemptions", () => {
    // booked: A1 A2 A3 A4 A6 A8 A10; cancelled: A4's evening, A5; people 4+0+80+8+6+12+12;
    // fees 1,200+1,900+950+1,600+1,500+1,600+1,200; the one exemption granted is A3's 950
    expect(stats.total).toMatchObject(figures(366, 7, 2, 1, 122, 9950, 1, 950));
  });

  it("by facility", () => {
    expect(stats.facilities.map((f) => [f.name, f])).toEqual([
      ["テスト会館", expect.objectContaining(figures(288, 6, 2, 1, 110, 8750, 1, 950))],
      ["分館", expect.objectContaining(figures(78, 1, 0, 0, 12, 1200))],
    ]);
  });

  it("by room", () => {
    expect(stats.rooms.map((r) => [r.name, r])).toEqual([
      ["大集会室", expect.objectContaining(figures(72, 1, 0, 0, 80, 950, 1, 950))],
      ["集会室A", expect.objectContaining(figures(72, 1, 0, 1, 0, 1900))],
      ["集会室B", expect.objectContaining(figures(72, 1, 1, 0, 12, 1600))],
      ["学習室", expect.objectContaining(figures(72, 3, 1, 0, 18, 4300))],
      ["会議室", expect.objectContaining(figures(78, 1, 0, 0, 12, 1200))],
    ]);
  });

  it("by time frame", () => {
    // each frame: 24 days × 4 rooms + 26 days × 1 room = 122
    expect(stats.frames.map((f) => [f.name, f])).toEqual([
      ["午前", expect.objectContaining(figures(122, 3, 1, 0, 22, 3900))],
      ["午後", expect.objectContaining(figures(122, 2, 0, 1, 8, 3500))],
      ["夜間", expect.objectContaining(figures(122, 2, 1, 0, 92, 2550, 1, 950))],
    ]);
  });

  it("by weekday, with the Saturday (holiday-rate) fees", () => {
    // Mondays: テスト会館 closed, 分館 open on 10 and 17 only (3 and 24 are holidays);
    // Thursdays lose 11/20 at テスト会館, Fridays 11/21 at 分館; Sundays lose 11/23 at both
    expect(stats.weekdays.map((w) => [w.weekday, w])).toEqual([
      [1, expect.objectContaining(figures(6, 1, 0, 0, 12, 1200))],
      [2, expect.objectContaining(figures(60, 1, 0, 0, 4, 1200))],
      [3, expect.objectContaining(figures(60, 2, 2, 0, 20, 3200))],
      [4, expect.objectContaining(figures(48, 0, 0, 0, 0, 0))],
      [5, expect.objectContaining(figures(57, 0, 0, 0, 0, 0))],
      // 1,900 (午後 1,600 + 300) + 950 (夜間 1,900 half off) + 1,500 (午前 1,200 + 300)
      [6, expect.objectContaining(figures(75, 3, 0, 1, 86, 4350, 1, 950))],
      [0, expect.objectContaining(figures(60, 0, 0, 0, 0, 0))],
    ]);
  });

  it("by month", () => {
    expect(stats.months).toEqual([expect.objectContaining({ month: "2025-11", ...figures(366, 7, 2, 1, 122, 9950, 1, 950) })]);
    const twoMonths = (await_: UsageStatistics) => await_.months.map((m) => [m.month, m.offered, m.booked]);
    return usageStatistics(town, { from: "2025-10-30", to: "2025-11-04", facilityId: null }, NOW).then((s) => {
      // 10/30 Thu, 10/31 Fri: 15 slots each; 11/1 Sat, 11/2 Sun: 15; 11/3 holiday; 11/4 Tue: 15
      expect(twoMonths(s!)).toEqual([["2025-10", 30, 0], ["2025-11", 45, 1]]);
    });
  });

  it("by purpose category", () => {
    expect(stats.purposes.map((p) => [p.category, p])).toEqual([
      ["meeting", expect.objectContaining(figures(null, 2, 1, 0, 20, 3200))],
      ["learning", expect.objectContaining(figures(null, 2, 0, 0, 16, 2400))],
      ["culture", expect.objectContaining(figures(null, 1, 0, 0, 80, 950, 1, 950))],
      ["sports", expect.objectContaining(figures(null, 1, 0, 1, 0, 1900))],
      ["welfare", expect.objectContaining(figures(null, 0, 1, 0, 0, 0))],
      ["other", expect.objectContaining(figures(null, 1, 0, 0, 6, 1500))],
    ]);
  });

  it("counts money by the day it was recorded, by payment method, refunds and reversals signed", async () => {
    expect(stats.revenue.find((r) => r.method === "TOTAL")).toMatchObject({ net: 0, entries: 0 });
    const today = todayIn(town.timeZone, new Date());
    const recent = (await usageStatistics(town, { from: addDays(today, -1), to: addDays(today, 1), facilityId: null }, NOW))!;
    expect(recent.revenue).toEqual([
      { method: "CASH", payments: 6300, refunds: -1600, reversals: -1900, net: 2800, entries: 5 },
      { method: "TERMINAL", payments: 3100, refunds: 0, reversals: 0, net: 3100, entries: 2 },
      { method: "STRIPE", payments: 1500, refunds: 0, reversals: 0, net: 1500, entries: 1 },
      { method: "TOTAL", payments: 10900, refunds: -1600, reversals: -1900, net: 7400, entries: 8 },
    ]);
    const annexOnly = (await usageStatistics(town, { from: addDays(today, -1), to: addDays(today, 1), facilityId: annex.id }, NOW))!;
    expect(annexOnly.revenue.find((r) => r.method === "TOTAL")).toMatchObject({ payments: 1200, net: 1200, entries: 1 });
  });

  it("narrows everything to one facility, and knows no other town's facility", async () => {
    const hall = (await usageStatistics(town, { ...NOVEMBER, facilityId: world.facility.id }, NOW))!;
    expect(hall.facilityName).toBe("テスト会館");
    expect(hall.total).toMatchObject(figures(288, 6, 2, 1, 110, 8750, 1, 950));
    expect(hall.rooms.map((r) => r.name)).toEqual(["大集会室", "集会室A", "集会室B", "学習室"]);
    expect(hall.weekdays[0]).toMatchObject(figures(0, 0, 0, 0, 0, 0));
    const other = await createMunicipality();
    expect(await usageStatistics(town, { ...NOVEMBER, facilityId: other.facility.id }, NOW)).toBeNull();
  });
});

async function readAll(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
  return { chunks, bytes: Buffer.concat(chunks) };
}

/** Plain CSV back into rows (these files have no quoted cells). */
function parseCsv(text: string) {
  expect(text.startsWith(BOM)).toBe(true);
  const body = text.slice(BOM.length);
  expect(body.endsWith("\r\n")).toBe(true);
  expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  return body.slice(0, -2).split("\r\n").map((line) => line.split(","));
}

describe("the detail, read in batches", () => {
  it("returns every booked and cancelled slot once, in date order, across batches", async () => {
    const batches: number[][] = [];
    const seen: string[] = [];
    for await (const batch of detailBatches(town.id, { ...NOVEMBER, facilityId: null }, NOW, 2)) {
      batches.push(batch.map((r) => r.number));
      seen.push(...batch.map((r) => `${r.date} ${r.frame} ${r.room} ${r.booked ? "booked" : "cancelled"}`));
    }
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 2, 1]);
    expect(seen).toEqual([
      "2025-11-04 午前 学習室 booked",
      "2025-11-05 午後 学習室 booked",
      "2025-11-05 夜間 学習室 cancelled",
      "2025-11-08 午後 集会室A booked",
      "2025-11-12 午前 集会室B cancelled",
      "2025-11-15 夜間 大集会室 booked",
      "2025-11-17 午前 会議室 booked",
      "2025-11-19 夜間 集会室B booked",
      "2025-11-22 午前 学習室 booked",
    ]);
  });
});

describe("CSV for Japanese Excel", () => {
  it("has the BOM, CRLF and Japanese headings, and reads back to the same figures", async () => {
    const csv = (await statisticsCsv(town, { ...NOVEMBER, facilityId: null }, "room", NOW))!;
    expect(csv.fileName).toEqual({ name: "利用統計_部屋別_2025-11-01_2025-11-30.csv", ascii: "usage-statistics_room_2025-11-01_2025-11-30.csv" });
    const rows = parseCsv((await readAll(csv.body)).bytes.toString("utf8"));
    expect(rows[0]).toEqual(["施設", "部屋", "提供枠", "予約枠", "利用率（%）", "取消枠", "無断欠席", "利用人数", "使用料（円）", "減免（枠）", "減免額（円）"]);
    expect(rows.slice(1)).toEqual([
      ["テスト会館", "大集会室", "72", "1", "1.4", "0", "0", "80", "950", "1", "950"],
      ["テスト会館", "集会室A", "72", "1", "1.4", "0", "1", "0", "1900", "0", "0"],
      ["テスト会館", "集会室B", "72", "1", "1.4", "1", "0", "12", "1600", "0", "0"],
      ["テスト会館", "学習室", "72", "3", "4.2", "1", "0", "18", "4300", "0", "0"],
      ["分館", "会議室", "78", "1", "1.3", "0", "0", "12", "1200", "0", "0"],
      ["合計", "", "366", "7", "1.9", "2", "1", "122", "9950", "1", "950"],
    ]);
  });

  it("writes the purpose and payment breakdowns with their own columns", async () => {
    const purpose = parseCsv((await readAll((await statisticsCsv(town, { ...NOVEMBER, facilityId: null }, "purpose", NOW))!.body)).bytes.toString("utf8"));
    expect(purpose[0]).toEqual(["利用の種類", "予約枠", "取消枠", "無断欠席", "利用人数", "使用料（円）", "減免（枠）", "減免額（円）"]);
    expect(purpose[1]).toEqual(["会議・地域活動", "2", "1", "0", "20", "3200", "0", "0"]);
    const today = todayIn(town.timeZone, new Date());
    const money = parseCsv((await readAll((await statisticsCsv(town, { from: today, to: today, facilityId: null }, "payment", NOW))!.body)).bytes.toString("utf8"));
    expect(money[0]).toEqual(["支払方法", "入金（円）", "返金（円）", "訂正（円）", "差し引き（円）", "件数"]);
    expect(money.at(-1)).toEqual(["合計", "10900", "-1600", "-1900", "7400", "8"]);
  });

  it("streams the detail a batch at a time, one row per slot, without names", async () => {
    const csv = (await statisticsCsv(town, { ...NOVEMBER, facilityId: null }, "detail", NOW, { batchSize: 2 }))!;
    const { chunks, bytes } = await readAll(csv.body);
    // the heading, then one chunk per batch of two slots: written as they are read
    expect(chunks).toHaveLength(1 + 5);
    const rows = parseCsv(bytes.toString("utf8"));
    expect(rows[0]).toEqual([
      "申込番号", "利用日", "曜日", "施設", "部屋", "時間帯", "開始", "終了", "区分", "申込の状態", "利用の種類",
      "申込の人数", "利用実績の人数", "無断欠席", "集計した人数", "使用料（円）", "減免", "減免額（円）", "取消料（円）",
    ]);
    expect(rows).toHaveLength(10);
    const byNumber = (key: string) => rows.filter((r) => r[0] === String(numbers[key]));
    expect(byNumber("A1")).toEqual([[String(numbers.A1), "2025-11-04", "火", "テスト会館", "学習室", "午前", "9:00", "12:00", "予約", "確定", "学習・講座", "5", "4", "", "4", "1200", "", "", ""]]);
    expect(byNumber("A2")[0]!.slice(11, 16)).toEqual(["30", "", "はい", "0", "1900"]);
    expect(byNumber("A3")[0]!.slice(15)).toEqual(["950", "地域行事（5割減額）", "950", ""]);
    expect(byNumber("A4").map((r) => [r[7], r[8], r[15], r[18]])).toEqual([["17:00", "予約", "1600", ""], ["21:30", "取消", "", "0"]]);
    expect(byNumber("A8")[0]!.slice(8, 10)).toEqual(["予約", "仮予約"]);
    expect(byNumber("A7")).toEqual([]);
    expect(byNumber("A9")).toEqual([]);
    expect(bytes.toString("utf8")).not.toContain("の集まり");
    // the rows add up to the room table
    const bookedRows = rows.slice(1).filter((r) => r[8] === "予約");
    expect(bookedRows.reduce((sum, r) => sum + Number(r[15]), 0)).toBe(9950);
  });
});

describe("the xlsx workbook", () => {
  it("opens in exceljs with a sheet per breakdown and the detail, holding the same figures", async () => {
    const workbook = (await statisticsWorkbook(town, { ...NOVEMBER, facilityId: world.facility.id }, NOW, { batchSize: 2 }))!;
    expect(workbook.fileName.name).toBe("利用統計_テスト会館_2025-11-01_2025-11-30.xlsx");
    const { bytes } = await readAll(workbook.body);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(["集計", "施設別", "部屋別", "時間帯別", "曜日別", "月別", "利用の種類別", "支払方法別の収入", "明細"]);
    const values = (sheet: string) => book.getWorksheet(sheet)!.getSheetValues().slice(1).map((row) => (row as ExcelJS.CellValue[]).slice(1));
    const summary = Object.fromEntries(values("集計").map(([k, v]) => [k, v]));
    expect(summary).toMatchObject({ 施設: "テスト会館", 提供枠: 288, 予約枠: 6, 取消枠: 2, 無断欠席: 1, 利用人数: 110, "使用料（円）": 8750, "減免（枠）": 1, "減免額（円）": 950 });
    expect(summary["利用率（%）"]).toBeCloseTo(6 / 288);
    expect(values("部屋別")[4]).toEqual(["テスト会館", "学習室", 72, 3, 3 / 72, 1, 0, 18, 4300, 0, 0]);
    expect(values("部屋別")[5]!.slice(0, 4)).toEqual(["合計", undefined, 288, 6]);
    expect(values("明細")).toHaveLength(1 + 8); // 分館's slot is outside the facility asked for
    expect(values("明細")[1]!.slice(0, 5)).toEqual([numbers.A1, "2025-11-04", "火", "テスト会館", "学習室"]);
    expect(book.getWorksheet("部屋別")!.getCell("E2").numFmt).toBe("0.0%");
  });

  it("is the same tables the page shows", () => {
    return usageStatistics(town, { ...NOVEMBER, facilityId: null }, NOW).then((s) => {
      const tables = statisticsTables(s!);
      expect(tables.map((x) => x.id)).toEqual(["facility", "room", "frame", "weekday", "month", "purpose", "payment"]);
      const weekdays = tables.find((x) => x.id === "weekday")!;
      expect(weekdays.rows.map((r) => r[0])).toEqual(["月", "火", "水", "木", "金", "土", "日"]);
      expect(weekdays.chart.bars.find((b) => b.label === "土")!.ratio).toBeCloseTo(3 / 75);
    });
  });
});
