import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/text-field";

/**
 * The two forms under a request staff decide on: approve (with any extra choice as children)
 * or refuse with a reason the applicant will read. Each card's reason box has its own name
 * (`reason-<id>`), so ids stay unique on a page of many cards.
 */
export function DecisionForms({
  id,
  hidden,
  approveLabel,
  refuseLabel,
  reasonLabel,
  refuseDecision,
  error,
  reason,
  children,
}: {
  id: string;
  /** posted with both forms, e.g. { applicationId } */
  hidden: Record<string, string>;
  approveLabel: string;
  refuseLabel: string;
  reasonLabel: string;
  /** the `decision` value of the refusing form */
  refuseDecision: string;
  error?: string;
  reason?: string;
  children?: ReactNode;
}) {
  const fields = Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
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
        <input type="hidden" name="decision" value={refuseDecision} />
        <TextField name={`reason-${id}`} label={reasonLabel} defaultValue={error ? reason : undefined} error={error} optional />
        <div className="actions">
          <Button variant="outline">{refuseLabel}</Button>
        </div>
      </form>
    </>
  );
}
