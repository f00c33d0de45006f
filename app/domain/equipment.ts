/**
 * Equipment stock: a facility has `stock` units of a thing (a projector, microphones) that any
 * of its rooms may use in a slot. What counts is the most units in use at any one moment, so
 * a morning and an afternoon booking can each use the only projector.
 */

/** Units used over a half-open interval [from, to) of epoch milliseconds. */
export type EquipmentUse = { from: number; to: number; quantity: number };

/** The most units in use at one moment within [from, to). */
export function peakUse(uses: readonly EquipmentUse[], from: number, to: number): number {
  const changes: [number, number][] = [];
  for (const use of uses) {
    if (use.from >= to || use.to <= from || use.quantity <= 0) continue;
    changes.push([Math.max(use.from, from), use.quantity], [Math.min(use.to, to), -use.quantity]);
  }
  // at the same instant a use ends before the next begins (intervals are half-open)
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let inUse = 0;
  let peak = 0;
  for (const [, delta] of changes) {
    inUse += delta;
    peak = Math.max(peak, inUse);
  }
  return peak;
}

/** How many more units can be lent for every one of these intervals (never below 0). */
export function unitsFree(stock: number, booked: readonly EquipmentUse[], intervals: readonly { from: number; to: number }[]) {
  const worst = Math.max(0, ...intervals.map((i) => peakUse(booked, i.from, i.to)));
  return Math.max(0, stock - worst);
}

/**
 * The indexes of `requested` uses that would take the stock over, counting what is booked and
 * the other requested uses (one application may want the projector in two rooms at once).
 */
export function shortOfStock(stock: number, booked: readonly EquipmentUse[], requested: readonly EquipmentUse[]): number[] {
  const all = [...booked, ...requested];
  return requested.flatMap((use, index) => (peakUse(all, use.from, use.to) > stock ? [index] : []));
}

/** Limits of what staff enter for a piece of equipment. */
export const MAX_STOCK = 999;
export const MAX_EQUIPMENT_NAME = 100;

export type EquipmentProblem = "NAME_REQUIRED" | "NAME_TOO_LONG" | "STOCK_OUT_OF_RANGE";

/** Checks a name (when given) and a number of units as staff enter them; empty means fine. */
export function checkEquipment(input: { name?: string; stock: number }): EquipmentProblem[] {
  const problems: EquipmentProblem[] = [];
  if (input.name !== undefined) {
    if (input.name.trim() === "") problems.push("NAME_REQUIRED");
    else if ([...input.name.trim()].length > MAX_EQUIPMENT_NAME) problems.push("NAME_TOO_LONG");
  }
  if (!Number.isInteger(input.stock) || input.stock < 0 || input.stock > MAX_STOCK) problems.push("STOCK_OUT_OF_RANGE");
  return problems;
}
