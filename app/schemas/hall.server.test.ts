import { describe, expect, it } from "vitest";
import { applicationNumber, parseCounterPayment, parseUsage, typedDate } from "./hall.server";

describe("typedDate", () => {
  it.each([
    ["2026-12-07", "2026-12-07"],
    ["2026/12/7", "2026-12-07"],
    ["２０２６年１２月７日", "2026-12-07"],
    [" 2026.1.2 ", "2026-01-02"],
  ])("reads %s as %s", (typed, date) => {
    expect(typedDate(typed)).toBe(date);
  });
  it.each(["2026-02-30", "12/7", "昨日", "", null])("refuses %s", (typed) => {
    expect(typedDate(typed)).toBeNull();
  });
});

describe("parseUsage", () => {
  const form = (fields: Record<string, string>) => Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${k}-item1`, v]));
  it("reads a headcount in full-width digits, and a no-show without one", () => {
    expect(parseUsage(form({ outcome: "used", actualHeadcount: "２３", note: " 雨 " }), "item1")).toEqual({ ok: true, value: { noShow: false, actualHeadcount: 23, note: "雨" } });
    expect(parseUsage(form({ outcome: "noShow", actualHeadcount: "" }), "item1")).toEqual({ ok: true, value: { noShow: true, note: "" } });
  });
  it("says what is missing or wrong, field by field, and reads only this slot's fields", () => {
    const result = parseUsage({ ...form({ outcome: "used", actualHeadcount: "たくさん", note: "あ".repeat(201) }), outcome: "noShow" }, "item1");
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(["actualHeadcount", "note"]);
    expect(parseUsage({ "outcome-other": "used" }, "item1")).toMatchObject({ ok: false, errors: { outcome: expect.any(String) } });
  });
});

describe("parseCounterPayment and applicationNumber", () => {
  it("accepts cash with an amount in full-width digits and commas", () => {
    expect(parseCounterPayment({ method: "CASH", amount: "１，２００円", receiptNumber: " R-1 " })).toEqual({ ok: true, value: { method: "CASH", amount: 1200, receiptNumber: "R-1" } });
  });
  it("refuses an unknown method, a zero amount and a missing receipt number", () => {
    const result = parseCounterPayment({ method: "STRIPE", amount: "0", receiptNumber: "" });
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(["amount", "method", "receiptNumber"]);
  });
  it("reads application numbers, refusing what is not one", () => {
    expect(applicationNumber("１０２４")).toBe(1024);
    expect([applicationNumber("0"), applicationNumber("abc"), applicationNumber(null), applicationNumber("99999999999")]).toEqual([null, null, null, null]);
  });
});
