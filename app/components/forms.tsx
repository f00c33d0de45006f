// The form pieces moved to the design-system layer (app/components/ui); these re-exports keep
// older imports working. New code imports from "~/components/ui".
export { BackLink } from "./ui/back-link";
export { ErrorSummary, focusTarget } from "./ui/error-summary";
export { TextField } from "./ui/text-field";
