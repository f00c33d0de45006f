import { expect, type Page, test } from "@playwright/test";
import { expectNoHorizontalScroll } from "./layout";
import { expectNoAxeViolations, MUNI } from "./support";

/**
 * The language link in the settings bar: the same page comes back in English, the choice is
 * kept (cookie, applied on the server), form errors are in English, and 日本語 switches back.
 * English words are longer than Japanese ones, so the pages are checked at 320px too.
 */
test.use({ viewport: { width: 320, height: 640 } });

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const settings = (page: Page) => page.getByRole("navigation", { name: /^(表示の設定|Display settings)$/ });

test("English: the same page in English, kept from page to page, errors in English, and back to 日本語", async ({
  page,
}) => {
  const loginUrl = `${MUNI}/login?redirectTo=${encodeURIComponent(`${MUNI}/selection`)}`;
  await page.goto(loginUrl);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(h1(page)).toHaveText("ログイン");

  // switch on the sign-in page: the same address (with its query) comes back, in English
  const toEnglish = settings(page).getByRole("link", { name: "Switch to English" });
  await expect(toEnglish).toHaveAttribute("lang", "en");
  await expect(toEnglish).toHaveText("English");
  await toEnglish.click();
  await expect(page).toHaveURL((url) => url.pathname + url.search === loginUrl);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(h1(page)).toHaveText("Sign in");
  await expect(page).toHaveTitle(/facility booking/);
  await expect(settings(page)).toContainText("Text size");
  await expect(page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "My bookings" })).toBeVisible();
  const toJapanese = settings(page).getByRole("link", { name: "日本語で表示する" });
  await expect(toJapanese).toHaveText("日本語");
  await expect(toJapanese).toHaveAttribute("lang", "ja");
  await expectNoHorizontalScroll(page, "sign in (English)");

  // errors come back in English
  await page.getByLabel("Email address").fill("not-an-email");
  await page.getByRole("button", { name: "Email me a code" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary.getByRole("heading", { name: "Please check what you entered" })).toBeVisible();
  // the link says which field, in English punctuation (not the Japanese "：")
  await expect(summary.getByRole("link")).toHaveText(["Email address: Enter an email address like hanako@example.jp"]);
  await expect(page.getByLabel("Email address")).toHaveAccessibleDescription(/Enter an email address like/);
  await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoHorizontalScroll(page, "sign in with errors (English)");
  await expectNoAxeViolations(page);

  // kept on the next pages, and in the HTML the server sends
  await page.getByRole("contentinfo").getByRole("link", { name: "Help" }).click();
  await expect(h1(page)).toHaveText("Help");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: "中央公民館" })).toHaveText(
    /^中央公民館: [\d-]+$/,
  );
  await expectNoHorizontalScroll(page, "help (English)");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: /facility booking$/ }).first().click();
  await expect(h1(page)).toHaveText("Choose a facility");
  const served = await (await page.request.get(MUNI)).text();
  expect(served, "the server sends English at once").toMatch(/<html lang="en"/);
  expect(served).toContain("Choose a facility");

  // an address that does not exist says so in English too
  for (const missing of [`${MUNI}/rooms/no-such-room`, `${MUNI}/no/such/page`]) {
    const response = await page.request.get(missing);
    expect(response.status(), missing).toBe(404);
    const html = await response.text();
    expect(html, missing).toMatch(/<html lang="en"/);
    expect(html, missing).toContain("<h1>Page not found</h1>");
    expect(html, missing).toContain("<title>Tsudoi facility booking</title>");
  }

  await page.getByRole("link", { name: /^中央公民館/ }).click();
  await page.getByRole("link", { name: /^和室/ }).click();
  await expect(page.locator("table.calendar caption")).toHaveText(/^Availability in [A-Z][a-z]{2} \d{4}$/);
  await expect(page.getByRole("link", { name: /Free|Few left|Full/ }).first()).toBeVisible();
  await expectNoHorizontalScroll(page, "month calendar (English)");
  await expectNoAxeViolations(page);

  // back to 日本語 on this same page
  const monthUrl = page.url();
  await settings(page).getByRole("link", { name: "日本語で表示する" }).click();
  await expect(page).toHaveURL(monthUrl);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.locator("table.calendar caption")).toHaveText(/^\d{4}年\d{1,2}月の空き状況$/);
  await expect(settings(page).getByRole("link", { name: "Switch to English" })).toBeVisible();
  await page.getByRole("link", { name: "使い方・お問い合わせ" }).click();
  await expect(h1(page)).toHaveText("使い方・お問い合わせ");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
});
