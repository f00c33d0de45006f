import { expect, test } from "@playwright/test";
import { MUNI } from "./support";

test("pages forbid inline scripts without this response's nonce, and framing", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  const response = await page.goto(MUNI);
  const csp = response!.headers()["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  expect(csp).not.toContain("'unsafe-inline' 'nonce");
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-content-type-options"]).toBe("nosniff");
  // every script Remix renders carries the nonce, so the page hydrates with no CSP refusal
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  await page.getByRole("link", { name: /^中央公民館/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "中央公民館" })).toBeVisible();
  expect(errors).toEqual([]);
});

test("a form posted from another site is refused", async ({ request }) => {
  const response = await request.post(`${MUNI}/logout`, {
    headers: { Origin: "https://evil.example" },
    form: { scope: "everywhere" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});
