import type { ReactNode } from "react";

export type ChoiceOption = {
  value: string;
  label: string;
  /** a second line inside the row, read as part of the option */
  hint?: string;
};

/** The inside of one radio or checkbox row; the drawn mark follows the native input's state. */
export function ChoiceContent({ option }: { option: ChoiceOption }): ReactNode {
  return (
    <>
      <span className="choice__mark" aria-hidden="true" />
      <span className="choice__text">
        {option.label}
        {option.hint ? <span className="choice__hint">{option.hint}</span> : null}
      </span>
    </>
  );
}
