import { expect, test } from "@playwright/test";
import { MUNI } from "./support";

// On a slow phone the form is there before its script: whatever is typed in the meantime must
// be what the form sends, also after the script has taken the page over.
test("what a resident types before the page's scripts have run is kept and sent", async ({ page }) => {
  let letScriptsLoad = () => {};
  const scriptsMayLoad = new Promise<void>((resolve) => (letScriptsLoad = resolve));
  await page.route("**/build/**", async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto(`${MUNI}/login/password`, { waitUntil: "commit" });
  await page.getByLabel("メールアドレス").fill("suzuki@example.jp");

  letScriptsLoad();
  await page.waitForFunction(() => "__remixRouter" in window);
  // moving on to the next box re-renders the first one
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await expect(page.getByLabel("メールアドレス")).toHaveValue("suzuki@example.jp");
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "わたしの予約" })).toBeVisible();
});
