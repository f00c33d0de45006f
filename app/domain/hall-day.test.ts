import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ApplicationMoney, dueOf, hallPaymentState, mayRecordUsage, roomDay, weekFrom } from "./hall-day";

const money = (m: Partial<ApplicationMoney>): ApplicationMoney => ({
  status: "TENTATIVE",
  totalFee: 1200,
  paid: 0,
  refunded: 0,
  exemptionStatus: "NONE",
  paymentChoice: "COUNTER",
  ...m,
});

describe("hallPaymentState", () => {
  it.each([
    ["held, to pay at the counter", money({}), { code: "UNPAID", due: 1200 }],
    ["confirmed before payment: paid on the day", money({ status: "CONFIRMED" }), { code: "PAY_ON_THE_DAY", due: 1200 }],
    ["held while paying online", money({ paymentChoice: "ONLINE" }), { code: "PAYING_ONLINE", due: 1200 }],
    ["paid in full", money({ status: "CONFIRMED", paid: 1200 }), { code: "PAID" }],
    // 2,400 paid for two slots, one cancelled with 1,200 back: the fee is now 1,200
    ["paid, a slot cancelled and refunded", money({ status: "CONFIRMED", totalFee: 1200, paid: 1200, refunded: 1200 }), { code: "PARTLY_REFUNDED", refunded: 1200 }],
    // a 50 % refund keeps 600 as the cancelled slot's charge, which stays in the fee
    ["paid, a slot cancelled late with half back", money({ status: "CONFIRMED", totalFee: 1800, paid: 1800, refunded: 600 }), { code: "PARTLY_REFUNDED", refunded: 600 }],
    ["exempt in full", money({ status: "CONFIRMED", totalFee: 0, exemptionStatus: "APPROVED" }), { code: "EXEMPT" }],
    ["free without an exemption", money({ status: "CONFIRMED", totalFee: 0 }), { code: "FREE" }],
    ["an exemption waiting for staff", money({ exemptionStatus: "PENDING" }), { code: "EXEMPTION_PENDING", due: 1200 }],
    ["part paid", money({ status: "CONFIRMED", paid: 500 }), { code: "PARTLY_PAID", due: 700 }],
  ])("%s", (_, input, expected) => {
    expect(hallPaymentState(input)).toEqual(expected);
  });

  it("never asks for more than the fee less what was paid, nor for anything once it is paid", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.nat(100_000), fc.constantFrom("TENTATIVE", "CONFIRMED" as const), (totalFee, paid, refunded, status) => {
        const state = hallPaymentState(money({ totalFee, paid, refunded, status }));
        expect(dueOf(state)).toBe(Math.max(0, totalFee - paid));
        if (paid >= totalFee && totalFee > 0) expect(["PAID", "PARTLY_REFUNDED"]).toContain(state.code);
      }),
    );
  });
});

describe("roomDay", () => {
  const frames = [
    { id: "am", name: "午前", startMinute: 540, endMinute: 720 },
    { id: "pm", name: "午後", startMinute: 780, endMinute: 1020 },
    { id: "ev", name: "夜間", startMinute: 1080, endMinute: 1290 },
  ];
  it("puts booked, free and otherwise held frames in time order", () => {
    const rows = roomDay(frames, [{ timeFrameId: "pm", startMinute: 780, name: "booking" }], [{ kind: "BOOKING", roomName: "大集会室", startMinute: 1080, endMinute: 1290 }]);
    expect(rows.map((r) => [r.kind, r.startMinute])).toEqual([
      ["FREE", 540],
      ["BOOKED", 780],
      ["IN_USE", 1080],
    ]);
  });
  it("lets a use that ends as a frame begins leave it free (half-open times)", () => {
    const rows = roomDay(frames, [], [{ kind: "BLOCK", roomName: null, startMinute: 720, endMinute: 780 }]);
    expect(rows.map((r) => r.kind)).toEqual(["FREE", "FREE", "FREE"]);
  });
  it("keeps a booking whose frame the room no longer has, at its own time", () => {
    const rows = roomDay(frames.slice(1), [{ timeFrameId: "gone", startMinute: 600 }], []);
    expect(rows.map((r) => r.kind)).toEqual(["BOOKED", "FREE", "FREE"]);
  });
});

describe("mayRecordUsage and weekFrom", () => {
  it("allows the day of use and the days after it, never a day ahead", () => {
    expect(mayRecordUsage("2026-12-06", "2026-12-06")).toBe(true);
    expect(mayRecordUsage("2026-12-05", "2026-12-06")).toBe(true);
    expect(mayRecordUsage("2026-12-07", "2026-12-06")).toBe(false);
  });
  it("gives seven days across a month's end", () => {
    expect(weekFrom("2026-12-28")).toEqual(["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02", "2027-01-03"]);
  });
});
