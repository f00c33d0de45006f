import { type MouseEvent, useEffect, useId, useRef } from "react";
import { useT } from "~/i18n";

/**
 * With JavaScript on, following "#id" is a navigation for Remix, which drops the action's
 * errors and the values as typed; so move focus to the element without navigating. A group
 * (fieldset, radio group) gets its chosen or first input focused, and the whole field is
 * scrolled into view so its label is seen too.
 */
export function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const focusable = target.matches("input, select, textarea, button, a[href], [tabindex]")
    ? target
    : (target.querySelector<HTMLElement>("input:checked, input, select, textarea") ?? target);
  focusable.focus({ preventScroll: true });
  (focusable.closest(".field") ?? focusable).scrollIntoView({ block: "start" });
}

export type ErrorSummaryProps = {
  /** field name → message; nothing is shown when empty */
  errors: Record<string, string> | undefined;
  /** field name → label; a field with a label gets a link to "#name" */
  labels: Record<string, string>;
};

/** The list of problems at the top of a form; takes focus so screen readers announce it. */
export function ErrorSummary({ errors, labels }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const t = useT();
  // keyed on the content: a re-render with the same errors must not move focus again
  const key = JSON.stringify(errors ?? null);
  useEffect(() => {
    if (key !== "null") ref.current?.focus();
  }, [key]);
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div
      ref={ref}
      className="notice notice--error error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="notice__title">
        {t.form.summaryTitle}
      </h2>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li key={field}>
            {labels[field] ? (
              <a href={`#${field}`} onClick={(event) => focusTarget(event, field)}>
                {`${labels[field]}${t.colon}${message}`}
              </a>
            ) : (
              message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
