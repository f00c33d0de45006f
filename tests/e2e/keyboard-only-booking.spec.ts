import { expect, type Page, test } from "@playwright/test";
import { MUNI } from "./support";

/**
 * The whole booking done from the keyboard: Tab / Shift+Tab to move, Enter or Space to follow
 * and press, typing into the boxes. No clicks, and no page.goto after the first page. Every
 * element the focus passes through must show the focus ring (outline or box-shadow).
 */

type Focused = {
  tag: string;
  /** aria-label, else the label of a form control, else its text */
  name: string;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: number;
  boxShadow: string;
  /** inside the viewport, so the person can see where they are */
  onScreen: boolean;
};

/** The element that has the focus now, with the styles that show it. */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const label = (el as HTMLInputElement).labels?.[0]?.innerText;
    const name = (el.getAttribute("aria-label") ?? label ?? el.innerText ?? "").replace(/\s+/g, " ").trim();
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      name,
      focusVisible: el.matches(":focus-visible"),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      onScreen: rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight,
    };
  });
}

/** A focus ring people can see: our 4px outline, or at least a 2px one or a box-shadow ring. */
function expectFocusRing(f: Focused, where: string) {
  const label = `focus ring on <${f.tag}> "${f.name}" (${where})`;
  expect(f.focusVisible, `${label}: matches :focus-visible`).toBe(true);
  const outline = f.outlineStyle !== "none" && f.outlineWidth >= 2;
  const shadow = f.boxShadow !== "none";
  expect(outline || shadow, `${label}: outline ${f.outlineStyle} ${f.outlineWidth}px, box-shadow ${f.boxShadow}`).toBe(
    true,
  );
  expect(f.onScreen, `${label}: scrolled into view`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's name matches, checking the focus
 * ring on every element passed on the way. Returns the number of presses.
 */
async function tabTo(page: Page, name: RegExp, { back = false, max = 60 } = {}) {
  const where = new URL(page.url()).pathname;
  const seen: string[] = [];
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (!f) {
      seen.push("(nothing)");
      continue;
    }
    expectFocusRing(f, where);
    seen.push(f.name);
    if (name.test(f.name)) return presses;
  }
  throw new Error(`${name} not reached with ${back ? "Shift+Tab" : "Tab"} on ${where}; passed: ${seen.join(" | ")}`);
}

/**
 * The first Tab on a page reaches the skip link, with its ring; Enter moves the focus to <main>,
 * so the next Tab starts in the page's own content.
 */
async function skipToMain(page: Page) {
  // A person presses keys once the page is up. Before React has hydrated the link, Enter
  // follows href="#main" natively, and the next form's redirect would keep that #main
  // (opening the next page scrolled to <main>, where Tab starts): wait for the handler.
  await page.waitForFunction(() => {
    const link = document.querySelector(".skip-link");
    return !!link && Object.keys(link).some((key) => key.startsWith("__reactProps$"));
  });
  await page.keyboard.press("Tab");
  const skip = await focused(page);
  expect(skip?.name, `first Tab on ${new URL(page.url()).pathname}`).toBe("本文へ移動");
  expectFocusRing(skip!, "skip link");
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole("heading", { level: 1, name });

test("a resident books a room with the keyboard only, and sees a focus ring wherever the focus is", async ({
  page,
}) => {
  const pageErrors: Error[] = [];
  page.on("pageerror", (error) => pageErrors.push(error));

  await page.goto(MUNI);
  await expect(h1(page, "施設を選んでください")).toBeVisible();

  // on the first page, through the settings bar and the menu (each shows its ring) to the list;
  // on the next pages, past them with the skip link
  expect(await tabTo(page, /^中央公民館/), "the settings bar and menu come before the list").toBeGreaterThan(5);
  await page.keyboard.press("Enter");
  await expect(h1(page, "中央公民館")).toBeVisible();

  await skipToMain(page);

  // a room, then its month: the first day with free times (or the next month's)
  await tabTo(page, /^集会室B/);
  await page.keyboard.press("Enter");
  await expect(h1(page, /集会室B/)).toBeVisible();
  const freeDays = page.locator("table.calendar").getByRole("link", { name: /空きあり/ });
  for (let month = 0; (await freeDays.count()) === 0; month++) {
    expect(month, "a month with a free day").toBeLessThan(3);
    const caption = await page.locator("table.calendar caption").innerText();
    await skipToMain(page);
    await tabTo(page, /›/);
    await page.keyboard.press("Enter");
    await expect(page.locator("table.calendar caption")).not.toHaveText(caption);
  }
  await skipToMain(page);
  await tabTo(page, /空きあり/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/rooms\/[^/]+\/\d{4}-\d{2}-\d{2}$/);
  await expect(h1(page, /集会室B/)).toBeVisible();

  // 「選ぶ」 with Space: the button says it is chosen
  await skipToMain(page);
  await tabTo(page, /選ぶ/);
  await page.keyboard.press("Space");
  await expect(page.getByRole("button", { name: /選択中/ })).toHaveAttribute("aria-pressed", "true");
  await skipToMain(page);
  await tabTo(page, /^選んだ枠を確認する（1件）/);
  await page.keyboard.press("Enter");
  await expect(h1(page, "選んだ枠")).toBeVisible();
  await skipToMain(page);
  await tabTo(page, /^この枠で申し込む$/);
  await page.keyboard.press("Enter");

  // sign in: type into the boxes, Enter sends the form
  await expect(h1(page, "ログイン")).toBeVisible();
  await skipToMain(page);
  await tabTo(page, /^パスワードでログインする$/);
  await page.keyboard.press("Enter");
  await expect(h1(page, "パスワードでログイン")).toBeVisible();
  await skipToMain(page);
  await tabTo(page, /^メールアドレス/);
  await page.keyboard.type("yamada@example.jp");
  await page.keyboard.press("Tab");
  expect((await focused(page))?.name).toMatch(/^パスワード/);
  await page.keyboard.type("tsudoi-demo");
  await page.keyboard.press("Enter");

  // the three questions
  await expect(h1(page, "何に使いますか？")).toBeVisible();
  await skipToMain(page);
  await tabTo(page, /^利用目的/);
  await page.keyboard.type("将棋の会");
  await page.keyboard.press("Enter");

  // 市内? yes; nothing special; no exemption: Space chooses, Enter sends
  await expect(page).toHaveURL(/\/apply\/residence$/);
  await skipToMain(page);
  await tabTo(page, /^はい$/);
  await page.keyboard.press("Space");
  await tabTo(page, /^次へ進む$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/apply\/usage$/);
  await skipToMain(page);
  await tabTo(page, /^次へ進む$/);
  await page.keyboard.press("Enter");
  // 中央公民館 lends equipment: borrow none (every box starts at 0)
  await expect(page).toHaveURL(/\/apply\/equipment$/);
  await skipToMain(page);
  await tabTo(page, /^次へ進む$/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/apply\/exemption$/);
  await skipToMain(page);
  await tabTo(page, /^申請しない$/);
  await page.keyboard.press("Space");
  await tabTo(page, /^次へ進む$/);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/apply\/headcount$/);
  await skipToMain(page);
  await tabTo(page, /^利用人数/);
  await page.keyboard.type("8");
  await page.keyboard.press("Enter");

  // the phone number is filled in from the account: go to the button, look back at the box
  await expect(page).toHaveURL(/\/apply\/phone$/);
  await skipToMain(page);
  await tabTo(page, /^確認へ進む$/);
  await tabTo(page, /^当日の連絡先電話番号/, { back: true, max: 3 });
  await expect(page.getByLabel("当日の連絡先電話番号")).not.toHaveValue("");
  await tabTo(page, /^確認へ進む$/, { max: 3 });
  await page.keyboard.press("Space");

  // check, then apply
  await expect(h1(page, "申し込み内容の確認")).toBeVisible();
  const summary = page.locator(".summary-list");
  await expect(summary).toContainText("将棋の会");
  await expect(summary).toContainText("8人");
  await expect(page.locator(".slot-list")).toContainText("集会室B");
  await skipToMain(page);
  await tabTo(page, /^この内容で申し込む$/);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/akiruno\/bookings\/[^/?]+\?submitted=1$/);
  await expect(page.getByRole("status")).toContainText("申し込みを受け付けました");
  await expect(page.getByText("申込番号").first()).toBeVisible();
  await expect(page.locator(".application-number")).toHaveText(/^\s*\d{6}\s*$/);
  expect(pageErrors.map(String)).toEqual([]);
});
