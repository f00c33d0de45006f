import { describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import { submitApplication } from "~/services/booking.server";
import { exportMyData } from "~/services/my-data.server";
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
