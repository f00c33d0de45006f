import { createHash, randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Role } from "~/generated/prisma/client";
import { invitationMail } from "~/mail/templates.server";
import { db } from "~/utils/db.server";
import { normalizeEmail } from "./accounts.server";
import { audit } from "./audit.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";

export const INVITATION_DAYS = 7;
export const INVITABLE_ROLES = ["STAFF", "MANAGER"] as const satisfies readonly Role[];
export type InvitableRole = (typeof INVITABLE_ROLES)[number];

const ROLE_LABEL: Record<InvitableRole, string> = { STAFF: "職員", MANAGER: "施設管理人" };

// The token is long and random, so a plain SHA-256 is enough to keep it out of the database.
const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

export type InviteInput = { email: string; role: InvitableRole; facilityIds: string[] };

/**
 * Invites staff or a hall manager of `municipalityId` by email; `invitedById` is the staff
 * member (null when an operator creates the municipality). Facilities must be the
 * municipality's own. The mail is queued in the same transaction.
 */
export async function invite(
  municipality: { id: string; slug: string; name: string; helpPhone: string },
  invitedById: string | null,
  input: InviteInput,
  baseUrl: string,
  now: Date,
): Promise<{ ok: true } | { ok: false; code: "ALREADY_REGISTERED" | "UNKNOWN_FACILITY" }> {
  const email = normalizeEmail(input.email);
  const facilityIds = input.role === "MANAGER" ? [...new Set(input.facilityIds)] : [];
  const known = await db.facility.count({ where: { municipalityId: municipality.id, id: { in: facilityIds } } });
  if (known !== facilityIds.length) return { ok: false, code: "UNKNOWN_FACILITY" };
  const existing = await db.user.findUnique({
    where: { municipalityId_email: { municipalityId: municipality.id, email } },
    select: { id: true },
  });
  if (existing) return { ok: false, code: "ALREADY_REGISTERED" };
  const token = randomBytes(24).toString("base64url");
  await db.$transaction(async (tx) => {
    const invitation = await tx.invitation.create({
      data: {
        municipalityId: municipality.id,
        email,
        role: input.role,
        facilityIds,
        tokenHash: tokenHash(token),
        invitedById,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
      },
    });
    await enqueueMail(tx, {
      municipalityId: municipality.id,
      to: email,
      ...invitationMail(municipality, {
        roleLabel: ROLE_LABEL[input.role],
        url: `${baseUrl}/${municipality.slug}/invite/${token}`,
        days: INVITATION_DAYS,
      }),
    });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: invitedById,
      action: "invitation.created",
      entity: "Invitation",
      entityId: invitation.id,
      details: { role: input.role, facilityIds },
    });
  });
  sendQueuedMailSoon();
  return { ok: true };
}

/** A live invitation of this municipality for `token`, or null. */
export async function findInvitation(municipalityId: string, token: string, now: Date) {
  return db.invitation.findFirst({
    where: { municipalityId, tokenHash: tokenHash(token), acceptedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, role: true, facilityIds: true },
  });
}

export type AcceptInput = { name: string; phone: string; password: string };

/** Creates the invited person's account, once; a second use of the link finds nothing. */
export async function acceptInvitation(municipalityId: string, token: string, input: AcceptInput, now: Date) {
  const invitation = await findInvitation(municipalityId, token, now);
  if (!invitation) return null;
  const passwordHash = await hash(input.password);
  return db.$transaction(async (tx) => {
    const { count } = await tx.invitation.updateMany({
      where: { id: invitation.id, acceptedAt: null },
      data: { acceptedAt: now },
    });
    if (count !== 1) return null;
    const user = await tx.user.create({
      data: {
        municipalityId,
        email: invitation.email,
        name: input.name,
        phone: input.phone,
        role: invitation.role,
        passwordHash,
        facilities: {
          create: invitation.facilityIds.map((facilityId) => ({ municipalityId, facilityId })),
        },
      },
      select: { id: true },
    });
    await audit(tx, {
      municipalityId,
      actorId: user.id,
      action: "invitation.accepted",
      entity: "User",
      entityId: user.id,
      details: { role: invitation.role, facilityIds: invitation.facilityIds },
    });
    return user.id;
  });
}

export async function listInvitations(municipalityId: string) {
  return db.invitation.findMany({
    where: { municipalityId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, email: true, role: true, facilityIds: true, expiresAt: true, acceptedAt: true, createdAt: true },
  });
}
