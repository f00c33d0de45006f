import { expect, type Page, test } from "@playwright/test";
import { MUNI, openFirstFreeDay, selectFirstFreeFrame, signInAsDemoResident } from "./support";

// On a slow phone the form is there before its script: whatever is typed or ticked in the
// meantime must be what the form sends, also after the script has taken the page over.

/** Holds the page's scripts (not its styles) back until the returned function is called. */
async function holdScripts(page: Page) {
  let letScriptsLoad = () => {};
  const scriptsMayLoad = new Promise<void>((resolve) => (letScriptsLoad = resolve));
  await page.route("**/build/**/*.js", async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  return async () => {
    letScriptsLoad();
    await page.waitForFunction(() => "__remixRouter" in window);
  };
}

test("text typed before the page's scripts have run is kept and sent", async ({ page }) => {
  const scriptsRun = await holdScripts(page);
  await page.goto(`${MUNI}/login/password`, { waitUntil: "commit" });
  await page.getByLabel("メールアドレス").fill("suzuki@example.jp");
  await scriptsRun();
  // moving on to the next box re-renders the first one
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await expect(page.getByLabel("メールアドレス")).toHaveValue("suzuki@example.jp");
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "わたしの予約" })).toBeVisible();
});

test("a choice made before the page's scripts have run stays made", async ({ page }) => {
  await signInAsDemoResident(page, "tanaka@example.jp");
  await page.goto(MUNI);
  await page.getByRole("link", { name: /^五日市地区会館/ }).click();
  await page.getByRole("link", { name: /^学習室/ }).click();
  await openFirstFreeDay(page, async () => {});
  await selectFirstFreeFrame(page);

  const scriptsRun = await holdScripts(page);
  await page.goto(`${MUNI}/apply/purpose`, { waitUntil: "commit" });
  await page.locator("label.choice").filter({ hasText: "学習・講座" }).click();
  await page.getByLabel("利用目的").fill("パソコン教室");
  await scriptsRun();
  await page.getByLabel("利用目的").fill("パソコン教室（初心者）");
  await expect(page.getByRole("radio", { name: "学習・講座" })).toBeChecked();
  await page.getByRole("button", { name: "次へ進む" }).click();
  await expect(page).toHaveURL(/\/apply\/residence$/);
  await page.goBack();
  await expect(page.getByRole("radio", { name: "学習・講座" })).toBeChecked();
});
