/** What a deleted (anonymised) account looks like: see app/services/account-deletion.server.ts. */

/** What a deleted account is called from then on, wherever an application shows its applicant. */
export const DELETED_NAME = "退会済みの利用者";

/** Unique per account (the email is unique per municipality) and never deliverable (RFC 2606). */
export function deletedEmail(userId: string) {
  return `deleted-${userId}@invalid`;
}

/**
 * Whether mail can reach this account: a deleted one keeps only an undeliverable address, and a
 * resident registered at the counter may have none at all.
 */
export function hasUsableEmail<U extends { id: string; email: string | null }>(user: U): user is U & { email: string } {
  return user.email !== null && user.email !== deletedEmail(user.id);
}
