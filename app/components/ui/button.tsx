import type { ReactNode } from "react";
import { Button as AriaButton } from "react-aria-components/Button";

export type ButtonVariant = "filled" | "outline" | "text";
/** large: 56px high, full width (the main action); medium: 48px, as wide as its words */
export type ButtonSize = "large" | "medium";

type Look = { variant?: ButtonVariant; size?: ButtonSize; danger?: boolean };

function buttonClass({ variant = "filled", size = "large", danger }: Look) {
  return [
    "button",
    variant !== "filled" && `button--${variant}`,
    size === "medium" && "button--medium",
    danger && "button--danger",
  ]
    .filter(Boolean)
    .join(" ");
}

export type ButtonProps = Look & {
  children: ReactNode;
  /** "submit" unless said otherwise, as for a plain HTML button: most of ours post a form */
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  onPress?: () => void;
};

/** A real <button>: inside a plain <form method="post"> it submits with or without JavaScript. */
export function Button({ children, type = "submit", name, value, onPress, ...look }: ButtonProps) {
  return (
    <AriaButton type={type} name={name} value={value} onPress={onPress} className={buttonClass(look)}>
      {children}
    </AriaButton>
  );
}

export type ButtonLinkProps = Look & { href: string; children: ReactNode };

/**
 * Navigation that should look like a button ("選んだ枠を確認する"). A plain <a>: react-aria's
 * Link would add press handling (JavaScript) to something the browser already does well.
 */
export function ButtonLink({ href, children, ...look }: ButtonLinkProps) {
  return (
    <a href={href} className={buttonClass(look)}>
      {children}
    </a>
  );
}
