import type { Language } from "~/i18n";
import { ja } from "~/i18n/ja";

/**
 * The text of every email, in the recipient's language. Kept out of the page dictionaries so
 * that no page ships them to the browser.
 */
type Muni = { name: string; helpPhone: string };

const signature = {
  ja: (m: Muni) => `\n--\n${m.name} 施設予約（Tsudoi）\nお問い合わせ：${m.helpPhone}\nこのメールに心当たりがないときは、何もしないでください。`,
  en: (m: Muni) => `\n--\n${m.name} facility booking (Tsudoi)\nHelp: ${m.helpPhone}\nIf you did not expect this email, you can ignore it.`,
};

export function signInCodeMail(language: Language, municipality: Muni, code: string, minutes: number) {
  if (language === "en") {
    return {
      subject: `[${municipality.name}] Your sign-in code`,
      body: `Your sign-in code is:\n\n    ${code}\n\nEnter it on the sign-in page within ${minutes} minutes. Never tell this code to anyone, even if they say they are staff.\n${signature.en(municipality)}`,
    };
  }
  return {
    // never the code in the subject: the outbox keeps subjects after it blanks bodies
    subject: `【${municipality.name} 施設予約】ログイン用の番号`,
    body: `ログイン用の番号は次のとおりです。\n\n    ${code}\n\n${minutes}分以内に、ログインの画面で入力してください。この番号は、職員を名乗る人にも教えないでください。\n${signature.ja(municipality)}`,
  };
}

export function invitationMail(
  municipality: Muni,
  invitation: { roleLabel: string; url: string; days: number },
) {
  return {
    subject: `【${municipality.name} 施設予約】${invitation.roleLabel}アカウントへのご招待`,
    body: `${municipality.name}の施設予約システム（Tsudoi）の${invitation.roleLabel}アカウントへ招待されました。\n\n次のページで、お名前とパスワードを決めてください（${invitation.days}日間有効です）。\n\n${invitation.url}\n${signature.ja(municipality)}`,
  };
}

export function exemptionDecisionMail(
  municipality: Muni,
  d: { number: number; category: string; approved: boolean; reason: string; totalFee: number },
) {
  const yen = ja.yen(d.totalFee);
  return {
    subject: `【${municipality.name} 施設予約】減免の申請の結果（申込番号 ${d.number}）`,
    body: d.approved
      ? `申込番号 ${d.number} の減免（${d.category}）が認められました。\nお支払いいただく使用料は ${yen} です。\n${signature.ja(municipality)}`
      : `申込番号 ${d.number} の減免（${d.category}）は認められませんでした。\n理由：${d.reason}\nお支払いいただく使用料は ${yen} のままです。予約を取り消すときは「わたしの予約」からできます。\n${signature.ja(municipality)}`,
  };
}

export function groupDecisionMail(municipality: Muni, d: { name: string; approved: boolean; reason: string }) {
  return {
    subject: `【${municipality.name} 施設予約】団体登録の結果（${d.name}）`,
    body: d.approved
      ? `「${d.name}」を登録団体として登録しました（1年間有効です）。\n申し込みの「減免」の質問で、団体として申し込めます。\n${signature.ja(municipality)}`
      : `「${d.name}」の団体登録の申請を差し戻しました。\n理由：${d.reason}\n内容を直して、もう一度申請してください。\n${signature.ja(municipality)}`,
  };
}

/** Once, 30 days before a group's registration expires: how to renew it. */
export function groupRenewalReminderMail(municipality: Muni, d: { name: string; expiresOn: string; url: string }) {
  return {
    subject: `【${municipality.name} 施設予約】団体登録の更新のお知らせ（${d.name}）`,
    body: `「${d.name}」の団体登録は、${ja.longDate(d.expiresOn)}まで有効です。\n続けて団体として申し込むときは、期限までに次のページで「更新を申し込む」を押してください。職員が確認するあいだも、いまの登録は期限まで使えます。\n\n${d.url}\n${signature.ja(municipality)}`,
  };
}

export function groupRenewalDecisionMail(
  municipality: Muni,
  d: { name: string; approved: boolean; reason: string; expiresOn: string },
) {
  const until = ja.longDate(d.expiresOn);
  return {
    subject: `【${municipality.name} 施設予約】団体登録の更新の結果（${d.name}）`,
    body: d.approved
      ? `「${d.name}」の団体登録を更新しました。\n新しい有効期限は ${until} です。\n${signature.ja(municipality)}`
      : `「${d.name}」の団体登録の更新を差し戻しました。\n理由：${d.reason}\nいまの登録の有効期限は ${until} のままです。内容を確かめて、もう一度更新を申し込むか、お問い合わせください。\n${signature.ja(municipality)}`,
  };
}

const yen = ja.yen;
const dateTime = (d: Date, timeZone: string) =>
  d.toLocaleString("ja-JP", { timeZone, month: "long", day: "numeric", weekday: "short", hour: "numeric", minute: "2-digit" });

/** After submitting: the number, what is due and until when the slots are held. */
export function applicationReceivedMail(
  municipality: Muni & { timeZone: string },
  d: { number: number; confirmed: boolean; due: number; holdExpiresAt: Date | null; url: string; byProxy?: boolean },
) {
  const state = d.confirmed
    ? "予約が確定しました。"
    : d.holdExpiresAt
      ? `仮予約です。${dateTime(d.holdExpiresAt, municipality.timeZone)}までにお支払いがないと、予約は取り消されます。`
      : "仮予約です。減免の確認が終わったら、お知らせします。";
  return {
    subject: `【${municipality.name} 施設予約】申し込みを受け付けました（申込番号 ${d.number}）`,
    body: `申込番号 ${d.number} の申し込みを${d.byProxy ? "施設の窓口で" : ""}受け付けました。\n${state}\nお支払いいただく使用料：${yen(d.due)}（税込）\n\n申し込みの内容：\n${d.url}\n${signature.ja(municipality)}`,
  };
}

export function paymentReceivedMail(municipality: Muni, d: { number: number; amount: number; confirmed: boolean; url: string }) {
  return {
    subject: `【${municipality.name} 施設予約】お支払いを確認しました（申込番号 ${d.number}）`,
    body: `申込番号 ${d.number} の使用料 ${yen(d.amount)} のお支払いを確認しました。${d.confirmed ? "予約が確定しました。" : ""}\n領収書は次のページから印刷できます。\n${d.url}\n${signature.ja(municipality)}`,
  };
}

export function holdExpiredMail(municipality: Muni, d: { number: number }) {
  return {
    subject: `【${municipality.name} 施設予約】お支払いの期限が過ぎたため予約を取り消しました（申込番号 ${d.number}）`,
    body: `申込番号 ${d.number} は、お支払いの期限までにお支払いがなかったため、取り消しました。枠はほかの方が予約できるようになっています。\nもう一度使いたいときは、あらためて申し込んでください。\n${signature.ja(municipality)}`,
  };
}

export function cancellationMail(municipality: Muni, d: { number: number; slots: number; refund: number; counter: boolean; byMunicipality: boolean; reason?: string }) {
  const refund =
    d.refund > 0
      ? `返金する金額：${yen(d.refund)}${d.counter ? "（施設の窓口でお返しします。この申込番号をお伝えください）" : "（お支払いに使ったカードなどへ返金します）"}`
      : "返金はありません。";
  return {
    subject: `【${municipality.name} 施設予約】予約を取り消しました（申込番号 ${d.number}）`,
    body: `${d.byMunicipality ? "施設の都合により、" : ""}申込番号 ${d.number} の ${d.slots}枠を取り消しました。${d.byMunicipality && d.reason ? `\n理由：${d.reason}\nご迷惑をおかけして申し訳ありません。` : ""}\n${refund}\n${signature.ja(municipality)}`,
  };
}

/** The hall accepted a held application: it is booked; what is still due is paid at the counter. */
export function hallConfirmedMail(municipality: Muni, d: { number: number; due: number; url: string }) {
  const money = d.due > 0 ? `使用料 ${yen(d.due)}（税込）は、利用する日に施設の窓口でお支払いください。` : "お支払いいただくものはありません。";
  return {
    subject: `【${municipality.name} 施設予約】予約が確定しました（申込番号 ${d.number}）`,
    body: `申込番号 ${d.number} の申し込みを施設が受け付け、予約が確定しました。\n${money}\n\n申し込みの内容と使用許可書：\n${d.url}\n${signature.ja(municipality)}`,
  };
}
