import { remindGroupRenewals } from "../app/services/groups.server";
import { deliverDueMail } from "../app/services/mail.server";
import { expireDueHolds } from "../app/services/payments.server";
import { purgeOldSignInCodes } from "../app/services/sign-in-codes.server";

const ROUND_MS = 30_000;

/**
 * Every half minute: ends unpaid holds that ran out (telling the applicants), queues the reminders of group registrations about to expire, sends what
 * is due in the outbox (new messages are also sent at once by the request that queued them),
 * and clears out old sign-in challenges. `publicUrl` is where links in those reminders point.
 */
export async function startMailer(options: { smtpUrl?: string; from: string; publicUrl: string }) {
  process.env.MAIL_FROM = options.from;
  if (options.smtpUrl) process.env.SMTP_URL = options.smtpUrl;
  const round = async () => {
    const now = new Date();
    await expireDueHolds(now).catch((error) => console.error("[tsudoi] expiring holds failed", error));
    await remindGroupRenewals(now, options.publicUrl).catch((error) => console.error("[tsudoi] group renewal reminders failed", error));
    await deliverDueMail(now).catch((error) => console.error("[tsudoi] mail round failed", error));
    await purgeOldSignInCodes(now).catch(() => {});
  };
  const timer = setInterval(round, ROUND_MS);
  timer.unref();
  await round();
  return { stop: () => clearInterval(timer) };
}
