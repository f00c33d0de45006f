// The design-system components. Routes import each from its own file
// (`~/components/ui/text-field`), not from here: the classic compiler splits code by file, so a
// page importing through this index loads every component any route uses (ADR 0005).
export { BackLink } from "./back-link";
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { ButtonLink, type ButtonLinkProps } from "./button-link";
export { CheckboxGroup, type CheckboxGroupProps } from "./checkbox-group";
export type { ChoiceOption } from "./choice";
export { DateOfBirthField, type DateOfBirthFieldProps } from "./date-of-birth-field";
export { FileField, type FileFieldProps } from "./file-field";
export { ErrorSummary, type ErrorSummaryProps, focusTarget } from "./error-summary";
export { Notice, type NoticeProps, type NoticeTone } from "./notice";
export { RadioGroup, type RadioGroupProps } from "./radio-group";
export { SelectField, type SelectFieldProps } from "./select-field";
export { StepIndicator, type StepIndicatorProps } from "./step-indicator";
export { TextField, type TextFieldProps } from "./text-field";
