import { randomUUID } from "node:crypto";
import type { IsoDate } from "~/domain/calendar";
import { submitApplication } from "~/services/booking.server";
import type { Municipality } from "~/services/catalog.server";

/** Books the room's first frame on `date` for the resident and returns the application id. */
export async function submitTestApplication(
  municipality: Municipality,
  userId: string,
  room: { id: string; frames: { id: string }[] },
  date: IsoDate,
) {
  const result = await submitApplication(
    municipality,
    userId,
    {
      slots: [{ roomId: room.id, timeFrameId: room.frames[0]!.id, date }],
      purpose: "会議",
      headcount: 5,
      contactPhone: "090-1111-2222",
      idempotencyKey: randomUUID(),
    },
    new Date(),
  );
  if (!result.ok) throw new Error(`test application refused: ${JSON.stringify(result.problems)}`);
  return result.applicationId;
}
