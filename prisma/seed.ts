import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import { addDays, addMonths, dbDateFromIsoDate, instantAt, type IsoDate, monthOf, todayIn, weekday } from "../app/domain/calendar";
import { closureOn, holidayName } from "../app/domain/closures";
import { dayTypeOf, type ExemptionTerms, quoteSlot, scheduleInForce } from "../app/domain/fees";
import { type PurposeCategory } from "../app/domain/purpose-categories";
import { datesIn, monthRange } from "../app/domain/statistics";
import { type PaymentMethod, Prisma, PrismaClient, type Role } from "../app/generated/prisma/client";

/** Password of every demo account (documented in the README). */
export const DEMO_PASSWORD = "tsudoi-demo";

const STANDARD_FRAMES = [
  { key: "am", name: "午前", startMinute: 9 * 60, endMinute: 12 * 60 },
  { key: "pm", name: "午後", startMinute: 13 * 60, endMinute: 17 * 60 },
  { key: "ev", name: "夜間", startMinute: 18 * 60, endMinute: 21 * 60 + 30 },
] as const;

type RoomSeed = {
  key: string;
  name: string;
  capacity: number;
  description: string;
  /** fees for 午前, 午後, 夜間 */
  fees: [number, number, number];
  /** the spaces it occupies; a divisible hall names its halves' spaces */
  spaces: string[];
};

const FACILITIES: {
  key: string;
  name: string;
  /** 名称_カナ of the open data */
  nameKana: string;
  address: string;
  phone: string;
  closedWeekdays: number[];
  spaces: string[];
  rooms: RoomSeed[];
}[] = [
  {
    key: "chuo",
    name: "中央公民館",
    nameKana: "チュウオウコウミンカン",
    address: "東京都あきる野市二宮350",
    phone: "042-000-0101",
    closedWeekdays: [1],
    spaces: ["hall-a", "hall-b", "washitsu", "kitchen"],
    rooms: [
      {
        key: "hall",
        name: "大集会室（A・B通し）",
        capacity: 120,
        description: "集会室AとBをつなげた広い部屋です。",
        fees: [2400, 3200, 3200],
        spaces: ["hall-a", "hall-b"],
      },
      { key: "hall-a", name: "集会室A", capacity: 60, description: "舞台側の半分です。", fees: [1200, 1600, 1600], spaces: ["hall-a"] },
      { key: "hall-b", name: "集会室B", capacity: 60, description: "入口側の半分です。", fees: [1200, 1600, 1600], spaces: ["hall-b"] },
      { key: "washitsu", name: "和室", capacity: 20, description: "12畳の和室です。", fees: [800, 1000, 1000], spaces: ["washitsu"] },
      { key: "kitchen", name: "調理室", capacity: 24, description: "調理台が4台あります。", fees: [1000, 1300, 1300], spaces: ["kitchen"] },
    ],
  },
  {
    key: "itsukaichi",
    name: "五日市地区会館",
    nameKana: "イツカイチチクカイカン",
    address: "東京都あきる野市五日市411",
    phone: "042-000-0202",
    closedWeekdays: [2],
    spaces: ["meeting", "washitsu", "study"],
    rooms: [
      { key: "meeting", name: "会議室", capacity: 30, description: "机といすがあります。", fees: [900, 1200, 1200], spaces: ["meeting"] },
      { key: "washitsu", name: "和室", capacity: 16, description: "8畳の和室です。", fees: [600, 800, 800], spaces: ["washitsu"] },
      { key: "study", name: "学習室", capacity: 12, description: "静かな小部屋です。", fees: [500, 700, 700], spaces: ["study"] },
    ],
  },
];

/**
 * The demo's authenticator key, shared by the demo staff member and operator so that anyone
 * trying Tsudoi can add it to an authenticator app (README). Never used outside the demo.
 */
export const DEMO_TOTP_SECRET = "KRZXK5DPNEQEI3LP";

const USERS: { key: string; email: string; name: string; kana?: string; phone: string; role: Role; totp?: boolean }[] = [
  { key: "yamada", email: "yamada@example.jp", name: "山田 花子", kana: "やまだ はなこ", phone: "090-0000-0001", role: "RESIDENT" },
  { key: "suzuki", email: "suzuki@example.jp", name: "鈴木 一郎", kana: "すずき いちろう", phone: "090-0000-0002", role: "RESIDENT" },
  { key: "tanaka", email: "tanaka@example.jp", name: "田中 正", kana: "たなか ただし", phone: "090-0000-0003", role: "RESIDENT" },
  { key: "manager", email: "kanri@example.jp", name: "佐藤 管理人", phone: "042-000-0101", role: "MANAGER" },
  { key: "staff", email: "shokuin@example.jp", name: "高橋 職員", phone: "042-000-1234", role: "STAFF", totp: true },
  // residents whose past bookings fill the usage statistics (the demo accounts above stay uncluttered)
  { key: "kobayashi", email: "kobayashi@example.jp", name: "小林 和子", phone: "090-0000-0004", role: "RESIDENT" },
  { key: "kato", email: "kato@example.jp", name: "加藤 進", phone: "090-0000-0005", role: "RESIDENT" },
  { key: "yoshida", email: "yoshida@example.jp", name: "吉田 美紀", phone: "090-0000-0006", role: "RESIDENT" },
];
const HISTORY_USERS = ["kobayashi", "kato", "yoshida"];

/** The demo hall manager looks after 中央公民館 only. */
const MANAGED_FACILITIES = ["chuo"];

export const DEMO_OPERATOR = { email: "unyou@example.jp", name: "Tsudoi 運用担当" };

/**
 * The demo municipality "akiruno". Every record has a fixed id and is upserted, so running
 * the seed again changes nothing (dated closures move to stay in the future).
 */
export async function seedDemo(db: PrismaClient, now = new Date()) {
  const m = "demo-akiruno";
  const municipality = {
    slug: "akiruno",
    name: "あきる野市",
    helpPhone: "042-000-1234",
    prefecture: "東京都",
    /** 全国地方公共団体コード: 13228 and its check digit */
    localGovernmentCode: "132284",
  };
  await db.municipality.upsert({
    where: { id: m },
    create: { id: m, ...municipality },
    update: municipality,
  });

  const frameFees: { timeFrameId: string; weekday: number }[] = [];
  for (const [facilityIndex, f] of FACILITIES.entries()) {
    const facilityId = `${m}-${f.key}`;
    const facility = {
      name: f.name,
      nameKana: f.nameKana,
      address: f.address,
      phone: f.phone,
      closedWeekdays: f.closedWeekdays,
      sortOrder: facilityIndex,
    };
    await db.facility.upsert({
      where: { id: facilityId },
      create: { id: facilityId, municipalityId: m, ...facility },
      update: facility,
    });
    for (const space of f.spaces) {
      const id = `${facilityId}-space-${space}`;
      await db.space.upsert({
        where: { id },
        create: { id, municipalityId: m, facilityId, name: space },
        update: {},
      });
    }
    for (const [roomIndex, r] of f.rooms.entries()) {
      const roomId = `${facilityId}-${r.key}`;
      const room = { name: r.name, capacity: r.capacity, description: r.description, sortOrder: roomIndex };
      await db.room.upsert({
        where: { id: roomId },
        create: { id: roomId, municipalityId: m, facilityId, ...room },
        update: room,
      });
      for (const space of r.spaces) {
        const spaceId = `${facilityId}-space-${space}`;
        await db.roomSpace.upsert({
          where: { roomId_spaceId: { roomId, spaceId } },
          create: { municipalityId: m, roomId, spaceId },
          update: {},
        });
      }
      for (const [frameIndex, frame] of STANDARD_FRAMES.entries()) {
        const id = `${roomId}-${frame.key}`;
        const data = {
          name: frame.name,
          startMinute: frame.startMinute,
          endMinute: frame.endMinute,
          sortOrder: frameIndex,
        };
        await db.timeFrame.upsert({
          where: { id },
          create: { id, municipalityId: m, roomId, ...data },
          update: data,
        });
        frameFees.push({ timeFrameId: id, weekday: r.fees[frameIndex]! });
      }
    }
  }

  await seedEquipment(db, m);
  await seedFees(db, m, frameFees, todayIn("Asia/Tokyo", now));

  // A maintenance day three weeks ahead, so the demo always shows a dated closure.
  const maintenance = addDays(todayIn("Asia/Tokyo", now), 21);
  const closure = { date: dbDateFromIsoDate(maintenance), reason: "設備点検のため休館" };
  await db.closedDate.upsert({
    where: { id: `${m}-chuo-maintenance` },
    create: { id: `${m}-chuo-maintenance`, municipalityId: m, facilityId: `${m}-chuo`, ...closure },
    update: closure,
  });

  const passwordHash = await hash(DEMO_PASSWORD);
  for (const u of USERS) {
    const id = `${m}-user-${u.key}`;
    await db.user.upsert({
      where: { id },
      create: {
        id,
        municipalityId: m,
        email: u.email,
        name: u.name,
        kana: u.kana ?? "",
        phone: u.phone,
        role: u.role,
        passwordHash,
        totpSecret: u.totp ? DEMO_TOTP_SECRET : null,
      },
      update: { email: u.email, name: u.name, kana: u.kana ?? "", phone: u.phone, role: u.role },
    });
  }
  for (const facility of MANAGED_FACILITIES) {
    await db.managerFacility.upsert({
      where: { userId_facilityId: { userId: `${m}-user-manager`, facilityId: `${m}-${facility}` } },
      create: { municipalityId: m, userId: `${m}-user-manager`, facilityId: `${m}-${facility}` },
      update: {},
    });
  }
  await db.operator.upsert({
    where: { email: DEMO_OPERATOR.email },
    create: { ...DEMO_OPERATOR, passwordHash, totpSecret: DEMO_TOTP_SECRET },
    update: { name: DEMO_OPERATOR.name },
  });
  await seedGroup(db, m, now);
  const today = todayIn("Asia/Tokyo", now);
  for (const months of [-2, -1]) await seedUsageHistory(db, m, monthOf(addMonths(`${monthOf(today)}-01`, months)));
  await seedHallDays(db, m, now);
}

const EXEMPTIONS = [
  { key: "group", name: "登録団体の活動（5割減額）", percent: 50, coversSurcharges: false, evidencePrompt: "団体の名前と、この日の活動の内容を書いてください。" },
  { key: "disability", name: "障害のある方の団体（免除）", percent: 100, coversSurcharges: true, evidencePrompt: "団体の名前と、会員の障害者手帳などをどう確認できるかを書いてください。" },
  { key: "public", name: "町内会・自治会の公益的な行事（免除）", percent: 100, coversSurcharges: true, evidencePrompt: "町内会・自治会の名前と、行事の内容を書いてください。" },
];

/** Equipment lent with a slot: units per facility and the fee per unit per slot. */
const EQUIPMENT = [
  { key: "projector", facility: "chuo", name: "プロジェクター", stock: 1, fee: 500 },
  { key: "mic", facility: "chuo", name: "ワイヤレスマイク", stock: 4, fee: 100 },
  { key: "piano", facility: "chuo", name: "ピアノ", stock: 1, fee: 1000 },
  { key: "projector", facility: "itsukaichi", name: "プロジェクター", stock: 1, fee: 500 },
];
const equipmentId = (m: string, e: (typeof EQUIPMENT)[number]) => `${m}-${e.facility}-equipment-${e.key}`;

async function seedEquipment(db: PrismaClient, m: string) {
  for (const [sortOrder, e] of EQUIPMENT.entries()) {
    const data = { name: e.name, stock: e.stock, sortOrder };
    await db.equipment.upsert({
      where: { id: equipmentId(m, e) },
      create: { id: equipmentId(m, e), municipalityId: m, facilityId: `${m}-${e.facility}`, ...data },
      update: data,
    });
  }
}

/**
 * Fee rules: weekday fees as listed, weekends and holidays a quarter more; and a revision of
 * +10 % from the first day of the month after next, so the demo shows a fee change within the
 * booking window.
 */
async function seedFees(db: PrismaClient, m: string, frameFees: { timeFrameId: string; weekday: number }[], today: string) {
  const holiday = (fee: number) => Math.round((fee * 1.25) / 100) * 100;
  const revision = `${addMonths(today, 2).slice(0, 8)}01`;
  const schedules = [
    { id: `${m}-fees-base`, effectiveFrom: "2000-01-01", scale: 1 },
    { id: `${m}-fees-revision`, effectiveFrom: revision, scale: 1.1 },
  ];
  for (const schedule of schedules) {
    const effectiveFrom = dbDateFromIsoDate(schedule.effectiveFrom);
    // the base by date (a database migrated from before fee rules already has one); the
    // revision by id, as its date moves with today
    const { id } =
      schedule.scale === 1
        ? await db.feeSchedule.upsert({
            where: { municipalityId_effectiveFrom: { municipalityId: m, effectiveFrom } },
            create: { id: schedule.id, municipalityId: m, effectiveFrom },
            update: {},
          })
        : await db.feeSchedule.upsert({
            where: { id: schedule.id },
            create: { id: schedule.id, municipalityId: m, effectiveFrom },
            update: { effectiveFrom },
          });
    // air-conditioning: 300 yen a slot, revised with the rest
    await db.feeSchedule.update({ where: { id }, data: { airconFee: Math.floor((300 * schedule.scale) / 10) * 10 } });
    for (const e of EQUIPMENT) {
      const amount = Math.floor((e.fee * schedule.scale) / 10) * 10;
      await db.equipmentRate.upsert({
        where: { scheduleId_equipmentId: { scheduleId: id, equipmentId: equipmentId(m, e) } },
        create: { municipalityId: m, scheduleId: id, equipmentId: equipmentId(m, e), amount },
        update: { amount },
      });
    }
    for (const { timeFrameId, weekday } of frameFees) {
      for (const [dayType, base] of [["WEEKDAY", weekday], ["HOLIDAY", holiday(weekday)]] as const) {
        const amount = Math.floor((base * schedule.scale) / 10) * 10;
        await db.feeRate.upsert({
          where: { scheduleId_timeFrameId_dayType: { scheduleId: id, timeFrameId, dayType } },
          create: { municipalityId: m, scheduleId: id, timeFrameId, dayType, amount },
          update: { amount },
        });
      }
    }
  }
  for (const [sortOrder, e] of EXEMPTIONS.entries()) {
    const data = { name: e.name, percent: e.percent, coversSurcharges: e.coversSurcharges, evidencePrompt: e.evidencePrompt, sortOrder };
    await db.exemptionCategory.upsert({
      where: { id: `${m}-exemption-${e.key}` },
      create: { id: `${m}-exemption-${e.key}`, municipalityId: m, ...data },
      update: data,
    });
  }
}

/**
 * 山田さん represents a registered group with the 5割減額 category. It expires in 25 days, so
 * the demo shows its renewal button and the reminder email (in the outbox after the first mail
 * round); every start moves the expiry back to 25 days from then. It agreed to its name on the
 * halls' entrance screens (デジタルサイネージ).
 */
async function seedGroup(db: PrismaClient, m: string, now: Date) {
  const expiresAt = new Date(now.getTime() + 25 * 86_400_000);
  const group = {
    name: "あきる野俳句の会",
    purpose: "月に2回、俳句をつくって発表しあう会です。",
    membersCount: 12,
    activityType: "culture",
    status: "APPROVED" as const,
    exemptionCategoryId: `${m}-exemption-group`,
    approvedAt: new Date(expiresAt.getTime() - 365 * 86_400_000),
    expiresAt,
    showNameOnSignage: true,
  };
  await db.group.upsert({
    where: { id: `${m}-group-haiku` },
    create: { id: `${m}-group-haiku`, municipalityId: m, representativeId: `${m}-user-yamada`, ...group },
    update: { approvedAt: group.approvedAt, expiresAt },
  });
}

/**
 * Bookings at 中央公民館 on the last two days it was open up to today (usually today and
 * yesterday), so the hall manager's day, week and day sheet have something to show and a past
 * day's usage to record: one paid, one to pay at the counter on the day (with microphones),
 * one exempt (the whole hall, which leaves its halves unusable that evening). Their ids carry
 * the date: a start on a later day adds that day's and keeps the old ones as history; a slot
 * that someone booked meanwhile is left to them.
 */
const HALL_DAY = [
  { key: "haiku", user: "yamada", room: "washitsu", frame: "am", purpose: "俳句の会の例会", headcount: 12, group: true, exemption: "group", paid: "CASH" as const, equipment: [] },
  { key: "exercise", user: "suzuki", room: "hall-a", frame: "pm", purpose: "健康体操教室", headcount: 25, group: false, exemption: null, paid: null, equipment: [{ key: "mic", quantity: 2 }] },
  { key: "assembly", user: "tanaka", room: "hall", frame: "ev", purpose: "町内会の総会", headcount: 80, group: false, exemption: "public", paid: null, equipment: [] },
];

async function seedHallDays(db: PrismaClient, m: string, now: Date) {
  const facility = FACILITIES.find((f) => f.key === "chuo")!;
  const closure = { closedWeekdays: facility.closedWeekdays, closedOnHolidays: true, closedAtYearEnd: true, closedDates: new Map<IsoDate, string>() };
  const days: IsoDate[] = [];
  for (let date = todayIn("Asia/Tokyo", now); days.length < 2; date = addDays(date, -1)) {
    if (!closureOn(date, closure)) days.push(date);
  }
  const schedules = (await db.feeSchedule.findMany({ where: { municipalityId: m }, select: { id: true, effectiveFrom: true, roundingUnit: true, nonResidentPercent: true, commercialPercent: true, admissionPercent: true } })).map((s) => ({
    ...s,
    effectiveFrom: s.effectiveFrom.toISOString().slice(0, 10),
  }));
  for (const date of days) {
    const schedule = scheduleInForce(schedules, date)!;
    const dayType = dayTypeOf(weekday(date), holidayName(date) !== null);
    for (const b of HALL_DAY) await seedHallBooking(db, m, now, date, schedule, dayType, b);
  }
}

async function seedHallBooking(
  db: PrismaClient,
  m: string,
  now: Date,
  date: IsoDate,
  schedule: { id: string; roundingUnit: number; nonResidentPercent: number; commercialPercent: number; admissionPercent: number },
  dayType: "WEEKDAY" | "HOLIDAY",
  b: (typeof HALL_DAY)[number],
) {
  const id = `${m}-demo-${date}-${b.key}`;
  if (await db.application.findUnique({ where: { id }, select: { id: true } })) return;
  const room = FACILITIES.find((f) => f.key === "chuo")!.rooms.find((r) => r.key === b.room)!;
  const roomId = `${m}-chuo-${room.key}`;
  const frame = STANDARD_FRAMES.find((f) => f.key === b.frame)!;
  const timeFrameId = `${roomId}-${frame.key}`;
  const startsAt = instantAt(date, frame.startMinute, "Asia/Tokyo");
  const endsAt = instantAt(date, frame.endMinute, "Asia/Tokyo");
  const spaceIds = room.spaces.map((space) => `${m}-chuo-space-${space}`);
  // the exclusion constraint counts every active row, a lapsed hold's too
  const taken = await db.occupancy.count({ where: { municipalityId: m, spaceId: { in: spaceIds }, active: true, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } } });
  if (taken > 0) return;
  const rate = await db.feeRate.findUniqueOrThrow({ where: { scheduleId_timeFrameId_dayType: { scheduleId: schedule.id, timeFrameId, dayType } } });
  const surcharges: { id: string; name: string; unitFee: number; quantity: number }[] = [];
  for (const e of b.equipment) {
    const equipment = EQUIPMENT.find((x) => x.key === e.key && x.facility === "chuo")!;
    const unit = await db.equipmentRate.findUniqueOrThrow({ where: { scheduleId_equipmentId: { scheduleId: schedule.id, equipmentId: equipmentId(m, equipment) } } });
    surcharges.push({ id: equipmentId(m, equipment), name: equipment.name, unitFee: unit.amount, quantity: e.quantity });
  }
  const category = b.exemption ? EXEMPTIONS.find((x) => x.key === b.exemption)! : null;
  const exemption: ExemptionTerms | null = category
    ? { categoryId: `${m}-exemption-${category.key}`, name: category.name, percent: category.percent, coversBase: true, coversAdjustments: false, coversSurcharges: category.coversSurcharges }
    : null;
  const breakdown = quoteSlot({
    baseFee: rate.amount,
    rules: {
      adjustments: { NON_RESIDENT: schedule.nonResidentPercent, COMMERCIAL: schedule.commercialPercent, ADMISSION: schedule.admissionPercent },
      roundingUnit: schedule.roundingUnit,
    },
    facts: { resident: true, commercial: false, admissionCharged: false },
    surcharges,
    exemption,
  });
  const user = USERS.find((u) => u.key === b.user)!;
  const createdAt = new Date(startsAt.getTime() - 14 * 86_400_000);
  await db.$transaction(async (tx) => {
    await tx.application.create({
      data: {
        id,
        municipalityId: m,
        userId: `${m}-user-${user.key}`,
        groupId: b.group ? `${m}-group-haiku` : null,
        status: "CONFIRMED",
        purpose: b.purpose,
        headcount: b.headcount,
        contactPhone: user.phone,
        totalFee: breakdown.total,
        exemptionCategoryId: exemption?.categoryId ?? null,
        exemptionStatus: exemption ? "APPROVED" : "NONE",
        exemptionDecidedAt: exemption ? createdAt : null,
        confirmedAt: createdAt,
        idempotencyKey: id,
        createdAt,
      },
    });
    await tx.applicationItem.create({
      data: {
        id: `${id}-slot`,
        municipalityId: m,
        applicationId: id,
        roomId,
        timeFrameId,
        useDate: dbDateFromIsoDate(date),
        startsAt,
        endsAt,
        fee: breakdown.total,
        feeBreakdown: breakdown,
        occupancies: { create: spaceIds.map((spaceId) => ({ municipalityId: m, spaceId, startsAt, endsAt })) },
        equipmentUses: { create: surcharges.map((s) => ({ municipalityId: m, equipmentId: s.id, quantity: s.quantity })) },
      },
    });
    if (b.paid && breakdown.total > 0) {
      await tx.ledgerEntry.create({
        data: { municipalityId: m, applicationId: id, kind: "PAYMENT", method: b.paid, amount: breakdown.total, receiptNumber: `DEMO-${date.replaceAll("-", "")}`, createdAt },
      });
    }
  });
}

/** Seeds the database at `connectionString` with the demo municipality. */
export async function seedDemoDatabase(connectionString: string, now = new Date()) {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 2 }) });
  try {
    await seedDemo(db, now);
  } finally {
    await db.$disconnect();
  }
}

/** A number in [0, 1) from a text, the same on every run (the history is the same every time). */
function unit(text: string) {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0) / 2 ** 32;
}

const PURPOSES: Record<PurposeCategory, string[]> = {
  meeting: ["町内会の役員会", "自治会の総会", "管理組合の会議"],
  learning: ["パソコン教室", "英会話の勉強会", "料理教室"],
  culture: ["俳句の会", "コーラスの練習", "書道教室", "茶道の稽古"],
  sports: ["体操教室", "ヨガ教室", "健康体操"],
  welfare: ["子育てサロン", "高齢者の交流会", "健康相談会"],
  other: ["説明会", "作品展の準備"],
};
/** How often each kind comes up in the history (adds up to 1). */
const CATEGORY_SHARES: [PurposeCategory, number][] = [["meeting", 0.25], ["learning", 0.2], ["culture", 0.2], ["sports", 0.15], ["welfare", 0.1], ["other", 0.1]];

function categoryFor(x: number): PurposeCategory {
  let sum = 0;
  for (const [category, share] of CATEGORY_SHARES) if (x < (sum += share)) return category;
  return "other";
}

const EXEMPTION_TERMS = (m: string, key: "group" | "public"): ExemptionTerms => {
  const e = EXEMPTIONS.find((x) => x.key === key)!;
  return { categoryId: `${m}-exemption-${key}`, name: e.name, percent: e.percent, coversBase: true, coversAdjustments: false, coversSurcharges: e.coversSurcharges };
};

/**
 * A month of past bookings at both halls, so the usage statistics (利用統計) show something:
 * about a third of the open slots booked, varied purposes, a few cancelled (some refunded), a
 * few exempt, usage records with some no-shows, and payments in cash, at the terminal and
 * online. Written once per month (skipped when that month's history exists), never over a slot
 * someone really booked; a new month's history is added when the demo starts in a later month.
 */
async function seedUsageHistory(db: PrismaClient, m: string, month: string) {
  const marker = `${m}-history-${month}`;
  if ((await db.application.count({ where: { id: { startsWith: marker } } })) > 0) return;
  const range = monthRange(month);
  const from = instantAt(range.from, 0, "Asia/Tokyo");
  const until = instantAt(addDays(range.to, 1), 0, "Asia/Tokyo");
  const taken = await db.occupancy.findMany({
    where: { municipalityId: m, active: true, startsAt: { lt: until }, endsAt: { gt: from } },
    select: { spaceId: true, startsAt: true },
  });
  const busy = new Set(taken.map((o) => `${o.spaceId}@${o.startsAt.toISOString()}`));
  const applications: Prisma.ApplicationCreateManyInput[] = [];
  const items: Prisma.ApplicationItemCreateManyInput[] = [];
  const occupancies: Prisma.OccupancyCreateManyInput[] = [];
  const ledger: Prisma.LedgerEntryCreateManyInput[] = [];
  const days = (date: IsoDate, n: number, hour = 10) => new Date(instantAt(date, hour * 60, "Asia/Tokyo").getTime() + n * 86_400_000);
  const rules = { adjustments: { NON_RESIDENT: 150, COMMERCIAL: 200, ADMISSION: 150 }, roundingUnit: 10 };

  for (const date of datesIn(range)) {
    for (const f of FACILITIES) {
      const facilityId = `${m}-${f.key}`;
      const closure = { closedWeekdays: f.closedWeekdays, closedOnHolidays: true, closedAtYearEnd: true, closedDates: new Map<string, string>() };
      if (closureOn(date, closure)) continue;
      const weekend = weekday(date) === 0 || weekday(date) === 6;
      for (const [frameIndex, frame] of STANDARD_FRAMES.entries()) {
        // the halves before the whole hall, so the hall is booked only when both halves are free
        for (const r of [...f.rooms].sort((a, b) => a.spaces.length - b.spaces.length)) {
          const slot = `${date}-${f.key}-${r.key}-${frame.key}`;
          const x = unit(`${m}:${slot}`);
          const chance = [0.35, 0.45, 0.25][frameIndex]! + (weekend ? 0.15 : 0) - (r.spaces.length > 1 ? 0.2 : 0);
          if (x >= chance) continue;
          const startsAt = instantAt(date, frame.startMinute, "Asia/Tokyo");
          const endsAt = instantAt(date, frame.endMinute, "Asia/Tokyo");
          const spaceIds = r.spaces.map((space) => `${facilityId}-space-${space}`);
          if (spaceIds.some((id) => busy.has(`${id}@${startsAt.toISOString()}`))) continue;
          for (const id of spaceIds) busy.add(`${id}@${startsAt.toISOString()}`);

          const y = unit(`${slot}:details`);
          const id = `${marker}-${slot}`;
          const userKey = HISTORY_USERS[Math.floor(y * HISTORY_USERS.length)]!;
          const category = categoryFor(unit(`${slot}:category`));
          const purposes = PURPOSES[category];
          const baseFee = r.fees[frameIndex]!;
          const dayType = dayTypeOf(weekday(date), holidayName(date) !== null);
          const base = dayType === "HOLIDAY" ? Math.round((baseFee * 1.25) / 100) * 100 : baseFee;
          const exemption = y < 0.06 ? EXEMPTION_TERMS(m, "public") : y < 0.12 ? EXEMPTION_TERMS(m, "group") : null;
          const facts = { resident: y < 0.95, commercial: false, admissionCharged: false };
          const plain = quoteSlot({ baseFee: base, rules, facts });
          const exempt = exemption ? quoteSlot({ baseFee: base, rules, facts, exemption }) : null;
          const breakdown = exempt ?? plain;
          const cancelled = unit(`${slot}:cancelled`) < 0.08;
          const appliedAt = days(date, -Math.floor(3 + y * 20));
          const cancelledAt = cancelled ? days(date, -2) : null;
          const headcount = Math.max(3, Math.round(r.capacity * (0.3 + unit(`${slot}:people`) * 0.5)));
          const method: PaymentMethod = y < 0.5 ? "CASH" : y < 0.8 ? "TERMINAL" : "STRIPE";
          const paid = breakdown.total > 0 && !(cancelled && unit(`${slot}:unpaid`) < 0.5);
          const recorded = !cancelled && unit(`${slot}:record`) < 0.85;
          const noShow = recorded && unit(`${slot}:noshow`) < 0.06;
          applications.push({
            id,
            municipalityId: m,
            userId: `${m}-user-${userKey}`,
            status: cancelled ? "CANCELLED" : "CONFIRMED",
            purpose: purposes[Math.floor(unit(`${slot}:purpose`) * purposes.length)]!,
            purposeCategory: category,
            headcount,
            contactPhone: USERS.find((u) => u.key === userKey)!.phone,
            totalFee: cancelled ? 0 : breakdown.total,
            resident: facts.resident,
            exemptionCategoryId: exemption?.categoryId ?? null,
            exemptionGrounds: exemption ? "地域の行事のため" : "",
            exemptionStatus: exemption ? "APPROVED" : "NONE",
            exemptionDecidedAt: exemption ? appliedAt : null,
            paymentChoice: method === "STRIPE" ? "ONLINE" : "COUNTER",
            confirmedAt: appliedAt,
            cancelledAt,
            idempotencyKey: id,
            createdAt: appliedAt,
          });
          items.push({
            id: `${id}-item`,
            municipalityId: m,
            applicationId: id,
            roomId: `${facilityId}-${r.key}`,
            timeFrameId: `${facilityId}-${r.key}-${frame.key}`,
            useDate: dbDateFromIsoDate(date),
            startsAt,
            endsAt,
            fee: breakdown.total,
            feeBreakdown: breakdown as unknown as Prisma.InputJsonValue,
            exemptBreakdown: (exempt ?? undefined) as unknown as Prisma.InputJsonValue | undefined,
            cancelledAt,
            usageRecordedAt: recorded ? days(date, 0, 22) : null,
            actualHeadcount: recorded && !noShow ? Math.max(1, headcount - Math.floor(unit(`${slot}:came`) * 4)) : null,
            noShow,
          });
          occupancies.push(...spaceIds.map((spaceId) => ({ id: `${id}-${spaceId}`, municipalityId: m, spaceId, itemId: `${id}-item`, startsAt, endsAt, active: !cancelled })));
          if (paid) {
            const paidAt = method === "STRIPE" ? appliedAt : days(date, -1);
            ledger.push({ id: `${id}-paid`, municipalityId: m, applicationId: id, kind: "PAYMENT", method, amount: breakdown.total, receiptNumber: method === "STRIPE" ? "" : `D-${id.slice(-12)}`, createdAt: paidAt });
            if (cancelled) {
              ledger.push({ id: `${id}-refund`, municipalityId: m, applicationId: id, itemId: `${id}-item`, kind: "REFUND", method, amount: -breakdown.total, note: "APPLICANT", createdAt: cancelledAt! });
            }
          }
        }
      }
    }
  }
  await db.$transaction([
    db.application.createMany({ data: applications }),
    db.applicationItem.createMany({ data: items }),
    db.occupancy.createMany({ data: occupancies }),
    db.ledgerEntry.createMany({ data: ledger }),
  ]);
}
