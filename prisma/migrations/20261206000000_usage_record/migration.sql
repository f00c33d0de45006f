-- The usage record (利用実績) of a booked slot, kept by the hall: how many came, or a no-show.
ALTER TABLE "ApplicationItem"
    ADD COLUMN "usageRecordedAt" TIMESTAMPTZ(3),
    ADD COLUMN "actualHeadcount" INTEGER,
    ADD COLUMN "noShow" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "usageNote" TEXT NOT NULL DEFAULT '';
ALTER TABLE "ApplicationItem" ADD CONSTRAINT "ApplicationItem_actualHeadcount_check" CHECK ("actualHeadcount" IS NULL OR "actualHeadcount" >= 0);
