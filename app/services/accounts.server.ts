import { hash, verify } from "@node-rs/argon2";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";

/** How long a resident stays signed in on their own phone. */
export const SESSION_DAYS = 30;

export type SessionUser = { id: string; name: string; email: string; phone: string; role: string };

export type RegisterInput = { email: string; password: string; name: string; phone: string };

export async function registerResident(
  municipalityId: string,
  input: RegisterInput,
): Promise<{ ok: true; userId: string } | { ok: false; code: "EMAIL_TAKEN" }> {
  const email = normalizeEmail(input.email);
  const taken = await db.user.findUnique({
    where: { municipalityId_email: { municipalityId, email } },
    select: { id: true },
  });
  if (taken) return { ok: false, code: "EMAIL_TAKEN" };
  try {
    const passwordHash = await hash(input.password);
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { municipalityId, email, passwordHash, name: input.name, phone: input.phone },
        select: { id: true },
      });
      // no personal data in the log: it outlives an account deleted under APPI
      await audit(tx, { municipalityId, actorId: created.id, action: "user.registered", entity: "User", entityId: created.id });
      return created;
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { ok: false, code: "EMAIL_TAKEN" };
    throw error;
  }
}

// Verified when the email is unknown, so a wrong email takes as long as a wrong password.
const DUMMY_HASH = hash("not-a-real-password");

/** The user's id when the email and password match an account of the municipality. */
export async function verifyPassword(municipalityId: string, email: string, password: string) {
  const user = await db.user.findUnique({
    where: { municipalityId_email: { municipalityId, email: normalizeEmail(email) } },
    select: { id: true, passwordHash: true },
  });
  const valid = await verify(user?.passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
  return user && valid ? user.id : null;
}

export async function createSession(municipalityId: string, userId: string, now: Date) {
  const session = await db.session.create({
    data: {
      municipalityId,
      userId,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    },
    select: { id: true },
  });
  return session.id;
}

export async function findSessionUser(
  municipalityId: string,
  sessionId: string,
  now: Date,
): Promise<SessionUser | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, municipalityId, expiresAt: { gt: now } },
    select: { user: { select: { id: true, name: true, email: true, phone: true, role: true } } },
  });
  return session?.user ?? null;
}

export async function endSession(sessionId: string) {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** "Sign out everywhere": ends every session of the person who owns `sessionId`. */
export async function endAllSessionsOf(sessionId: string) {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, municipalityId: true },
  });
  if (!session) return 0;
  return db.$transaction(async (tx) => {
    const { count } = await tx.session.deleteMany({
      where: { userId: session.userId, municipalityId: session.municipalityId },
    });
    await audit(tx, {
      municipalityId: session.municipalityId,
      actorId: session.userId,
      action: "user.signed_out_everywhere",
      entity: "User",
      entityId: session.userId,
      details: { sessionsEnded: count },
    });
    return count;
  });
}

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}
