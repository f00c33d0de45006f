import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstLoadAssets, gzipBytes, pageWeight } from "./page-weight";

// the shape of what Remix renders: modulepreload links, then a module script importing them
const html = `<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/build/_assets/app-ABC.css"/>
<link rel="icon" href="/favicon.svg"/>
<link rel="modulepreload" href="/build/manifest-1.js"/><link rel="modulepreload" href="/build/entry.client-2.js"/>
<link rel="modulepreload" href="/build/_shared/chunk-3.js"/><link rel="modulepreload" href="/build/root-4.js"/>
</head><body><main>…</main>
<script type="module" async="">import "/build/manifest-1.js";
import * as route0 from "/build/root-4.js";
import * as route1 from "/build/routes/$muni._index-5.js";
window.__remixRouteModules = {"root":route0};
import("/build/entry.client-2.js");</script></body></html>`;

describe("firstLoadAssets", () => {
  it("finds every script and stylesheet under /build/ once, and nothing else", () => {
    expect(firstLoadAssets(html)).toEqual({
      scripts: ["/build/manifest-1.js", "/build/entry.client-2.js", "/build/_shared/chunk-3.js", "/build/root-4.js", "/build/routes/$muni._index-5.js"],
      styles: ["/build/_assets/app-ABC.css"],
    });
  });
});

describe("pageWeight", () => {
  const publicDir = mkdtempSync(path.join(os.tmpdir(), "page-weight-"));
  afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

  it("adds up the gzip sizes of the files the page names", () => {
    const files: Record<string, string> = {
      "/build/_assets/app-ABC.css": "body { color: black; }\n".repeat(50),
      "/build/manifest-1.js": "window.__remixManifest = {};",
      "/build/entry.client-2.js": "console.log('entry');\n".repeat(20),
      "/build/_shared/chunk-3.js": "export const a = 1;",
      "/build/root-4.js": "export default function Root() {}",
      "/build/routes/$muni._index-5.js": "export default function Index() {}",
    };
    for (const [url, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(publicDir, url)), { recursive: true });
      writeFileSync(path.join(publicDir, url), text);
    }
    const weight = pageWeight(html, publicDir);
    const js = Object.entries(files).filter(([url]) => url.endsWith(".js")).reduce((sum, [, text]) => sum + gzipBytes(text), 0);
    expect(weight).toMatchObject({ htmlBytes: Buffer.byteLength(html), jsGzipBytes: js, cssGzipBytes: gzipBytes(files["/build/_assets/app-ABC.css"]!) });
    expect(weight.htmlGzipBytes).toBeLessThan(weight.htmlBytes);
  });
});
