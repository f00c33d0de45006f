import { expect, test } from "@playwright/test";
import { answerFeeQuestions, expectNoAxeViolations, MUNI, openFirstFreeDay, selectFirstFreeFrame } from "./support";

const DEMO_EMAIL = "yamada@example.jp";
const DEMO_PASSWORD = "tsudoi-demo";

test("a wrong password shows a Japanese error and keeps the typed email", async ({ page }) => {
  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill(DEMO_EMAIL);
  await page.getByLabel("パスワード").fill("not-the-password");
  await page.getByRole("button", { name: "ログインする" }).click();

  await expect(page).toHaveURL(/\/akiruno\/login/);
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("heading", { name: "入力内容を確認してください" })).toBeVisible();
  await expect(summary).toContainText("メールアドレスかパスワードが違います。もう一度入力してください。");

  const email = page.getByLabel("メールアドレス");
  await expect(email).toHaveValue(DEMO_EMAIL);
  // the pair was wrong, not the email field: neither field is marked
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("パスワード")).toHaveValue("");
  expect(await page.content(), "the typed password is not echoed into the page").not.toContain("not-the-password");
  await expectNoAxeViolations(page);

  // the right password then signs in
  await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "わたしの予約" })).toBeVisible();
});

test("a headcount that is not a number shows an error and keeps what was typed", async ({ page }) => {
  // sign in, then put one slot in the selection so that /apply opens
  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill(DEMO_EMAIL);
  await page.getByLabel("パスワード").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "わたしの予約" })).toBeVisible();

  await page.goto(MUNI);
  await page.getByRole("link", { name: /^中央公民館/ }).click();
  await page.getByRole("link", { name: /^調理室/ }).click();
  await openFirstFreeDay(page, async () => {});
  await selectFirstFreeFrame(page);
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await expect(page).toHaveURL(/\/akiruno\/apply\/purpose$/);
  await page.getByLabel("利用目的").fill("体操教室");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await answerFeeQuestions(page);
  await page.getByLabel("利用人数").fill("たくさん");
  await page.getByRole("button", { name: "次へ進む" }).click();

  await expect(page).toHaveURL(/\/akiruno\/apply\/headcount$/);
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "利用人数：利用人数は数字で入力してください（例：12）" })).toBeVisible();
  const headcount = page.getByLabel("利用人数");
  await expect(headcount).toHaveAttribute("aria-invalid", "true");
  await expect(headcount).toHaveAccessibleDescription(/利用人数は数字で入力してください/);
  await expect(headcount).toHaveValue("たくさん");
  await expectNoAxeViolations(page);

  // the summary's link takes you to the field
  await summary.getByRole("link", { name: /利用人数/ }).click();
  await expect(headcount).toBeFocused();

  // fixed (full-width digits are fine), it goes on; the earlier answer was kept
  await headcount.fill("１２");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.getByLabel("当日の連絡先電話番号").fill("090-5555-6666");
  await page.getByRole("button", { name: "確認へ進む" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "申し込み内容の確認" })).toBeVisible();
  await expect(page.locator(".summary-list")).toContainText("体操教室");
  await expect(page.locator(".summary-list")).toContainText("12人");
  await expect(page.locator(".summary-list")).toContainText("090-5555-6666");
});
