import { readFile } from "node:fs/promises";
import { expect, type Page, test } from "@playwright/test";
import { MAIL_DIR } from "../../playwright.config";
import { savedMailCount } from "../support/smtp";
import { expectNoHorizontalScroll } from "./layout";
import { answerFeeQuestions, expectNoAxeViolations, MUNI, openFirstFreeDay, selectFirstFreeFrame, uniqueEmail } from "./support";

const PASSWORD = "correct horse battery";

async function registerAndSignIn(page: Page, email: string) {
  await page.goto(`${MUNI}/register?redirectTo=${encodeURIComponent(`${MUNI}/bookings`)}`);
  await page.getByLabel("お名前").fill("退会 花子");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("電話番号").fill("090-1234-5678");
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "わたしの予約" })).toBeVisible();
}

/** Books the first free slot of 五日市地区会館 学習室; returns the day page and the slot. */
async function bookOneSlot(page: Page) {
  await page.goto(MUNI);
  await page.getByRole("link", { name: /^五日市地区会館/ }).click();
  await page.getByRole("link", { name: /^学習室/ }).click();
  await openFirstFreeDay(page, async () => {});
  const dayUrl = page.url();
  const slot = await selectFirstFreeFrame(page);
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await page.getByLabel("利用目的").fill("俳句の会");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await answerFeeQuestions(page);
  await page.getByLabel("利用人数").fill("6");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.getByRole("button", { name: "確認へ進む" }).click();
  await page.getByRole("button", { name: "この内容で申し込む" }).click();
  await expect(page).toHaveURL(/\?submitted=1$/);
  return { dayUrl, slot };
}

/** Ticks a checkbox row as a person does: by pressing its words (the native box is drawn over). */
async function tick(page: Page, label: string) {
  await page.locator("label.choice", { hasText: label }).click();
  await expect(page.getByLabel(label)).toBeChecked();
}

async function signInFails(page: Page, email: string) {
  // no emailed code: the address is no longer anyone's
  const before = savedMailCount(MAIL_DIR);
  await page.goto(`${MUNI}/login`);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("button", { name: "番号をメールで受け取る" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "メールに届いた番号を入力" })).toBeVisible();
  await page.waitForTimeout(500);
  expect(savedMailCount(MAIL_DIR)).toBe(before);
  // and no password
  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page.locator(".error-summary")).toContainText("メールアドレスかパスワードが違います");
  await expect(page).toHaveURL(/\/akiruno\/login/);
}

test("a resident downloads their data as CSV, deletes their account, and can no longer sign in", async ({ page }) => {
  const pageErrors: Error[] = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  const email = uniqueEmail("delete");
  await registerAndSignIn(page, email);
  const { dayUrl, slot } = await bookOneSlot(page);

  // わたしの予約: the CSV opens in Japanese Excel (BOM, Japanese headings, CRLF)
  await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "わたしの予約" }).click();
  await expectNoAxeViolations(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /CSV形式/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^tsudoi-akiruno-my-data-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0]).toBe("登録している情報");
  expect(lines).toContain("お名前,退会 花子");
  expect(lines).toContain(`メールアドレス,${email}`);
  const header = lines.findIndex((line) => line.startsWith("申込番号,"));
  expect(lines[header]).toBe(
    "申込番号,申込日時,申し込みの状態,利用日,時間帯,時間,施設,部屋,利用料（円）,この枠の取消日時,利用目的,利用人数,当日の連絡先電話番号,申し込みの合計（円）",
  );
  expect(lines[header + 1]).toContain(",仮予約,");
  expect(lines[header + 1]).toContain(",五日市地区会館,学習室,");
  expect(lines[header + 1]).toContain(",俳句の会,6,090-1234-5678,");

  // the deletion page says what happens and lists the booking that will be cancelled
  await page.getByRole("link", { name: "退会する（登録を削除する）" }).click();
  await expect(page).toHaveURL(/\/akiruno\/account\/delete$/);
  await expect(page.getByRole("heading", { level: 1, name: "退会しますか？" })).toBeVisible();
  await expect(page.getByText("退会すると元に戻せません。", { exact: false })).toBeVisible();
  await expect(page.locator(".slot-list")).toContainText(slot.when);
  await expect(page.locator(".slot-list")).toContainText("学習室");
  await expect(page.getByRole("link", { name: /CSV形式/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // without ticking the box nothing happens but a clear error
  await page.getByRole("button", { name: "退会する" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("チェックを入れてください");
  await expectNoAxeViolations(page);

  await tick(page, "元に戻せないことを確認しました");
  await page.getByRole("button", { name: "退会する" }).click();
  await expect(page).toHaveURL(/\/akiruno\/account\/deleted$/);
  await expect(page.getByRole("heading", { level: 1, name: "退会しました" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "ログイン" })).toBeVisible();
  await expectNoAxeViolations(page);

  // signed out here, and the account cannot be signed in to any more
  await page.goto(`${MUNI}/bookings`);
  await expect(page).toHaveURL(/\/akiruno\/login\?redirectTo=/);
  await signInFails(page, email);

  // the booked slot is free for others again
  await page.goto(dayUrl);
  const frameName = slot.when.split(" ")[1]!;
  await expect(page.getByRole("button", { name: new RegExp(`^${frameName}.*選ぶ`) })).toBeVisible();
  expect(pageErrors.map(String)).toEqual([]);
});

test.describe("JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the deletion works with the plain HTML form", async ({ page }) => {
    const email = uniqueEmail("delete-nojs");
    await registerAndSignIn(page, email);
    await page.goto(`${MUNI}/account/delete`);
    await expect(page.getByText("取り消される予約はありません。")).toBeVisible();
    await page.getByRole("button", { name: "退会する" }).click();
    await expect(page.locator(".error-summary")).toContainText("チェックを入れてください");
    await tick(page, "元に戻せないことを確認しました");
    await page.getByRole("button", { name: "退会する" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "退会しました" })).toBeVisible();
    await signInFails(page, email);
  });
});

test.describe("narrowest phone, biggest text", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("the deletion page and its error fit 320px at 特大 and at 200% text, and pass axe", async ({ page }) => {
    await page.goto(`/prefs?size=xlarge&back=${encodeURIComponent(MUNI)}`);
    await registerAndSignIn(page, uniqueEmail("delete-narrow"));
    await page.goto(`${MUNI}/account/delete`);
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "xlarge");
    await expectNoHorizontalScroll(page, "delete account");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "退会する" }).click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await expectNoHorizontalScroll(page, "delete account: error");
    await expectNoAxeViolations(page);
  });
});
