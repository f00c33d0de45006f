import type { ReactNode } from "react";
import { buttonClass, type Look } from "./button-class";

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
