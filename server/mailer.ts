import { deliverDueMail } from "../app/services/mail.server";
import { purgeOldSignInCodes } from "../app/services/sign-in-codes.server";

const ROUND_MS = 30_000;

/**
 * Sends what is due in the outbox every half minute (new messages are also sent at once by
 * the request that queued them), and clears out old sign-in challenges.
 */
export async function startMailer(options: { smtpUrl?: string; from: string }) {
  process.env.MAIL_FROM = options.from;
  if (options.smtpUrl) process.env.SMTP_URL = options.smtpUrl;
  const round = async () => {
    const now = new Date();
    await deliverDueMail(now).catch((error) => console.error("[tsudoi] mail round failed", error));
    await purgeOldSignInCodes(now).catch(() => {});
  };
  const timer = setInterval(round, ROUND_MS);
  timer.unref();
  await round();
  return { stop: () => clearInterval(timer) };
}
