import { overlaps, slotInterval } from "~/domain/availability";
import { blockOf } from "~/domain/blocks";
import { checkSlots, type RequestedSlot } from "~/domain/booking-rules";
import {
  dbDateFromIsoDate,
  type IsoDate,
  isoDateFromDbDate,
  todayIn,
} from "~/domain/calendar";
import type { BookingProblem } from "~/domain/errors";
import { DEFAULT_PURPOSE_CATEGORY, isPurposeCategory } from "~/domain/purpose-categories";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { isExclusionViolation, isUniqueViolation } from "~/utils/db-errors.server";
import { audit } from "./audit.server";
import { type Alternative, alternativesFor } from "./availability.server";
import type { Municipality } from "./catalog.server";
import {
  findRooms,
  instantRange,
  knownRoom,
  loadBlocks,
  loadClosedDates,
  loadOccupied,
  lockSpaces,
  type RoomDetail,
  slotsNoLongerOffered,
} from "./rooms.server";
import { itemsShortOfStock, type StockRequest } from "./equipment.server";
import { exemptionTermsOf, listExemptionCategories, loadFeeTable, quoteFor } from "./fees.server";
import { activeGroupsOf } from "./groups.server";
import { enqueueMail, sendQueuedMailSoon } from "./mail.server";
import { refundOnline } from "./online-payments.server";
import { enqueueApplicationReceived, expireDueHolds, paidOf } from "./payments.server";
import { mayBookFor } from "./proxy.server";
import { type Canceller, parsePolicy, refundsFor } from "~/domain/cancellation";
import { hasUsableEmail } from "~/domain/deleted-accounts";
import { cancellationMail } from "~/mail/templates.server";
import { type PaymentChoice, paymentStateOf, stateOfNewApplication } from "~/domain/holds";
import type { ApplicantFacts, ExemptionTerms, FeeBreakdown } from "~/domain/fees";

export type SlotDetail = RequestedSlot & {
  roomName: string;
  facilityName: string;
  frameName: string;
  startMinute: number;
  endMinute: number;
  /** what is due for the slot now */
  fee: number;
  breakdown: FeeBreakdown;
  /** the breakdown once the requested exemption is approved */
  exemptBreakdown: FeeBreakdown | null;
  /** equipment lent with the slot (its facility's) */
  equipment: { id: string; name: string; quantity: number }[];
};

export type CheckedSlots = {
  /** the slots that name a known room and time frame, with what a person needs to see */
  slots: SlotDetail[];
  problems: BookingProblem[];
  totalFee: number;
  /** the total once the requested exemption is approved (null: none requested) */
  exemptTotal: number | null;
};

/**
 * What the applicant adds to every slot: air-conditioning or heating, and units of equipment
 * by id (each slot gets the equipment of its own facility).
 */
export type ExtrasAsked = { aircon: boolean; equipment: Record<string, number> };

/** Who is applying and for what, as far as fees care; by default a resident's own use. */
export type Pricing = {
  facts: ApplicantFacts;
  exemption: (ExemptionTerms & { needsApproval: boolean }) | null;
  /** booking for a registered group: its exemption applies at once, its window is longer */
  group: { id: string; name: string } | null;
  extras: ExtrasAsked;
};
export const RESIDENT_PRICING: Pricing = {
  facts: { resident: true, commercial: false, admissionCharged: false },
  exemption: null,
  group: null,
  extras: { aircon: false, equipment: {} },
};

/**
 * Checks requested slots against every booking rule (not against other bookings: the
 * database judges those on submit). Used by the selection, review and submit steps alike.
 */
export async function checkRequestedSlots(
  municipality: Municipality,
  requested: readonly RequestedSlot[],
  now: Date,
  headcount?: number,
  pricing: Pricing = RESIDENT_PRICING,
): Promise<CheckedSlots> {
  const asked = Object.entries(pricing.extras.equipment).filter(([, quantity]) => quantity > 0);
  const [rooms, fees, equipment] = await Promise.all([
    findRooms(municipality.id, requested.map((s) => s.roomId)),
    loadFeeTable(municipality.id),
    asked.length
      ? db.equipment.findMany({
          where: { municipalityId: municipality.id, active: true, id: { in: asked.map(([id]) => id) } },
          orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
          select: { id: true, facilityId: true, name: true },
        })
      : [],
  ]);
  const dates = requested.map((s) => s.date).sort();
  const facilityIds = [...new Set([...rooms.values()].map((r) => r.facility.id))];
  const range = dates.length ? instantRange(dates[0]!, dates[dates.length - 1]!) : null;
  const [closedDatesOf, blocks] = range
    ? await Promise.all([
        loadClosedDates(municipality.id, facilityIds, dates[0]!, dates[dates.length - 1]!),
        loadBlocks(municipality.id, facilityIds, range.from, range.to),
      ])
    : [() => new Map<IsoDate, string>(), []];
  const known = new Map(
    [...rooms.values()].map((room) => [
      room.id,
      knownRoom(room, municipality, closedDatesOf(room.facility.id), blocks),
    ]),
  );
  const problems = checkSlots({
    slots: requested,
    rooms: known,
    today: todayIn(municipality.timeZone, now),
    window: pricing.group
      ? { ...municipality, bookingWindowMonths: municipality.bookingWindowMonths + municipality.groupExtraWindowMonths }
      : municipality,
    timeZone: municipality.timeZone,
    headcount,
  });
  const slots: SlotDetail[] = [];
  const stockRequests: StockRequest[] = [];
  const refused = new Set(problems.map((p) => p.item));
  requested.forEach((slot, item) => {
    const room = rooms.get(slot.roomId);
    const frame = room?.timeFrames.find((f) => f.id === slot.timeFrameId);
    if (!room || !frame) return;
    const extras = {
      aircon: pricing.extras.aircon,
      equipment: equipment
        .filter((e) => e.facilityId === room.facility.id)
        .map((e) => ({ id: e.id, name: e.name, quantity: pricing.extras.equipment[e.id]! })),
    };
    const plain = quoteFor(fees, slot, pricing.facts, null, extras);
    // a frame not offered that day has no fee for it either: one problem per slot is enough
    if (!plain) return void (refused.has(item) ? undefined : problems.push({ code: "NO_FEE_RULE", item }));
    const exempt = pricing.exemption ? quoteFor(fees, slot, pricing.facts, pricing.exemption, extras) : null;
    const interval = slotInterval(slot.date, frame, municipality.timeZone);
    stockRequests.push(...extras.equipment.map((e) => ({ item, equipmentId: e.id, quantity: e.quantity, ...interval })));
    // an exemption that needs no approval applies at once; otherwise it waits for staff
    const breakdown = exempt && !pricing.exemption?.needsApproval ? exempt : plain;
    slots.push({
      ...slot,
      roomName: room.name,
      facilityName: room.facility.name,
      frameName: frame.name,
      startMinute: frame.startMinute,
      endMinute: frame.endMinute,
      fee: breakdown.total,
      breakdown,
      exemptBreakdown: exempt,
      equipment: extras.equipment,
    });
  });
  // a first look for the review page; the submitting transaction checks again under a lock
  for (const item of await itemsShortOfStock(db, municipality.id, stockRequests, false, now)) {
    problems.push({ code: "EQUIPMENT_SHORT", item });
  }
  return {
    slots,
    problems,
    totalFee: slots.reduce((sum, s) => sum + s.fee, 0),
    exemptTotal: pricing.exemption ? slots.reduce((sum, s) => sum + (s.exemptBreakdown?.total ?? s.fee), 0) : null,
  };
}

export type ApplicationInput = {
  slots: RequestedSlot[];
  purpose: string;
  /** a code of app/domain/purpose-categories.ts (default: other) */
  purposeCategory?: string;
  headcount: number;
  contactPhone: string;
  facts?: ApplicantFacts;
  /** an exemption asked for: its category and the applicant's grounds */
  exemption?: { categoryId: string; grounds: string } | null;
  /** a registered group the applicant represents, applied for instead of an exemption */
  groupId?: string | null;
  /** air-conditioning or heating in every slot */
  aircon?: boolean;
  /** units of equipment by id, in every slot at the equipment's facility */
  equipment?: Record<string, number>;
  /** how the applicant will pay (default: at the counter) */
  paymentChoice?: PaymentChoice;
  /**
   * the manager or staff member booking for the applicant (代理予約); the applicant, who is not
   * there, pays at the counter
   */
  proxyById?: string | null;
  /** one per review page shown: a second submit of the same page returns the first result */
  idempotencyKey: string;
};

export type SubmitResult =
  | { ok: true; applicationId: string; number: number }
  | {
      ok: false;
      problems: BookingProblem[];
      /** for a slot that was just taken: the nearest free ones */
      alternatives: Alternative[];
    };

/**
 * Creates a tentative application holding every requested slot, or nothing at all.
 * The database's exclusion constraint is the judge of double booking.
 */
export async function submitApplication(
  municipality: Municipality,
  userId: string,
  input: ApplicationInput,
  now: Date,
): Promise<SubmitResult> {
  const existing = await findByIdempotencyKey(municipality.id, userId, input.idempotencyKey);
  if (existing) return { ok: true, applicationId: existing.id, number: existing.number };
  const proxyById = input.proxyById ?? null;
  if (proxyById && !(await mayBookFor(municipality.id, proxyById, userId))) {
    return { ok: false, problems: [{ code: "UNKNOWN_APPLICANT" }], alternatives: [] };
  }
  const paymentChoice = proxyById ? "COUNTER" : (input.paymentChoice ?? "COUNTER");

  const pricing = await pricingFor(municipality.id, userId, input, now);
  if (!pricing.ok) return { ok: false, problems: [{ code: pricing.code }], alternatives: [] };
  const checked = await checkRequestedSlots(municipality, input.slots, now, input.headcount, pricing);
  if (checked.problems.length > 0) {
    return { ok: false, problems: checked.problems, alternatives: [] };
  }
  const exemption = pricing.exemption;
  const rooms = await findRooms(municipality.id, input.slots.map((s) => s.roomId));
  const items = checked.slots.map((slot) => ({
    ...slot,
    ...slotInterval(slot.date, slot, municipality.timeZone),
    spaceIds: rooms.get(slot.roomId)!.spaceIds,
    facilityId: rooms.get(slot.roomId)!.facility.id,
  }));

  const state = stateOfNewApplication({
    due: checked.totalFee,
    choice: paymentChoice,
    settings: municipality,
    now,
    firstSlotStart: new Date(Math.min(...items.map((i) => i.startsAt.getTime()))),
    exemptionPending: Boolean(exemption?.needsApproval),
  });
  const holdExpiresAt = state.status === "TENTATIVE" ? state.holdExpiresAt : null;

  // In an opening-day rush nearly everyone asks for a slot that is already held: say so at once,
  // rather than queueing each of them for the space's lock only to be refused there. Whoever
  // passes this still meets the exclusion constraint, which alone decides a race.
  const alreadyTaken = await takenSlotIndex(municipality, items, now);
  if (alreadyTaken >= 0) {
    // …unless it is held by this very review page, submitted twice
    const own = await findByIdempotencyKey(municipality.id, userId, input.idempotencyKey);
    if (own) return { ok: true, applicationId: own.id, number: own.number };
    return slotTaken(municipality, input.slots, alreadyTaken, now);
  }

  try {
    const application = await db.$transaction(async (tx) => {
      // holds that ran out free their slots before these are taken (no sweeper needed)
      await expireDueHolds(now, { municipalityId: municipality.id, tx });
      const created = await tx.application.create({
        data: {
          municipalityId: municipality.id,
          userId,
          purpose: input.purpose,
          purposeCategory: isPurposeCategory(input.purposeCategory) ? input.purposeCategory : DEFAULT_PURPOSE_CATEGORY,
          headcount: input.headcount,
          contactPhone: input.contactPhone,
          totalFee: checked.totalFee,
          idempotencyKey: input.idempotencyKey,
          status: state.status,
          confirmedAt: state.status === "CONFIRMED" ? now : null,
          holdExpiresAt,
          paymentChoice,
          proxyById,
          ...pricing.facts,
          aircon: pricing.extras.aircon,
          exemptionCategoryId: exemption?.categoryId ?? null,
          exemptionGrounds: exemption ? (input.exemption?.grounds ?? "") : "",
          exemptionStatus: !exemption ? "NONE" : exemption.needsApproval ? "PENDING" : "APPROVED",
          groupId: pricing.group?.id ?? null,
          items: {
            create: items.map((item) => ({
              municipalityId: municipality.id,
              roomId: item.roomId,
              timeFrameId: item.timeFrameId,
              useDate: dbDateFromIsoDate(item.date),
              startsAt: item.startsAt,
              endsAt: item.endsAt,
              fee: item.fee,
              feeBreakdown: item.breakdown,
              exemptBreakdown: item.exemptBreakdown ?? undefined,
            })),
          },
        },
        select: { id: true, number: true, user: { select: { id: true, email: true } }, items: { select: { id: true, roomId: true, startsAt: true } } },
      });
      const itemIdOf = (roomId: string, startsAt: Date) =>
        created.items.find((i) => i.roomId === roomId && i.startsAt.getTime() === startsAt.getTime())!
          .id;
      // Two transactions inserting overlapping rows under the exclusion constraint each wait for
      // the other's uncommitted row, and PostgreSQL ends one as a deadlock (40P01) rather than
      // as a taken slot. Lock the spaces first, always in the same order: the second one waits
      // here, then meets the committed row and gets its exclusion violation.
      await lockSpaces(tx, municipality.id, items.flatMap((item) => item.spaceIds));
      // A block, a closure or a retirement made since the first look locked these spaces too
      // and is committed by now; one made later waits for this booking (ADR 0014, ADR 0015).
      const retired = await slotsNoLongerOffered(tx, municipality.id, items);
      const gone = [...retired.map((item): BookingProblem => ({ code: "FRAME_NOT_OFFERED", item })), ...(await slotsClosedMeanwhile(tx, municipality, items))];
      if (gone.length > 0) throw new SlotsClosed(gone);
      await tx.occupancy.createMany({
        data: items.flatMap((item) =>
          item.spaceIds.map((spaceId) => ({
            municipalityId: municipality.id,
            spaceId,
            itemId: itemIdOf(item.roomId, item.startsAt),
            startsAt: item.startsAt,
            endsAt: item.endsAt,
            expiresAt: holdExpiresAt,
          })),
        ),
      });
      const stockRequests = items.flatMap((item, index) =>
        item.equipment.map((e) => ({ item: index, equipmentId: e.id, quantity: e.quantity, startsAt: item.startsAt, endsAt: item.endsAt })),
      );
      const short = await itemsShortOfStock(tx, municipality.id, stockRequests, true, now);
      if (short.length > 0) throw new EquipmentShortage(short);
      await tx.equipmentUse.createMany({
        data: stockRequests.map((r) => ({
          municipalityId: municipality.id,
          itemId: itemIdOf(items[r.item]!.roomId, items[r.item]!.startsAt),
          equipmentId: r.equipmentId,
          quantity: r.quantity,
        })),
      });
      await audit(tx, {
        municipalityId: municipality.id,
        actorId: proxyById ?? userId,
        action: proxyById ? "application.submitted_by_proxy" : "application.submitted",
        entity: "Application",
        entityId: created.id,
        details: {
          ...(proxyById ? { applicantId: userId } : {}),
          number: created.number,
          totalFee: checked.totalFee,
          items: items.map((i) => ({
            roomId: i.roomId,
            timeFrameId: i.timeFrameId,
            date: i.date,
            ...(i.equipment.length ? { equipment: i.equipment.map((e) => ({ id: e.id, quantity: e.quantity })) } : {}),
          })),
        },
      });
      await enqueueApplicationReceived(tx, municipality, created.user, {
        applicationId: created.id,
        number: created.number,
        confirmed: state.status === "CONFIRMED",
        due: checked.totalFee,
        holdExpiresAt,
        byProxy: proxyById !== null,
      });
      return created;
    });
    sendQueuedMailSoon();
    return { ok: true, applicationId: application.id, number: application.number };
  } catch (error) {
    if (error instanceof SlotsClosed) return { ok: false, problems: error.problems, alternatives: [] };
    if (error instanceof EquipmentShortage) {
      return { ok: false, problems: error.items.map((item) => ({ code: "EQUIPMENT_SHORT", item })), alternatives: [] };
    }
    if (isUniqueViolation(error)) {
      const again = await findByIdempotencyKey(municipality.id, userId, input.idempotencyKey);
      if (again) return { ok: true, applicationId: again.id, number: again.number };
    }
    if (!isExclusionViolation(error)) throw error;
    return slotTaken(municipality, input.slots, Math.max(await takenSlotIndex(municipality, items, now), 0), now);
  }
}

/** The refusal of a slot someone else holds, with the nearest free ones. */
async function slotTaken(municipality: Municipality, slots: RequestedSlot[], index: number, now: Date): Promise<SubmitResult> {
  const taken = slots[index];
  return {
    ok: false,
    problems: [{ code: "SLOT_TAKEN", item: index }],
    alternatives: taken ? await alternativesFor(municipality, taken, now, slots) : [],
  };
}

/** Thrown inside the submitting transaction to roll it back: the hall closed or retired a slot meanwhile. */
class SlotsClosed extends Error {
  constructor(readonly problems: BookingProblem[]) {
    super("slots closed meanwhile");
  }
}

/**
 * Inside the submitting transaction, after the spaces are locked: the slots that a dated
 * closure or a block now covers (CLOSED_DAY, BLOCKED), by their position.
 */
async function slotsClosedMeanwhile(
  tx: Prisma.TransactionClient,
  municipality: Municipality,
  items: { date: IsoDate; startsAt: Date; endsAt: Date; spaceIds: readonly string[]; facilityId: string }[],
): Promise<BookingProblem[]> {
  const facilityIds = [...new Set(items.map((i) => i.facilityId))];
  const dates = items.map((i) => i.date).sort();
  const from = new Date(Math.min(...items.map((i) => i.startsAt.getTime())));
  const to = new Date(Math.max(...items.map((i) => i.endsAt.getTime())));
  // one after the other: a transaction's queries share one connection
  const closedDatesOf = await loadClosedDates(municipality.id, facilityIds, dates[0]!, dates[dates.length - 1]!, tx);
  const blocks = await loadBlocks(municipality.id, facilityIds, from, to, tx);
  return items.flatMap((item, index): BookingProblem[] => {
    if (closedDatesOf(item.facilityId).has(item.date)) return [{ code: "CLOSED_DAY", item: index }];
    return blockOf(item, item.spaceIds, blocks) ? [{ code: "BLOCKED", item: index }] : [];
  });
}

/** Thrown inside the submitting transaction to roll it back: another booking took the units. */
class EquipmentShortage extends Error {
  constructor(readonly items: number[]) {
    super("equipment short of stock");
  }
}

/**
 * The fee facts, exemption and group of an application: an exemption category of the
 * municipality, or a group the applicant represents now (its category applies without a
 * further approval: staff approved the group).
 */
export async function pricingFor(
  municipalityId: string,
  userId: string,
  input: Pick<ApplicationInput, "facts" | "exemption" | "groupId" | "aircon" | "equipment">,
  now: Date,
): Promise<(Pricing & { ok: true }) | { ok: false; code: "UNKNOWN_EXEMPTION" | "UNKNOWN_GROUP" }> {
  const facts = input.facts ?? RESIDENT_PRICING.facts;
  const extras = { aircon: input.aircon ?? false, equipment: input.equipment ?? {} };
  if (input.groupId) {
    const group = (await activeGroupsOf(municipalityId, userId, now)).find((g) => g.id === input.groupId);
    if (!group) return { ok: false, code: "UNKNOWN_GROUP" };
    const c = group.exemptionCategory?.active ? group.exemptionCategory : null;
    // staff approved the group with its category: nothing more to approve
    const exemption = c ? { ...exemptionTermsOf(c), needsApproval: false } : null;
    return { ok: true, facts, exemption, group: { id: group.id, name: group.name }, extras };
  }
  if (!input.exemption) return { ok: true, facts, exemption: null, group: null, extras };
  const categories = await listExemptionCategories(municipalityId);
  const category = categories.find((c) => c.categoryId === input.exemption!.categoryId);
  return category ? { ok: true, facts, exemption: category, group: null, extras } : { ok: false, code: "UNKNOWN_EXEMPTION" };
}

function findByIdempotencyKey(municipalityId: string, userId: string, idempotencyKey: string) {
  return db.application.findFirst({
    where: { municipalityId, userId, idempotencyKey },
    select: { id: true, number: true },
  });
}

/**
 * Which slot someone else holds now (-1: none); after a refusal by the database, which does not
 * say (and its detail is private).
 */
async function takenSlotIndex(
  municipality: Municipality,
  items: { date: IsoDate; startsAt: Date; endsAt: Date; spaceIds: readonly string[] }[],
  now: Date,
) {
  const dates = items.map((i) => i.date).sort();
  const range = instantRange(dates[0]!, dates[dates.length - 1]!);
  const occupied = await loadOccupied(
    municipality.id,
    items.flatMap((i) => i.spaceIds),
    range.from,
    range.to,
    now,
  );
  const index = items.findIndex((item) =>
    item.spaceIds
      .flatMap((id) => occupied.get(id) ?? [])
      .some((o) => overlaps(o, item)),
  );
  return index;
}

const applicationSelect = {
  id: true,
  number: true,
  confirmedAt: true,
  user: { select: { name: true } },
  status: true,
  purpose: true,
  purposeCategory: true,
  headcount: true,
  contactPhone: true,
  totalFee: true,
  createdAt: true,
  cancelledAt: true,
  resident: true,
  commercial: true,
  admissionCharged: true,
  exemptionStatus: true,
  exemptionGrounds: true,
  exemptionDecisionReason: true,
  exemptionCategory: { select: { name: true } },
  group: { select: { name: true } },
  paymentChoice: true,
  holdExpiresAt: true,
  proxyById: true,
  ledger: { orderBy: { createdAt: "asc" }, select: { id: true, kind: true, method: true, amount: true, createdAt: true } },
  items: {
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      useDate: true,
      fee: true,
      feeBreakdown: true,
      cancelledAt: true,
      equipmentUses: { select: { quantity: true, equipment: { select: { name: true } } } },
      room: { select: { id: true, name: true, facility: { select: { name: true } } } },
      timeFrame: { select: { name: true, startMinute: true, endMinute: true } },
    },
  },
} satisfies Prisma.ApplicationSelect;

type ApplicationRow = Prisma.ApplicationGetPayload<{ select: typeof applicationSelect }>;

/** An application with each item flattened to what a person reads (see SlotView). */
function toView({ exemptionCategory, group, ledger, proxyById, ...application }: ApplicationRow) {
  const equipment = new Map<string, number>();
  for (const item of application.items) for (const u of item.equipmentUses) equipment.set(u.equipment.name, u.quantity);
  return {
    ...application,
    /** money in (positive) and out (negative), oldest first */
    ledger,
    paid: ledger.reduce((sum, e) => sum + e.amount, 0),
    /** what is borrowed in each slot, for the summary (undefined: nothing) */
    equipment: equipment.size ? [...equipment].map(([name, quantity]) => ({ name, quantity })) : undefined,
    exemptionName: exemptionCategory?.name ?? null,
    groupName: group?.name ?? null,
    /** made for the applicant by a manager or staff member (代理予約); who it was is staff's business */
    byProxy: proxyById !== null,
    items: application.items.map(({ id, useDate, fee, feeBreakdown, cancelledAt, equipmentUses, room, timeFrame }) => ({
      id,
      cancelledAt,
      roomId: room.id,
      date: isoDateFromDbDate(useDate),
      facilityName: room.facility.name,
      roomName: room.name,
      frameName: timeFrame.name,
      startMinute: timeFrame.startMinute,
      endMinute: timeFrame.endMinute,
      fee,
      breakdown: feeBreakdown as unknown as FeeBreakdown,
      equipment: equipmentUses.map((u) => ({ name: u.equipment.name, quantity: u.quantity })),
    })),
  };
}

/** The applicant's own applications, newest first. */
export async function listMyApplications(municipalityId: string, userId: string) {
  const rows = await db.application.findMany({
    where: { municipalityId, userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: applicationSelect,
  });
  return rows.map(toView);
}

export async function getMyApplication(municipalityId: string, userId: string, applicationId: string) {
  const row = await db.application.findFirst({
    where: { id: applicationId, municipalityId, userId },
    select: applicationSelect,
  });
  return row ? toView(row) : null;
}

/**
 * An application this manager or staff member made for a resident (代理予約), with whom it is
 * for, for the page that confirms it; null for anyone else's.
 */
export async function getProxyApplication(municipalityId: string, proxyById: string, applicationId: string) {
  const row = await db.application.findFirst({
    where: { id: applicationId, municipalityId, proxyById },
    select: { ...applicationSelect, userId: true },
  });
  return row ? { ...toView(row), applicantId: row.userId } : null;
}

/**
 * Slots on this date (a DATE column value) or later are not used yet and can still be
 * cancelled: by the applicant, or all at once when they delete their account.
 */
export function firstCancellableDate(municipality: Pick<Municipality, "timeZone">, now: Date) {
  return dbDateFromIsoDate(todayIn(municipality.timeZone, now));
}

export type CancelResult = { ok: true } | { ok: false; code: "NOT_FOUND" | "ALREADY_CANCELLED" };

/**
 * Cancels one slot, or every slot when itemId is omitted, freeing them at once. Only the
 * applicant's own, not-yet-used slots can be cancelled.
 */
export async function cancelBooking(
  municipality: Municipality,
  userId: string,
  applicationId: string,
  itemId: string | undefined,
  now: Date,
): Promise<CancelResult> {
  const today = firstCancellableDate(municipality, now);
  const result = await db.$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: applicationId, municipalityId: municipality.id, userId },
      select: {
        id: true,
        items: { where: { cancelledAt: null }, select: { id: true, fee: true, useDate: true } },
      },
    });
    if (!application) return { ok: false, code: "NOT_FOUND" } as const;
    const targets = application.items.filter(
      (i) => (itemId === undefined || i.id === itemId) && i.useDate >= today,
    );
    if (targets.length === 0) {
      const exists = itemId === undefined || (await tx.applicationItem.count({
        where: { id: itemId, applicationId, municipalityId: municipality.id },
      })) > 0;
      return { ok: false, code: exists ? "ALREADY_CANCELLED" : "NOT_FOUND" } as const;
    }
    await cancelItems(tx, { municipality, actorId: userId, applicationId: application.id, itemIds: targets.map((t) => t.id), now });
    return { ok: true } as const;
  });
  if (result.ok) sendQueuedMailSoon();
  return result;
}


/**
 * Inside the caller's transaction: cancels `itemIds` of an application (those not cancelled
 * yet), frees their slots at once, refunds what the cancellation policy gives back of a paid
 * application (recorded in the ledger for counter payments), keeps the rest as a cancellation
 * charge, recomputes the fee, cancels the application when nothing is left, records it and
 * tells the applicant. The one place a booking is cancelled.
 */
export async function cancelItems(
  tx: Prisma.TransactionClient,
  {
    municipality,
    actorId,
    applicationId,
    itemIds,
    now,
    by = "APPLICANT",
    reason,
  }: {
    municipality: Municipality;
    actorId: string;
    applicationId: string;
    itemIds: readonly string[];
    now: Date;
    by?: Canceller;
    /** why, when it is not the applicant cancelling by hand (a code, never personal data) */
    reason?: string;
  },
): Promise<{ refund: number }> {
  const municipalityId = municipality.id;
  // one change of an application's money at a time (payments, refunds, webhooks)
  await tx.$queryRaw`SELECT "id" FROM "Application" WHERE "id" = ${applicationId} AND "municipalityId" = ${municipalityId} FOR UPDATE`;
  const application = await tx.application.findFirstOrThrow({
    where: { id: applicationId, municipalityId },
    select: {
      id: true,
      number: true,
      totalFee: true,
      user: { select: { id: true, email: true } },
      items: { select: { id: true, fee: true, useDate: true, cancelledAt: true, cancellationCharge: true } },
    },
  });
  const paid = await paidOf(tx, application.id);
  const targets = application.items.filter((i) => i.cancelledAt === null && itemIds.includes(i.id));
  const refunds = refundsFor({
    items: targets.map((i) => ({ id: i.id, fee: i.fee, date: isoDateFromDbDate(i.useDate) })),
    paidInFull: paymentStateOf(application.totalFee, paid) === "PAID",
    policy: parsePolicy(municipality.cancellationPolicy),
    today: todayIn(municipality.timeZone, now),
    by,
  });
  for (const r of refunds) {
    await tx.applicationItem.update({ where: { id: r.itemId }, data: { cancelledAt: now, cancellationCharge: r.charge } });
  }
  const ids = targets.map((t) => t.id);
  await tx.occupancy.updateMany({ where: { itemId: { in: ids }, municipalityId }, data: { active: false } });
  const refundTotal = refunds.reduce((sum, r) => sum + r.refund, 0);
  const payment = refundTotal > 0 ? await paymentOf(tx, application.id) : null;
  const method = payment?.method ?? null;
  for (const r of refunds.filter((r) => r.refund > 0)) {
    if (payment?.method === "STRIPE" && payment.stripePaymentIntentId) {
      await refundOnline(municipality, application.id, payment.stripePaymentIntentId, r.refund, `refund-${r.itemId}`, reason ?? by, tx);
      continue;
    }
    await tx.ledgerEntry.create({
      data: { municipalityId, applicationId: application.id, itemId: r.itemId, kind: "REFUND", method: method ?? "CASH", amount: -r.refund, recordedById: actorId, note: reason ?? by },
    });
  }
  const remaining = application.items.filter((i) => i.cancelledAt === null && !ids.includes(i.id));
  const charges = application.items.reduce((sum, i) => sum + i.cancellationCharge, 0) + refunds.reduce((sum, r) => sum + r.charge, 0);
  await audit(tx, {
    municipalityId,
    actorId,
    action: remaining.length === 0 ? "application.cancelled" : "application.items_cancelled",
    entity: "Application",
    entityId: application.id,
    details: { itemIds: ids, remainingItems: remaining.length, refunds, by, ...(reason ? { reason } : {}) },
  });
  await tx.application.updateMany({
    where: { id: application.id, municipalityId },
    data: {
      totalFee: remaining.reduce((sum, i) => sum + i.fee, 0) + charges,
      ...(remaining.length === 0 ? { status: "CANCELLED", cancelledAt: now, holdExpiresAt: null } : {}),
    },
  });
  // a deleted account is not written to (its address is about to be anonymised)
  if (hasUsableEmail(application.user) && reason !== "user.deleted") {
    const mail = cancellationMail(municipality, { number: application.number, slots: ids.length, refund: refundTotal, counter: method !== "STRIPE", byMunicipality: by === "MUNICIPALITY", reason: by === "MUNICIPALITY" ? reason : undefined });
    await enqueueMail(tx, { municipalityId, to: application.user.email, ...mail });
  }
  return { refund: refundTotal };
}

/** How an application was paid: its refunds go back the same way. */
function paymentOf(tx: Prisma.TransactionClient, applicationId: string) {
  return tx.ledgerEntry.findFirst({ where: { applicationId, kind: "PAYMENT" }, orderBy: { createdAt: "desc" }, select: { method: true, stripePaymentIntentId: true } });
}

/** What cancelling these slots would refund now, for the page that asks to confirm it. */
export async function refundPreview(municipality: Municipality, application: { id: string; totalFee: number; items: { id: string; fee: number; date: IsoDate }[] }, now: Date) {
  const paid = await paidOf(db, application.id);
  return refundsFor({
    items: application.items,
    paidInFull: paymentStateOf(application.totalFee, paid) === "PAID",
    policy: parsePolicy(municipality.cancellationPolicy),
    today: todayIn(municipality.timeZone, now),
    by: "APPLICANT",
  });
}

/**
 * Staff cancel the remaining slots of an application for the municipality (a closure, an
 * election, a disaster): every paid slot is refunded in full, and the applicant is told.
 * `itemIds` narrows it to those slots (the ones a block or a closure covers).
 */
export async function cancelForMunicipality(
  municipality: Municipality,
  staffId: string,
  applicationId: string,
  reason: string,
  now: Date,
  itemIds?: readonly string[],
): Promise<CancelResult & { refund?: number }> {
  const result = await db.$transaction((tx) => cancelForMunicipalityIn(tx, municipality, staffId, applicationId, reason, now, itemIds));
  if (result.ok) sendQueuedMailSoon();
  return result;
}

/** cancelForMunicipality inside the caller's transaction (a hall rejecting an application). */
export async function cancelForMunicipalityIn(
  tx: Prisma.TransactionClient,
  municipality: Municipality,
  actorId: string,
  applicationId: string,
  reason: string,
  now: Date,
  itemIds?: readonly string[],
): Promise<CancelResult & { refund?: number }> {
  const today = firstCancellableDate(municipality, now);
  const application = await tx.application.findFirst({
    where: { id: applicationId, municipalityId: municipality.id },
    select: {
      id: true,
      items: { where: { cancelledAt: null, useDate: { gte: today }, ...(itemIds ? { id: { in: [...itemIds] } } : {}) }, select: { id: true } },
    },
  });
  if (!application) return { ok: false, code: "NOT_FOUND" };
  if (application.items.length === 0) return { ok: false, code: "ALREADY_CANCELLED" };
  const { refund } = await cancelItems(tx, {
    municipality,
    actorId,
    applicationId,
    itemIds: application.items.map((i) => i.id),
    now,
    by: "MUNICIPALITY",
    reason,
  });
  return { ok: true, refund };
}
