import { useId } from "react";
import { Label } from "react-aria-components/Label";
import { TextField as AriaTextField } from "react-aria-components/TextField";
import { useT } from "~/i18n";
import { FieldInput, fieldClass, RequiredBadge } from "./field-parts";

export type DateOfBirthFieldProps = {
  /** posts `${name}Year`, `${name}Month`, `${name}Day`; the fieldset's id is `name` */
  name: string;
  label: string;
  hint?: string;
  /** one message for the date as a whole; marks all three boxes invalid */
  error?: string;
  defaultValue?: { year?: string; month?: string; day?: string };
  optional?: boolean;
};

const PARTS = [
  { key: "year", suffix: "Year", autoComplete: "bday-year" },
  { key: "month", suffix: "Month", autoComplete: "bday-month" },
  { key: "day", suffix: "Day", autoComplete: "bday-day" },
] as const;

/**
 * A date people know by heart (birthday): three number boxes, typed, not picked from a
 * calendar. Plain text inputs with inputmode=numeric, so full-width digits typed with a
 * Japanese keyboard are accepted as typed (the server normalises them) and nothing spins.
 */
export function DateOfBirthField({ name, label, hint, error, defaultValue, optional }: DateOfBirthFieldProps) {
  const t = useT().ui;
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={name} className={fieldClass("field date-field", error)}>
      <legend className="field-label">
        {label}
        <RequiredBadge optional={optional} />
      </legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="date-field__parts">
        {PARTS.map((part) => (
          <AriaTextField
            key={part.key}
            id={`${name}${part.suffix}`}
            name={`${name}${part.suffix}`}
            defaultValue={defaultValue?.[part.key]}
            autoComplete={part.autoComplete}
            inputMode="numeric"
            isRequired={!optional}
            isInvalid={Boolean(error)}
            validationBehavior="aria"
            aria-describedby={describedBy}
            className={`date-field__part date-field__part--${part.key}`}
          >
            <FieldInput className="input" />
            <Label>{t.dateParts[part.key]}</Label>
          </AriaTextField>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
