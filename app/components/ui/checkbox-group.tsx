import { useRef } from "react";
import { Checkbox } from "react-aria-components/Checkbox";
import { CheckboxGroup as AriaCheckboxGroup } from "react-aria-components/CheckboxGroup";
import { ChoiceContent, type ChoiceOption } from "./choice";
import { FieldError, FieldHeading, fieldClass } from "./field-parts";
import { useStateFromPage } from "./state-from-page";

export type CheckboxGroupProps = {
  /** every checked box posts name=value; also the group's id for ErrorSummary */
  name: string;
  label: string;
  hint?: string;
  error?: string;
  options: ChoiceOption[];
  defaultValue?: string[];
  /** true when none needs to be checked (the usual case for "choose all that apply") */
  optional?: boolean;
};

/** Any number of answers, or a single "I agree" box (one option). Rows as in RadioGroup. */
export function CheckboxGroup({ name, label, hint, error, options, defaultValue, optional }: CheckboxGroupProps) {
  const group = useRef<HTMLDivElement>(null);
  const [value, setValue] = useStateFromPage<string[]>(defaultValue ?? [], () =>
    group.current ? [...group.current.querySelectorAll<HTMLInputElement>("input[type=checkbox]:checked")].map((box) => box.value) : undefined,
  );
  return (
    <AriaCheckboxGroup
      ref={group}
      id={name}
      name={name}
      value={value}
      onChange={setValue}
      isRequired={!optional}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      className={fieldClass("field choice-group", error)}
    >
      <FieldHeading label={label} hint={hint} optional={optional} />
      <FieldError error={error} />
      <div className="choice-list">
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} className="choice choice--checkbox">
            <ChoiceContent option={option} />
          </Checkbox>
        ))}
      </div>
    </AriaCheckboxGroup>
  );
}
