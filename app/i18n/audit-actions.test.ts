import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { staffText } from "./staff";

/** Every "x.y" string on a line that sets an audit record's action, in the app's services. */
function actionsRecorded() {
  const dir = path.join(__dirname, "../services");
  const actions = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
    for (const line of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      if (!/\baction:/.test(line)) continue;
      for (const match of line.matchAll(/"([a-z_]+\.[a-z_]+)"/g)) actions.add(match[1]!);
    }
  }
  return [...actions].sort();
}

describe("the audit log's words", () => {
  it("has a Japanese name for every action the services record", () => {
    const recorded = actionsRecorded();
    expect(recorded.length).toBeGreaterThan(40);
    expect(recorded.filter((action) => !(action in staffText.audit.actions))).toEqual([]);
  });
});
