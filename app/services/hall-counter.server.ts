import type { Role } from "~/generated/prisma/client";
import type { Municipality } from "./catalog.server";
import { facilityScopeOf } from "./hall-bookings.server";
import { applicationAtCounter, type CounterPayment, recordCounterPayment } from "./payments.server";

type Clerk = { id: string; role: Role };

/**
 * The counter at a hall: a manager finds and takes payment only for applications with a slot
 * in their facilities (any other number is not found); staff, for every facility.
 */
export async function applicationAtHallCounter(municipality: Municipality, clerk: Clerk, number: number, now: Date) {
  const facilityIds = await facilityScopeOf(municipality.id, clerk);
  return applicationAtCounter(municipality, number, now, { facilityIds });
}

export async function recordCounterPaymentAtHall(municipality: Municipality, clerk: Clerk, number: number, payment: CounterPayment, now: Date) {
  const facilityIds = await facilityScopeOf(municipality.id, clerk);
  return recordCounterPayment(municipality, clerk.id, number, payment, now, { facilityIds });
}
