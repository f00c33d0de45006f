import type { ApplyStep } from "~/domain/apply-steps";
import type { ReactNode } from "react";
import { formatMinutes, type IsoDate } from "~/domain/calendar";
import { type Messages, useT } from "~/i18n";

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
export function slotWhen(
  slot: Pick<SlotView, "date" | "frameName" | "startMinute" | "endMinute">,
  t: Messages,
) {
  return `${t.date(slot.date)} ${slot.frameName} ${t.timeRange(formatMinutes(slot.startMinute), formatMinutes(slot.endMinute))}`;
}

/** One slot as a person reads it: date and time first, then where, then the fee. */
export function SlotSummary({ slot, children }: { slot: SlotView; children?: ReactNode }) {
  const t = useT();
  return (
    <div className="slot-row">
      <div>
        <div className="slot-date">
          <span className="nowrap">{t.date(slot.date)}</span>{" "}
          {slot.frameName}{" "}
          <span className="nowrap">
            {t.timeRange(formatMinutes(slot.startMinute), formatMinutes(slot.endMinute))}
          </span>
        </div>
        <div>
          {slot.facilityName} {slot.roomName}
        </div>
        <div>{t.slot.fee(t.yen(slot.fee))}</div>
      </div>
      {children}
    </div>
  );
}

type DetailStep = ApplyStep;

/** The answers of an application; with change links on the check-your-answers page. */
export function ApplicationDetails({
  details,
  changeHref,
}: {
  details: {
    purpose: string;
    /** a code of app/domain/purpose-categories.ts (undefined: not shown) */
    purposeCategory?: string;
    headcount: number;
    contactPhone: string;
    resident?: boolean;
    commercial?: boolean;
    admissionCharged?: boolean;
    aircon?: boolean;
    /** equipment borrowed in every slot (undefined: the question was not asked) */
    equipment?: readonly { name: string; quantity: number }[];
    /** the exemption asked for ("" or null: none) */
    exemptionName?: string | null;
    exemptionGrounds?: string;
    /** the registered group applied for (its exemption applies) */
    groupName?: string | null;
  };
  changeHref?: (step: DetailStep) => string;
}) {
  const t = useT();
  const a = t.apply;
  const usage = [
    details.commercial ? a.usage.commercial : null,
    details.admissionCharged ? a.usage.admission : null,
    details.aircon ? a.usage.aircon : null,
  ].filter(
    (u): u is string => u !== null,
  );
  const rows: { step: DetailStep; label: string; value: string }[] = [
    ...(details.purposeCategory === undefined
      ? []
      : [{ step: "purpose" as const, label: a.purpose.categoryLabel, value: a.purpose.categories[details.purposeCategory] ?? details.purposeCategory }]),
    { step: "purpose", label: a.purpose.label, value: details.purpose },
    ...(details.resident === undefined
      ? []
      : [{ step: "residence" as const, label: a.residence.label, value: details.resident ? a.residence.yes : a.residence.no }]),
    ...(details.commercial === undefined ? [] : [{ step: "usage" as const, label: a.usage.label, value: usage.length ? t.list(usage) : a.usage.none }]),
    ...(details.equipment === undefined
      ? []
      : [
          {
            step: "equipment" as const,
            label: a.equipment.summaryLabel,
            value: details.equipment.length ? t.list(details.equipment.map((e) => a.equipment.item(e.name, e.quantity))) : a.equipment.none,
          },
        ]),
    ...(details.exemptionName === undefined
      ? []
      : [
          {
            step: "exemption" as const,
            label: a.exemption.label,
            value: details.groupName
              ? a.exemption.asGroup(details.groupName, details.exemptionName ?? "")
              : details.exemptionName
                ? `${details.exemptionName}${t.colon}${details.exemptionGrounds ?? ""}`
                : a.exemption.none,
          },
        ]),
    { step: "headcount", label: a.headcount.label, value: t.people(details.headcount) },
    { step: "phone", label: a.phone.label, value: details.contactPhone },
  ];
  return (
    <dl className="summary-list">
      {rows.map((row) => (
        <div key={row.label}>
          <dt>{row.label}</dt>
          <dd>{row.value}</dd>
          {changeHref ? (
            <dd className="summary-change">
              <a href={changeHref(row.step)}>
                {t.review.change}
                <span className="visually-hidden">{`${t.colon}${row.label}`}</span>
              </a>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
