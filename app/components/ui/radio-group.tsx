import { useRef } from "react";
import { Radio, RadioGroup as AriaRadioGroup } from "react-aria-components/RadioGroup";
import { ChoiceContent, type ChoiceOption } from "./choice";
import { FieldError, FieldHeading, fieldClass } from "./field-parts";
import { useStateFromPage } from "./state-from-page";

export type RadioGroupProps = {
  /** the inputs' name; also the group's id, for ErrorSummary's "#name" link */
  name: string;
  /** the question */
  label: string;
  hint?: string;
  error?: string;
  options: ChoiceOption[];
  defaultValue?: string;
  optional?: boolean;
};

/**
 * One answer out of a few (up to about 6) that all fit on the screen. Each row is a whole
 * <label> at least 56px high, so a press anywhere on it chooses it.
 */
export function RadioGroup({ name, label, hint, error, options, defaultValue, optional }: RadioGroupProps) {
  const group = useRef<HTMLDivElement>(null);
  const [value, setValue] = useStateFromPage<string | null>(defaultValue ?? null, () =>
    group.current ? (group.current.querySelector<HTMLInputElement>("input[type=radio]:checked")?.value ?? null) : undefined,
  );
  return (
    <AriaRadioGroup
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
          <Radio key={option.value} value={option.value} className="choice choice--radio">
            <ChoiceContent option={option} />
          </Radio>
        ))}
      </div>
    </AriaRadioGroup>
  );
}
