import { describe, expect, it } from "vitest";
import { typedDate, typedTime } from "./dates.server";

describe("typedDate", () => {
  it("reads dates as staff type them, full-width digits too", () => {
    for (const typed of ["2026-12-10", "2026/12/10", "２０２６/１２/１０", "2026年12月10日", " 2026-12-10 "]) {
      expect(typedDate(typed), typed).toEqual({ kind: "ok", value: "2026-12-10" });
    }
    expect(typedDate("2027/1/5")).toEqual({ kind: "ok", value: "2027-01-05" });
  });

  it("tells a blank box from something that is not a date", () => {
    expect(typedDate("")).toEqual({ kind: "blank" });
    expect(typedDate(undefined)).toEqual({ kind: "blank" });
    for (const typed of ["2026-02-30", "12/10", "あした", "2026-13-01"]) expect(typedDate(typed), typed).toEqual({ kind: "invalid" });
  });
});

describe("typedTime", () => {
  it("reads times of day as minutes after midnight", () => {
    expect(typedTime("9:00")).toEqual({ kind: "ok", value: 540 });
    expect(typedTime("０９：３０")).toEqual({ kind: "ok", value: 570 });
    expect(typedTime("13時")).toEqual({ kind: "ok", value: 780 });
    expect(typedTime("13時15分")).toEqual({ kind: "ok", value: 795 });
    expect(typedTime("24:00")).toEqual({ kind: "ok", value: 1440 });
  });

  it("tells a blank box from something that is not a time", () => {
    expect(typedTime(" ")).toEqual({ kind: "blank" });
    for (const typed of ["24:30", "9:60", "9", "午前", "25時"]) expect(typedTime(typed), typed).toEqual({ kind: "invalid" });
  });
});
