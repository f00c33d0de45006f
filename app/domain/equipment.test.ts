import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkEquipment, type EquipmentUse, peakUse, shortOfStock, unitsFree } from "./equipment";

const h = (hour: number) => hour * 60;
const use = (from: number, to: number, quantity = 1): EquipmentUse => ({ from: h(from), to: h(to), quantity });

describe("peakUse", () => {
  it("counts a morning and an afternoon booking as one unit at a time", () => {
    expect(peakUse([use(9, 12), use(13, 17)], h(9), h(17))).toBe(1);
  });
  it("lets one use end as the next begins (half-open intervals)", () => {
    expect(peakUse([use(9, 12), use(12, 15)], h(9), h(15))).toBe(1);
  });
  it("adds uses that overlap", () => {
    expect(peakUse([use(9, 12, 2), use(11, 14, 1), use(13, 17, 3)], h(9), h(17))).toBe(4);
  });
  it("ignores uses outside the interval", () => {
    expect(peakUse([use(9, 12, 5), use(18, 21, 5)], h(13), h(17))).toBe(0);
  });
});

describe("unitsFree and shortOfStock", () => {
  it("says how many units are left for every chosen slot", () => {
    const booked = [use(9, 12, 1), use(13, 17, 2)];
    expect(unitsFree(3, booked, [{ from: h(9), to: h(12) }])).toBe(2);
    expect(unitsFree(3, booked, [{ from: h(9), to: h(12) }, { from: h(13), to: h(17) }])).toBe(1);
    expect(unitsFree(1, booked, [{ from: h(13), to: h(17) }])).toBe(0);
  });
  it("refuses the requested use that takes the stock over, counting the application's own", () => {
    // one projector; the application wants it in two rooms at the same time
    expect(shortOfStock(1, [], [use(13, 17), use(13, 17)])).toEqual([0, 1]);
    expect(shortOfStock(1, [], [use(9, 12), use(13, 17)])).toEqual([]);
    expect(shortOfStock(2, [use(9, 21, 1)], [use(9, 12, 1), use(18, 21, 2)])).toEqual([1]);
  });
});

/** A second implementation: count units minute by minute. */
function peakByMinute(uses: EquipmentUse[], from: number, to: number) {
  let peak = 0;
  for (let minute = from; minute < to; minute++) {
    peak = Math.max(peak, uses.filter((u) => u.from <= minute && minute < u.to).reduce((sum, u) => sum + u.quantity, 0));
  }
  return peak;
}

const anyUse = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 5 }))
  .map(([from, length, quantity]) => ({ from, to: from + length, quantity }));

describe("properties", () => {
  it("peakUse agrees with counting minute by minute", () => {
    fc.assert(
      fc.property(fc.array(anyUse, { maxLength: 8 }), anyUse, (uses, window) => {
        expect(peakUse(uses, window.from, window.to)).toBe(peakByMinute(uses, window.from, window.to));
      }),
    );
  });
  it("whatever shortOfStock lets through never exceeds the stock at any minute", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(anyUse, { maxLength: 6 }), fc.array(anyUse, { maxLength: 4 }), (stock, booked, requested) => {
        fc.pre(peakUse(booked, 0, 400) <= stock);
        if (shortOfStock(stock, booked, requested).length === 0) {
          expect(peakByMinute([...booked, ...requested], 0, 400)).toBeLessThanOrEqual(stock);
        }
      }),
    );
  });
  it("a request of no more than unitsFree for each slot fits if the slots do not overlap each other", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(anyUse, { maxLength: 6 }), anyUse, (stock, booked, slot) => {
        fc.pre(peakUse(booked, 0, 400) <= stock);
        const free = unitsFree(stock, booked, [slot]);
        expect(shortOfStock(stock, booked, [{ ...slot, quantity: free }])).toEqual([]);
        expect(shortOfStock(stock, booked, [{ ...slot, quantity: free + 1 }])).toEqual([0]);
      }),
    );
  });
});

describe("checkEquipment", () => {
  it("wants a name of 1 to 100 characters and 0 to 999 whole units", () => {
    expect(checkEquipment({ name: "マイク", stock: 0 })).toEqual([]);
    expect(checkEquipment({ name: "あ".repeat(100), stock: 999 })).toEqual([]);
    expect(checkEquipment({ name: " ", stock: 1 })).toEqual(["NAME_REQUIRED"]);
    expect(checkEquipment({ name: "あ".repeat(101), stock: 1 })).toEqual(["NAME_TOO_LONG"]);
    for (const stock of [-1, 1000, 1.5, Number.NaN]) expect(checkEquipment({ stock })).toEqual(["STOCK_OUT_OF_RANGE"]);
  });
});
