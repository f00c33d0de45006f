import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { MAIL_DIR } from "../../playwright.config";
import { savedMailCount, savedMailTo } from "../support/smtp";
import {
  expectNoAxeViolations,
  formatYen,
  MUNI,
  openFirstFreeDay,
  registerResident,
  selectFirstFreeFrame,
  signInAsStaff,
  uniqueEmail,
} from "./support";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

test("a resident registers a group, staff approve it with 50% off, and the representative books for it at half price", async ({ page, browser }) => {
  const email = uniqueEmail("group");
  await registerResident(page, email, "体操の会 代表");

  // registering the group: a missing answer is said and what was typed is kept
  await page.getByRole("link", { name: /団体の登録/ }).click();
  await expect(h1(page)).toHaveText("団体の登録");
  const name = `朝の体操の会 ${Date.now()}`;
  await page.getByRole("textbox", { name: /^団体の名前/ }).fill(name);
  await page.getByLabel("団体の目的・活動の内容").fill("毎朝ラジオ体操をします");
  await page.getByLabel("会員の人数").fill("たくさん");
  await page.getByRole("button", { name: "登録を申請する" }).click();
  await expect(page.locator(".error-summary")).toContainText("会員の人数は1以上の数字で入力してください");
  await expect(page.locator(".error-summary")).toContainText("活動の種類を選んでください");
  await expect(page.getByRole("textbox", { name: /^団体の名前/ })).toHaveValue(name);
  await expectNoAxeViolations(page);
  await page.getByLabel("会員の人数").fill("８");
  await page.locator("label.choice").filter({ hasText: /^スポーツ$/ }).click();
  await page.getByRole("button", { name: "登録を申請する" }).click();
  await expect(page.getByRole("status")).toContainText(`「${name}」の登録を申請しました`);
  await expect(page.locator(".card", { hasText: name })).toContainText("職員が確認中");

  // staff approve it with the 5割減額 category
  const staff = await browser.newPage();
  await signInAsStaff(staff);
  await staff.getByRole("link", { name: "団体登録の申請を確認する" }).click();
  const card = staff.locator(".card", { hasText: name });
  await expect(card).toContainText("毎朝ラジオ体操をします");
  await card.locator("label.choice").filter({ hasText: /^登録団体の活動/ }).click();
  await card.getByRole("button", { name: "登録を認める" }).click();
  await expect(staff.getByRole("status")).toContainText(`「${name}」を登録しました。`);
  await expectNoAxeViolations(staff);
  await staff.close();

  // the representative books as the group: half the fee at once, no further approval
  await page.goto(MUNI);
  await page.getByRole("link", { name: /^五日市地区会館/ }).click();
  await page.getByRole("link", { name: /^学習室/ }).click();
  await openFirstFreeDay(page, async () => {});
  const slot = await selectFirstFreeFrame(page);
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await page.getByLabel("利用目的").fill("ラジオ体操");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.locator("label.choice").filter({ hasText: /^はい$/ }).click();
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.getByRole("button", { name: "次へ進む" }).click();
  // 五日市地区会館 lends a projector: borrow nothing
  await expect(page).toHaveURL(/\/apply\/equipment$/);
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.locator("label.choice").filter({ hasText: `登録団体「${name}」として申し込む` }).click();
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.getByLabel("利用人数").fill("8");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.getByRole("button", { name: "確認へ進む" }).click();
  const half = Math.floor(slot.fee / 2 / 10) * 10;
  await expect(page.getByText(`合計 ${formatYen(half)}`)).toBeVisible();
  await expect(page.locator(".summary-list")).toContainText(`登録団体「${name}」として申し込む`);
  await page.getByRole("button", { name: "この内容で申し込む" }).click();
  await expect(page).toHaveURL(/\?submitted=1$/);
  await expect(page.getByText("減免が認められました")).toBeVisible();
  await expect(page.getByText(`合計 ${formatYen(half)}`)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("山田さん is reminded that the demo group expires in 25 days, asks to renew it, and staff renew it for a year", async ({ page, browser }) => {
  // the reminder went out in the first mail round after the server started
  const reminders = readdirSync(MAIL_DIR)
    .map((f) => JSON.parse(readFileSync(path.join(MAIL_DIR, f), "utf8")) as { to: string; subject: string; text: string })
    .filter((m) => m.to.includes("yamada@example.jp") && m.subject.includes("団体登録の更新のお知らせ"));
  expect(reminders).toHaveLength(1);
  expect(reminders[0]!.text).toContain("/akiruno/groups");

  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill("yamada@example.jp");
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await page.getByRole("button", { name: "ログインする" }).click();
  await page.goto(`${MUNI}/groups`);
  const card = page.locator(".card", { hasText: "あきる野俳句の会" });
  await expect(card).toContainText(/有効期限：\d{4}年\d+月\d+日/);
  await expect(card).toContainText(/あと2[45]日で期限が切れます/);
  await expectNoAxeViolations(page);
  await card.getByRole("button", { name: "更新を申し込む" }).click();
  await expect(page.getByRole("status")).toContainText("「あきる野俳句の会」の更新を申し込みました");
  await expect(card).toContainText("更新の申し込みを職員が確認中です");
  await expect(card.getByRole("button", { name: "更新を申し込む" })).toHaveCount(0);

  const before = savedMailCount(MAIL_DIR);
  const staff = await browser.newPage();
  await signInAsStaff(staff);
  await staff.goto(`${MUNI}/staff/groups`);
  const request = staff.locator(".card", { hasText: "あきる野俳句の会" });
  await expect(request).toContainText("更新");
  await expect(request).toContainText("いまの有効期限");
  await request.getByRole("button", { name: "更新を認める" }).click();
  await expect(staff.getByRole("status")).toContainText("「あきる野俳句の会」の登録を更新しました。");
  await staff.close();

  const mail = await savedMailTo(MAIL_DIR, "yamada@example.jp", { after: before });
  expect(mail.subject).toContain("団体登録の更新の結果");
  await page.reload();
  await expect(card).not.toContainText("期限が切れます");
  await expect(card.getByRole("button", { name: "更新を申し込む" })).toHaveCount(0);
});
