import { type MouseEvent, useEffect, useRef } from "react";
import type { FieldErrors } from "~/utils/form.server";

/**
 * With JavaScript on, following "#id" is a navigation for Remix, which drops the action's
 * errors and the values as typed; so move focus to the element without navigating.
 */
export function focusTarget(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
}

/** The list of problems at the top of a form; takes focus so screen readers announce it. */
export function ErrorSummary({
  errors,
  labels,
}: {
  errors: FieldErrors | undefined;
  labels: Record<string, string>;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [errors]);
  if (!errors || Object.keys(errors).length === 0) return null;
  return (
    <div
      ref={ref}
      className="notice notice--error error-summary"
      role="alert"
      tabIndex={-1}
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">入力内容を確認してください</h2>
      <ul>
        {Object.entries(errors).map(([field, message]) => (
          <li key={field}>
            {labels[field] ? (
              <a href={`#${field}`} onClick={(event) => focusTarget(event, field)}>
                {`${labels[field]}：${message}`}
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

export function TextField({
  name,
  label,
  hint,
  error,
  defaultValue,
  type = "text",
  autoComplete,
  inputMode,
  short,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel";
  autoComplete?: string;
  inputMode?: "numeric" | "tel" | "email" | "text";
  short?: boolean;
}) {
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor={name}>
        {label}
        <span className="required">必須</span>
      </label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required
        className={short ? "short" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
      />
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <a className="back-link" href={to}>
      {children}
    </a>
  );
}
