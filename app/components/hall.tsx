import type { Closure } from "~/domain/closures";
import type { HallPaymentState } from "~/domain/hall-day";
import { useT } from "~/i18n";
import { staffText } from "~/i18n/staff";

const h = staffText.hall;

export type HallPage = "day" | "week" | "waiting" | "payments" | "proxy" | "blocks";

/** The hall manager's screens, one link each, at the top of each of them (not printed). */
export function HallNav({ slug, current }: { slug: string; current: HallPage }) {
  const base = `/${slug}/manage`;
  const links: { page: HallPage; href: string; label: string }[] = [
    { page: "day", href: base, label: h.nav.day },
    { page: "week", href: `${base}?view=week`, label: h.nav.week },
    { page: "waiting", href: `/${slug}/manage/waiting`, label: h.nav.waiting },
    { page: "payments", href: `/${slug}/manage/payments`, label: h.nav.payments },
    { page: "proxy", href: `/${slug}/manage/proxy`, label: h.nav.proxy },
    { page: "blocks", href: `/${slug}/manage/blocks`, label: h.nav.blocks },
  ];
  return (
    <nav className="hall-nav no-print" aria-label={h.nav.label}>
      <ul>
        {links.map((link) => (
          <li key={link.page}>
            <a href={link.href} aria-current={link.page === current ? "page" : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** 休館日（…） in words. */
export function closureText(closure: Closure) {
  switch (closure.code) {
    case "WEEKLY":
      return h.closure.WEEKLY;
    case "HOLIDAY":
      return h.closure.HOLIDAY(closure.name);
    case "YEAR_END":
      return h.closure.YEAR_END;
    case "DATED":
      return h.closure.DATED(closure.reason);
  }
}

/**
 * How the application stands with money: 支払い済み, 当日窓口払い 受け取る金額 1,200円 …
 * `stacked` puts the amount on a line of its own (a narrow column of the day sheet).
 */
export function PaymentStateText({ state, stacked = false }: { state: HallPaymentState; stacked?: boolean }) {
  const t = useT();
  const extra = "due" in state && state.due > 0 ? h.due(t.yen(state.due)) : state.code === "PARTLY_REFUNDED" ? h.refunded(t.yen(state.refunded)) : null;
  return (
    <>
      <strong className={`payment-state payment-state--${state.code}`}>{h.paymentStates[state.code]}</strong>
      {extra && stacked ? <br /> : null}
      {extra ? <span className={stacked ? undefined : "nowrap"}>{stacked ? extra : ` ${extra}`}</span> : null}
    </>
  );
}
