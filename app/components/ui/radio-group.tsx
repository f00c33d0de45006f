import { Label } from "react-aria-components/Label";
import { Radio, RadioGroup as AriaRadioGroup } from "react-aria-components/RadioGroup";
import { Text } from "react-aria-components/Text";
import { ChoiceContent, type ChoiceOption } from "./choice";
import { fieldClass, RequiredBadge } from "./field-parts";

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
  return (
    <AriaRadioGroup
      id={name}
      name={name}
      defaultValue={defaultValue ?? null}
      isRequired={!optional}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      className={fieldClass("field choice-group", error)}
    >
      <Label className="field-label">
        {label}
        <RequiredBadge optional={optional} />
      </Label>
      {hint ? (
        <Text slot="description" className="hint">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className="field-error">
          {error}
        </Text>
      ) : null}
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
