import { db } from "~/utils/db.server";

export type Municipality = {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  helpPhone: string;
  bookingWindowMonths: number;
  groupExtraWindowMonths: number;
  bookingCloseDaysBefore: number;
  closedOnHolidays: boolean;
  closedAtYearEnd: boolean;
  counterHoldDays: number;
  checkoutHoldMinutes: number;
  confirmBeforePayment: boolean;
  onlineMethods: string[];
  /** refund tiers, CancellationPolicy of app/domain/cancellation.ts */
  cancellationPolicy: unknown;
};

const municipalitySelect = {
  id: true,
  slug: true,
  name: true,
  timeZone: true,
  helpPhone: true,
  bookingWindowMonths: true,
  groupExtraWindowMonths: true,
  bookingCloseDaysBefore: true,
  closedOnHolidays: true,
  closedAtYearEnd: true,
  counterHoldDays: true,
  checkoutHoldMinutes: true,
  confirmBeforePayment: true,
  onlineMethods: true,
  cancellationPolicy: true,
} as const;

export function findMunicipality(slug: string): Promise<Municipality | null> {
  return db.municipality.findUnique({ where: { slug }, select: municipalitySelect });
}

export function findMunicipalityById(id: string): Promise<Municipality | null> {
  return db.municipality.findUnique({ where: { id }, select: municipalitySelect });
}

export function listMunicipalities() {
  return db.municipality.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

export function listFacilities(municipalityId: string) {
  return db.facility.findMany({
    where: { municipalityId },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      address: true,
      phone: true,
      rooms: {
        where: { active: true },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: { id: true, name: true, capacity: true },
      },
    },
  });
}

export function findFacility(municipalityId: string, facilityId: string) {
  return db.facility.findFirst({
    where: { id: facilityId, municipalityId },
    select: {
      id: true,
      name: true,
      address: true,
      phone: true,
      closedWeekdays: true,
      rooms: {
        where: { active: true },
        orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
        select: {
          id: true,
          name: true,
          capacity: true,
          description: true,
          timeFrames: {
            where: { active: true },
            orderBy: { sortOrder: "asc" },
            select: { id: true, name: true, startMinute: true, endMinute: true, dayTypes: true },
          },
        },
      },
    },
  });
}
