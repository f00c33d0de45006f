/*
 * The open-data export of a municipality's facilities, in the columns of the 自治体標準オープン
 * データセット「公共施設一覧」 (デジタル庁), one row per facility; columns Tsudoi has no data for
 * stay empty. Rooms, which the standard does not describe, are a second file of our own
 * (ADR 0018). Pure: no I/O.
 */

/** The licence every open-data file is published under. */
export const OPEN_DATA_LICENCE = {
  name: "CC BY 4.0",
  title: "クリエイティブ・コモンズ 表示 4.0 国際",
  url: "https://creativecommons.org/licenses/by/4.0/deed.ja",
} as const;

/** The columns of 公共施設一覧, in the standard's order. */
export const PUBLIC_FACILITY_COLUMNS = [
  "全国地方公共団体コード",
  "ID",
  "地方公共団体名",
  "名称",
  "名称_カナ",
  "名称_英字",
  "名称_通称",
  "POIコード",
  "外部識別子",
  "外部識別子の値",
  "所在地_全国地方公共団体コード",
  "町字ID",
  "所在地_連結表記",
  "所在地_都道府県",
  "所在地_市区町村",
  "所在地_町字",
  "所在地_番地以下",
  "建物名等(方書)",
  "緯度",
  "経度",
  "高度の種別",
  "高度の値",
  "電話番号",
  "内線番号",
  "連絡先メールアドレス",
  "連絡先FormURL",
  "連絡先備考（その他、SNSなど）",
  "郵便番号",
  "法人番号",
  "団体名",
  "利用可能曜日",
  "開始時間",
  "終了時間",
  "利用可能時間特記事項",
  "説明",
  "車椅子可",
  "車椅子貸出",
  "ツエ貸出",
  "バリアフリートイレ",
  "スロープ、エレベータ、エスカレータ",
  "点字ブロック等の移動支援",
  "点字や読上による支援",
  "盲導犬・介助犬、聴導犬同伴",
  "字幕",
  "筆談対応",
  "優先駐車場",
  "オストメイト対応トイレ",
  "授乳室",
  "おむつ替えコーナー",
  "飲食可否",
  "ベビーカー貸出",
  "ベビーカー利用",
  "URL",
  "画像",
  "画像_ライセンス",
  "備考",
] as const;
export type PublicFacilityColumn = (typeof PUBLIC_FACILITY_COLUMNS)[number];
export type PublicFacilityRecord = Record<PublicFacilityColumn, string>;

/** The columns of our rooms file: one row per bookable room, tied to its facility by 施設ID. */
export const ROOM_COLUMNS = ["全国地方公共団体コード", "施設ID", "施設名称", "ID", "名称", "定員", "説明", "利用区分", "URL"] as const;
export type RoomColumn = (typeof ROOM_COLUMNS)[number];
export type RoomRecord = Record<RoomColumn, string>;

const WEIGHTS = [6, 5, 4, 3, 2];

/**
 * The check digit of a five-digit 団体コード (総務省: the digits times 6, 5, 4, 3, 2, summed; the
 * last digit of 11 minus the sum's remainder by 11). Akiruno 13228 → 4.
 */
export function checkDigitOf(fiveDigits: string): number {
  if (!/^\d{5}$/.test(fiveDigits)) throw new Error(`not a five-digit code: ${fiveDigits}`);
  const sum = [...fiveDigits].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i]!, 0);
  return (11 - (sum % 11)) % 10;
}

/** Whether `code` is a six-digit 全国地方公共団体コード with the right check digit. */
export function isLocalGovernmentCode(code: string): boolean {
  return /^\d{6}$/.test(code) && checkDigitOf(code.slice(0, 5)) === Number(code[5]);
}

const WEEKDAYS_FROM_MONDAY = [1, 2, 3, 4, 5, 6, 0];
const WEEKDAY_NAMES = ["日", "月", "火", "水", "木", "金", "土"];

/** The days a facility opens, Monday first, comma separated: 火,水,木,金,土,日. */
export function openWeekdays(closedWeekdays: readonly number[]): string {
  return WEEKDAYS_FROM_MONDAY.filter((d) => !closedWeekdays.includes(d))
    .map((d) => WEEKDAY_NAMES[d])
    .join(",");
}

/** 540 → "09:00", as the standard writes times. */
export function clockTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

type Frame = { name: string; startMinute: number; endMinute: number };

export type FacilityFacts = {
  id: string;
  name: string;
  nameKana: string;
  address: string;
  phone: string;
  closedWeekdays: readonly number[];
  url: string;
  rooms: readonly { id: string; name: string; capacity: number; description: string; url: string; frames: readonly Frame[] }[];
};

export type PublisherFacts = {
  localGovernmentCode: string | null;
  prefecture: string;
  name: string;
  closedOnHolidays: boolean;
  closedAtYearEnd: boolean;
};

/** The closures the weekdays do not say: holidays and the year end. */
function closureNote(publisher: PublisherFacts): string {
  const closed = [publisher.closedOnHolidays ? "祝日" : null, publisher.closedAtYearEnd ? "年末年始（12月29日〜1月3日）" : null].filter(Boolean);
  return closed.length > 0 ? `${closed.join("と")}は休館` : "";
}

/** One facility as a row of 公共施設一覧: what we know, every other column empty. */
export function facilityRecord(publisher: PublisherFacts, facility: FacilityFacts): PublicFacilityRecord {
  const record = Object.fromEntries(PUBLIC_FACILITY_COLUMNS.map((c) => [c, ""])) as PublicFacilityRecord;
  const frames = facility.rooms.flatMap((r) => r.frames);
  const opens = frames.length > 0 ? Math.min(...frames.map((f) => f.startMinute)) : null;
  const closes = frames.length > 0 ? Math.max(...frames.map((f) => f.endMinute)) : null;
  return Object.assign(record, {
    全国地方公共団体コード: publisher.localGovernmentCode ?? "",
    ID: facility.id,
    地方公共団体名: `${publisher.prefecture}${publisher.name}`,
    名称: facility.name,
    名称_カナ: facility.nameKana,
    所在地_連結表記: facility.address,
    電話番号: facility.phone,
    利用可能曜日: openWeekdays(facility.closedWeekdays),
    開始時間: opens === null ? "" : clockTime(opens),
    終了時間: closes === null ? "" : clockTime(closes),
    利用可能時間特記事項: closureNote(publisher),
    説明: facility.rooms.length > 0 ? `貸し出す部屋：${facility.rooms.map((r) => `${r.name}（定員${r.capacity}人）`).join("、")}` : "",
    URL: facility.url,
  } satisfies Partial<PublicFacilityRecord>);
}

/** Each room of a facility as a row of the rooms file; time frames joined by semicolons. */
export function roomRecords(publisher: PublisherFacts, facility: FacilityFacts): RoomRecord[] {
  return facility.rooms.map((room) => ({
    全国地方公共団体コード: publisher.localGovernmentCode ?? "",
    施設ID: facility.id,
    施設名称: facility.name,
    ID: room.id,
    名称: room.name,
    定員: String(room.capacity),
    説明: room.description,
    利用区分: room.frames.map((f) => `${f.name} ${clockTime(f.startMinute)}-${clockTime(f.endMinute)}`).join(";"),
    URL: room.url,
  }));
}

/**
 * The JSON file: who publishes it under which licence, then each facility with the same keys
 * as the CSV's columns and its rooms (the rows of the rooms file) under 部屋.
 */
export function openDataDocument(publisher: PublisherFacts, facilities: readonly FacilityFacts[]) {
  return {
    データセット: "公共施設一覧",
    全国地方公共団体コード: publisher.localGovernmentCode ?? "",
    地方公共団体名: `${publisher.prefecture}${publisher.name}`,
    ライセンス: { 名称: OPEN_DATA_LICENCE.name, URL: OPEN_DATA_LICENCE.url },
    公共施設: facilities.map((f) => ({ ...facilityRecord(publisher, f), 部屋: roomRecords(publisher, f) })),
  };
}
