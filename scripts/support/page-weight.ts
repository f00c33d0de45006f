/**
 * What a page costs a phone on first load, read from the build: the JavaScript and CSS its HTML
 * names (Remix's modulepreload links and module script imports, stylesheet links), each file
 * gzip-compressed as the server sends it, and the HTML itself. Used by `npm run bench`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

/** The /build/ scripts and stylesheets an HTML page loads first, each once, in order. Pure. */
export function firstLoadAssets(html: string) {
  const unique = (matches: IterableIterator<RegExpMatchArray>) => [...new Set([...matches].map((m) => m[1]!))];
  return {
    scripts: unique(html.matchAll(/["'](\/build\/[^"'?#\s]+\.js)["']/g)),
    styles: unique(html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="(\/build\/[^"?#]+\.css)"/g)),
  };
}

/** Bytes after gzip at zlib's default level (what the compression middleware sends). */
export function gzipBytes(data: string | Uint8Array) {
  return gzipSync(data).byteLength;
}

export type PageWeight = {
  htmlBytes: number;
  htmlGzipBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  scripts: string[];
  styles: string[];
};

/** The weight of a page from its HTML, with the named files read from `publicDir` (…/public). */
export function pageWeight(html: string, publicDir: string): PageWeight {
  const { scripts, styles } = firstLoadAssets(html);
  const gzipOfFile = (url: string) => gzipBytes(readFileSync(path.join(publicDir, url)));
  const sum = (urls: string[]) => urls.reduce((total, url) => total + gzipOfFile(url), 0);
  return {
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipBytes(html),
    jsGzipBytes: sum(scripts),
    cssGzipBytes: sum(styles),
    scripts,
    styles,
  };
}
