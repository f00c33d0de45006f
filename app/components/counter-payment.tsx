import { Button } from "~/components/ui/button";
import { ErrorSummary } from "~/components/ui/error-summary";
import { RadioGroup } from "~/components/ui/radio-group";
import { TextField } from "~/components/ui/text-field";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";

const t = staffText.payments;

export type CounterApplicationView = {
  number: number;
  status: "TENTATIVE" | "CONFIRMED" | "CANCELLED" | "EXPIRED";
  totalFee: number;
  paid: number;
  due: number;
  contactPhone: string;
  /** "2026-12-07 09:00" */
  holdExpiresAt: string | null;
  user: { name: string };
  group: { name: string } | null;
  /** who booked it for the applicant (代理予約) */
  proxyBy: { name: string } | null;
  items: { id: string; useDate: string; fee: number; cancelledAt: unknown; room: { name: string; facility: { name: string } }; timeFrame: { name: string } }[];
};

/** Who, what is due and the slots of an application at a counter (staff's or a hall's). */
export function CounterApplication({ a }: { a: CounterApplicationView }) {
  const r = useT();
  const at = (dateTime: string) => `${r.date(dateTime.slice(0, 10))} ${dateTime.slice(11)}`;
  return (
    <>
      <h2 id="application-title">{`${r.booking.number} ${a.number}`}</h2>
      <dl className="compact-list">
        <dt>{t.applicant}</dt>
        <dd>{a.group ? `${a.group.name}（${a.user.name}）` : a.user.name}</dd>
        <dt>{t.phone}</dt>
        <dd>{a.contactPhone}</dd>
        {a.proxyBy ? (
          <>
            <dt>{staffText.proxy.markerLabel}</dt>
            <dd>{staffText.proxy.marker(a.proxyBy.name)}</dd>
          </>
        ) : null}
        <dt>{t.status}</dt>
        <dd>
          {r.status[a.status]}
          {a.holdExpiresAt && a.status === "TENTATIVE" ? ` ${t.deadline(at(a.holdExpiresAt))}` : ""}
        </dd>
        <dt>{t.total}</dt>
        <dd>{r.yen(a.totalFee)}</dd>
        <dt>{t.paid}</dt>
        <dd>{r.yen(a.paid)}</dd>
        <dt>{t.due}</dt>
        <dd>
          <strong>{r.yen(a.due)}</strong>
        </dd>
      </dl>
      <h3>{t.slots}</h3>
      <ul>
        {a.items.map((i) => (
          <li key={i.id}>
            {`${r.date(i.useDate)} ${i.timeFrame.name} ${i.room.facility.name} ${i.room.name} ${r.yen(i.fee)}`}
            {i.cancelledAt ? t.cancelled : ""}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Whether money can be taken for the application now. */
export function takesPayment(a: Pick<CounterApplicationView, "due" | "status">) {
  return a.due > 0 && (a.status === "TENTATIVE" || a.status === "CONFIRMED");
}

/**
 * Cash or a terminal, the whole amount due (filled in), and the counter's receipt number.
 * Posts intent=pay with the application's number.
 */
export function CounterPaymentForm({
  number,
  due,
  errors,
  value,
}: {
  number: number;
  due: number;
  errors?: Record<string, string>;
  value: (field: string, fallback?: string) => string;
}) {
  const r = useT();
  return (
    <form method="post" noValidate>
      <ErrorSummary errors={errors} labels={{ method: t.method, amount: t.amount, receiptNumber: t.receipt }} />
      <input type="hidden" name="intent" value="pay" />
      <input type="hidden" name="number" value={number} />
      <RadioGroup
        name="method"
        label={t.method}
        options={[
          { value: "CASH", label: t.methods.CASH! },
          { value: "TERMINAL", label: t.methods.TERMINAL! },
        ]}
        defaultValue={value("method") || undefined}
        error={errors?.method}
      />
      <TextField name="amount" label={t.amount} hint={t.amountHint(r.yen(due))} inputMode="numeric" short defaultValue={value("amount", String(due))} error={errors?.amount} />
      <TextField name="receiptNumber" label={t.receipt} hint={t.receiptHint} defaultValue={value("receiptNumber")} error={errors?.receiptNumber} />
      <div className="actions">
        <Button>{t.record}</Button>
      </div>
    </form>
  );
}
