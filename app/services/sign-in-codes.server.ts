import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { db } from "~/utils/db.server";
import { normalizeEmail } from "./accounts.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";

export const CODE_DIGITS = 6;
export const CODE_VALID_MS = 10 * 60_000;
/** Wrong entries allowed for one code; then a new code is needed. */
export const CODE_ATTEMPTS = 5;

export type CodeMail = (code: string) => { subject: string; body: string };

/**
 * Starts a sign-in by emailed code and returns the challenge id for the requesting browser's
 * cookie. For an unknown address a challenge is made all the same and no mail is sent, so the
 * page cannot be used to find out who is registered.
 */
export async function requestSignInCode(
  municipalityId: string,
  email: string,
  composeMail: CodeMail,
  now: Date,
): Promise<string> {
  const address = normalizeEmail(email);
  const user = await db.user.findUnique({
    where: { municipalityId_email: { municipalityId, email: address } },
    select: { id: true },
  });
  const code = randomInt(0, 10 ** CODE_DIGITS).toString().padStart(CODE_DIGITS, "0");
  const codeHash = await hash(code);
  const expiresAt = new Date(now.getTime() + CODE_VALID_MS);
  const challenge = await db.$transaction(async (tx) => {
    const created = await tx.signInCode.create({
      data: { municipalityId, userId: user?.id ?? null, codeHash, expiresAt, attemptsLeft: CODE_ATTEMPTS },
      select: { id: true },
    });
    if (user) await enqueueMail(tx, { municipalityId, to: address, expiresAt, ...composeMail(code) });
    return created;
  });
  if (user) sendQueuedMailSoon();
  return challenge.id;
}

export type CodeCheck =
  | { ok: true; userId: string }
  | { ok: false; reason: "WRONG"; attemptsLeft: number }
  | { ok: false; reason: "EXPIRED" | "USED_UP" };

/**
 * Checks a code against the browser's own challenge. Each try is counted before the code is
 * compared, in one statement, so parallel guesses cannot get more tries than CODE_ATTEMPTS;
 * a right code is used once.
 */
export async function verifySignInCode(
  municipalityId: string,
  challengeId: string,
  code: string,
  now: Date,
): Promise<CodeCheck> {
  const [attempt] = await db.$queryRaw<{ userId: string | null; codeHash: string; attemptsLeft: number }[]>`
    UPDATE "SignInCode" SET "attemptsLeft" = "attemptsLeft" - 1
    WHERE "id" = ${challengeId} AND "municipalityId" = ${municipalityId}
      AND "usedAt" IS NULL AND "expiresAt" > ${now} AND "attemptsLeft" > 0
    RETURNING "userId", "codeHash", "attemptsLeft"`;
  if (!attempt) {
    const challenge = await db.signInCode.findFirst({
      where: { id: challengeId, municipalityId },
      select: { expiresAt: true, usedAt: true },
    });
    return { ok: false, reason: !challenge || challenge.usedAt || challenge.expiresAt <= now ? "EXPIRED" : "USED_UP" };
  }
  const right = await verify(attempt.codeHash, code.trim()).catch(() => false);
  if (right && attempt.userId) {
    const { count } = await db.signInCode.updateMany({
      where: { id: challengeId, usedAt: null },
      data: { usedAt: now },
    });
    if (count === 1) return { ok: true, userId: attempt.userId };
    return { ok: false, reason: "EXPIRED" };
  }
  return attempt.attemptsLeft > 0
    ? { ok: false, reason: "WRONG", attemptsLeft: attempt.attemptsLeft }
    : { ok: false, reason: "USED_UP" };
}

/** Removes challenges that ended more than a day ago (they are no use to anyone). */
export async function purgeOldSignInCodes(now: Date) {
  const { count } = await db.signInCode.deleteMany({
    where: { expiresAt: { lt: new Date(now.getTime() - 86_400_000) } },
  });
  return count;
}
