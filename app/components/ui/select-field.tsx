import { RequiredBadge, fieldClass } from "./field-parts";

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

export type SelectFieldProps = {
  /** also the select's id, for ErrorSummary's "#name" link */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  /** options before any group (e.g. "every facility") */
  options?: SelectOption[];
  /** options under a heading each (a facility and its rooms) */
  groups?: SelectGroup[];
  defaultValue?: string;
  optional?: boolean;
};

/**
 * One answer out of a list too long for radio buttons (rooms of every facility): the browser's
 * own <select>, which works without JavaScript and opens the phone's own picker, styled as a
 * text box.
 */
export function SelectField({ name, label, hint, error, options = [], groups = [], defaultValue, optional }: SelectFieldProps) {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={fieldClass("field", error)}>
      <label className="field-label" htmlFor={name}>
        {label}
        <RequiredBadge optional={optional} />
      </label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      <select
        id={name}
        name={name}
        className="input select"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
