import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, slugProblem } from "./municipality-slug";

describe("a municipality's slug", () => {
  it("is 2–40 lower-case letters, digits and hyphens, not starting with a hyphen", () => {
    expect(slugProblem("akiruno")).toBeNull();
    expect(slugProblem("hinode-machi")).toBeNull();
    for (const bad of ["a", "-akiruno", "Akiruno", "あきる野", "a/b", "x".repeat(41)]) expect(slugProblem(bad), bad).toBe("INVALID");
  });

  it("is never the name of one of the app's own top-level pages", () => {
    const routes = readdirSync(path.join(__dirname, "../routes"));
    // flat routes: "operator.login.tsx" answers /operator/login; "$muni…" and "_index" are not names
    const topLevel = new Set(routes.filter((f) => !f.startsWith("$") && !f.startsWith("_")).map((f) => f.split(/[._]/)[0]!));
    topLevel.add("build"); // the static files
    expect([...topLevel].filter((name) => slugProblem(name) === null)).toEqual([]);
    for (const name of RESERVED_SLUGS) expect(slugProblem(name)).toBe("RESERVED");
  });
});
