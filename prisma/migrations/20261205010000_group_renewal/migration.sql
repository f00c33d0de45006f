-- Yearly renewal of registered groups: the representative's renewal request (the registration
-- keeps working while staff decide) and the once-per-period reminder before expiry.
ALTER TABLE "Group" ADD COLUMN "renewalRequestedAt" TIMESTAMPTZ(3);
ALTER TABLE "Group" ADD COLUMN "renewalRemindedAt" TIMESTAMPTZ(3);
CREATE INDEX "Group_status_expiresAt_idx" ON "Group"("status", "expiresAt");
