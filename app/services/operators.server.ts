import { hash } from "@node-rs/argon2";
import { OPERATOR_SESSION, sessionIsLive, TOUCH_EVERY_MS } from "~/domain/session-policy";
import { db } from "~/utils/db.server";
import { normalizeEmail, passwordMatches } from "./accounts.server";
import { audit } from "./audit.server";
import { invite } from "./invitations.server";
import { checkTotp } from "./totp.server";

/** An operator's id when the email, password and current TOTP code all match. */
export async function verifyOperator(email: string, password: string, code: string) {
  const operator = await db.operator.findUnique({
    where: { email: normalizeEmail(email) },
    select: { id: true, passwordHash: true, totpSecret: true },
  });
  const passwordOk = await passwordMatches(operator?.passwordHash, password);
  if (!operator || !passwordOk) return null;
  return (await checkTotp(operator.totpSecret, code)) ? operator.id : null;
}

export async function createOperatorSession(operatorId: string, now: Date) {
  const session = await db.operatorSession.create({
    data: { operatorId, lastSeenAt: now, expiresAt: new Date(now.getTime() + OPERATOR_SESSION.absoluteMs) },
    select: { id: true },
  });
  return session.id;
}

export async function findOperator(sessionId: string, now: Date) {
  const session = await db.operatorSession.findUnique({
    where: { id: sessionId },
    select: { expiresAt: true, lastSeenAt: true, operator: { select: { id: true, name: true, email: true } } },
  });
  if (!session) return null;
  if (!sessionIsLive(session, OPERATOR_SESSION, now)) {
    await endOperatorSession(sessionId);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.operatorSession.updateMany({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  return session.operator;
}

export async function endOperatorSession(sessionId: string) {
  await db.operatorSession.deleteMany({ where: { id: sessionId } });
}

/** For the command line on a fresh install (scripts/create-operator.ts). */
export async function createOperator(input: { email: string; name: string; password: string; totpSecret: string }) {
  return db.operator.create({
    data: {
      email: normalizeEmail(input.email),
      name: input.name,
      passwordHash: await hash(input.password),
      totpSecret: input.totpSecret,
    },
    select: { id: true, email: true },
  });
}

export async function listMunicipalities() {
  return db.municipality.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, name: true, helpPhone: true, _count: { select: { users: true, facilities: true } } },
  });
}

export type NewMunicipality = { slug: string; name: string; helpPhone: string; staffEmail: string };

/**
 * Creates a municipality (tenant) and invites its first staff member, who then sets up
 * facilities and invites colleagues.
 */
export async function createMunicipality(
  operatorId: string,
  input: NewMunicipality,
  baseUrl: string,
  now: Date,
): Promise<{ ok: true; slug: string } | { ok: false; code: "SLUG_TAKEN" }> {
  const taken = await db.municipality.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (taken) return { ok: false, code: "SLUG_TAKEN" };
  const municipality = await db.$transaction(async (tx) => {
    const created = await tx.municipality.create({
      data: { slug: input.slug, name: input.name, helpPhone: input.helpPhone },
    });
    await audit(tx, {
      municipalityId: created.id,
      actorId: null,
      action: "municipality.created",
      entity: "Municipality",
      entityId: created.id,
      details: { byOperator: operatorId, slug: input.slug },
    });
    return created;
  }).catch((error: { code?: string }) => {
    if (error.code === "P2002") return null;
    throw error;
  });
  if (!municipality) return { ok: false, code: "SLUG_TAKEN" };
  await invite(municipality, null, { email: input.staffEmail, role: "STAFF", facilityIds: [] }, baseUrl, now);
  return { ok: true, slug: municipality.slug };
}
