import { describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import { submitApplication } from "~/services/booking.server";
import { en } from "~/i18n/en";
import { ja } from "~/i18n/ja";
import { exportMyData, myDataRows } from "~/services/my-data.server";
import { toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { createMunicipality, createResident, nextOpenDate } from "../factories/municipality";

const now = new Date("2026-11-23T01:00:00Z");

describe("downloading my data", () => {
  it("holds my profile and my applications, and nobody else's", async () => {
    const { municipality, rooms } = await createMunicipality();
    const other = await createMunicipality();
    const me = await createResident(municipality.id, "本人");
    const neighbour = await createResident(municipality.id, "隣人");
    const date = nextOpenDate(addDays(todayIn("Asia/Tokyo", now), 9));
    const book = (userId: string, frame: number, key: string) =>
      submitApplication(
        municipality,
        userId,
        {
          slots: [{ roomId: rooms.small.id, timeFrameId: rooms.small.frames[frame]!.id, date }],
          purpose: userId === me.id ? "私の会議" : "隣の会議",
          headcount: 2,
          contactPhone: "090-0000-0000",
          idempotencyKey: key,
        },
        now,
      );
    expect((await book(me.id, 0, "00000000-0000-4000-8000-00000000d001")).ok).toBe(true);
    expect((await book(neighbour.id, 1, "00000000-0000-4000-8000-00000000d002")).ok).toBe(true);

    const data = await exportMyData(municipality.id, me.id, now);
    expect(data?.profile).toMatchObject({ name: "本人", email: me.email });
    expect(data?.applications.map((a) => a.purpose)).toEqual(["私の会議"]);
    expect(data?.applications[0]?.items[0]).toMatchObject({ date, roomName: "学習室", frameName: "午前" });
    const text = JSON.stringify(data);
    expect(text).not.toContain("隣");
    expect(text).not.toContain("passwordHash");
    expect(await exportMyData(other.municipality.id, me.id, now)).toBeNull();
  });
});

describe("my data as CSV", () => {
  it("has my profile, then one row per slot with its application's details, in my language", async () => {
    const { municipality, rooms } = await createMunicipality();
    const me = await createResident(municipality.id, "本人");
    await db.user.update({ where: { id: me.id }, data: { kana: "ほんにん" } });
    const date = nextOpenDate(addDays(todayIn("Asia/Tokyo", now), 9));
    const result = await submitApplication(
      municipality,
      me.id,
      {
        slots: [
          { roomId: rooms.small.id, timeFrameId: rooms.small.frames[0]!.id, date },
          { roomId: rooms.hallA.id, timeFrameId: rooms.hallA.frames[2]!.id, date },
        ],
        purpose: '=1+1 "体操", 会議',
        headcount: 5,
        contactPhone: "090-0000-0000",
        idempotencyKey: "00000000-0000-4000-8000-00000000d003",
      },
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const data = (await exportMyData(municipality.id, me.id, now))!;

    const rows = myDataRows(data, ja, "Asia/Tokyo");
    expect(rows.slice(0, 8)).toEqual([
      ["登録している情報"],
      ["お名前", "本人"],
      ["ふりがな", "ほんにん"],
      ["メールアドレス", me.email],
      ["電話番号", "090-0000-0000"],
      ["利用者の種類", "住民"],
      ["登録日時", expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)],
      ["ダウンロード日時", "2026-11-23 10:00"],
    ]);
    const header = rows.findIndex((row) => row[0] === "申込番号");
    expect(rows[header]).toEqual([
      "申込番号", "申込日時", "申し込みの状態", "利用日", "時間帯", "時間", "施設", "部屋", "利用料（円）",
      "この枠の取消日時", "利用目的", "利用人数", "当日の連絡先電話番号", "申し込みの合計（円）",
    ]);
    expect(rows.slice(header + 1)).toEqual([
      [result.number, expect.any(String), "仮予約", date, "午前", "9:00〜12:00", "テスト会館", "学習室", 1200, "",
        '=1+1 "体操", 会議', 5, "090-0000-0000", 2800],
      [result.number, expect.any(String), "仮予約", date, "夜間", "18:00〜21:30", "テスト会館", "集会室A", 1600, "",
        '=1+1 "体操", 会議', 5, "090-0000-0000", 2800],
    ]);
    // encoded, the purpose is quoted and cannot run as a formula
    expect(toCsv(rows)).toContain(`"'=1+1 ""体操"", 会議"`);

    const english = myDataRows(data, en, "Asia/Tokyo");
    expect(english[5]).toEqual(["Account type", "Resident"]);
    expect(english.find((row) => row[0] === "Application")?.[2]).toBe("Status");
  });
});
