import type { ReactNode } from "react";
import { Button as AriaButton } from "react-aria-components/Button";
import { buttonClass, type Look } from "./button-class";

export type { ButtonSize, ButtonVariant } from "./button-class";

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
