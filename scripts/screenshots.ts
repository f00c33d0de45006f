/**
 * Full-page screenshots of every resident screen in the booking journey, at 360×640 in
 * Debian's Chromium, into docs/screenshots/<nn>-<name>.png (old PNGs there are deleted first).
 *
 *   npm run screenshots          # = remix build && tsx scripts/screenshots.ts
 *   npx tsx scripts/screenshots.ts   # when build/ is already up to date
 *
 * This script builds nothing itself: it runs the existing `build/` (from `npx remix build`).
 * It starts the server on a free port with a fresh temporary DATA_DIR (new PGlite database with
 * the demo municipality akiruno), walks the journey as a resident would (new visitor → login
 * error → the demo resident yamada@example.jp → one application of two slots → cancel one),
 * then deletes that resident's account (delete page, its error, the page after), then stops the
 * server and deletes the directory, also when a step fails.
 *
 * Needs /usr/bin/chromium (`apt-get install chromium`) and, for readable Japanese,
 * `apt-get install fonts-noto-cjk`. Playwright's own browser download is never used.
 *
 * The pages are found mostly by URL (links' href) and by roles, not by their wording, so that
 * copy changes do not break it; a step that cannot go on fails with the name of its page and
 * leaves a picture of what it saw in the temp directory.
 *
 * Environment: SCREENSHOT_SCALE=2 for device-pixel-ratio 2 pictures (default 1).
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { ROOT, type RunningServer, seconds, startServer } from "./support/server.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../tests/support/chromium";

const OUT = path.join(ROOT, "docs", "screenshots");
const MUNI = "/akiruno";
const DEMO = { email: "yamada@example.jp", password: "tsudoi-demo" };

const DATE_PATH = /\/rooms\/[^/?#]+\/\d{4}-\d{2}-\d{2}$/;

let counter = 0;
const written: string[] = [];
const notes: string[] = [];
let currentStep = "start";

/** Runs one step of the journey; a failure names the step (the page) and the URL it was on. */
async function step<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  currentStep = name;
  try {
    return await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    let url = "(no page)";
    try {
      url = page.url();
    } catch {
      // page closed
    }
    const debug = path.join(os.tmpdir(), `tsudoi-screenshot-failed-${Date.now()}.png`);
    const saved = await page
      .screenshot({ path: debug, fullPage: true })
      .then(() => true)
      .catch(() => false);
    throw new Error(
      `step "${name}" failed on ${url}\n  ${message}` + (saved ? `\n  what the page looked like: ${debug}` : ""),
    );
  }
}

async function settle(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => {});
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

async function shot(page: Page, name: string) {
  await settle(page);
  counter += 1;
  const file = `${String(counter).padStart(2, "0")}-${name}.png`;
  await page.screenshot({ path: path.join(OUT, file), fullPage: true, animations: "disabled", caret: "hide" });
  written.push(file);
  const { pathname, search } = new URL(page.url());
  console.log(`  ${file.padEnd(30)} ${pathname}${search}`);
}

/** GET a path; fails on an error status (404 included: use tryOpen for optional pages). */
async function open(page: Page, target: string) {
  const response = await page.goto(target, { waitUntil: "load" });
  const status = response?.status() ?? 0;
  if (status >= 400) throw new Error(`GET ${target} answered HTTP ${status}`);
  return response;
}

async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await condition().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

type LinkInfo = { href: string; text: string; classes: string };

/** The links on the page whose path matches, in document order (main content first). */
async function links(page: Page, pattern: RegExp): Promise<LinkInfo[]> {
  const all = await page.locator("a[href]").evaluateAll((anchors) =>
    anchors.map((a) => ({
      href: (a as HTMLAnchorElement).href,
      text: (a.textContent ?? "").replace(/\s+/g, " ").trim(),
      classes: Array.from(a.querySelectorAll("[class]"))
        .map((e) => e.getAttribute("class"))
        .join(" "),
    })),
  );
  const seen = new Set<string>();
  return all.filter((l) => {
    const url = new URL(l.href);
    if (!pattern.test(url.pathname + url.search) || seen.has(l.href)) return false;
    seen.add(l.href);
    return true;
  });
}

function prefer(list: LinkInfo[], wanted: RegExp) {
  return list.find((l) => wanted.test(l.text)) ?? list[0];
}

const isVisible = (locator: Locator) => locator.first().isVisible();

/** Something on the page says the form was refused: an invalid field or an alert. */
async function showsFormError(page: Page) {
  return (
    (await isVisible(page.locator('[aria-invalid="true"]'))) ||
    (await isVisible(page.locator('.error-summary, [role="alert"]')))
  );
}

async function errorText(page: Page) {
  const alert = page.locator('.error-summary, [role="alert"]').first();
  return (await alert.isVisible()) ? (await alert.innerText()).replace(/\s+/g, " ").trim() : "";
}

/** The main content's submit button whose name matches, else the last submit button in main. */
async function mainSubmit(page: Page, name: RegExp) {
  const named = page.locator("main form").getByRole("button", { name });
  return (await named.count()) > 0 ? named.last() : submitOf(page.locator("main form").last());
}

/** The submit button of the form that holds `field` (or of the main form). */
function submitOf(scope: Locator) {
  return scope.locator('button[type="submit"], button:not([type]), input[type="submit"]').last();
}

function formOf(field: Locator) {
  return field.locator("xpath=ancestor::form[1]");
}

/** On a room's month page: the day page of the first day with a free slot (up to 4 months on). */
async function openFreeDay(page: Page) {
  for (let i = 0; i < 4; i++) {
    const days = await links(page, DATE_PATH);
    const free =
      days.find((d) => /mark--free/.test(d.classes) || /空きあり/.test(d.text)) ??
      days.find((d) => /mark--partial/.test(d.classes) || /残りわずか/.test(d.text));
    if (free) {
      await open(page, free.href);
      return;
    }
    const here = new URL(page.url()).searchParams.get("month") ?? "";
    const months = (await links(page, /[?&]month=\d{4}-\d{2}/))
      .map((l) => ({ l, month: new URL(l.href).searchParams.get("month")! }))
      .filter((m) => m.month > here)
      .sort((a, b) => (a.month < b.month ? -1 : 1));
    const next = here ? months[0] : months[months.length - 1];
    if (!next) throw new Error("no day with a free slot and no later month to look in");
    await open(page, next.l.href);
  }
  throw new Error("no day with a free slot in the next 4 months");
}

/** Presses the first time frame that is not selected yet and waits until it shows as selected. */
async function selectFreeFrame(page: Page) {
  const pressed = page.locator('main button[aria-pressed="true"]');
  const before = await pressed.count();
  const free = page.locator('main button[aria-pressed="false"]');
  if ((await free.count()) === 0) return false;
  await free.first().click();
  await waitUntil("the time frame to show as selected (aria-pressed=true)", async () => (await pressed.count()) > before);
  return true;
}

type Field = { locator: Locator; kind: "purpose" | "headcount" | "phone" | "other"; type: string; tag: string };

/** The fields a resident fills in on an application step. */
async function applyFields(page: Page): Promise<Field[]> {
  const inputs = page.locator(
    'main input:not([type="hidden"]):not([type="submit"]):not([type="button"]), main textarea, main select',
  );
  const fields: Field[] = [];
  for (const locator of await inputs.all()) {
    // choice inputs are visually hidden inside their whole-row labels
    const choice = ["radio", "checkbox"].includes((await locator.getAttribute("type")) ?? "");
    if (!choice && !(await locator.isVisible())) continue;
    const info = await locator.evaluate((el) => {
      const e = el as HTMLInputElement;
      const label = Array.from(e.labels ?? [])
        .map((l) => l.textContent ?? "")
        .join(" ");
      return { name: e.name, label, type: e.type, tag: e.tagName.toLowerCase(), auto: e.autocomplete };
    });
    const key = `${info.name} ${info.label} ${info.auto}`;
    const kind = /headcount|人数/i.test(key)
      ? "headcount"
      : /phone|tel|電話/i.test(key) || info.type === "tel"
        ? "phone"
        : /purpose|目的/i.test(key)
          ? "purpose"
          : "other";
    fields.push({ locator, kind, type: info.type, tag: info.tag });
  }
  return fields;
}

async function fillField(field: Field) {
  const { locator, type, tag } = field;
  // optional boxes ("anything that applies?") are left as they are; a radio group gets its first answer
  if (type === "checkbox") return;
  if (type === "radio") {
    const name = await locator.getAttribute("name");
    const group = locator.page().locator(`main input[name="${name}"]`);
    const checked = await group.evaluateAll((els) => els.some((e) => (e as HTMLInputElement).checked));
    if (!checked) await group.first().check({ force: true });
    return;
  }
  if (tag === "select") {
    const options = await locator.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const value = options.find((v) => v !== "");
    if (value !== undefined) await locator.selectOption(value);
    return;
  }
  const current = await locator.inputValue();
  const value = { purpose: "町内会の会議", headcount: "12", phone: current || "080-2222-3333", other: current || "テスト" }[
    field.kind
  ];
  await locator.fill(value);
}

function applyName(pathname: string) {
  const rest = pathname.replace(/^.*\/apply\/?/, "").replace(/\//g, "-");
  return rest ? `apply-${rest}` : "apply";
}

async function main() {
  const started = Date.now();
  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(OUT)) if (file.endsWith(".png")) rmSync(path.join(OUT, file));

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const context = await browser.newContext({
      baseURL: server.baseURL,
      viewport: { width: 360, height: 640 },
      deviceScaleFactor: Number(process.env.SCREENSHOT_SCALE ?? 1),
      isMobile: true,
      hasTouch: true,
      locale: "ja-JP",
      timezoneId: "Asia/Tokyo",
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(30_000);
    page.on("pageerror", (error) => notes.push(`JavaScript error on ${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      // failed resources are noted with their URL below; a form refused with 400 is expected
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        notes.push(`console error on ${page.url()}: ${message.text().split("\n")[0]}`);
      }
    });
    page.on("response", (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== "document") {
        notes.push(`HTTP ${response.status()} for ${response.url()} (loaded by ${page.url()})`);
      }
    });
    console.log(`writing ${path.relative(ROOT, OUT)}/`);

    // --- browsing, not signed in
    await step(page, "facility list", async () => {
      await open(page, MUNI);
      await shot(page, "facilities");
    });
    await step(page, "facility", async () => {
      const facility = prefer(await links(page, /\/facilities\/[^/?#]+$/), /中央公民館/);
      if (!facility) throw new Error("no link to a facility (…/facilities/<id>)");
      await open(page, facility.href);
      await shot(page, "facility");
    });
    await step(page, "room month", async () => {
      const room = prefer(await links(page, /\/rooms\/[^/?#]+$/), /集会室A/);
      if (!room) throw new Error("no link to a room (…/rooms/<id>)");
      await open(page, room.href);
      await shot(page, "room-month");
    });
    await step(page, "day", async () => {
      await openFreeDay(page);
      await shot(page, "day");
    });
    await step(page, "day with a selected slot", async () => {
      if (!(await selectFreeFrame(page))) throw new Error("no time frame to select (button[aria-pressed=false])");
      await shot(page, "day-selected");
      // a second slot, so that the selection and the application hold two
      if (!(await selectFreeFrame(page))) notes.push("only one free time frame on that day: the application has one slot");
    });
    await step(page, "selection", async () => {
      await open(page, `${MUNI}/selection`);
      await shot(page, "selection");
    });

    // --- signing in
    let loginURL = "";
    await step(page, "login", async () => {
      await open(page, `${MUNI}/apply`);
      if (!/\/login$/.test(new URL(page.url()).pathname)) {
        notes.push(`${MUNI}/apply did not send a signed-out visitor to the login page (went to ${page.url()})`);
        await open(page, `${MUNI}/login?redirectTo=${encodeURIComponent(`${MUNI}/apply`)}`);
      }
      loginURL = page.url();
      await shot(page, "login");
    });
    const email = () => page.locator('main input[type="email"], main input[name="email"]').first();
    const password = () => page.locator('main input[type="password"]').first();
    await step(page, "login code", async () => {
      await email().fill(DEMO.email);
      await submitOf(formOf(email())).click();
      await waitUntil("the code page", async () => /\/login\/code$/.test(new URL(page.url()).pathname));
      await shot(page, "login-code");
      await open(page, loginURL);
    });
    let passwordURL = "";
    await step(page, "login error", async () => {
      const byPassword = (await links(page, /\/login\/password(\?|$)/))[0];
      await open(page, byPassword?.href ?? `${MUNI}/login/password`);
      passwordURL = page.url();
      await email().fill(DEMO.email);
      await password().fill("not-the-password");
      await submitOf(formOf(password())).click();
      await waitUntil("the login page to show an error", () => showsFormError(page));
      if (!/\/login\/password$/.test(new URL(page.url()).pathname)) throw new Error("a wrong password left the login page");
      await shot(page, "login-error");
    });
    await step(page, "register", async () => {
      const register = (await links(page, /\/register(\?|$)/))[0];
      await open(page, register?.href ?? `${MUNI}/register`);
      await shot(page, "register");
    });
    await step(page, "login as the demo resident", async () => {
      await open(page, passwordURL || loginURL);
      await email().fill(DEMO.email);
      await password().fill(DEMO.password);
      await submitOf(formOf(password())).click();
      await waitUntil(
        "to leave the login page",
        async () => !/\/login$/.test(new URL(page.url()).pathname) || (await showsFormError(page)),
      );
      if (/\/login$/.test(new URL(page.url()).pathname)) {
        throw new Error(`the demo resident could not sign in: ${await errorText(page)}`);
      }
      await settle(page);
      if (!/\/apply(\/|$)/.test(new URL(page.url()).pathname)) {
        notes.push(`after signing in from ${MUNI}/apply the resident landed on ${page.url()}, not back on the application`);
        await open(page, `${MUNI}/apply`);
      }
    });

    // --- the application, one page or one question per page
    let errorShown = false;
    for (let i = 0; ; i++) {
      const { pathname } = new URL(page.url());
      if (/\/apply\/review$/.test(pathname)) break;
      const name = applyName(pathname);
      await step(page, `application step ${name}`, async () => {
        if (i >= 8) throw new Error("8 application steps and still no review page (…/apply/review)");
        if (!/\/apply(\/|$)/.test(pathname)) throw new Error("expected an application step (…/apply/…) or the review");
        await shot(page, name);
        let fields = await applyFields(page);
        if (fields.length === 0) throw new Error("no field to fill in on this application step");
        const headcount = fields.find((f) => f.kind === "headcount" && f.tag === "input" && f.type !== "radio");
        if (headcount && !errorShown) {
          // the form error state: a headcount that is not a number (empty where the input only takes numbers)
          for (const field of fields) if (field !== headcount) await fillField(field);
          await headcount.locator.fill(headcount.type === "number" ? "" : "たくさん");
          await submitOf(formOf(headcount.locator)).click();
          await waitUntil("the step to refuse a headcount that is not a number", async () =>
            (await showsFormError(page)) || new URL(page.url()).pathname !== pathname,
          );
          if (new URL(page.url()).pathname !== pathname) {
            throw new Error("a headcount that is not a number was accepted: no form error state to show");
          }
          await shot(page, `${name}-error`);
          errorShown = true;
          fields = await applyFields(page);
        }
        for (const field of fields) await fillField(field);
        const form = formOf(fields[0]!.locator);
        await submitOf(form).click();
        await waitUntil("the next step", async () =>
          new URL(page.url()).pathname !== pathname || (await showsFormError(page)),
        );
        if (new URL(page.url()).pathname === pathname) {
          throw new Error(`the step refused the values filled in: ${await errorText(page)}`);
        }
        await settle(page);
      });
    }
    if (!errorShown) notes.push("no application step has a headcount text field: no apply form error screenshot");

    await step(page, "review", async () => {
      await shot(page, "review");
      const before = page.url();
      await (await mainSubmit(page, /申し込む|submit|apply/i)).click();
      await waitUntil("the submitted application (…/bookings/<id>)", async () =>
        /\/bookings\/[^/?#]+$/.test(new URL(page.url()).pathname) || (page.url() !== before && (await showsFormError(page))),
      );
      if (!/\/bookings\/[^/?#]+$/.test(new URL(page.url()).pathname)) {
        throw new Error(`the application was refused: ${await errorText(page)}`);
      }
    });
    let applicationURL = "";
    await step(page, "submitted application", async () => {
      const url = new URL(page.url());
      applicationURL = `${url.origin}${url.pathname}`;
      await shot(page, "submitted");
    });
    await step(page, "my bookings", async () => {
      await open(page, `${MUNI}/bookings`);
      await shot(page, "my-bookings");
    });
    await step(page, "cancel confirmation", async () => {
      await open(page, applicationURL);
      const cancels = await links(page, /\/cancel(\?|$)/);
      const one = cancels.find((l) => /[?&]item=/.test(l.href)) ?? cancels[0];
      if (!one) throw new Error("no link to cancel a slot (…/cancel?item=…)");
      await open(page, one.href);
      await shot(page, "cancel-confirm");
    });
    await step(page, "cancelled", async () => {
      await (await mainSubmit(page, /取り消す|cancel/i)).click();
      await waitUntil(
        "the application page after cancelling",
        async () => !/\/cancel$/.test(new URL(page.url()).pathname) || (await showsFormError(page)),
      );
      if (/\/cancel$/.test(new URL(page.url()).pathname)) throw new Error(`cancelling was refused: ${await errorText(page)}`);
      await shot(page, "cancelled");
    });

    // --- deleting the account (last: the demo resident is gone after it)
    await step(page, "delete account", async () => {
      await open(page, `${MUNI}/bookings`);
      const remove = (await links(page, /\/account\/delete$/))[0];
      if (!remove) throw new Error("no link to delete the account (…/account/delete) on わたしの予約");
      await open(page, remove.href);
      await shot(page, "account-delete");
    });
    await step(page, "delete account error", async () => {
      await (await mainSubmit(page, /退会|delete/i)).click();
      await waitUntil("the page to ask for the confirmation box", () => showsFormError(page));
      await shot(page, "account-delete-error");
    });
    await step(page, "account deleted", async () => {
      const box = page.locator('main input[type="checkbox"]').first();
      // the native box sits under its drawn mark: press the row, as a person does
      await box.locator("xpath=ancestor::label[1]").click();
      await waitUntil("the confirmation box to be ticked", () => box.isChecked());
      await (await mainSubmit(page, /退会|delete/i)).click();
      await waitUntil("the page after deleting (…/account/deleted)", async () =>
        /\/account\/deleted$/.test(new URL(page.url()).pathname),
      );
      await shot(page, "account-deleted");
    });

    // --- pages that may not exist yet
    for (const [target, name] of [
      [`${MUNI}/help`, "help"],
      ["/dev/components", "dev-components"],
    ] as const) {
      await step(page, name, async () => {
        const response = await page.goto(target, { waitUntil: "load" });
        const status = response?.status() ?? 0;
        if (status === 404) {
          console.log(`  (skipped ${target}: 404, the page does not exist yet)`);
          return;
        }
        if (status >= 400) throw new Error(`GET ${target} answered HTTP ${status}`);
        await shot(page, name);
      });
    }
    await context.close();
  } catch (error) {
    console.error(`\nscreenshots FAILED at step "${currentStep}"\n${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  } finally {
    await browser?.close().catch(() => {});
    await server?.stop();
  }
  if (notes.length) console.log(`\nnotes:\n${[...new Set(notes)].map((n) => `  - ${n}`).join("\n")}`);
  console.log(`\n${written.length} screenshots in ${path.relative(ROOT, OUT)}/ (${seconds(started)})`);
}

await main();
