import { expect, test } from "@playwright/test";
import { DEMO_TOTP_SECRET, uniqueEmail } from "./support";

test("the operator creates a municipality at phone size; a name the app's pages use is refused with what was typed kept", async ({ page }) => {
  const { generateTOTP } = await import("@epic-web/totp");
  await page.goto("/operator/login");
  await page.getByLabel("メールアドレス").fill("unyou@example.jp");
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await page.getByLabel(/確認コード/).fill((await generateTOTP({ secret: DEMO_TOTP_SECRET })).otp);
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page).toHaveURL(/\/operator$/);

  const slug = `town-${Date.now().toString(36)}`;
  await page.getByLabel(/^URLの名前/).fill("healthz");
  await page.getByLabel("自治体の名前").fill("試験町");
  await page.getByLabel("住民向けのお問い合わせ電話番号").fill("042-000-0000");
  await page.getByLabel(/^最初の職員のメールアドレス/).fill(uniqueEmail("first-staff"));
  await page.getByRole("button", { name: "自治体を作り、職員を招待する" }).click();
  await expect(page.getByText("このURLの名前はシステムが使っています。別の名前にしてください").first()).toBeVisible();
  await expect(page.getByLabel("自治体の名前")).toHaveValue("試験町");

  await page.getByLabel(/^URLの名前/).fill(slug);
  await page.getByRole("button", { name: "自治体を作り、職員を招待する" }).click();
  await expect(page.getByRole("link", { name: new RegExp(`試験町`) }).first()).toBeVisible();
  expect((await page.request.get(`/${slug}`)).status()).toBe(200);
});
