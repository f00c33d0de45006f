import { expect, type Page, test } from "@playwright/test";
import { answerFeeQuestions, expectNoAxeViolations, formatYen, MUNI, openFirstFreeDay, selectFirstFreeFrame } from "./support";

/**
 * 代理予約: the demo hall manager takes a booking by phone for a resident who has no email.
 * They register the caller (name, furigana, phone), book a free slot through the residents' own
 * flow while a banner says whom for, read the application number out, and find the booking on
 * the hall's ledger marked as made by them.
 */

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const banner = (page: Page) => page.locator(".proxy-banner");
const newResident = (page: Page) => page.getByRole("region", { name: "新しく登録する" });

/** A caller nobody has registered yet: a fresh name and phone every run. */
function caller() {
  const digits = String(Date.now() % 10_000).padStart(4, "0");
  return { name: `代理 花子${digits}`, kana: "ダイリ ハナコ", phone: `042-556-${digits}` };
}

async function signInAsManager(page: Page) {
  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill("kanri@example.jp");
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(h1(page)).toHaveText("施設の予約");
}

test("the manager registers a caller without email, books a free slot for them, tells the number, and the ledger shows it as a proxy booking", async ({ page }) => {
  const pageErrors: Error[] = [];
  page.on("pageerror", (error) => pageErrors.push(error));
  const resident = caller();
  await signInAsManager(page);

  // 代理予約: nobody by that name yet
  await page.getByRole("link", { name: "電話・窓口の方の予約をする（代理予約）" }).click();
  await expect(h1(page)).toHaveText("代理予約");
  await expectNoAxeViolations(page);
  await page.getByLabel("お名前・ふりがな・電話番号").fill(resident.phone);
  await page.getByRole("button", { name: "さがす" }).click();
  await expect(page.getByText(`「${resident.phone}」に当てはまる方はいません`)).toBeVisible();
  // the number looked for is already in the new-resident form
  await expect(newResident(page).getByLabel("電話番号")).toHaveValue(resident.phone);
  await expectNoAxeViolations(page);

  // 新しく登録する: the furigana is missing first, and what was typed is kept
  await newResident(page).getByLabel("お名前").fill(resident.name);
  await page.getByRole("button", { name: "登録して予約に進む" }).click();
  await expect(page.getByText("ふりがなを入力してください").first()).toBeVisible();
  await expect(newResident(page).getByLabel("お名前")).toHaveValue(resident.name);
  await expectNoAxeViolations(page);
  await newResident(page).getByLabel("ふりがな").fill(resident.kana);
  await page.getByRole("button", { name: "登録して予約に進む" }).click();

  // the residents' flow, with the banner on every page
  await expect(h1(page)).toHaveText("施設を選んでください");
  await expect(banner(page)).toContainText(`代理予約中：${resident.name} さん`);
  await expect(banner(page).getByRole("button", { name: "終了する" })).toBeVisible();
  // "my bookings" would be the manager's own: not offered while booking for someone else
  await expect(page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "わたしの予約" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: /^中央公民館/ }).click();
  await page.getByRole("link", { name: /^和室/ }).click();
  await openFirstFreeDay(page, async () => {});
  const slot = await selectFirstFreeFrame(page);
  await expect(banner(page)).toContainText(resident.name);
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await expect(banner(page)).toContainText(resident.name);
  await page.getByLabel("利用目的").fill("書道の練習");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await answerFeeQuestions(page);
  await page.getByLabel("利用人数").fill("4");
  await page.getByRole("button", { name: "次へ進む" }).click();
  // the caller's phone, not the manager's
  await expect(page.getByLabel("当日の連絡先電話番号")).toHaveValue(resident.phone);
  await page.getByRole("button", { name: "確認へ進む" }).click();

  // 確認: payment at the counter, no online choice for someone who is not here
  await expect(h1(page)).toHaveText("申し込み内容の確認");
  await expect(banner(page)).toContainText(resident.name);
  await expect(page.getByRole("radiogroup")).toHaveCount(0);
  await expect(page.getByText(`合計 ${formatYen(slot.fee)}`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "この内容で申し込む" }).click();

  // the number to tell the caller, and the way back to the search
  await expect(page).toHaveURL(/\/akiruno\/manage\/proxy\/[^/]+$/);
  await expect(page.getByRole("status")).toContainText("申し込みを受け付けました");
  await expect(page.getByText(`${resident.name} さんに、次の申込番号をお伝えください。`)).toBeVisible();
  const number = (await page.locator(".application-number").innerText()).trim();
  expect(number).toMatch(/^\d{6}$/);
  await expect(page.locator(".slot-list")).toContainText(slot.when);
  await expect(page.getByText("この方はメールアドレスがないため、お知らせは送っていません。")).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  await expectNoAxeViolations(page);

  // the hall's ledger: the booking, for the caller, marked as taken by the manager
  await page.goto(`${MUNI}/manage`);
  const card = page.locator(".card").filter({ hasText: `申込番号 ${number}` });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(resident.name);
  await expect(card).toContainText("代理予約（佐藤 管理人）");

  // and the search finds the caller by furigana typed in half-width katakana
  await page.goto(`${MUNI}/manage/proxy`);
  await page.getByLabel("お名前・ふりがな・電話番号").fill("ﾀﾞｲﾘ ﾊﾅｺ");
  await page.getByRole("button", { name: "さがす" }).click();
  await expect(page.locator(".card").filter({ hasText: resident.name })).toContainText("なし（お知らせは送れません");
  expect(pageErrors.map(String)).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the manager finds a demo resident, acts for them, and ends it from the banner", async ({ page }) => {
    await signInAsManager(page);
    await page.goto(`${MUNI}/manage/proxy`);
    await page.getByLabel("お名前・ふりがな・電話番号").fill("ヤマダ");
    await page.getByRole("button", { name: "さがす" }).click();
    const yamada = page.locator(".card").filter({ hasText: "山田 花子 さん" });
    await expect(yamada).toContainText("やまだ はなこ");
    await expect(yamada).toContainText("090-0000-0001");
    await yamada.getByRole("button", { name: /この方の予約をする/ }).click();
    await expect(banner(page)).toContainText("代理予約中：山田 花子 さん");
    await page.getByRole("link", { name: /^中央公民館/ }).click();
    await expect(banner(page)).toContainText("山田 花子");
    await banner(page).getByRole("button", { name: "終了する" }).click();
    await expect(h1(page)).toHaveText("代理予約");
    await expect(banner(page)).toHaveCount(0);
  });
});
