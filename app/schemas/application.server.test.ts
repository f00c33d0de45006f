import { describe, expect, it } from "vitest";
import { PurposeForm } from "./application.server";

describe("the purpose question", () => {
  it("takes a kind of use from the list, or その他 (other) when none is chosen", () => {
    expect(PurposeForm.parse({ purposeCategory: "sports", purpose: "卓球" })).toEqual({ purposeCategory: "sports", purpose: "卓球" });
    expect(PurposeForm.parse({ purpose: "卓球" })).toEqual({ purposeCategory: "other", purpose: "卓球" });
  });

  it("refuses a kind that is not on the list, and words left out", () => {
    const result = PurposeForm.safeParse({ purposeCategory: "party", purpose: " " });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["purposeCategory", "purposeCategoryUnknown"],
      ["purpose", "purposeRequired"],
    ]);
  });
});
