import { describe, expect, it } from "vitest";
import { parseStatisticsQuery, typedDate } from "./statistics.server";

describe("the statistics period as typed", () => {
  it("reads dates written in the usual Japanese ways, full-width digits too", () => {
    expect(typedDate("2026-11-01")).toBe("2026-11-01");
    expect(typedDate("２０２６－１１－０１")).toBe("2026-11-01");
    expect(typedDate("2026/11/1")).toBe("2026-11-01");
    expect(typedDate("２０２６年１１月１日")).toBe("2026-11-01");
    expect(typedDate("2026-02-30")).toBeNull();
    expect(typedDate("11/1")).toBeNull();
  });

  it("is last month when nothing is given", () => {
    expect(parseStatisticsQuery(new URLSearchParams(), "2026-12-07")).toEqual({
      ok: true,
      query: { from: "2026-11-01", to: "2026-11-30", facilityId: null },
      typed: { from: "2026-11-01", to: "2026-11-30", facility: "" },
    });
  });

  it("says what is wrong with each field and keeps what was typed", () => {
    const bad = parseStatisticsQuery(new URLSearchParams({ from: "きのう", to: "2026-11-30" }), "2026-12-07");
    expect(bad).toEqual({ ok: false, errors: { from: "date" }, typed: { from: "きのう", to: "2026-11-30", facility: "" } });
    expect(parseStatisticsQuery(new URLSearchParams({ from: "2026-12-01", to: "2026-11-30" }), "2026-12-07")).toMatchObject({ ok: false, errors: { to: "order" } });
    expect(parseStatisticsQuery(new URLSearchParams({ from: "2020-01-01", to: "2026-11-30" }), "2026-12-07")).toMatchObject({ ok: false, errors: { to: "tooLong" } });
    expect(parseStatisticsQuery(new URLSearchParams({ facility: "<script>" }), "2026-12-07")).toMatchObject({ ok: false, errors: { facility: "facility" } });
  });
});
