-- Blocks: a room, or a whole facility, closed for a period by its hall manager or staff.
-- Not rows of "Occupancy": a block must be placeable over bookings already made (staff then
-- decide about them), which the exclusion constraint would refuse. The booking transaction
-- checks blocks after locking the spaces, and creating a block locks the same spaces (ADR 0015).
-- A room's block never quietly becomes its whole facility's, hence RESTRICT on the room.
CREATE TABLE "Block" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "roomId" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMPTZ(3),
    "liftedById" TEXT,
    CONSTRAINT "Block_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Block_interval_check" CHECK ("startsAt" < "endsAt"),
    CONSTRAINT "Block_reason_check" CHECK (length(btrim("reason")) > 0),
    CONSTRAINT "Block_lifted_check" CHECK (("liftedAt" IS NULL) = ("liftedById" IS NULL))
);
CREATE INDEX "Block_municipalityId_facilityId_endsAt_idx" ON "Block"("municipalityId", "facilityId", "endsAt");

ALTER TABLE "Block" ADD CONSTRAINT "Block_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Block" ADD CONSTRAINT "Block_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Block" ADD CONSTRAINT "Block_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Block" ADD CONSTRAINT "Block_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Block" ADD CONSTRAINT "Block_liftedById_fkey" FOREIGN KEY ("liftedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
