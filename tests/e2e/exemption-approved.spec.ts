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

test("a group asks for a 50% exemption on a phone, staff approve it, and the applicant sees the new price", async ({ page, browser }) => {
  // a resident registers and picks a free slot of 五日市地区会館 会議室
  const email = uniqueEmail("exemption");
  await registerResident(page, email, "俳句の会 代表");
  await page.goto(MUNI);
  await page.getByRole("link", { name: /^五日市地区会館/ }).click();
  await page.getByRole("link", { name: /^会議室/ }).click();
  await openFirstFreeDay(page, async () => {});
  const slot = await selectFirstFreeFrame(page);
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await page.getByLabel("利用目的").fill("俳句の会の例会");
  await page.getByRole("button", { name: "次へ進む" }).click();

  await expect(page).toHaveURL(/\/apply\/residence$/);
  await page.locator("label.choice").filter({ hasText: /^はい$/ }).click();
  await page.getByRole("button", { name: "次へ進む" }).click();
  await expect(page).toHaveURL(/\/apply\/usage$/);
  await page.getByRole("button", { name: "次へ進む" }).click();
  await expect(page).toHaveURL(/\/apply\/equipment$/);
  await page.getByRole("button", { name: "次へ進む" }).click();

  // the exemption question: a category without grounds is refused, with the choice kept
  await expect(h1(page)).toHaveText("使用料の減免を申請しますか？");
  await expectNoAxeViolations(page);
  await page.locator("label.choice").filter({ hasText: /^登録団体の活動/ }).click();
  await page.getByRole("button", { name: "次へ進む" }).click();
  await expect(page.locator(".error-summary")).toContainText("減免を申請する理由を書いてください");
  await expect(page).toHaveURL(/\/apply\/exemption$/);
  await expect(page.getByRole("radio", { name: /^登録団体の活動/ })).toBeChecked();
  await expectNoAxeViolations(page);
  await page.getByLabel("申請の理由").fill("毎月の例会です。会員は市内の12人です。");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await expect(page).toHaveURL(/\/apply\/headcount$/);
  await page.getByLabel("利用人数").fill("12");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await page.getByRole("button", { name: "確認へ進む" }).click();

  // the review shows the fee now and the fee if the exemption is approved
  await expect(h1(page)).toHaveText("申し込み内容の確認");
  const half = Math.floor(slot.fee / 2 / 10) * 10;
  await expect(page.getByText(`合計 ${formatYen(slot.fee)}`)).toBeVisible();
  await expect(page.getByText(`減免が認められたときの合計：${formatYen(half)}`)).toBeVisible();
  await page.locator(".fee-details summary").first().click();
  await expect(page.locator(".fee-breakdown").first()).toContainText("基本使用料");
  await expect(page.locator(".summary-list")).toContainText("登録団体の活動");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "この内容で申し込む" }).click();
  await expect(page).toHaveURL(/\?submitted=1$/);
  await expect(page.getByText("減免の確認待ち")).toBeVisible();
  const number = (await page.locator(".application-number").innerText()).trim();
  const detailUrl = page.url().replace(/\?.*$/, "");

  // staff approve it from the queue
  const staff = await browser.newPage();
  await signInAsStaff(staff);
  await staff.getByRole("link", { name: "減免の申請を確認する" }).click();
  const card = staff.locator(".card", { hasText: `申込番号 ${number}` });
  await expect(card).toContainText("毎月の例会です");
  await expect(card).toContainText(formatYen(half));
  await expectNoAxeViolations(staff);
  const before = savedMailCount(MAIL_DIR);
  await card.getByRole("button", { name: "減免を認める" }).click();
  await expect(staff.getByRole("status")).toContainText(`申込番号 ${number} の減免を認めました。`);
  await expect(staff.locator(".card", { hasText: `申込番号 ${number}` })).toHaveCount(0);
  const mail = await savedMailTo(MAIL_DIR, email, { after: before });
  expect(mail.text).toContain(formatYen(half));
  await staff.close();

  // the applicant sees the approved price
  await page.goto(detailUrl);
  await expect(page.getByText("減免が認められました")).toBeVisible();
  await expect(page.getByText(`合計 ${formatYen(half)}`)).toBeVisible();
  await page.locator(".fee-details summary").first().click();
  await expect(page.locator(".fee-breakdown").first()).toContainText("減免（登録団体の活動（5割減額））");
  await expectNoAxeViolations(page);
});
