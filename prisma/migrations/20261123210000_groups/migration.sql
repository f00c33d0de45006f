-- Registered groups (登録団体), their representative, exemption category and yearly expiry;
-- applications made for a group; an earlier booking window for groups.
CREATE TYPE "GroupStatus" AS ENUM ('PENDING', 'APPROVED', 'RETURNED');

ALTER TABLE "Municipality" ADD COLUMN "groupExtraWindowMonths" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "Group" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "representativeId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "membersCount" INTEGER NOT NULL,
    "activityType" TEXT NOT NULL,
    "status" "GroupStatus" NOT NULL DEFAULT 'PENDING',
    "returnReason" TEXT NOT NULL DEFAULT '',
    "exemptionCategoryId" TEXT,
    "approvedAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Group_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Group_membersCount_check" CHECK ("membersCount" > 0)
);
CREATE INDEX "Group_municipalityId_status_idx" ON "Group"("municipalityId", "status");
CREATE INDEX "Group_municipalityId_representativeId_idx" ON "Group"("municipalityId", "representativeId");

ALTER TABLE "Application" ADD COLUMN "groupId" TEXT;

ALTER TABLE "Group" ADD CONSTRAINT "Group_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Group" ADD CONSTRAINT "Group_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Group" ADD CONSTRAINT "Group_exemptionCategoryId_fkey" FOREIGN KEY ("exemptionCategoryId") REFERENCES "ExemptionCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Application" ADD CONSTRAINT "Application_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;
