import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu","--disable-quic","--no-first-run","--disable-background-networking","--disable-component-update","--disable-sync"] });
for (const [path, js, size] of [["/dev/components", true, "standard"], ["/dev/components?state=errors", true, "standard"], ["/dev/components", false, "standard"], ["/dev/components?state=errors", false, "xlarge"]]) {
  // "no JS" = the server's HTML with its scripts taken out, so axe itself can still run
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  if (!js) await page.route("**/dev/components*", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
    await route.fulfill({ response, body });
  });
  if (size !== "standard") await page.goto(`http://localhost:3150/prefs?size=${size}&back=/`);
  await page.goto("http://localhost:3150" + path, { waitUntil: "networkidle" });
  for (const [label, tags] of [["wcag2a/aa+21a/aa", ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]], ["+wcag22aa,best-practice", ["wcag22aa", "best-practice"]]]) {
    try {
      const r = await new AxeBuilder({ page }).withTags(tags).setLegacyMode(true).analyze();
      console.log(`${path} js=${js} size=${size} [${label}] violations=${r.violations.length} passes=${r.passes.length} incomplete=${r.incomplete.length}`);
      for (const v of r.violations) console.log(`  ${v.id} (${v.impact}): ${v.help}\n` + v.nodes.slice(0, 4).map((n) => `     ${n.target.join(" ")} :: ${n.failureSummary?.split("\n")[1] ?? ""}`).join("\n"));
      if (label.startsWith("wcag2a/")) for (const v of r.incomplete) console.log(`  (review) ${v.id}: ${v.nodes.length} nodes`);
    } catch (e) { console.log(path, js, "axe failed:", String(e).slice(0, 200)); }
  }
  await context.close();
}
await browser.close();
