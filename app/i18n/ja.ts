import type { BookingErrorCode } from "~/domain/errors";

/** What a person is told for each booking rule that refused a slot. */
export const bookingErrors: Record<BookingErrorCode, string> = {
  EMPTY_APPLICATION: "枠がひとつも選ばれていません。部屋と日にちを選んでください。",
  TOO_MANY_ITEMS: "一度に申し込める枠は20件までです。2回に分けて申し込んでください。",
  UNKNOWN_ROOM: "この部屋は見つかりません。もう一度、施設から選び直してください。",
  UNKNOWN_TIME_FRAME: "この部屋にはその時間帯がありません。もう一度選び直してください。",
  PAST_DATE: "過ぎた日は予約できません。",
  BOOKING_CLOSED_FOR_DATE:
    "この日のインターネット予約は締め切りました。施設に電話でお問い合わせください。",
  NOT_YET_OPEN: "この日はまだ予約の受付が始まっていません。",
  CLOSED_DAY: "この日は休館日のため予約できません。",
  DUPLICATE_SLOT: "同じ枠が2回選ばれています。ひとつ取り消してください。",
  OVERLAPPING_SLOTS:
    "同じ時間に重なる部屋（大集会室とその半分など）が選ばれています。どちらかを取り消してください。",
  OVER_CAPACITY: "利用人数がこの部屋の定員をこえています。",
  SLOT_TAKEN: "申し訳ありません。この枠は、たった今ほかの方の予約が入りました。",
  NOT_FOUND: "お探しの予約は見つかりません。",
  ALREADY_CANCELLED: "この予約はすでに取り消されているか、利用日を過ぎています。",
};

export const markLabels = {
  free: { symbol: "○", label: "空きあり" },
  partial: { symbol: "△", label: "残りわずか" },
  full: { symbol: "×", label: "満室" },
  closed: { symbol: "－", label: "休館日" },
  outside: { symbol: "", label: "受付期間外" },
} as const;

export const statusLabels = {
  TENTATIVE: "仮予約",
  CONFIRMED: "予約確定",
  CANCELLED: "取消済み",
} as const;

export const weekdayNames = ["日曜", "月曜", "火曜", "水曜", "木曜", "金曜", "土曜"] as const;
