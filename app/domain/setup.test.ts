import { describe, expect, it } from "vitest";
import { parseWholeNumber } from "./numbers";
import { checkFacility, checkRoom, formatWeekdays, isPhoneNumber, normalizePhone, parseWeekdays } from "./setup";

describe("checkFacility", () => {
  const draft = { name: " 東部地区会館 ", address: "東京都あきる野市秋川1-1", phone: "０４２－０００－０３０３", closedWeekdays: [4, 1, 1], sortOrder: 2 };

  it("tidies a good facility", () => {
    expect(checkFacility(draft)).toEqual({
      ok: true,
      facility: { name: "東部地区会館", address: "東京都あきる野市秋川1-1", phone: "042-000-0303", closedWeekdays: [1, 4], sortOrder: 2 },
    });
  });

  it("names every problem by its field", () => {
    expect(checkFacility({ name: "", address: " ", phone: "12345", closedWeekdays: null, sortOrder: Number.NaN })).toEqual({
      ok: false,
      problems: {
        name: "FACILITY_NAME_REQUIRED",
        address: "ADDRESS_REQUIRED",
        phone: "PHONE_INVALID",
        closedWeekdays: "WEEKDAYS_INVALID",
        sortOrder: "ORDER_INVALID",
      },
    });
    expect(checkFacility({ ...draft, name: "あ".repeat(101), address: "あ".repeat(201), closedWeekdays: [7], sortOrder: 10_000 })).toEqual({
      ok: false,
      problems: { name: "FACILITY_NAME_TOO_LONG", address: "ADDRESS_TOO_LONG", closedWeekdays: "WEEKDAYS_INVALID", sortOrder: "ORDER_INVALID" },
    });
  });
});

describe("checkRoom", () => {
  it("accepts capacities from 1 to 10000", () => {
    expect(checkRoom({ name: "和室", capacity: 1, description: " 8畳 ", sortOrder: 0 })).toEqual({
      ok: true,
      room: { name: "和室", capacity: 1, description: "8畳", sortOrder: 0 },
    });
    for (const capacity of [0, -1, 10_001, 1.5, Number.NaN]) {
      expect(checkRoom({ name: "和室", capacity, description: "", sortOrder: 0 })).toEqual({ ok: false, problems: { capacity: "CAPACITY_INVALID" } });
    }
  });

  it("wants a name and a short description", () => {
    expect(checkRoom({ name: "", capacity: 5, description: "あ".repeat(501), sortOrder: 0 })).toEqual({
      ok: false,
      problems: { name: "ROOM_NAME_REQUIRED", description: "DESCRIPTION_TOO_LONG" },
    });
  });
});

describe("phone numbers", () => {
  it("reads full-width digits and dashes", () => {
    expect(normalizePhone("０４２ー０００ー０１０１")).toBe("042-000-0101");
    expect(isPhoneNumber("042-000-0101")).toBe(true);
    expect(isPhoneNumber("0420000101")).toBe(true);
    expect(isPhoneNumber("090-1234-56789")).toBe(false);
    expect(isPhoneNumber("42-000-0101")).toBe(false);
  });
});

describe("parseWeekdays", () => {
  it.each([
    ["", []],
    ["なし", []],
    ["月", [1]],
    ["月・木", [1, 4]],
    ["木曜日、月曜日", [1, 4]],
    ["土,日", [0, 6]],
    ["火 火", [2]],
  ])("reads %s", (typed, days) => {
    expect(parseWeekdays(typed)).toEqual(days);
  });

  it.each(["Monday", "月火", "祝"])("refuses %s", (typed) => {
    expect(parseWeekdays(typed)).toBeNull();
  });

  it("writes them back the same way", () => {
    expect(formatWeekdays([1, 4])).toBe("月・木");
    expect(parseWeekdays(formatWeekdays([0, 3, 6]))).toEqual([0, 3, 6]);
  });
});

describe("parseWholeNumber", () => {
  it.each([
    ["1200", 1200],
    ["１，２００円", 1200],
    [" 40 ", 40],
    ["1,000,000", 1_000_000],
  ])("reads %s", (typed, n) => {
    expect(parseWholeNumber(typed)).toBe(n);
  });

  it.each(["", "1.5", "千円", "12a"])("refuses %s", (typed) => {
    expect(parseWholeNumber(typed)).toBeNull();
  });
});
