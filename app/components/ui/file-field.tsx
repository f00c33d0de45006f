import { RequiredBadge, fieldClass } from "./field-parts";

export type FileFieldProps = {
  /** also the input's id, for ErrorSummary's "#name" link */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** file types offered by the picker, e.g. ".csv,text/csv" */
  accept?: string;
};

/**
 * A labelled file picker, laid out like TextField. A plain <input type="file">: the browser's
 * own picker is what people know on every phone, and it works without JavaScript.
 */
export function FileField({ name, label, hint, error, accept }: FileFieldProps) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={fieldClass("field", error)}>
      <label className="field-label" htmlFor={name}>
        {label}
        <RequiredBadge />
      </label>
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      <input
        id={name}
        name={name}
        type="file"
        accept={accept}
        className="input file-input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {error ? (
        <span id={errorId} className="field-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
