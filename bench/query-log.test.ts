import { describe, expect, it } from "vitest";
import { scansOf } from "./query-log";

describe("scansOf", () => {
  it("lists every scan of a plan, with its index, and tells sequential scans apart", () => {
    const plan = {
      "Node Type": "Nested Loop",
      Plans: [
        { "Node Type": "Index Scan", "Relation Name": "Room", "Index Name": "Room_pkey" },
        {
          "Node Type": "Bitmap Heap Scan",
          "Relation Name": "Occupancy",
          Plans: [{ "Node Type": "Bitmap Index Scan", "Index Name": "Occupancy_space_idx" }],
        },
        { "Node Type": "Seq Scan", "Relation Name": "ClosedDate" },
      ],
    };
    expect(scansOf(plan)).toEqual([
      { line: "Index Scan using Room_pkey on Room", relation: "Room", sequential: false },
      { line: "Bitmap Heap Scan using Occupancy_space_idx on Occupancy", relation: "Occupancy", sequential: false },
      { line: "Seq Scan on ClosedDate", relation: "ClosedDate", sequential: true },
    ]);
  });
});
