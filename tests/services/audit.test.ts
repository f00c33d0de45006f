import { describe, expect, it } from "vitest";
import { addDays, todayIn } from "~/domain/calendar";
import { registerResident } from "~/services/accounts.server";
import { listAuditEvents } from "~/services/audit.server";
import { cancelBooking, submitApplication } from "~/services/booking.server";
import { createMunicipality, nextOpenDate } from "../factories/municipality";

const now = new Date("2026-11-23T01:00:00Z");

describe("the audit log", () => {
  it("records who registered, applied and cancelled, in their municipality only", async () => {
    const { municipality, rooms } = await createMunicipality();
    const other = await createMunicipality();
    const registered = await registerResident(municipality.id, {
      email: "audit@example.jp",
      password: "password-1234",
      name: "監査 花子",
      phone: "090-0000-0000",
    });
    if (!registered.ok) throw new Error("setup failed");
    const date = nextOpenDate(addDays(todayIn("Asia/Tokyo", now), 10));
    const result = await submitApplication(
      municipality,
      registered.userId,
      {
        slots: [{ roomId: rooms.small.id, timeFrameId: rooms.small.frames[0]!.id, date }],
        purpose: "会議",
        headcount: 3,
        contactPhone: "090-0000-0000",
        idempotencyKey: "00000000-0000-4000-8000-00000000a001",
      },
      now,
    );
    if (!result.ok) throw new Error("setup failed");
    await cancelBooking(municipality, registered.userId, result.applicationId, undefined, now);

    const events = await listAuditEvents(municipality.id);
    expect(events.map((e) => e.action)).toEqual(["application.cancelled", "application.submitted", "user.registered"]);
    expect(events.every((e) => e.actorId === registered.userId)).toBe(true);
    expect(events[1]).toMatchObject({ entity: "Application", entityId: result.applicationId });
    expect(JSON.stringify(events)).not.toContain("監査 花子");
    expect(await listAuditEvents(other.municipality.id)).toEqual([]);
  });

  it("records nothing when the change is refused", async () => {
    const { municipality, rooms } = await createMunicipality();
    const registered = await registerResident(municipality.id, {
      email: "refused@example.jp",
      password: "password-1234",
      name: "拒否",
      phone: "090-0000-0000",
    });
    if (!registered.ok) throw new Error("setup failed");
    const refused = await submitApplication(
      municipality,
      registered.userId,
      {
        slots: [{ roomId: rooms.small.id, timeFrameId: rooms.small.frames[0]!.id, date: "2020-01-01" }],
        purpose: "会議",
        headcount: 3,
        contactPhone: "090-0000-0000",
        idempotencyKey: "00000000-0000-4000-8000-00000000a002",
      },
      now,
    );
    expect(refused.ok).toBe(false);
    expect((await listAuditEvents(municipality.id)).map((e) => e.action)).toEqual(["user.registered"]);
  });
});
