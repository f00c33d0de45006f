import { type FacilityFacts, PUBLIC_FACILITY_COLUMNS, type PublisherFacts, ROOM_COLUMNS, facilityRecord, openDataDocument, roomRecords } from "~/domain/open-data";
import { toCsv } from "~/utils/csv";
import { db } from "~/utils/db.server";

/** What the open-data files say about a municipality: the publisher and its facilities with their rooms. */
export async function openDataOf(municipalityId: string, baseUrl: string): Promise<{ publisher: PublisherFacts; facilities: FacilityFacts[] }> {
  const [municipality, facilities] = await Promise.all([
    db.municipality.findUniqueOrThrow({
      where: { id: municipalityId },
      select: { slug: true, name: true, prefecture: true, localGovernmentCode: true, closedOnHolidays: true, closedAtYearEnd: true },
    }),
    db.facility.findMany({
      where: { municipalityId },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
      select: {
        id: true,
        name: true,
        nameKana: true,
        address: true,
        phone: true,
        closedWeekdays: true,
        // what residents can book now: retired rooms and frames are not published
        rooms: {
          where: { active: true },
          orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
          select: {
            id: true,
            name: true,
            capacity: true,
            description: true,
            timeFrames: { where: { active: true }, orderBy: { sortOrder: "asc" }, select: { name: true, startMinute: true, endMinute: true } },
          },
        },
      },
    }),
  ]);
  const base = `${baseUrl}/${municipality.slug}`;
  return {
    publisher: municipality,
    facilities: facilities.map((f) => ({
      ...f,
      url: `${base}/facilities/${f.id}`,
      rooms: f.rooms.map(({ timeFrames, ...r }) => ({ ...r, frames: timeFrames, url: `${base}/rooms/${r.id}` })),
    })),
  };
}

type OpenData = Awaited<ReturnType<typeof openDataOf>>;

/** 公共施設一覧 as CSV: the standard's header row, then one row per facility. */
export function facilitiesCsv({ publisher, facilities }: OpenData) {
  return toCsv([PUBLIC_FACILITY_COLUMNS, ...facilities.map((f) => PUBLIC_FACILITY_COLUMNS.map((c) => facilityRecord(publisher, f)[c]))]);
}

/** The rooms file as CSV: one row per room. */
export function roomsCsv({ publisher, facilities }: OpenData) {
  return toCsv([ROOM_COLUMNS, ...facilities.flatMap((f) => roomRecords(publisher, f).map((r) => ROOM_COLUMNS.map((c) => r[c])))]);
}

export function openDataJson({ publisher, facilities }: OpenData) {
  return openDataDocument(publisher, facilities);
}
