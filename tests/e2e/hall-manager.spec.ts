import { expect, type Page, test } from "@playwright/test";
import { MAIL_DIR } from "../../playwright.config";
import { savedMailCount, savedMailTo } from "../support/smtp";
import { answerFeeQuestions, expectNoAxeViolations, MUNI, openFirstFreeDay, selectFirstFreeFrame, signInAsDemoResident } from "./support";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

/** The demo hall manager (中央公民館) signs in with the demo password; managers need no second factor. */
async function signInAsManager(page: Page) {
  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill("kanri@example.jp");
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page).toHaveURL(new RegExp(`${MUNI}/manage$`));
  await expect(h1(page)).toHaveText(/^\d+月\d+日\(.\)の予約$/);
}

test("the hall manager confirms a resident's application, records a headcount and prints the day sheet at phone size", async ({ page, browser }) => {
  // a resident applies for 集会室B of 中央公民館, to pay at the counter: held (仮予約)
  await signInAsDemoResident(page, "suzuki@example.jp");
  await page.goto(MUNI);
  await page.getByRole("link", { name: /^中央公民館/ }).click();
  await page.getByRole("link", { name: /^集会室B/ }).click();
  await openFirstFreeDay(page, async () => {});
  await selectFirstFreeFrame(page);
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await page.getByLabel("利用目的").fill("民謡の練習");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await answerFeeQuestions(page);
  await page.getByLabel("利用人数").fill("15");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.getByRole("button", { name: "確認へ進む" }).click();
  await expect(page.getByRole("radio", { name: /施設の窓口で払う/ })).toBeChecked();
  await page.getByRole("button", { name: "この内容で申し込む" }).click();
  await expect(page).toHaveURL(/\?submitted=1$/);
  await expect(page.locator(".status--TENTATIVE")).toHaveText("仮予約");
  const number = (await page.locator(".application-number").innerText()).trim();
  const detailUrl = page.url().replace(/\?.*$/, "");

  // the manager finds it waiting, and is told a reason is needed to turn it down
  const manager = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAsManager(manager);
  await expectNoAxeViolations(manager);
  await manager.getByRole("navigation", { name: "施設の管理" }).getByRole("link", { name: "受け付け待ち" }).click();
  await expect(h1(manager)).toHaveText("受け付け待ちの申し込み");
  const card = manager.locator(".card", { hasText: `申込番号 ${number}` });
  await expect(card).toContainText("民謡の練習");
  await expect(card).toContainText("未払い");
  await expectNoAxeViolations(manager);
  await card.getByRole("button", { name: /^お断りする/ }).click();
  await expect(card.getByText("お断りする理由を書いてください")).toBeVisible();
  await expectNoAxeViolations(manager);

  // …and accepts it: booked, payment still due at the counter, the resident told by mail
  const before = savedMailCount(MAIL_DIR);
  await card.getByRole("button", { name: "受け付ける（予約を確定する）" }).click();
  await expect(manager.getByRole("status")).toContainText(`申込番号 ${number} を受け付けました。`);
  await expect(manager.locator(".card", { hasText: `申込番号 ${number}` })).toHaveCount(0);
  const mail = await savedMailTo(MAIL_DIR, "suzuki@example.jp", { after: before });
  expect(mail.subject).toContain(`予約が確定しました（申込番号 ${number}）`);
  expect(mail.text).toContain("施設の窓口でお支払いください");
  await page.goto(detailUrl);
  await expect(page.locator(".status--CONFIRMED")).toHaveText("予約確定");

  // the week shows it; the day shows the demo's bookings (today, or the last day the hall was open)
  await manager.getByRole("link", { name: "1週間の予約" }).click();
  await expect(h1(manager)).toHaveText(/〜.*の予約$/);
  await expectNoAxeViolations(manager);
  await manager.getByRole("link", { name: "1日の予約" }).click();
  const slot = manager.locator(".card", { hasText: "健康体操教室" });
  const usageForm = slot.locator("summary", { hasText: "利用実績を記録する" });
  for (let i = 0; i < 7 && (await usageForm.count()) === 0; i++) {
    await manager.getByRole("link", { name: "‹ 前の日" }).click();
    await expect(h1(manager)).toHaveText(/の予約$/);
  }
  await expect(slot).toContainText("当日窓口払い");
  await expect(slot).toContainText("ワイヤレスマイク 2");
  await expectNoAxeViolations(manager);

  // the headcount: a choice is needed; then 23 people, typed in full-width digits
  await usageForm.click();
  await slot.getByRole("button", { name: "利用実績を記録する" }).click();
  await expect(slot.getByText("利用があったか、来なかったかを選んでください")).toBeVisible();
  await slot.locator("label.choice").filter({ hasText: /^利用があった$/ }).click();
  await slot.getByLabel("実際の人数").fill("２３");
  await slot.getByRole("button", { name: "利用実績を記録する" }).click();
  await expect(slot.getByRole("status")).toContainText("利用実績を記録しました。");
  await expect(slot).toContainText("利用実績：23人");
  await expectNoAxeViolations(manager);

  // the day sheet: the day's slots as a table; on paper nothing else
  await manager.getByRole("link", { name: "中央公民館のこの日の表（印刷用）" }).click();
  await expect(h1(manager)).toContainText("中央公民館");
  await expect(h1(manager)).toContainText("の利用予定");
  const row = manager.locator("table.day-sheet__table tr", { hasText: "健康体操教室" });
  await expect(row).toContainText("鈴木 一郎");
  await expect(row).toContainText("当日窓口払い");
  await expect(row).toContainText("□到着");
  await expectNoAxeViolations(manager);
  await manager.emulateMedia({ media: "print" });
  await expect(manager.locator(".site-header")).toBeHidden();
  await expect(manager.getByRole("button", { name: "印刷する" })).toBeHidden();
  await expect(manager.locator("table.day-sheet__table")).toBeVisible();
  await manager.close();
});
