-- The kind of purpose of an application (app/domain/purpose-categories.ts), for statistics.
-- Applications made before it are "other".
ALTER TABLE "Application" ADD COLUMN "purposeCategory" TEXT NOT NULL DEFAULT 'other';
ALTER TABLE "Application" ADD CONSTRAINT "Application_purposeCategory_check"
    CHECK ("purposeCategory" IN ('meeting', 'learning', 'culture', 'sports', 'welfare', 'other'));

-- Usage statistics read a period's slots of a municipality, and the export pages through them
-- in (useDate, startsAt, id) order.
CREATE INDEX "ApplicationItem_municipalityId_useDate_startsAt_id_idx"
    ON "ApplicationItem" ("municipalityId", "useDate", "startsAt", "id");
