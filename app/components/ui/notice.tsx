import type { ReactNode } from "react";

export type NoticeTone = "info" | "success" | "warning" | "error";

export type NoticeProps = {
  tone?: NoticeTone;
  /** says in words what kind of notice it is (申し込みを受け付けました, ご注意ください): no icons */
  title?: string;
  children?: ReactNode;
  headingLevel?: 2 | 3;
  /** "status" for a result just reached (success), "alert" for a problem just found */
  role?: "status" | "alert";
};

/** A coloured box with a text title: information, a result, a caution, or a problem. */
export function Notice({ tone = "info", title, children, headingLevel = 2, role }: NoticeProps) {
  const Heading = headingLevel === 3 ? "h3" : "h2";
  return (
    <div className={`notice notice--${tone}`} role={role}>
      {title ? <Heading className="notice__title">{title}</Heading> : null}
      {children ? <div className="notice__body">{children}</div> : null}
    </div>
  );
}
