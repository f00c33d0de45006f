import { expect, test } from "@playwright/test";
import { expectNoHorizontalScroll } from "./layout";
import { expectNoAxeViolations } from "./support";

/**
 * /dev/components shows every design-system component (app/components/ui) in every state: it
 * must pass axe, fit a 320px screen at every text size, and its form must post the native
 * inputs (text, radio, checkbox, 年/月/日) with JavaScript on and off.
 */

const PAGE = "/dev/components";

async function fillAndSend(page: import("@playwright/test").Page) {
  await page.locator("#tryName").fill("山田 花子");
  const form = page.locator("form[method=post]");
  await form.getByText("和室（12人まで）").click();
  await form.getByText("マイク").click();
  await page.locator("#tryBirthYear").fill("1950");
  await page.locator("#tryBirthMonth").fill("4");
  await page.locator("#tryBirthDay").fill("1");
  await form.getByText("利用のきまりを読み、守ります").click();
  await page.getByRole("button", { name: "送信する" }).click();
  const received = page.getByRole("status");
  for (const line of [
    "tryName = 山田 花子",
    "tryRoom = japanese",
    "tryNeeds = mic",
    "tryBirthYear = 1950",
    "tryBirthMonth = 4",
    "tryBirthDay = 1",
    "tryAgree = yes",
  ]) {
    await expect(received).toContainText(line);
  }
}

test.describe("design-system components", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("every state passes axe and fits 320px at every text size", async ({ page }) => {
    await page.goto(PAGE);
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page, "components");

    // the errors state: the summary takes focus, and its links move focus without navigating
    await page.goto(`${PAGE}?state=errors`);
    const summary = page.locator(".error-summary");
    await expect(summary).toBeFocused();
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page, "components with errors");
    await summary.getByRole("link", { name: /^生年月日/ }).click();
    await expect(page.locator("#tryBirthYear")).toBeFocused();
    await summary.getByRole("link", { name: /^使いたい部屋/ }).click();
    await expect(page.locator("input[name=tryRoom]").first()).toBeFocused();
    await expect(page).toHaveURL(new RegExp(`${PAGE}\\?state=errors$`));

    await fillAndSend(page);
  });

  test.describe("JavaScript off", () => {
    test.use({ javaScriptEnabled: false });

    test("the form posts the native inputs, and a failed post keeps what was typed", async ({ page }) => {
      await page.goto(PAGE);
      await page.locator("#tryName").fill("山田 花子");
      await page.getByRole("button", { name: "送信する" }).click();
      await expect(page.locator(".error-summary")).toContainText("部屋をひとつ選んでください");
      await expect(page.locator("#tryName")).toHaveValue("山田 花子");
      await fillAndSend(page);
    });
  });
});
