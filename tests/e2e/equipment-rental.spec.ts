import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, formatYen, MUNI, openFirstFreeDay, selectFirstFreeFrame, signInAsDemoResident } from "./support";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const next = (page: Page) => page.getByRole("button", { name: "次へ進む" }).click();
const projector = (page: Page) => page.getByLabel("プロジェクター（中央公民館）");

/** From the selection to the equipment question, answering 市内 and nothing special. */
async function toEquipmentQuestion(page: Page) {
  await page.getByRole("link", { name: /選んだ枠を確認する/ }).click();
  await page.getByRole("link", { name: "この枠で申し込む" }).click();
  await page.getByLabel("利用目的").fill("映画の上映会");
  await next(page);
  await page.locator("label.choice").filter({ hasText: /^はい$/ }).click();
  await next(page);
  await expect(page).toHaveURL(/\/apply\/usage$/);
  await next(page);
  await expect(page).toHaveURL(/\/apply\/equipment$/);
}

test("a resident borrows the projector and microphones at phone size; the only projector is then lent out for that time", async ({ page, browser }) => {
  await signInAsDemoResident(page, "suzuki@example.jp");
  await page.goto(MUNI);
  await page.getByRole("link", { name: /^中央公民館/ }).click();
  await page.getByRole("link", { name: /^調理室/ }).click();
  await openFirstFreeDay(page, async () => {});
  const dayUrl = page.url();
  const slot = await selectFirstFreeFrame(page);
  await toEquipmentQuestion(page);

  // the question: one box per item, with its fee and how many are free then
  await expect(h1(page)).toHaveText("備品を借りますか？");
  await expect(page.getByText("ステップ 4 / 8")).toBeVisible();
  await expect(projector(page)).toHaveValue("0");
  await expect(page.getByText("1枠ごとに 500円。選んだ時間に借りられる数：あと1")).toBeVisible();
  await expectNoAxeViolations(page);

  // more than there are, in full-width digits: refused, with what was typed kept
  await projector(page).fill("２");
  await page.getByLabel("ワイヤレスマイク（中央公民館）").fill("2");
  await next(page);
  await expect(page.locator(".error-summary")).toContainText("借りられる数より多くなっています");
  await expect(projector(page)).toHaveValue("２");
  await expect(page.getByLabel("ワイヤレスマイク（中央公民館）")).toHaveValue("2");
  await expectNoAxeViolations(page);
  await projector(page).fill("1");
  await next(page);

  await expect(page).toHaveURL(/\/apply\/exemption$/);
  await page.locator("label.choice").filter({ hasText: /^申請しない$/ }).click();
  await next(page);
  await page.getByLabel("利用人数").fill("20");
  await next(page);
  await page.getByRole("button", { name: "確認へ進む" }).click();

  // the review: each item a line of the breakdown, and the total with them
  await expect(h1(page)).toHaveText("申し込み内容の確認");
  const total = slot.fee + 500 + 2 * 100;
  await expect(page.getByText(`合計 ${formatYen(total)}`)).toBeVisible();
  await expect(page.locator(".summary-list")).toContainText("プロジェクター 1、ワイヤレスマイク 2");
  await page.locator(".fee-details summary").first().click();
  await expect(page.locator(".fee-breakdown").first()).toContainText("プロジェクター");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "この内容で申し込む" }).click();
  await expect(page).toHaveURL(/\?submitted=1$/);
  await expect(page.locator(".summary-list")).toContainText("プロジェクター 1、ワイヤレスマイク 2");

  // another resident, another room of the hall, the same time: the projector is lent out
  const other = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signInAsDemoResident(other, "yamada@example.jp");
  const date = dayUrl.split("/").pop()!;
  const frameName = slot.when.split(" ")[1]!;
  const frame = (p: Page) => p.getByRole("button", { name: new RegExp(`^${frameName}[\\s\\S]*選ぶ`) });
  let found = false;
  for (const room of ["washitsu", "hall-b", "hall-a", "hall"]) {
    await other.goto(`${MUNI}/rooms/demo-akiruno-chuo-${room}/${date}`);
    if ((await frame(other).count()) === 0) continue;
    await frame(other).click();
    found = true;
    break;
  }
  expect(found, "a room of 中央公民館 free at the same time").toBe(true);
  await toEquipmentQuestion(other);
  await expect(other.getByText("1枠ごとに 500円。選んだ時間は、すべて貸し出し中です")).toBeVisible();
  await projector(other).fill("1");
  await next(other);
  await expect(other.locator(".error-summary")).toContainText("借りられる数より多くなっています");
  await other.close();
});
