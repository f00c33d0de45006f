import { beforeAll, describe, expect, it } from "vitest";
import { isLocalGovernmentCode, PUBLIC_FACILITY_COLUMNS, ROOM_COLUMNS } from "~/domain/open-data";
import { db } from "~/utils/db.server";
import { publicUrl } from "~/utils/public-url.server";
import { createMunicipality } from "../factories/municipality";
import * as facilitiesCsvRoute from "~/routes/$muni.open-data.facilities[.]csv";
import * as facilitiesJsonRoute from "~/routes/$muni.open-data.facilities[.]json";
import * as roomsCsvRoute from "~/routes/$muni.open-data.rooms[.]csv";

const ROUTES = { "facilities[.]csv": facilitiesCsvRoute, "rooms[.]csv": roomsCsvRoute, "facilities[.]json": facilitiesJsonRoute };

let world: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;

/** What a visitor downloads from `/<slug>/open-data/<file>`: the route's own response. */
async function download(file: keyof typeof ROUTES, slug = world.municipality.slug) {
  const response = await ROUTES[file].loader({ request: new Request("http://localhost/x"), params: { muni: slug }, context: {} });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}
const text = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
/** RFC 4180 as Excel reads it: quoted cells may hold commas, doubled quotes and line breaks. */
function rowsOf(csv: string) {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = csv.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && body[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

beforeAll(async () => {
  world = await createMunicipality();
  other = await createMunicipality();
  await db.municipality.update({ where: { id: world.municipality.id }, data: { localGovernmentCode: "132284", prefecture: "東京都", name: "あきる野市" } });
  await db.facility.update({ where: { id: world.facility.id }, data: { nameKana: "テストカイカン", address: "東京都あきる野市二宮350" } });
  await db.facility.update({ where: { id: other.facility.id }, data: { name: "よその会館" } });
});

describe("the open-data files", () => {
  it("CSV of facilities: BOM, CRLF, the standard's header row, one row per facility of this municipality", async () => {
    const { response, bytes } = await download("facilities[.]csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = text(bytes);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const [header, ...rows] = rowsOf(csv);
    expect(header).toEqual([...PUBLIC_FACILITY_COLUMNS]);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(header!.map((c, i) => [c, rows[0]![i]]));
    expect(row).toMatchObject({
      全国地方公共団体コード: "132284",
      ID: world.facility.id,
      地方公共団体名: "東京都あきる野市",
      名称: "テスト会館",
      名称_カナ: "テストカイカン",
      所在地_連結表記: "東京都あきる野市二宮350",
      電話番号: "000-0000-0001",
      利用可能曜日: "火,水,木,金,土,日",
      開始時間: "09:00",
      終了時間: "21:30",
      緯度: "",
      経度: "",
      URL: `${publicUrl()}/${world.municipality.slug}/facilities/${world.facility.id}`,
    });
    expect(csv).not.toContain("よその会館");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=3600");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });

  it("CSV of rooms: one row per room, tied to its facility", async () => {
    const { bytes } = await download("rooms[.]csv");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = rowsOf(text(bytes));
    expect(header).toEqual([...ROOM_COLUMNS]);
    expect(rows.map((r) => [r[1], r[4], r[5], r[7]])).toEqual([
      [world.facility.id, "大集会室", "120", "午前 09:00-12:00;午後 13:00-17:00;夜間 18:00-21:30"],
      [world.facility.id, "集会室A", "60", "午前 09:00-12:00;午後 13:00-17:00;夜間 18:00-21:30"],
      [world.facility.id, "集会室B", "60", "午前 09:00-12:00;午後 13:00-17:00;夜間 18:00-21:30"],
      [world.facility.id, "学習室", "10", "午前 09:00-12:00;午後 13:00-17:00;夜間 18:00-21:30"],
    ]);
  });

  it("JSON: the licence, then each facility with the CSV's columns and its rooms", async () => {
    const { response, bytes } = await download("facilities[.]json");
    expect(response.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    const json = JSON.parse(text(bytes)) as { 公共施設: Record<string, unknown>[] } & Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["データセット", "全国地方公共団体コード", "地方公共団体名", "ライセンス", "公共施設"]);
    expect(json).toMatchObject({ データセット: "公共施設一覧", 全国地方公共団体コード: "132284", ライセンス: { 名称: "CC BY 4.0" } });
    expect(json.公共施設).toHaveLength(1);
    const facility = json.公共施設[0]!;
    expect(Object.keys(facility)).toEqual([...PUBLIC_FACILITY_COLUMNS, "部屋"]);
    expect(facility.名称).toBe("テスト会館");
    expect((facility.部屋 as Record<string, string>[]).map((r) => Object.keys(r))).toEqual(Array(4).fill([...ROOM_COLUMNS]));
    expect(JSON.stringify(json)).not.toContain("よその会館");
  });

  it("leaves the code empty rather than invent one, and the demo's code has its check digit", async () => {
    const { bytes } = await download("facilities[.]csv", other.municipality.slug);
    const [header, row] = rowsOf(text(bytes));
    expect(row![header!.indexOf("全国地方公共団体コード")]).toBe("");
    expect(row![header!.indexOf("名称")]).toBe("よその会館");
    expect(isLocalGovernmentCode("132284")).toBe(true);
  });

  it("answers 404 for a municipality that does not exist", async () => {
    const status = await download("facilities[.]csv", "no-such-town").then(
      () => 200,
      (thrown: Response) => thrown.status,
    );
    expect(status).toBe(404);
  });
});
