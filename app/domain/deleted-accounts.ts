/** What a deleted (anonymised) account looks like: see app/services/account-deletion.server.ts. */

/** What a deleted account is called from then on, wherever an application shows its applicant. */
export const DELETED_NAME = "退会済みの利用者";

/** Unique per account (the email is unique per municipality) and never deliverable (RFC 2606). */
export function deletedEmail(userId: string) {
  return `deleted-${userId}@invalid`;
}

/** Whether mail can reach this account: a deleted one keeps only an undeliverable address. */
export function hasUsableEmail(user: { id: string; email: string }) {
  return user.email !== deletedEmail(user.id);
}
