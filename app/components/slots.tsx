import type { ReactNode } from "react";
import { formatDateJa, formatMinutes, type IsoDate } from "~/domain/calendar";
import { formatYen } from "~/domain/money";

export type SlotView = {
  date: IsoDate;
  facilityName: string;
  roomName: string;
  frameName: string;
  startMinute: number;
  endMinute: number;
  fee: number;
};

/** 12月1日(火) 午前 9:00〜12:00 */
export function slotWhen(slot: Pick<SlotView, "date" | "frameName" | "startMinute" | "endMinute">) {
  return `${formatDateJa(slot.date)} ${slot.frameName} ${formatMinutes(slot.startMinute)}〜${formatMinutes(slot.endMinute)}`;
}

/** One slot as a person reads it: date and time first, then where, then the fee. */
export function SlotSummary({ slot, children }: { slot: SlotView; children?: ReactNode }) {
  return (
    <div className="slot-row">
      <div>
        <div className="slot-date">{slotWhen(slot)}</div>
        <div>
          {slot.facilityName} {slot.roomName}
        </div>
        <div>利用料 {formatYen(slot.fee)}</div>
      </div>
      {children}
    </div>
  );
}

/** Purpose, headcount and contact phone, as asked on the details step. */
export function ApplicationDetails({
  details,
}: {
  details: { purpose: string; headcount: number; contactPhone: string };
}) {
  return (
    <dl className="summary-list">
      <div>
        <dt>利用目的</dt>
        <dd>{details.purpose}</dd>
      </div>
      <div>
        <dt>利用人数</dt>
        <dd>{details.headcount}人</dd>
      </div>
      <div>
        <dt>当日の連絡先電話番号</dt>
        <dd>{details.contactPhone}</dd>
      </div>
    </dl>
  );
}
