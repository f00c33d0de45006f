/** Kinds of activity a registered group declares (for statistics by purpose). */
export const ACTIVITY_TYPES = ["culture", "sports", "welfare", "community", "other"] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

const DAY_MS = 86_400_000;

/** A registration lasts a year from approval (or from its renewal). */
export const GROUP_REGISTRATION_DAYS = 365;
/** The representative is emailed once, this many days before the registration expires. */
export const RENEWAL_REMINDER_DAYS = 30;
/** Renewal may be asked for from this many days before expiry… */
export const RENEWAL_OPENS_DAYS = 60;
/** …until this many days after it; later, the group registers again. */
export const RENEWAL_GRACE_DAYS = 90;

type Registration = { status: string; expiresAt: Date | null; renewalRequestedAt: Date | null };

/** Whether the representative may ask to renew this registration now. */
export function isRenewable(group: Registration, now: Date) {
  if (group.status !== "APPROVED" || !group.expiresAt || group.renewalRequestedAt) return false;
  const expires = group.expiresAt.getTime();
  return now.getTime() >= expires - RENEWAL_OPENS_DAYS * DAY_MS && now.getTime() < expires + RENEWAL_GRACE_DAYS * DAY_MS;
}

/** A renewal runs a year from the later of now and the current expiry: no day is lost by renewing early. */
export function renewedExpiry(currentExpiry: Date, now: Date) {
  return new Date(Math.max(currentExpiry.getTime(), now.getTime()) + GROUP_REGISTRATION_DAYS * DAY_MS);
}
