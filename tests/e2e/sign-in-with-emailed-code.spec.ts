import { generateTOTP } from "@epic-web/totp";
import { expect, type Page, test } from "@playwright/test";
import { MAIL_DIR } from "../../playwright.config";
import { codeIn, savedMailCount, savedMailTo } from "../support/smtp";
import { DEMO_TOTP_SECRET, expectNoAxeViolations, MUNI, signInAsStaff } from "./support";

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

/** Signed out, a resident opens わたしの予約, asks for a code, reads it from the real mail. */
async function signInWithEmailedCode(page: Page, email: string, options: { checkAxe: boolean }) {
  await page.goto(`${MUNI}/bookings`);
  await expect(h1(page)).toHaveText("ログイン");
  await expect(page.getByText("パスワードは要りません")).toBeVisible();
  if (options.checkAxe) await expectNoAxeViolations(page);
  const before = savedMailCount(MAIL_DIR);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("button", { name: "番号をメールで受け取る" }).click();

  await expect(h1(page)).toHaveText("メールに届いた番号を入力");
  await expect(page.getByRole("status")).toContainText(`${email} あてに、6けたの番号を送りました`);
  if (options.checkAxe) await expectNoAxeViolations(page);
  const mail = await savedMailTo(MAIL_DIR, email, { after: before });
  expect(mail.subject).toContain("ログイン用の番号");
  const code = codeIn(mail.text);

  // a wrong code first: said in Japanese, on the field, with the tries left, and kept
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
  await page.getByLabel("番号（6けた）").fill(wrong);
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(page.locator(".error-summary")).toContainText("番号が違います。あと4回入力できます。");
  await expect(page.getByLabel("番号（6けた）")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("番号（6けた）")).toHaveValue(wrong);
  if (options.checkAxe) await expectNoAxeViolations(page);

  // the code as a phone keyboard may type it: full-width digits
  const fullWidth = code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  await page.getByLabel("番号（6けた）").fill(fullWidth);
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(h1(page)).toHaveText("わたしの予約");
  return code;
}

test.describe("with JavaScript", () => {
  test("a resident signs in with an emailed code on a phone, and the code works only once", async ({ page }) => {
    const code = await signInWithEmailedCode(page, "yamada@example.jp", { checkAxe: true });
    await page.goto(`${MUNI}/logout`);
    await page.getByRole("button", { name: "ログアウトする", exact: true }).click();

    // the same code, typed again on the code page of a new request, does not sign in
    await page.goto(`${MUNI}/login`);
    await page.getByLabel("メールアドレス").fill("yamada@example.jp");
    await page.getByRole("button", { name: "番号をメールで受け取る" }).click();
    await page.getByLabel("番号（6けた）").fill(code);
    await page.getByRole("button", { name: "ログインする" }).click();
    await expect(page.locator(".error-summary")).toBeVisible();
    await expect(h1(page)).toHaveText("メールに届いた番号を入力");
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 640 } });

  test("a resident signs in with an emailed code on a small phone", async ({ page }) => {
    await signInWithEmailedCode(page, "tanaka@example.jp", { checkAxe: false });
  });
});

test("an address that is not registered gets the same page and no mail", async ({ page }) => {
  const before = savedMailCount(MAIL_DIR);
  await page.goto(`${MUNI}/login`);
  await page.getByLabel("メールアドレス").fill("nobody-here@example.jp");
  await page.getByRole("button", { name: "番号をメールで受け取る" }).click();
  await expect(h1(page)).toHaveText("メールに届いた番号を入力");
  await expect(page.getByRole("heading", { name: "メールが届かないとき" })).toBeVisible();
  await page.waitForTimeout(500);
  expect(savedMailCount(MAIL_DIR)).toBe(before);
});

test("a staff member signs in with password and an authenticator code", async ({ page }) => {
  await page.goto(`${MUNI}/login/password`);
  await page.getByLabel("メールアドレス").fill("shokuin@example.jp");
  await page.getByLabel("パスワード").fill("tsudoi-demo");
  await page.getByRole("button", { name: "ログインする" }).click();
  await expect(h1(page)).toHaveText("確認コードの入力");
  await expectNoAxeViolations(page);

  await page.getByLabel("確認コード（6けた）").fill("000000");
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(page.locator(".error-summary")).toContainText("確認コードが違います");

  const { otp } = await generateTOTP({ secret: DEMO_TOTP_SECRET });
  await page.getByLabel("確認コード（6けた）").fill(otp);
  await page.getByRole("button", { name: "確認する" }).click();
  await expect(h1(page)).toHaveText("職員メニュー");

  // invites a hall manager for 五日市地区会館; the invitation is in the audit log
  const managerEmail = `manager-${Date.now()}@example.jp`;
  await page.getByRole("link", { name: "職員・施設管理人を招待する" }).click();
  await page.getByRole("button", { name: "招待のメールを送る" }).click();
  await expect(page.locator(".error-summary")).toContainText("役割を選んでください");
  await page.getByLabel("招待する人のメールアドレス").fill(managerEmail);
  await page.getByText(/^施設管理人（/).click();
  await page.getByRole("button", { name: "招待のメールを送る" }).click();
  await expect(page.locator(".error-summary")).toContainText("担当の施設を1つ以上選んでください");
  await expect(page.getByLabel("招待する人のメールアドレス")).toHaveValue(managerEmail);
  await page.getByText("五日市地区会館", { exact: true }).click();
  const before = savedMailCount(MAIL_DIR);
  await page.getByRole("button", { name: "招待のメールを送る" }).click();
  await expect(page.getByRole("status")).toContainText(`${managerEmail} あてに招待のメールを送りました。`);
  await expectNoAxeViolations(page);
  await page.goto(`${MUNI}/staff/audit`);
  await expect(page.getByText("invitation.created").first()).toBeVisible();
  await expectNoAxeViolations(page);

  // the manager follows the emailed link, creates the account and sees only their hall
  const invitation = await savedMailTo(MAIL_DIR, managerEmail, { after: before });
  const link = /https?:\/\/\S+\/invite\/\S+/.exec(invitation.text)![0];
  const manager = await page.context().browser()!.newPage();
  await manager.goto(link);
  await expect(h1(manager)).toHaveText("施設管理人アカウントの作成");
  await manager.getByLabel("お名前").fill("五日市 管理人");
  await manager.getByLabel("電話番号").fill("042-000-0303");
  await manager.getByLabel("パスワード").fill("short");
  await manager.getByRole("button", { name: "アカウントを作る" }).click();
  await expect(manager.locator(".error-summary")).toContainText("12文字以上");
  await expect(manager.getByLabel("お名前")).toHaveValue("五日市 管理人");
  await manager.getByLabel("パスワード").fill("a long manager password");
  await manager.getByRole("button", { name: "アカウントを作る" }).click();
  await expect(manager.getByRole("status")).toContainText("アカウントができました");
  await manager.getByLabel("メールアドレス").fill(managerEmail);
  await manager.getByLabel("パスワード").fill("a long manager password");
  await manager.getByRole("button", { name: "ログインする" }).click();
  // the hall's day, of their own facility only
  await expect(h1(manager)).toHaveText(/の予約$/);
  await expect(manager.getByRole("heading", { level: 2, name: "五日市地区会館" })).toBeVisible();
  await expect(manager.getByText("中央公民館")).toHaveCount(0);
  expect((await manager.request.get(`${MUNI}/staff/audit`)).status()).toBe(403);
  // the link works once
  await manager.goto(link);
  await expect(manager.getByText("この招待は使えません")).toBeVisible();
  await manager.close();
});

test("a newly invited staff member sets up the authenticator app at their first sign-in", async ({ page, browser }) => {
  await signInAsStaff(page);
  const email = `staff-${Date.now()}@example.jp`;
  await page.goto(`${MUNI}/staff/invitations`);
  await page.getByLabel("招待する人のメールアドレス").fill(email);
  await page.getByText(/^職員（/).click();
  const before = savedMailCount(MAIL_DIR);
  await page.getByRole("button", { name: "招待のメールを送る" }).click();
  await expect(page.getByRole("status")).toContainText("招待のメールを送りました");
  const link = /https?:\/\/\S+\/invite\/\S+/.exec((await savedMailTo(MAIL_DIR, email, { after: before })).text)![0];

  const newcomer = await browser.newPage();
  await newcomer.goto(link);
  await expect(h1(newcomer)).toHaveText("職員アカウントの作成");
  await newcomer.getByLabel("お名前").fill("新人 職員");
  await newcomer.getByLabel("電話番号").fill("042-000-0404");
  await newcomer.getByLabel("パスワード").fill("a long staff password");
  await newcomer.getByRole("button", { name: "アカウントを作る" }).click();
  await expect(newcomer.getByRole("status")).toContainText("アカウントができました");
  await newcomer.getByLabel("メールアドレス").fill(email);
  await newcomer.getByLabel("パスワード").fill("a long staff password");
  await newcomer.getByRole("button", { name: "ログインする" }).click();

  await expect(h1(newcomer)).toHaveText("認証アプリの設定");
  await expect(newcomer.locator(".totp-qr svg")).toBeVisible();
  await expectNoAxeViolations(newcomer);
  const key = (await newcomer.locator(".totp-key").innerText()).replace(/\s/g, "");
  // a code from another key does not finish the set-up
  await newcomer.getByLabel("確認コード（6けた）").fill((await generateTOTP({ secret: DEMO_TOTP_SECRET })).otp);
  await newcomer.getByRole("button", { name: "設定を終える" }).click();
  await expect(newcomer.locator(".error-summary")).toContainText("確認コードが違います");
  await expect(newcomer.locator(".totp-key")).toHaveText(/\S/);
  expect((await newcomer.locator(".totp-key").innerText()).replace(/\s/g, "")).toBe(key);
  await newcomer.getByLabel("確認コード（6けた）").fill((await generateTOTP({ secret: key })).otp);
  await newcomer.getByRole("button", { name: "設定を終える" }).click();
  await expect(h1(newcomer)).toHaveText("職員メニュー");
  await newcomer.close();
});
