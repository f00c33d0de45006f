import { describe, expect, it } from "vitest";
import { FULL_SIZES, parseOptions, QUICK_SIZES, SCENARIOS, UsageError } from "./options";

describe("bench options", () => {
  it("runs every scenario at full size by default", () => {
    expect(parseOptions([])).toMatchObject({ quick: false, scenarios: [...SCENARIOS], seed: 1, sizes: FULL_SIZES });
  });

  it("takes scenarios by number or name, in the bench's own order", () => {
    expect(parseOptions(["--only=3,1"])).toMatchObject({ scenarios: ["hot-slot", "availability"] });
    expect(parseOptions(["--only=page-weight,throughput"])).toMatchObject({ scenarios: ["throughput", "page-weight"] });
  });

  it("has quick sizes, a seed and Lighthouse on request", () => {
    expect(parseOptions(["--quick", "--seed=42", "--lighthouse"])).toMatchObject({ quick: true, seed: 42, lighthouse: true, sizes: QUICK_SIZES });
  });

  it("refuses what it does not know, and asks for help when asked", () => {
    expect(() => parseOptions(["--only=9"])).toThrow(UsageError);
    expect(() => parseOptions(["--fast"])).toThrow(/unknown option/);
    expect(parseOptions(["--help"])).toBe("help");
  });
});
