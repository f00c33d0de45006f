import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkDigitOf,
  clockTime,
  type FacilityFacts,
  facilityRecord,
  isLocalGovernmentCode,
  openWeekdays,
  PUBLIC_FACILITY_COLUMNS,
  roomRecords,
} from "./open-data";

describe("全国地方公共団体コード", () => {
  it("has the check digit 総務省 publishes", () => {
    expect(checkDigitOf("13228")).toBe(4); // あきる野市 132284
    expect(checkDigitOf("01000")).toBe(6); // 北海道 010006
    expect(checkDigitOf("01100")).toBe(2); // 札幌市 011002
    expect(checkDigitOf("13119")).toBe(9); // 板橋区 131199
    expect(checkDigitOf("22212")).toBe(7); // 焼津市 222127
  });

  it("accepts a code only with its own check digit", () => {
    expect(isLocalGovernmentCode("132284")).toBe(true);
    expect(isLocalGovernmentCode("132285")).toBe(false);
    expect(isLocalGovernmentCode("13228")).toBe(false);
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}$/), (five) => {
        const right = checkDigitOf(five);
        for (let d = 0; d <= 9; d++) expect(isLocalGovernmentCode(`${five}${d}`)).toBe(d === right);
      }),
    );
  });
});

describe("a facility as a row of 公共施設一覧", () => {
  const publisher = { localGovernmentCode: "132284", prefecture: "東京都", name: "あきる野市", closedOnHolidays: true, closedAtYearEnd: true };
  const frames = [
    { name: "午前", startMinute: 540, endMinute: 720 },
    { name: "夜間", startMinute: 1080, endMinute: 1290 },
  ];
  const facility: FacilityFacts = {
    id: "f1",
    name: "中央公民館",
    nameKana: "チュウオウコウミンカン",
    address: "東京都あきる野市二宮350",
    phone: "042-000-0101",
    closedWeekdays: [1],
    url: "https://example.jp/akiruno/facilities/f1",
    rooms: [
      { id: "r1", name: "和室", capacity: 20, description: "12畳", url: "https://example.jp/akiruno/rooms/r1", frames },
      { id: "r2", name: "調理室", capacity: 24, description: "", url: "https://example.jp/akiruno/rooms/r2", frames: frames.slice(0, 1) },
    ],
  };

  it("fills the columns we know and leaves every other one empty", () => {
    const record = facilityRecord(publisher, facility);
    expect(Object.keys(record)).toEqual([...PUBLIC_FACILITY_COLUMNS]);
    const filled = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== ""));
    expect(filled).toEqual({
      全国地方公共団体コード: "132284",
      ID: "f1",
      地方公共団体名: "東京都あきる野市",
      名称: "中央公民館",
      名称_カナ: "チュウオウコウミンカン",
      所在地_連結表記: "東京都あきる野市二宮350",
      電話番号: "042-000-0101",
      利用可能曜日: "火,水,木,金,土,日",
      開始時間: "09:00",
      終了時間: "21:30",
      利用可能時間特記事項: "祝日と年末年始（12月29日〜1月3日）は休館",
      説明: "貸し出す部屋：和室（定員20人）、調理室（定員24人）",
      URL: "https://example.jp/akiruno/facilities/f1",
    });
  });

  it("leaves times and notes empty when there is nothing to say", () => {
    const record = facilityRecord({ ...publisher, localGovernmentCode: null, closedOnHolidays: false, closedAtYearEnd: false }, { ...facility, rooms: [] });
    expect(record).toMatchObject({ 全国地方公共団体コード: "", 開始時間: "", 終了時間: "", 利用可能時間特記事項: "", 説明: "" });
  });

  it("lists each room with its facility and its time frames", () => {
    expect(roomRecords(publisher, facility)).toEqual([
      { 全国地方公共団体コード: "132284", 施設ID: "f1", 施設名称: "中央公民館", ID: "r1", 名称: "和室", 定員: "20", 説明: "12畳", 利用区分: "午前 09:00-12:00;夜間 18:00-21:30", URL: "https://example.jp/akiruno/rooms/r1" },
      { 全国地方公共団体コード: "132284", 施設ID: "f1", 施設名称: "中央公民館", ID: "r2", 名称: "調理室", 定員: "24", 説明: "", 利用区分: "午前 09:00-12:00", URL: "https://example.jp/akiruno/rooms/r2" },
    ]);
  });

  it("writes days Monday first and times with two digits", () => {
    expect(openWeekdays([])).toBe("月,火,水,木,金,土,日");
    expect(openWeekdays([0, 6])).toBe("月,火,水,木,金");
    expect(clockTime(0)).toBe("00:00");
    expect(clockTime(1290)).toBe("21:30");
  });
});
