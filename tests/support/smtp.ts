import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; subject: string; text: string };

/**
 * A real SMTP server on a loopback port that keeps what it receives, for tests; with `saveTo`
 * each message is also written there as JSON, for tests running in other processes.
 */
export async function startSmtpServer(options: { port?: number; saveTo?: string } = {}) {
  const { port = 0, saveTo } = options;
  if (saveTo) mkdirSync(saveTo, { recursive: true });
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          const message = { to: to?.text ?? "", subject: mail.subject ?? "", text: mail.text ?? "" };
          received.push(message);
          if (saveTo) {
            const name = `${String(received.length).padStart(6, "0")}.json`;
            writeFileSync(path.join(saveTo, name), JSON.stringify(message));
          }
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.server.address() as AddressInfo;
  return {
    port: address.port,
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    /** The newest mail to `to`, waiting for it to arrive. */
    async mailTo(to: string, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const mail = received.findLast((m) => m.to.includes(to));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The six-digit sign-in code in a message. */
export function codeIn(text: string) {
  const match = /(?<!\d)(\d{6})(?!\d)/.exec(text);
  if (!match) throw new Error(`no code in: ${text}`);
  return match[1]!;
}

/** The newest message to `to` saved by a server started with `saveTo`, waiting for it. */
export async function savedMailTo(dir: string, to: string, options: { after?: number; timeoutMs?: number } = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const files = readdirSync(dir).sort();
    for (const file of files.slice(options.after ?? 0).reverse()) {
      const mail = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as ReceivedMail;
      if (mail.to.toLowerCase().includes(to.toLowerCase())) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} in ${dir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How many messages are saved so far (to look only at newer ones). */
export function savedMailCount(dir: string) {
  return readdirSync(dir).length;
}
