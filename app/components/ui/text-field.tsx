import { useRef } from "react";
import { TextField as AriaTextField } from "react-aria-components/TextField";
import { FieldError, FieldHeading, FieldInput, fieldClass } from "./field-parts";
import { useStateFromPage } from "./state-from-page";

export type TextFieldProps = {
  /** also the input's id, so ErrorSummary can link to "#name" */
  name: string;
  label: string;
  /** support text between the label and the box (examples, format); never a placeholder */
  hint?: string;
  /** shown below the box; marks the box invalid */
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "password" | "tel" | "date";
  autoComplete?: string;
  inputMode?: "numeric" | "tel" | "email" | "text";
  /** a box about 8 characters wide, for numbers and short codes */
  short?: boolean;
  /** shows 任意 instead of 必須 */
  optional?: boolean;
};

/**
 * A labelled text box. No placeholder and no disabled or read-only state: a value people
 * cannot change is shown as text instead. Validation is the server's (aria-invalid +
 * the message below), so browsers show no bubbles of their own.
 */
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
  optional,
}: TextFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useStateFromPage(defaultValue ?? "", () => input.current?.value);
  return (
    <AriaTextField
      id={name}
      name={name}
      type={type}
      value={value}
      onChange={setValue}
      autoComplete={autoComplete}
      inputMode={inputMode}
      isRequired={!optional}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      className={fieldClass("field", error)}
    >
      <FieldHeading label={label} hint={hint} optional={optional} />
      <FieldInput ref={input} className={short ? "input short" : "input"} />
      <FieldError error={error} />
    </AriaTextField>
  );
}
