import { useT } from "~/i18n";

export type StepIndicatorProps = {
  /** 1-based */
  current: number;
  total: number;
  /** what this step asks, e.g. 利用人数 */
  name: string;
};

/** "ステップ 2 / 4" and the step's name above a form's heading, with a bar drawn from it. */
export function StepIndicator({ current, total, name }: StepIndicatorProps) {
  const t = useT().ui;
  return (
    <div className="step-indicator">
      <p className="step-indicator__text">
        <span className="step-indicator__count">{t.step(current, total)}</span>
        <span className="step-indicator__name">{name}</span>
      </p>
      <span className="step-indicator__bar" aria-hidden="true">
        {Array.from({ length: total }, (_, i) => (
          <span key={i} className={i < current ? "step-indicator__done" : undefined} />
        ))}
      </span>
    </div>
  );
}
