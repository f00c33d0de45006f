import { describe, expect, it } from "vitest";
import { isCrossSite } from "./security";

const host = "tsudoi.example.jp";

describe("isCrossSite", () => {
  it("accepts posts from our own pages", () => {
    expect(isCrossSite({ host, origin: `https://${host}`, secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossSite({ host, referer: `https://${host}/akiruno/login` })).toBe(false);
    expect(isCrossSite({ host })).toBe(false);
  });

  it("refuses posts from another site, however the browser says so", () => {
    expect(isCrossSite({ host, origin: "https://evil.example" })).toBe(true);
    expect(isCrossSite({ host, secFetchSite: "cross-site" })).toBe(true);
    // a sibling subdomain is another site for our purposes
    expect(isCrossSite({ host, origin: `https://${host}`, secFetchSite: "same-site" })).toBe(true);
    expect(isCrossSite({ host, referer: "https://evil.example/form.html" })).toBe(true);
    expect(isCrossSite({ host, origin: "null" })).toBe(true);
    expect(isCrossSite({ host, origin: `https://${host}.evil.example` })).toBe(true);
  });
});
