/**
 * How long a sign-in lasts. Residents and hall managers stay signed in on their own phone;
 * staff, who can see every resident of the municipality, are signed out after a working day
 * and after half an hour without using Tsudoi.
 */
export type SessionLimits = { absoluteMs: number; idleMs: number | null };

const DAY = 86_400_000;
const MINUTE = 60_000;

export const RESIDENT_SESSION: SessionLimits = { absoluteMs: 30 * DAY, idleMs: null };
export const STAFF_SESSION: SessionLimits = { absoluteMs: 12 * 60 * MINUTE, idleMs: 30 * MINUTE };
export const OPERATOR_SESSION: SessionLimits = { absoluteMs: 8 * 60 * MINUTE, idleMs: 15 * MINUTE };

export function sessionLimitsFor(role: string): SessionLimits {
  if (role === "STAFF") return STAFF_SESSION;
  if (role === "OPERATOR") return OPERATOR_SESSION;
  return RESIDENT_SESSION;
}

/** Whether a session is still good at `now`. */
export function sessionIsLive(
  session: { expiresAt: Date; lastSeenAt: Date },
  limits: SessionLimits,
  now: Date,
) {
  if (session.expiresAt <= now) return false;
  return limits.idleMs === null || now.getTime() - session.lastSeenAt.getTime() < limits.idleMs;
}

/** lastSeenAt is written at most this often, so browsing is not a stream of writes. */
export const TOUCH_EVERY_MS = MINUTE;
