import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./tests/support/chromium";
import { startSmtpServer } from "./tests/support/smtp";
import { startFakeStripe } from "./server/fake-stripe";

// E2E_PORT only for running two suites side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${PORT}`;
const STRIPE_WEBHOOK_SECRET = "whsec_e2e_tsudoi";

// A fresh data directory (PGlite database, session secret) for every run. Playwright also
// loads this file in its worker processes; they inherit the variable and reuse the directory.
let dataDir = process.env.TSUDOI_E2E_DATA_DIR;
if (!dataDir) {
  const created = mkdtempSync(path.join(os.tmpdir(), "tsudoi-e2e-"));
  dataDir = process.env.TSUDOI_E2E_DATA_DIR = created;
  process.on("exit", () => rmSync(created, { recursive: true, force: true }));
  // a real SMTP server for the app's mail; tests read the messages it saves in MAIL_DIR
  const smtp = await startSmtpServer({ port: PORT + 1, saveTo: path.join(created, "mail") });
  process.on("exit", () => void smtp.close());
  // the fake Stripe (server/fake-stripe.ts): its Checkout page and signed webhooks to the app
  const stripe = await startFakeStripe({ port: PORT + 2, webhookUrl: `${baseURL}/webhooks/stripe`, webhookSecret: STRIPE_WEBHOOK_SECRET });
  process.on("exit", () => void stripe.close());
}
/** Where the test SMTP server saves every message the app sends (see tests/support/smtp.ts). */
export const MAIL_DIR = path.join(dataDir, "mail");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // the journey with JavaScript on runs axe on ~20 pages; 2 slow cores need the headroom
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL,
    viewport: { width: 390, height: 844 },
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "phone-chromium" }],
  webServer: {
    command: "npx tsx server/index.ts",
    url: `${baseURL}/akiruno`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    env: {
      PORT: String(PORT),
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      SMTP_URL: `smtp://127.0.0.1:${PORT + 1}`,
      STRIPE_SECRET_KEY: "sk_test_e2e",
      STRIPE_API_BASE: `http://localhost:${PORT + 2}`,
      STRIPE_WEBHOOK_SECRET,
    },
  },
});
