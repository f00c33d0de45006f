export type ButtonVariant = "filled" | "outline" | "text";
/** large: 56px high, full width (the main action); medium: 48px, as wide as its words */
export type ButtonSize = "large" | "medium";

export type Look = { variant?: ButtonVariant; size?: ButtonSize; danger?: boolean };

export function buttonClass({ variant = "filled", size = "large", danger }: Look) {
  return [
    "button",
    variant !== "filled" && `button--${variant}`,
    size === "medium" && "button--medium",
    danger && "button--danger",
  ]
    .filter(Boolean)
    .join(" ");
}

