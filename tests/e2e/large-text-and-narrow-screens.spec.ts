import { expect, type Page, test } from "@playwright/test";
import { bodyFontSize, expectNoHorizontalScroll } from "./layout";
import { answerFeeQuestions, expectNoAxeViolations, MUNI, openFirstFreeDay, selectFirstFreeFrame, uniqueEmail } from "./support";

/**
 * The narrowest phones (320 CSS px, also what a 1280px window shows at 400% zoom) with the
 * biggest text: every page of the resident's journey must fit without scrolling sideways, at
 * 特大 (chosen in the settings bar) and at each root size in layout.ts (up to 200% and more),
 * and pass axe. The text size chosen is kept and applied by the server.
 */
test.use({ viewport: { width: 320, height: 640 } });

const settings = (page: Page) => page.getByRole("navigation", { name: "表示の設定" });
const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

/** Fits at 320px at every text size, and passes axe as served (特大). */
async function checkPage(page: Page, pageName: string, { axe = true } = {}) {
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "xlarge");
  await expectNoHorizontalScroll(page, pageName);
  if (axe) await expectNoAxeViolations(page);
}

test("every page of the journey fits 320px at 特大 and at 200% text, and passes axe", async ({ page }) => {
  // 標準 is already large: body text of 18px or more
  await page.goto(MUNI);
  await expect(page.locator("html")).toHaveAttribute("data-text-size", "standard");
  expect(await bodyFontSize(page), "body text at 標準").toBeGreaterThanOrEqual(18);
  const standard = await bodyFontSize(page);

  // choose 特大: the same page comes back with it
  await settings(page).getByRole("link", { name: "特大" }).click();
  await expect(page).toHaveURL(new RegExp(`${MUNI}$`));
  await expect(settings(page).locator("[aria-current]")).toContainText("特大");
  expect(await bodyFontSize(page), "body text at 特大").toBeGreaterThanOrEqual(standard * 1.4);
  await checkPage(page, "facility list");

  await page.getByRole("link", { name: /^五日市地区会館/ }).click();
  await expect(h1(page, "五日市地区会館")).toBeVisible();
  await checkPage(page, "facility");

  await page.getByRole("link", { name: /^学習室/ }).click();
  await expect(h1(page, /学習室/)).toBeVisible();
  await checkPage(page, "month calendar");
  await openFirstFreeDay(page, async () => {});
  await checkPage(page, "day");
  await selectFirstFreeFrame(page);
  await checkPage(page, "day, a time chosen", { axe: false }); // axe has seen this page just above

  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await expect(h1(page, "選んだ枠")).toBeVisible();
  await checkPage(page, "selection");

  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await expect(h1(page, "ログイン")).toBeVisible();
  await checkPage(page, "login");

  await page.getByRole("link", { name: /利用者登録をする/ }).click();
  await expect(h1(page, "利用者登録")).toBeVisible();
  await checkPage(page, "register");
  await page.getByLabel("お名前").fill("大文字 花子");
  await page.getByLabel("メールアドレス").fill(uniqueEmail("xlarge"));
  await page.getByLabel("電話番号").fill("090-8765-4321");
  await page.getByLabel("パスワード").fill("correct horse battery");
  await page.getByRole("button", { name: "登録する" }).click();

  await expect(h1(page, "何に使いますか？")).toBeVisible();
  await checkPage(page, "apply: purpose");
  await page.getByLabel("利用目的").fill("絵手紙の教室");
  await page.getByRole("button", { name: "次へ進む" }).click();
  await answerFeeQuestions(page, { check: (p) => checkPage(p, `apply: ${new URL(p.url()).pathname.split("/").pop()}`) });

  // an error summary and a field in error must fit too
  await expect(page).toHaveURL(/\/apply\/headcount$/);
  await page.getByRole("button", { name: "次へ進む" }).click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await checkPage(page, "apply: headcount, with an error");
  await page.getByLabel("利用人数").fill("6");
  await page.getByRole("button", { name: "次へ進む" }).click();

  await expect(page).toHaveURL(/\/apply\/phone$/);
  await checkPage(page, "apply: phone");
  await page.getByRole("button", { name: "確認へ進む" }).click();

  await expect(h1(page, "申し込み内容の確認")).toBeVisible();
  await checkPage(page, "apply: review");
  await page.getByRole("button", { name: "この内容で申し込む" }).click();

  await expect(page).toHaveURL(/\/bookings\/[^/?]+\?submitted=1$/);
  await expect(page.locator(".application-number")).toHaveText(/\d{6}/);
  await checkPage(page, "application");

  await page.getByRole("navigation", { name: "メニュー" }).getByRole("link", { name: "わたしの予約" }).click();
  await expect(h1(page, "わたしの予約")).toBeVisible();
  await checkPage(page, "my bookings");

  await page.getByRole("contentinfo").getByRole("link", { name: "使い方・お問い合わせ" }).click();
  await expect(h1(page, "使い方・お問い合わせ")).toBeVisible();
  await checkPage(page, "help");
});

test.describe("the text size is applied by the server (JavaScript off)", () => {
  test.use({ javaScriptEnabled: false });

  test("特大 is in the HTML of the next pages, so nothing flashes at the small size first", async ({ page }) => {
    await page.goto(`${MUNI}/help`);
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "standard");
    expect(await bodyFontSize(page), "body text at 標準").toBeGreaterThanOrEqual(18);

    await settings(page).getByRole("link", { name: "特大" }).click();
    await expect(page).toHaveURL(new RegExp(`${MUNI}/help$`));
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "xlarge");
    await expect(settings(page).locator("[aria-current]")).toContainText("特大");
    expect(await bodyFontSize(page)).toBeGreaterThanOrEqual(26);

    // following a link: the server's HTML already has it (no script could have set it here)
    await page.getByRole("link", { name: /施設予約$/ }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "施設を選んでください" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "xlarge");
    const served = await (await page.request.get(`${MUNI}/login`)).text();
    expect(served).toMatch(/<html lang="ja" data-text-size="xlarge"/);

    // and 標準 puts it back
    await settings(page).getByRole("link", { name: "標準" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "standard");
    await page.reload();
    await expect(page.locator("html")).toHaveAttribute("data-text-size", "standard");
  });
});
