import { expect, test, type Page } from "@playwright/test";
import {
  answerFeeQuestions,
  expectNoAxeViolations,
  formatYen,
  MUNI,
  openFirstFreeDay,
  type PickedSlot,
  selectFirstFreeFrame,
  uniqueEmail,
} from "./support";

/**
 * A new resident books 集会室A and 和室 at 中央公民館 in one application, then cancels the
 * 集会室A slot. With JavaScript on, every page on the way is checked with axe.
 */
async function bookTwoRoomsAndCancelOne(page: Page, { axe }: { axe: boolean }) {
  const check = axe ? expectNoAxeViolations : async () => {};
  const email = uniqueEmail(axe ? "js" : "nojs");

  // 施設の一覧 → 中央公民館
  await page.goto(MUNI);
  await expect(page.getByRole("heading", { level: 1, name: "施設を選んでください" })).toBeVisible();
  await check(page);
  await page.getByRole("link", { name: /^中央公民館/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "中央公民館" })).toBeVisible();
  await check(page);

  // first room: 集会室A
  await page.getByRole("link", { name: /^集会室A/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /集会室A/ })).toBeVisible();
  await check(page);
  await openFirstFreeDay(page, check);
  await check(page);
  const first = await selectFirstFreeFrame(page);
  expect(first.roomName).toBe("集会室A");
  await check(page);

  // back to the facility, second room: 和室
  await page.getByRole("link", { name: "カレンダーへ戻る" }).click();
  await check(page);
  await page.getByRole("link", { name: "中央公民館へ戻る" }).click();
  await check(page);
  await page.getByRole("link", { name: /^和室/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /和室/ })).toBeVisible();
  await check(page);
  await openFirstFreeDay(page, check);
  await check(page);
  const second = await selectFirstFreeFrame(page);
  expect(second.roomName).toBe("和室");
  await check(page);
  const picked: PickedSlot[] = [first, second];
  const total = formatYen(first.fee + second.fee);

  // 選んだ枠
  const menu = page.getByRole("navigation", { name: "メニュー" });
  await menu.getByRole("link", { name: "選んだ枠（2件）" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "選んだ枠" })).toBeVisible();
  await expectSlots(page, picked);
  await expect(page.getByText(`合計 ${total}`)).toBeVisible();
  await check(page);
  await page.getByRole("link", { name: "この枠で申し込む" }).click();

  // not signed in: login → 利用者登録
  await expect(page).toHaveURL(/\/akiruno\/login\?redirectTo=/);
  await expect(page.getByRole("heading", { level: 1, name: "ログイン" })).toBeVisible();
  await check(page);
  await page.getByRole("link", { name: /利用者登録をする/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "利用者登録" })).toBeVisible();
  await check(page);
  await page.getByLabel("お名前").fill("試験 太郎");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("電話番号").fill("090-1234-5678");
  await page.getByLabel("パスワード").fill("correct horse battery");
  await page.getByRole("button", { name: "登録する" }).click();

  // one question per page: 利用目的 → お住まい → 利用の内容 → 備品 (中央公民館 lends some) → 減免 → 利用人数 → 連絡先
  await expect(page).toHaveURL(/\/akiruno\/apply\/purpose$/);
  await expect(page.getByRole("heading", { level: 1, name: "何に使いますか？" })).toBeVisible();
  await expect(page.getByText("ステップ 1 / 8")).toBeVisible();
  await check(page);
  await page.getByLabel("利用目的").fill("町内会の会議");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await answerFeeQuestions(page, { check });
  await check(page);
  await page.getByLabel("利用人数").fill("12");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await expect(page).toHaveURL(/\/akiruno\/apply\/phone$/);
  await expect(page.getByLabel("当日の連絡先電話番号")).toHaveValue("090-1234-5678");
  await check(page);
  await page.getByLabel("当日の連絡先電話番号").fill("080-2222-3333");
  await page.getByRole("button", { name: "確認へ進む" }).click();

  // 確認
  await expect(page).toHaveURL(/\/akiruno\/apply\/review$/);
  await expect(page.getByRole("heading", { level: 1, name: "申し込み内容の確認" })).toBeVisible();
  await expectSlots(page, picked);
  await expect(page.getByText(`合計 ${total}`)).toBeVisible();
  const summary = page.locator(".summary-list");
  await expect(summary).toContainText("町内会の会議");
  await expect(summary).toContainText("12人");
  await expect(summary).toContainText("080-2222-3333");
  await check(page);
  await page.getByRole("button", { name: "この内容で申し込む" }).click();

  // 受付
  await expect(page).toHaveURL(/\/akiruno\/bookings\/[^/?]+\?submitted=1$/);
  await expect(page.getByRole("status")).toContainText("申し込みを受け付けました");
  const number = (await page.locator(".application-number").innerText()).trim();
  expect(number).toMatch(/^\d{6}$/);
  await expect(page.getByText("申込番号", { exact: false }).first()).toBeVisible();
  await expectSlots(page, picked);
  await check(page);

  // わたしの予約
  await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "わたしの予約" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "わたしの予約" })).toBeVisible();
  await expect(page.getByText("試験 太郎さんの申し込みです。")).toBeVisible();
  const card = page.locator(".card").filter({ hasText: `申込番号 ${number}` });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText("仮予約");
  await expect(card).toContainText(total);
  await check(page);
  await card.getByRole("link", { name: `申込番号 ${number}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "申し込みの内容" })).toBeVisible();
  await check(page);

  // cancel the 集会室A slot only
  const rowOf = (slot: PickedSlot) =>
    page.locator(".slot-list > li").filter({ hasText: slot.when }).filter({ hasText: slot.roomName });
  await rowOf(first).getByRole("link", { name: "この枠を取り消す" }).click();
  await expect(page).toHaveURL(/\/cancel\?item=/);
  await expect(page.getByRole("heading", { level: 1, name: "予約を取り消しますか？" })).toBeVisible();
  await expect(page.locator(".slot-list > li")).toHaveCount(1);
  await expect(page.locator(".slot-list")).toContainText(first.when);
  await expect(page.locator(".slot-list")).toContainText(first.roomName);
  await check(page);
  await page.getByRole("button", { name: "取り消す" }).click();

  await expect(page).toHaveURL(/\?cancelled=1$/);
  await expect(page.getByRole("status")).toContainText("取り消しました");
  await expect(rowOf(first)).toContainText("取消済み");
  await expect(rowOf(first).getByRole("link", { name: "この枠を取り消す" })).toHaveCount(0);
  await expect(rowOf(second)).not.toContainText("取消済み");
  await expect(rowOf(second).getByRole("link", { name: "この枠を取り消す" })).toBeVisible();
  await check(page);

  // the list shows the same
  await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "わたしの予約" }).click();
  const items = page.locator(".card").filter({ hasText: `申込番号 ${number}` }).getByRole("listitem");
  await expect(items.filter({ hasText: first.when }).filter({ hasText: first.roomName })).toContainText("（取消済み）");
  await expect(items.filter({ hasText: second.when }).filter({ hasText: second.roomName })).not.toContainText(
    "取消済み",
  );
  await check(page);
}

/** Both picked slots are listed, each with its date, frame, time and room. */
async function expectSlots(page: Page, slots: PickedSlot[]) {
  const rows = page.locator(".slot-list > li");
  await expect(rows).toHaveCount(slots.length);
  for (const slot of slots) {
    const row = rows.filter({ hasText: slot.when }).filter({ hasText: `中央公民館 ${slot.roomName}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(`利用料 ${formatYen(slot.fee)}`);
  }
}

test.describe("a new resident books two rooms (JavaScript on)", () => {
  test("selects, registers, applies, and cancels one slot; every page passes axe", async ({ page }) => {
    const pageErrors: Error[] = [];
    page.on("pageerror", (error) => pageErrors.push(error));
    await bookTwoRoomsAndCancelOne(page, { axe: true });
    expect(pageErrors.map(String)).toEqual([]);
  });
});

test.describe("a new resident books two rooms (JavaScript off)", () => {
  test.use({ javaScriptEnabled: false });

  test("the same journey works with plain HTML forms and links", async ({ page }) => {
    await bookTwoRoomsAndCancelOne(page, { axe: false });
  });
});
