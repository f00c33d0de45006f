// usage: node .shots.mjs <name> <path> <width> <height> [textSize] [js=1] [fullPage=1]
import { chromium } from "playwright-core";
const [,, name, path, w, h, size = "standard", js = "1", full = "1", zoom = ""] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
const context = await browser.newContext({ viewport: { width: +w, height: +h }, deviceScaleFactor: 1, javaScriptEnabled: js === "1", locale: "ja-JP" });
const page = await context.newPage();
const errors = [];
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") errors.push(m.text()); });
page.on("pageerror", (e) => errors.push(String(e)));
if (size !== "standard") await page.goto(`http://localhost:3150/prefs?size=${size}&back=/`);
await page.goto(`http://localhost:3150${path}`, { waitUntil: "networkidle" });
if (zoom) await page.evaluate((z) => { document.documentElement.style.fontSize = z; }, zoom);
const overflow = await page.evaluate(() => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > vw + 0.5) out.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, vw, out: out.slice(0, 10) };
});
if (full === "1") {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = 1400;
  for (let y = 0, i = 0; y < height; y += step, i++) {
    await page.screenshot({ path: `/tmp/ui/shots/${name}-${i}.png`, fullPage: true, clip: { x: 0, y, width: +w, height: Math.min(step, height - y) } });
  }
} else {
  await page.screenshot({ path: `/tmp/ui/shots/${name}.png` });
}
console.log(name, JSON.stringify(overflow), errors.length ? "console: " + errors.join(" | ") : "");
await browser.close();
