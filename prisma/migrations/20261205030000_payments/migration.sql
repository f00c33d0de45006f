-- Payments: how an application is paid, holds that expire, an append-only ledger of money in and
-- out, Stripe events stored once, and each municipality's payment and cancellation settings.
ALTER TYPE "ApplicationStatus" ADD VALUE 'EXPIRED';
CREATE TYPE "PaymentChoice" AS ENUM ('COUNTER', 'ONLINE');
CREATE TYPE "PaymentMethod" AS ENUM ('CASH', 'TERMINAL', 'STRIPE');
CREATE TYPE "LedgerKind" AS ENUM ('PAYMENT', 'REFUND', 'REVERSAL');

ALTER TABLE "Municipality"
    ADD COLUMN "cancellationPolicy" JSONB NOT NULL DEFAULT '[{"daysBefore":7,"percent":100},{"daysBefore":1,"percent":50},{"daysBefore":0,"percent":0}]',
    ADD COLUMN "counterHoldDays" INTEGER NOT NULL DEFAULT 7,
    ADD COLUMN "checkoutHoldMinutes" INTEGER NOT NULL DEFAULT 30,
    ADD COLUMN "onlineMethods" TEXT[] DEFAULT ARRAY['card', 'konbini']::TEXT[],
    ADD COLUMN "confirmBeforePayment" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Application"
    ADD COLUMN "paymentChoice" "PaymentChoice" NOT NULL DEFAULT 'COUNTER',
    ADD COLUMN "holdExpiresAt" TIMESTAMPTZ(3),
    ADD COLUMN "confirmedAt" TIMESTAMPTZ(3),
    ADD COLUMN "expiredAt" TIMESTAMPTZ(3),
    ADD COLUMN "stripeCheckoutSessionId" TEXT;
CREATE UNIQUE INDEX "Application_stripeCheckoutSessionId_key" ON "Application"("stripeCheckoutSessionId");
CREATE INDEX "Application_status_holdExpiresAt_idx" ON "Application"("status", "holdExpiresAt");

ALTER TABLE "Occupancy" ADD COLUMN "expiresAt" TIMESTAMPTZ(3);
ALTER TABLE "ApplicationItem" ADD COLUMN "cancellationCharge" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "itemId" TEXT,
    "kind" "LedgerKind" NOT NULL,
    "method" "PaymentMethod" NOT NULL,
    "amount" INTEGER NOT NULL,
    "receiptNumber" TEXT NOT NULL DEFAULT '',
    "reversesId" TEXT,
    "stripeCheckoutSessionId" TEXT,
    "stripePaymentIntentId" TEXT,
    "stripeRefundId" TEXT,
    "recordedById" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "LedgerEntry_amount_sign_check" CHECK (
        ("kind" = 'PAYMENT' AND "amount" > 0) OR ("kind" = 'REFUND' AND "amount" < 0) OR ("kind" = 'REVERSAL' AND "amount" <> 0 AND "reversesId" IS NOT NULL))
);
CREATE UNIQUE INDEX "LedgerEntry_reversesId_key" ON "LedgerEntry"("reversesId");
CREATE UNIQUE INDEX "LedgerEntry_stripeRefundId_key" ON "LedgerEntry"("stripeRefundId");
CREATE INDEX "LedgerEntry_municipalityId_applicationId_idx" ON "LedgerEntry"("municipalityId", "applicationId");
CREATE INDEX "LedgerEntry_stripePaymentIntentId_idx" ON "LedgerEntry"("stripePaymentIntentId");

-- money records are corrected by a reversal, never edited or removed
CREATE FUNCTION "ledger_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'LedgerEntry rows are never changed or deleted; add a REVERSAL instead';
END;
$$;
CREATE TRIGGER "LedgerEntry_append_only" BEFORE UPDATE OR DELETE ON "LedgerEntry"
    FOR EACH ROW EXECUTE FUNCTION "ledger_entry_is_append_only"();

CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "StripeEvent" ADD CONSTRAINT "StripeEvent_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;
