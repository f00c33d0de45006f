import { formatMinutes, localDateTime } from "~/domain/calendar";
import type { Messages } from "~/i18n";
import type { CsvCell } from "~/utils/csv";
import { db } from "~/utils/db.server";
import { listMyApplications } from "./booking.server";

/**
 * Everything Tsudoi holds about one resident, for them to download (APPI): their profile and
 * their applications. Password hashes and session ids are not personal data of use to them.
 */
export async function exportMyData(municipalityId: string, userId: string, now: Date) {
  const user = await db.user.findFirst({
    where: { id: userId, municipalityId },
    select: { email: true, name: true, kana: true, phone: true, role: true, createdAt: true },
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

export type MyData = NonNullable<Awaited<ReturnType<typeof exportMyData>>>;

/**
 * The same data as rows for a spreadsheet (encode with toCsv): the profile as a block of
 * label–value rows, an empty row, then one row per slot with its application's details, so
 * that the table can be sorted and filtered in Excel. Times are local to the municipality.
 */
export function myDataRows(data: MyData, t: Messages, timeZone: string): CsvCell[][] {
  const c = t.account.csv;
  const when = (instant: Date | string | null) =>
    instant === null ? "" : localDateTime(new Date(instant), timeZone);
  const { profile } = data;
  const rows: CsvCell[][] = [
    [c.profileTitle],
    [c.name, profile.name],
    [c.kana, profile.kana],
    [c.email, profile.email ?? ""],
    [c.phone, profile.phone],
    [c.role, t.account.roles[profile.role]],
    [c.registeredAt, when(profile.createdAt)],
    [c.exportedAt, when(data.exportedAt)],
    [],
    [c.applicationsTitle],
    [
      c.number,
      c.appliedAt,
      c.status,
      c.date,
      c.frame,
      c.time,
      c.facility,
      c.room,
      c.fee,
      c.slotCancelledAt,
      c.purpose,
      c.headcount,
      c.contactPhone,
      c.totalFee,
    ],
  ];
  for (const a of data.applications) {
    const application = [a.number, when(a.createdAt), t.status[a.status]];
    const details = [a.purpose, a.headcount, a.contactPhone, a.totalFee];
    if (a.items.length === 0) rows.push([...application, "", "", "", "", "", "", "", ...details]);
    for (const item of a.items) {
      rows.push([
        ...application,
        item.date,
        item.frameName,
        t.timeRange(formatMinutes(item.startMinute), formatMinutes(item.endMinute)),
        item.facilityName,
        item.roomName,
        item.fee,
        when(item.cancelledAt),
        ...details,
      ]);
    }
  }
  return rows;
}
