import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BackLink } from "~/components/ui/back-link";
import { Notice } from "~/components/ui/notice";
import { staffText } from "~/i18n/staff";
import { listOutbox, mailIsConfigured } from "~/services/mail.server";
import { requireOperator } from "~/utils/session.server";

const t = staffText.operator;

/** The outbox, newest first: with no SMTP_URL this is where the demo's mail is read. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireOperator(request);
  const when = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", dateStyle: "short", timeStyle: "medium" });
  const messages = await listOutbox();
  return {
    mail: mailIsConfigured(),
    messages: messages.map((message) => ({ ...message, createdAt: when.format(message.createdAt) })),
  };
}

export default function Outbox() {
  const { mail, messages } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/operator">{t.home}</BackLink>
      <h1>{t.outboxTitle}</h1>
      <p>{t.outboxIntro}</p>
      {mail ? null : <Notice tone="warning">{t.noSmtp}</Notice>}
      {messages.length === 0 ? <p>{t.outboxNone}</p> : null}
      <ul className="card-list">
        {messages.map((message) => (
          <li key={message.id} className="card">
            <p className="card-title">{message.subject}</p>
            <p className="break-anywhere">{`${t.to}：${message.toAddress}（${message.municipality.name}）`}</p>
            <p>{`${t.status[message.status]}・${message.createdAt}`}</p>
            {message.lastError ? <p className="break-anywhere">{message.lastError}</p> : null}
            {message.body ? <pre className="mail-body">{message.body}</pre> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
