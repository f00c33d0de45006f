import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const MUNI = "/akiruno";

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Runs axe on the page as it is now and fails with a readable list of any violations. */
export async function expectNoAxeViolations(page: Page) {
  // Legacy mode runs axe in the page itself instead of finishing in a second, blank page:
  // these pages have no frames, and it halves the time of each check.
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary ?? ""}`).join("\n"),
  );
  expect(violations, `axe violations on ${new URL(page.url()).pathname}`).toEqual([]);
}

/** A different resident every run, so the suite can run again against the same database. */
export function uniqueEmail(tag: string) {
  return `e2e-${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.jp`;
}

export type PickedSlot = {
  roomName: string;
  /** "12月1日(火) 午前 9:00〜12:00", as slotWhen() writes it */
  when: string;
  fee: number;
};

const yen = (text: string) => Number(text.replace(/[^\d]/g, ""));
export const formatYen = (n: number) => `${n.toLocaleString("ja-JP")}円`;

/**
 * On a room's month calendar: opens the first day marked 空きあり, moving on a month
 * when this one has none left.
 */
export async function openFirstFreeDay(page: Page, check: (page: Page) => Promise<void>) {
  for (let i = 0; i < 4; i++) {
    const free = page.locator("table.calendar").getByRole("link", { name: /空きあり/ });
    if ((await free.count()) > 0) {
      await free.first().click();
      await expect(page).toHaveURL(/\/rooms\/[^/]+\/\d{4}-\d{2}-\d{2}$/);
      return;
    }
    const next = page.getByRole("navigation", { name: "月の切り替え" }).getByRole("link", { name: /›/ });
    await expect(next, "a later month to look in").toHaveCount(1);
    await next.click();
    await check(page);
  }
  throw new Error("no day marked 空きあり in the booking window");
}

/** On a day view: presses 「選ぶ」 on the first free time frame and returns what was picked. */
export async function selectFirstFreeFrame(page: Page): Promise<PickedSlot> {
  const heading = (await page.getByRole("heading", { level: 1 }).innerText()).split("\n");
  const dateJa = heading[0]!.trim();
  const roomName = heading[1]!.trim();
  const button: Locator = page.getByRole("button", { name: /選ぶ/ }).first();
  const frameName = (await button.locator(".frame-name").innerText()).trim();
  // "9:00〜12:00 1,200円"
  const [time, feeText] = (await button.locator(".frame-detail").innerText()).trim().split(/\s+/);
  await button.click();
  await expect(page.getByRole("button", { name: new RegExp(`^${frameName}\\s*選択中`) })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  return { roomName, when: `${dateJa} ${frameName} ${time!.trim()}`, fee: yen(feeText!) };
}

/**
 * After 利用目的: the three questions that set the fee. Answers 市内 (yes), nothing special,
 * no exemption, unless told otherwise; `check` runs on each page before answering.
 */
export async function answerFeeQuestions(
  page: Page,
  options: { check?: (page: Page) => Promise<void>; exemption?: string | RegExp; grounds?: string } = {},
) {
  const next = () => page.getByRole("button", { name: "次へ進む" }).click();
  await expect(page).toHaveURL(/\/apply\/residence$/);
  await options.check?.(page);
  await page.locator("label.choice").filter({ hasText: /^はい$/ }).click();
  await next();
  await expect(page).toHaveURL(/\/apply\/usage$/);
  await options.check?.(page);
  await next();
  // asked only when a facility of the chosen slots lends equipment; borrowing none
  if (/\/apply\/equipment$/.test(page.url())) {
    await options.check?.(page);
    await next();
  }
  await expect(page).toHaveURL(/\/apply\/exemption$/);
  await options.check?.(page);
  await page.locator("label.choice").filter({ hasText: options.exemption ?? /^申請しない$/ }).click();
  if (options.grounds) await page.getByLabel("申請の理由").fill(options.grounds);
  await next();
  await expect(page).toHaveURL(/\/apply\/headcount$/);
}

/** The demo's authenticator key (README): staff and operator TOTP codes in tests. */
export const DEMO_TOTP_SECRET = "KRZXK5DPNEQEI3LP";

/**
 * A demo resident (README) signs in with the demo password. Journeys that need no new account
 * use these, so that the suite stays within the registrations one address may make in an hour.
 */
export async function signInAsDemoResident(page: Page, email: "suzuki@example.jp" | "tanaka@example.jp" | "yamada@example.jp") {
  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "わたしの予約" })).toBeVisible();
}

/** A new resident registers and lands on わたしの予約. */
export async function registerResident(page: Page, email: string, name = "試験 花子") {
  await page.goto(`${MUNI}/register?redirectTo=${encodeURIComponent(`${MUNI}/bookings`)}`);
  await page.getByLabel("お名前").fill(name);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("電話番号").fill("090-1234-5678");
  await page.getByLabel("パスワード").fill("correct horse battery");
  await page.getByRole("button", { name: "登録する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "わたしの予約" })).toBeVisible();
}

/** The demo staff member signs in with password and TOTP and lands on the staff menu. */
export async function signInAsStaff(page: Page) {
  const { generateTOTP } = await import("@epic-web/totp");
  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill("shokuin@example.jp");
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await page.getByRole("button", { name: "ログインする" }).click();
  await page.getByLabel("確認コード（6けた）").fill((await generateTOTP({ secret: DEMO_TOTP_SECRET })).otp);
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "職員メニュー" })).toBeVisible();
}
