/** The application questions, one page each, in this order; then the check-your-answers page. */
export const APPLY_STEPS = ["purpose", "residence", "usage", "equipment", "exemption", "headcount", "phone"] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

/** The questions asked: equipment only when a facility of the chosen slots lends some. */
export function applySteps(offersEquipment: boolean): ApplyStep[] {
  return APPLY_STEPS.filter((step) => step !== "equipment" || offersEquipment);
}

type Answers = {
  purpose?: string;
  resident?: boolean;
  commercial?: boolean;
  equipment?: Record<string, number>;
  exemptionCategoryId?: string;
  headcount?: number;
  contactPhone?: string;
};

/** The first question of `steps` not answered yet (null: ready for review). */
export function firstUnanswered(steps: readonly ApplyStep[], answers: Answers | null): ApplyStep | null {
  const answered: Record<ApplyStep, boolean> = {
    purpose: Boolean(answers?.purpose),
    residence: answers?.resident !== undefined,
    usage: answers?.commercial !== undefined,
    equipment: answers?.equipment !== undefined,
    exemption: answers?.exemptionCategoryId !== undefined,
    headcount: answers?.headcount !== undefined,
    phone: Boolean(answers?.contactPhone),
  };
  return steps.find((step) => !answered[step]) ?? null;
}
