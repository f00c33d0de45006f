/**
 * The hall manager's day: what each application owes as the counter sees it, each room's time
 * frames booked or free, and which days may have their usage recorded. Pure: the services
 * bring the rows and sums from the database.
 */
import { addDays, type IsoDate } from "./calendar";

export type ApplicationMoney = {
  status: "TENTATIVE" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
  /** what the application costs now (after cancellations and exemptions) */
  totalFee: number;
  /** the ledger's sum: payments less refunds and reversals */
  paid: number;
  /** money given back so far (refunds, as a positive number) */
  refunded: number;
  exemptionStatus: "NONE" | "PENDING" | "APPROVED" | "REJECTED";
  paymentChoice: "COUNTER" | "ONLINE";
};

/**
 * How an application stands with money, in the words the hall uses:
 * PAID 支払い済み, PARTLY_REFUNDED 支払い済み（一部返金）, EXEMPT 減免で無料, FREE 無料,
 * EXEMPTION_PENDING 減免の確認待ち, PAY_ON_THE_DAY 当日窓口払い (confirmed, nothing paid yet),
 * UNPAID 未払い (held until paid at the counter), PAYING_ONLINE インターネットで支払い中,
 * PARTLY_PAID 一部支払い.
 */
export type HallPaymentState =
  | { code: "PAID" | "EXEMPT" | "FREE" }
  | { code: "PARTLY_REFUNDED"; refunded: number }
  | { code: "EXEMPTION_PENDING" | "PAY_ON_THE_DAY" | "UNPAID" | "PAYING_ONLINE" | "PARTLY_PAID"; due: number };

export function hallPaymentState(a: ApplicationMoney): HallPaymentState {
  const due = Math.max(0, a.totalFee - a.paid);
  if (a.exemptionStatus === "PENDING") return { code: "EXEMPTION_PENDING", due };
  if (a.totalFee <= 0 && a.paid <= 0 && a.refunded <= 0) return { code: a.exemptionStatus === "APPROVED" ? "EXEMPT" : "FREE" };
  if (due === 0) return a.refunded > 0 ? { code: "PARTLY_REFUNDED", refunded: a.refunded } : { code: "PAID" };
  if (a.paid > 0) return { code: "PARTLY_PAID", due };
  if (a.status === "CONFIRMED") return { code: "PAY_ON_THE_DAY", due };
  return a.paymentChoice === "ONLINE" ? { code: "PAYING_ONLINE", due } : { code: "UNPAID", due };
}

/** What is still to be paid in the state (0 when nothing is). */
export function dueOf(state: HallPaymentState) {
  return "due" in state ? state.due : 0;
}

export type FrameOfDay = { id: string; name: string; startMinute: number; endMinute: number };

/** Something else holding a space of the room at some time (a booking of another room, a block). */
export type OtherUse = { kind: "BOOKING" | "BLOCK"; roomName: string | null; startMinute: number; endMinute: number };

export type RowOfDay<Item> =
  | { kind: "BOOKED"; startMinute: number; item: Item }
  | { kind: "FREE"; startMinute: number; frame: FrameOfDay }
  /** not bookable: a booking of a room sharing its space (大集会室 and its halves) or a block */
  | { kind: "IN_USE"; startMinute: number; frame: FrameOfDay; by: OtherUse };

/**
 * One room's day in time order: each frame with its booking, or free, or held by something
 * else. A booking whose frame the room no longer has still shows, at its own time.
 */
export function roomDay<Item extends { timeFrameId: string; startMinute: number }>(
  frames: readonly FrameOfDay[],
  items: readonly Item[],
  otherUses: readonly OtherUse[],
): RowOfDay<Item>[] {
  const rows: RowOfDay<Item>[] = items.map((item) => ({ kind: "BOOKED", startMinute: item.startMinute, item }));
  const booked = new Set(items.map((i) => i.timeFrameId));
  for (const frame of frames) {
    if (booked.has(frame.id)) continue;
    const by = otherUses.find((u) => u.startMinute < frame.endMinute && frame.startMinute < u.endMinute);
    rows.push(by ? { kind: "IN_USE", startMinute: frame.startMinute, frame, by } : { kind: "FREE", startMinute: frame.startMinute, frame });
  }
  return rows.sort((a, b) => a.startMinute - b.startMinute);
}

/** Usage (利用実績) is recorded on the day of use or after it, never before. */
export function mayRecordUsage(useDate: IsoDate, today: IsoDate) {
  return useDate <= today;
}

/** The seven days of the week view starting on `from`. */
export function weekFrom(from: IsoDate): IsoDate[] {
  return Array.from({ length: 7 }, (_, i) => addDays(from, i));
}
