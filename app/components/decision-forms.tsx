import type { ReactNode } from "react";
import { BackLink } from "~/components/ui/back-link";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { TextField } from "~/components/ui/text-field";
import type { DecisionOutcome } from "~/utils/decision.server";

/**
 * The two forms under a request staff decide on: approve (with any extra choice as children)
 * or refuse with a reason the applicant will read. Each card's reason box has its own name
 * (`reason-<id>`), so ids stay unique on a page of many cards.
 */
export function DecisionForms({
  id,
  hidden = {},
  approveLabel,
  refuseLabel,
  reasonLabel,
  error,
  reason,
  children,
}: {
  id: string;
  /** posted with both forms besides the id */
  hidden?: Record<string, string>;
  approveLabel: string;
  refuseLabel: string;
  reasonLabel: string;
  error?: string;
  reason?: string;
  children?: ReactNode;
}) {
  const fields = Object.entries({ ...hidden, id }).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  return (
    <>
      <form method="post">
        {fields}
        <input type="hidden" name="decision" value="approve" />
        {children}
        <div className="actions">
          <Button>{approveLabel}</Button>
        </div>
      </form>
      <form method="post" noValidate>
        {fields}
        <input type="hidden" name="decision" value="refuse" />
        <TextField name={`reason-${id}`} label={reasonLabel} defaultValue={error ? reason : undefined} error={error} optional />
        <div className="actions">
          <Button variant="outline">{refuseLabel}</Button>
        </div>
      </form>
    </>
  );
}

/**
 * A staff queue page: requests waiting for a decision, oldest first, each a card; the outcome
 * of the last decision above them, or its error on its own card.
 */
export function DecisionQueue<T extends { id: string }>({
  back,
  title,
  intro,
  none,
  items,
  outcome,
  renderCard,
  children,
}: {
  /** a back link above the title (pages with their own navigation pass none) */
  back?: { to: string; label: string };
  title: string;
  intro: string;
  none: string;
  items: T[];
  outcome: DecisionOutcome | undefined;
  renderCard: (item: T, error: string | undefined, reason: string | undefined) => ReactNode;
  /** more to say under the introduction */
  children?: ReactNode;
}) {
  const errorOf = (id: string) => (outcome?.error && outcome.id === id ? outcome.error : undefined);
  return (
    <>
      {back ? <BackLink to={back.to}>{back.label}</BackLink> : null}
      <h1>{title}</h1>
      {outcome?.done ? <Notice tone="success" role="status">{outcome.done}</Notice> : null}
      {/* the card is gone (decided meanwhile): say it above the list */}
      {outcome?.error && !items.some((item) => item.id === outcome.id) ? (
        <Notice tone="error" role="alert">{outcome.error}</Notice>
      ) : null}
      <p>{intro}</p>
      {children}
      {items.length === 0 ? <p>{none}</p> : null}
      <ul className="card-list">
        {items.map((item) => (
          <li key={item.id} className="card">
            {renderCard(item, errorOf(item.id), outcome?.reason)}
          </li>
        ))}
      </ul>
    </>
  );
}
