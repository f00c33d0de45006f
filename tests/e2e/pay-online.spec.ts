import { expect, type Page, test } from "@playwright/test";
import { answerFeeQuestions, expectNoAxeViolations, formatYen, MUNI, openFirstFreeDay, selectFirstFreeFrame, signInAsDemoResident } from "./support";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

test("a resident pays by card through Checkout at phone size, sees the booking confirmed, then cancels and sees the refund", async ({ page }) => {
  await signInAsDemoResident(page, "tanaka@example.jp");
  await page.goto(MUNI);
  await page.getByRole("link", { name: /^五日市地区会館/ }).click();
  await page.getByRole("link", { name: /^和室/ }).click();
  await openFirstFreeDay(page, async () => {});
  const slot = await selectFirstFreeFrame(page);
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await page.getByLabel("利用目的").fill("囲碁の練習");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await answerFeeQuestions(page);
  await page.getByLabel("利用人数").fill("4");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.getByRole("button", { name: "確認へ進む" }).click();

  // the review asks how to pay: at the counter unless the resident chooses otherwise
  await expect(h1(page)).toHaveText("申し込み内容の確認");
  await expect(page.getByRole("radio", { name: /施設の窓口で払う/ })).toBeChecked();
  await page.locator("label.choice").filter({ hasText: /^インターネットで払う/ }).click();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "この内容で申し込む" }).click();

  // Stripe Checkout (the fake): the amount, and a card payment
  await expect(page).toHaveURL(/\/pay\/cs_test_/);
  await expect(page.getByText(formatYen(slot.fee)).first()).toBeVisible();
  await page.getByRole("button", { name: "カードで支払う" }).click();

  // back on the application: confirmed and paid, whether or not the webhook came first
  await expect(page).toHaveURL(/\/bookings\/[^/?]+\?checkout=done$/);
  await expect(page.locator(".status--CONFIRMED")).toHaveText("予約確定");
  await expect(page.getByText(`お支払い済みです（${formatYen(slot.fee)}）。`)).toBeVisible();
  await expect(page.getByText(`インターネットでお支払い ${formatYen(slot.fee)}`)).toBeVisible();
  await expectNoAxeViolations(page);

  // cancelling shows the refund first, then records it
  await page.getByRole("link", { name: "この枠を取り消す" }).click();
  await expect(h1(page)).toHaveText("予約を取り消しますか？");
  // online booking closes the day before, so at least half comes back (the demo's policy)
  const refundLine = page.getByText(/^返金：/);
  await expect(refundLine).toBeVisible();
  const refundText = await refundLine.innerText();
  await expect(page.getByRole("heading", { name: "取り消したときの返金" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "取り消す" }).click();
  await expect(page).toHaveURL(/\?cancelled=1$/);
  await expect(page.locator(".status--CANCELLED")).toHaveText("取消済み");
  const refund = refundText.match(/返金：([\d,]+円)/)![1]!;
  await expect(page.getByText(`返金 ${refund}（インターネット）`)).toBeVisible();
});
