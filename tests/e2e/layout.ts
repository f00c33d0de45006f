import { expect, type Page } from "@playwright/test";

/**
 * Root font sizes tried on every page besides the one the server chose: 標準 (112.5%, 18px),
 * 大 (137.5%), a root of 200% as the browser's own "200% text" would give, and twice our own
 * standard text (225%, 36px). 特大 (162.5%) is what the journeys run at, from the server.
 */
export const ROOT_FONT_SIZES = ["112.5%", "137.5%", "200%", "225%"] as const;

type Overflow = { rootFontSize: string; scrollWidth: number; innerWidth: number; widest: string[] };

/**
 * No horizontal scrolling: `document.documentElement.scrollWidth <= window.innerWidth`, at the
 * text size the page came with and at each of ROOT_FONT_SIZES (set on <html> inline, which wins
 * over the data-text-size rules, and put back afterwards). A failure names the page, the size
 * and the elements sticking out.
 */
export async function expectNoHorizontalScroll(page: Page, pageName: string) {
  const overflows = await page.evaluate((sizes) => {
    const html = document.documentElement;
    const measure = (rootFontSize: string): Overflow | null => {
      if (html.scrollWidth <= window.innerWidth) return null;
      const widest = [...document.body.querySelectorAll<HTMLElement>("*")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(-5)
        .map((el) => {
          const cls = typeof el.className === "string" && el.className ? `.${el.className.trim().replace(/\s+/g, ".")}` : "";
          const text = (el.innerText ?? "").replace(/\s+/g, " ").slice(0, 40);
          return `<${el.tagName.toLowerCase()}${cls}> right=${Math.round(el.getBoundingClientRect().right)} "${text}"`;
        });
      return { rootFontSize, scrollWidth: html.scrollWidth, innerWidth: window.innerWidth, widest };
    };
    const original = html.style.fontSize;
    const found = [measure(`as served (${getComputedStyle(html).fontSize})`)];
    for (const size of sizes) {
      html.style.fontSize = size;
      found.push(measure(size));
    }
    html.style.fontSize = original;
    return found.filter((o): o is Overflow => o !== null);
  }, [...ROOT_FONT_SIZES]);
  const width = page.viewportSize()?.width;
  expect(
    overflows,
    `horizontal scrolling on "${pageName}" (${new URL(page.url()).pathname}) at ${width}px wide`,
  ).toEqual([]);
}

/** The body text size in px, as computed. */
export function bodyFontSize(page: Page) {
  return page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
}
