import { useT } from "~/i18n";

/** The 必須 / 任意 badge after a field's label; words, not colour or an asterisk. */
export function RequiredBadge({ optional }: { optional?: boolean }) {
  const t = useT();
  return optional ? (
    <span className="badge badge--optional">{t.ui.optional}</span>
  ) : (
    <span className="badge badge--required required">{t.form.required}</span>
  );
}

export function fieldClass(base: string, error: string | undefined) {
  return error ? `${base} field--error` : base;
}
