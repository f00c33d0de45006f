import { hash, verify } from "@node-rs/argon2";
import { sessionIsLive, sessionLimitsFor, TOUCH_EVERY_MS } from "~/domain/session-policy";
import type { Role } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";

/** The longest any sign-in lasts (a resident on their own phone); the cookie lives as long. */
export const SESSION_DAYS = 30;

export type SessionUser = { id: string; name: string; email: string | null; phone: string; role: Role };

/** `kana`: furigana as app/domain/kana.ts normalises it ("" or absent when not given). */
export type RegisterInput = { email: string; password: string; name: string; phone: string; kana?: string };

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
        data: { municipalityId, email, passwordHash, name: input.name, kana: input.kana ?? "", phone: input.phone },
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

/** Whether the password matches the hash; with no account, as slow as a wrong password. */
export async function passwordMatches(passwordHash: string | undefined, password: string) {
  return verify(passwordHash ?? (await DUMMY_HASH), password).catch(() => false);
}

/** The user's id when the email and password match an account of the municipality. */
export async function verifyPassword(municipalityId: string, email: string, password: string) {
  const user = await db.user.findUnique({
    where: { municipalityId_email: { municipalityId, email: normalizeEmail(email) } },
    select: { id: true, passwordHash: true },
  });
  const valid = await passwordMatches(user?.passwordHash, password);
  return user && valid ? user.id : null;
}

export async function createSession(municipalityId: string, userId: string, now: Date) {
  const user = await db.user.findFirstOrThrow({ where: { id: userId, municipalityId }, select: { role: true } });
  const session = await db.session.create({
    data: {
      municipalityId,
      userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + sessionLimitsFor(user.role).absoluteMs),
    },
    select: { id: true },
  });
  return session.id;
}

/** The user of a live session of this municipality; a session idle too long is ended. */
export async function findSessionUser(
  municipalityId: string,
  sessionId: string,
  now: Date,
): Promise<SessionUser | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, municipalityId, expiresAt: { gt: now } },
    select: {
      expiresAt: true,
      lastSeenAt: true,
      user: { select: { id: true, name: true, email: true, phone: true, role: true } },
    },
  });
  if (!session) return null;
  if (!sessionIsLive(session, sessionLimitsFor(session.user.role), now)) {
    await endSession(sessionId);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return session.user;
}

/** Whether the user must also give a TOTP code, and whether they have set one up yet. */
export async function secondFactorOf(municipalityId: string, userId: string) {
  const user = await db.user.findFirst({
    where: { id: userId, municipalityId },
    select: { role: true, totpSecret: true, email: true },
  });
  if (!user) return null;
  return { required: user.role === "STAFF", secret: user.totpSecret, email: user.email, role: user.role };
}

export async function saveTotpSecret(municipalityId: string, userId: string, secret: string) {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId, municipalityId }, data: { totpSecret: secret } });
    await audit(tx, { municipalityId, actorId: userId, action: "user.totp_enrolled", entity: "User", entityId: userId });
  });
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
