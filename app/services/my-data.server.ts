import { db } from "~/utils/db.server";
import { listMyApplications } from "./booking.server";

/**
 * Everything Tsudoi holds about one resident, for them to download (APPI): their profile and
 * their applications. Password hashes and session ids are not personal data of use to them.
 */
export async function exportMyData(municipalityId: string, userId: string, now: Date) {
  const user = await db.user.findFirst({
    where: { id: userId, municipalityId },
    select: { email: true, name: true, phone: true, role: true, createdAt: true },
  });
  if (!user) return null;
  const applications = await listMyApplications(municipalityId, userId);
  return {
    exportedAt: now.toISOString(),
    profile: user,
    applications: applications.map(({ items, ...application }) => ({
      ...application,
      items: items.map(({ id, roomId, ...item }) => item),
    })),
  };
}
