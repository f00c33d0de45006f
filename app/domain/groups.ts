/** Kinds of activity a registered group declares (for statistics by purpose). */
export const ACTIVITY_TYPES = ["culture", "sports", "welfare", "community", "other"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
