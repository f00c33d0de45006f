import type { FeeBreakdown as Breakdown, FeeLine } from "~/domain/fees";
import { type Messages, useT } from "~/i18n";

function lineLabel(line: FeeLine, t: Messages) {
  switch (line.kind) {
    case "BASE":
      return t.fees.base;
    case "ADJUSTMENT":
      return `${t.fees.adjustments[line.code]} ${t.fees.times(line.percent)}`;
    case "SURCHARGE":
      return t.fees.surcharge(line.name, line.quantity);
    case "EXEMPTION":
      return t.fees.exemption(line.name);
    case "ROUNDING":
      return t.fees.rounding(line.unit);
  }
}

/**
 * The lines of one slot's fee as the domain computed them (app/domain/fees.ts): every screen
 * shows this, none recomputes it.
 */
export function FeeBreakdown({ breakdown, totalLabel }: { breakdown: Breakdown; totalLabel?: string }) {
  const t = useT();
  const signed = (amount: number, first: boolean) =>
    first ? t.yen(amount) : amount < 0 ? `−${t.yen(-amount)}` : `+${t.yen(amount)}`;
  return (
    <dl className="fee-breakdown">
      {breakdown.lines.map((line, i) => (
        <div key={i}>
          <dt>{lineLabel(line, t)}</dt>
          <dd className="nowrap">{signed(line.amount, i === 0)}</dd>
        </div>
      ))}
      <div className="fee-breakdown__total">
        <dt>{totalLabel ?? t.fees.total}</dt>
        <dd className="nowrap">{t.yen(breakdown.total)}</dd>
      </div>
    </dl>
  );
}
