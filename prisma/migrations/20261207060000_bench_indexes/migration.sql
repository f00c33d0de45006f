-- Indexes found missing by `npm run bench` (issue 8). Prisma loads a relation (an application's
-- items, its ledger, a room's time frames, a facility's rooms) with `WHERE "<foreign key>" IN (…)`
-- alone, which an index that starts with "municipalityId" cannot serve: on 60 municipalities'
-- year of bookings an application page read all 1.3 million items (a sequential scan, 300 ms).
-- The new indexes start with the foreign key; a query that also names the municipality uses
-- them as well, so the old ones go.
DROP INDEX "ApplicationItem_municipalityId_applicationId_idx";
CREATE INDEX "ApplicationItem_applicationId_idx" ON "ApplicationItem"("applicationId");

DROP INDEX "LedgerEntry_municipalityId_applicationId_idx";
CREATE INDEX "LedgerEntry_applicationId_idx" ON "LedgerEntry"("applicationId");

DROP INDEX "TimeFrame_municipalityId_roomId_idx";
CREATE INDEX "TimeFrame_roomId_sortOrder_idx" ON "TimeFrame"("roomId", "sortOrder");

DROP INDEX "Room_municipalityId_facilityId_idx";
CREATE INDEX "Room_facilityId_sortOrder_idx" ON "Room"("facilityId", "sortOrder");
