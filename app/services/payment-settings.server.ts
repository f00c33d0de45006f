import { parsePolicy } from "~/domain/cancellation";
import { checkPaymentSettings, type PaymentSettings, type PaymentSettingsInput, type SettingsProblems } from "~/domain/payment-settings";
import type { Prisma } from "~/generated/prisma/client";
import { db } from "~/utils/db.server";
import { audit } from "./audit.server";
import type { Municipality } from "./catalog.server";

export type PaymentSettingsResult = { ok: true; changed: boolean } | { ok: false; problems: SettingsProblems };

/** The settings as saved (a malformed stored policy shows as the default one that applies). */
export function paymentSettingsOf(municipality: Municipality): PaymentSettings {
  return {
    onlineMethods: municipality.onlineMethods as PaymentSettings["onlineMethods"],
    counterHoldDays: municipality.counterHoldDays,
    checkoutHoldMinutes: municipality.checkoutHoldMinutes,
    confirmBeforePayment: municipality.confirmBeforePayment,
    cancellationPolicy: [...parsePolicy(municipality.cancellationPolicy)].sort((a, b) => b.daysBefore - a.daysBefore),
  };
}

/**
 * Saves how the municipality takes payment and refunds cancellations, all of it or nothing,
 * with the change in the audit log (before and after). It applies to applications and
 * cancellations from now on; holds already running keep their deadlines.
 */
export async function updatePaymentSettings(
  municipality: Pick<Municipality, "id">,
  staffId: string,
  input: PaymentSettingsInput,
): Promise<PaymentSettingsResult> {
  const checked = checkPaymentSettings(input);
  if (!checked.ok) return checked;
  const after = checked.settings;
  return db.$transaction(async (tx) => {
    // locked, so two staff saving at once are recorded one after the other with true "before"s
    await tx.$queryRaw`SELECT "id" FROM "Municipality" WHERE "id" = ${municipality.id} FOR UPDATE`;
    const row = await tx.municipality.findUniqueOrThrow({
      where: { id: municipality.id },
      select: { onlineMethods: true, counterHoldDays: true, checkoutHoldMinutes: true, confirmBeforePayment: true, cancellationPolicy: true },
    });
    const before = { ...row, cancellationPolicy: row.cancellationPolicy as Prisma.InputJsonValue };
    if (sameSettings(before, after)) return { ok: true, changed: false };
    await tx.municipality.update({ where: { id: municipality.id }, data: after });
    await audit(tx, {
      municipalityId: municipality.id,
      actorId: staffId,
      action: "municipality.payment_settings_changed",
      entity: "Municipality",
      entityId: municipality.id,
      details: { before, after },
    });
    return { ok: true, changed: true };
  });
}

/** Equal settings, whatever order the database gives the keys of the stored policy in. */
function sameSettings(stored: Omit<PaymentSettings, "cancellationPolicy" | "onlineMethods"> & { onlineMethods: string[]; cancellationPolicy: unknown }, next: PaymentSettings) {
  const tiers = (policy: unknown) => (Array.isArray(policy) ? policy.map((t) => [t?.daysBefore, t?.percent]) : policy);
  return (
    stored.onlineMethods.join() === next.onlineMethods.join() &&
    stored.counterHoldDays === next.counterHoldDays &&
    stored.checkoutHoldMinutes === next.checkoutHoldMinutes &&
    stored.confirmBeforePayment === next.confirmBeforePayment &&
    JSON.stringify(tiers(stored.cancellationPolicy)) === JSON.stringify(tiers(next.cancellationPolicy))
  );
}
