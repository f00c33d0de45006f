-- Public displays and staff search: the municipality's 全国地方公共団体コード and prefecture and
-- facilities' kana for the open-data export (公共施設一覧), a group's consent to show its name on the
-- hall's signage, and the indexes staff search by number, phone, group and date of use goes through.
ALTER TABLE "Municipality"
    ADD COLUMN "localGovernmentCode" TEXT,
    ADD COLUMN "prefecture" TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX "Municipality_localGovernmentCode_key" ON "Municipality"("localGovernmentCode");
-- six digits; the check digit itself is checked by the app (app/domain/open-data.ts)
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_localGovernmentCode_check" CHECK ("localGovernmentCode" ~ '^[0-9]{6}$');

ALTER TABLE "Facility" ADD COLUMN "nameKana" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Group" ADD COLUMN "showNameOnSignage" BOOLEAN NOT NULL DEFAULT false;

CREATE INDEX "Application_municipalityId_number_idx" ON "Application"("municipalityId", "number");
CREATE INDEX "Application_municipalityId_groupId_idx" ON "Application"("municipalityId", "groupId");
-- phone numbers are stored as typed (with or without hyphens); staff search compares digits only,
-- with this very expression (app/services/application-search.server.ts)
CREATE INDEX "User_municipalityId_phoneDigits_idx" ON "User"("municipalityId", (regexp_replace("phone", '[^0-9]', '', 'g')));
CREATE INDEX "Application_municipalityId_contactPhoneDigits_idx" ON "Application"("municipalityId", (regexp_replace("contactPhone", '[^0-9]', '', 'g')));
