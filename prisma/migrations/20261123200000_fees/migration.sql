-- Fee rules as data: schedules from a date, base fees per time frame and day type, exemption
-- categories; applicant facts and per-slot breakdowns on applications. The fee that lived on
-- TimeFrame becomes the weekday and holiday rate of a first schedule for each municipality.
CREATE TYPE "DayType" AS ENUM ('WEEKDAY', 'HOLIDAY');
CREATE TYPE "ExemptionStatus" AS ENUM ('NONE', 'PENDING', 'APPROVED', 'REJECTED');

CREATE TABLE "FeeSchedule" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "nonResidentPercent" INTEGER NOT NULL DEFAULT 150,
    "commercialPercent" INTEGER NOT NULL DEFAULT 200,
    "admissionPercent" INTEGER NOT NULL DEFAULT 150,
    "roundingUnit" INTEGER NOT NULL DEFAULT 10,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FeeSchedule_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FeeSchedule_percents_check" CHECK ("nonResidentPercent" BETWEEN 100 AND 1000 AND "commercialPercent" BETWEEN 100 AND 1000 AND "admissionPercent" BETWEEN 100 AND 1000),
    CONSTRAINT "FeeSchedule_roundingUnit_check" CHECK ("roundingUnit" IN (1, 10, 100))
);
CREATE UNIQUE INDEX "FeeSchedule_municipalityId_effectiveFrom_key" ON "FeeSchedule"("municipalityId", "effectiveFrom");

CREATE TABLE "FeeRate" (
    "municipalityId" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "timeFrameId" TEXT NOT NULL,
    "dayType" "DayType" NOT NULL,
    "amount" INTEGER NOT NULL,
    CONSTRAINT "FeeRate_pkey" PRIMARY KEY ("scheduleId","timeFrameId","dayType"),
    CONSTRAINT "FeeRate_amount_check" CHECK ("amount" >= 0)
);
CREATE INDEX "FeeRate_municipalityId_timeFrameId_idx" ON "FeeRate"("municipalityId", "timeFrameId");

CREATE TABLE "ExemptionCategory" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,
    "coversBase" BOOLEAN NOT NULL DEFAULT true,
    "coversAdjustments" BOOLEAN NOT NULL DEFAULT false,
    "coversSurcharges" BOOLEAN NOT NULL DEFAULT false,
    "needsApproval" BOOLEAN NOT NULL DEFAULT true,
    "evidencePrompt" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "ExemptionCategory_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ExemptionCategory_percent_check" CHECK ("percent" BETWEEN 0 AND 100)
);
CREATE INDEX "ExemptionCategory_municipalityId_sortOrder_idx" ON "ExemptionCategory"("municipalityId", "sortOrder");

ALTER TABLE "Application"
    ADD COLUMN "resident" BOOLEAN NOT NULL DEFAULT true,
    ADD COLUMN "commercial" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "admissionCharged" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "exemptionCategoryId" TEXT,
    ADD COLUMN "exemptionGrounds" TEXT NOT NULL DEFAULT '',
    ADD COLUMN "exemptionStatus" "ExemptionStatus" NOT NULL DEFAULT 'NONE',
    ADD COLUMN "exemptionDecidedAt" TIMESTAMPTZ(3),
    ADD COLUMN "exemptionDecisionReason" TEXT NOT NULL DEFAULT '';
CREATE INDEX "Application_municipalityId_exemptionStatus_idx" ON "Application"("municipalityId", "exemptionStatus");

ALTER TABLE "ApplicationItem"
    ADD COLUMN "feeBreakdown" JSONB NOT NULL DEFAULT '{"lines":[],"total":0}',
    ADD COLUMN "exemptBreakdown" JSONB;
-- slots booked before fee rules existed: their fee was the base fee
UPDATE "ApplicationItem" SET "feeBreakdown" = jsonb_build_object(
    'lines', jsonb_build_array(jsonb_build_object('kind', 'BASE', 'amount', "fee")), 'total', "fee");

INSERT INTO "FeeSchedule" ("id", "municipalityId", "effectiveFrom")
    SELECT 'fs-' || "id", "id", DATE '2000-01-01' FROM "Municipality";
INSERT INTO "FeeRate" ("municipalityId", "scheduleId", "timeFrameId", "dayType", "amount")
    SELECT tf."municipalityId", 'fs-' || tf."municipalityId", tf."id", d."dayType", tf."fee"
    FROM "TimeFrame" tf CROSS JOIN (VALUES ('WEEKDAY'::"DayType"), ('HOLIDAY'::"DayType")) AS d("dayType");
ALTER TABLE "TimeFrame" DROP COLUMN "fee";

ALTER TABLE "FeeSchedule" ADD CONSTRAINT "FeeSchedule_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FeeRate" ADD CONSTRAINT "FeeRate_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "FeeRate" ADD CONSTRAINT "FeeRate_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "FeeSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "FeeRate" ADD CONSTRAINT "FeeRate_timeFrameId_fkey" FOREIGN KEY ("timeFrameId") REFERENCES "TimeFrame"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ExemptionCategory" ADD CONSTRAINT "ExemptionCategory_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Application" ADD CONSTRAINT "Application_exemptionCategoryId_fkey" FOREIGN KEY ("exemptionCategoryId") REFERENCES "ExemptionCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;
