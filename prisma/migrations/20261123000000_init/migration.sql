-- Initial schema. Written to match prisma/schema.prisma (checked by tests/services/schema-drift.test.ts),
-- plus what Prisma's schema language cannot say: the no-double-booking exclusion constraint and CHECKs.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TYPE "Role" AS ENUM ('RESIDENT', 'MANAGER', 'STAFF', 'OPERATOR');
CREATE TYPE "ApplicationStatus" AS ENUM ('TENTATIVE', 'CONFIRMED', 'CANCELLED');
CREATE TYPE "OccupancyKind" AS ENUM ('BOOKING', 'BLOCK');

CREATE TABLE "Municipality" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    "helpPhone" TEXT NOT NULL,
    "bookingWindowMonths" INTEGER NOT NULL DEFAULT 3,
    "bookingCloseDaysBefore" INTEGER NOT NULL DEFAULT 1,
    "closedOnHolidays" BOOLEAN NOT NULL DEFAULT true,
    "closedAtYearEnd" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Municipality_bookingWindow_check" CHECK ("bookingWindowMonths" BETWEEN 1 AND 24),
    CONSTRAINT "Municipality_bookingClose_check" CHECK ("bookingCloseDaysBefore" >= 0)
);
CREATE UNIQUE INDEX "Municipality_slug_key" ON "Municipality"("slug");

CREATE TABLE "Facility" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "closedWeekdays" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Facility_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Facility_closedWeekdays_check" CHECK ("closedWeekdays" <@ ARRAY[0,1,2,3,4,5,6])
);
CREATE INDEX "Facility_municipalityId_sortOrder_idx" ON "Facility"("municipalityId", "sortOrder");

CREATE TABLE "Space" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "Space_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Space_municipalityId_facilityId_idx" ON "Space"("municipalityId", "facilityId");

CREATE TABLE "Room" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Room_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Room_capacity_check" CHECK ("capacity" > 0)
);
CREATE INDEX "Room_municipalityId_facilityId_idx" ON "Room"("municipalityId", "facilityId");

CREATE TABLE "RoomSpace" (
    "municipalityId" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    CONSTRAINT "RoomSpace_pkey" PRIMARY KEY ("roomId", "spaceId")
);
CREATE INDEX "RoomSpace_municipalityId_spaceId_idx" ON "RoomSpace"("municipalityId", "spaceId");

CREATE TABLE "TimeFrame" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "fee" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "TimeFrame_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "TimeFrame_minutes_check" CHECK ("startMinute" >= 0 AND "startMinute" < "endMinute" AND "endMinute" <= 1440),
    CONSTRAINT "TimeFrame_fee_check" CHECK ("fee" >= 0)
);
CREATE INDEX "TimeFrame_municipalityId_roomId_idx" ON "TimeFrame"("municipalityId", "roomId");

CREATE TABLE "ClosedDate" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "facilityId" TEXT,
    "date" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    CONSTRAINT "ClosedDate_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ClosedDate_municipalityId_date_idx" ON "ClosedDate"("municipalityId", "date");

CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'RESIDENT',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "User_municipalityId_email_key" ON "User"("municipalityId", "email");

CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'TENTATIVE',
    "purpose" TEXT NOT NULL,
    "headcount" INTEGER NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "totalFee" INTEGER NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),
    CONSTRAINT "Application_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Application_headcount_check" CHECK ("headcount" > 0),
    CONSTRAINT "Application_totalFee_check" CHECK ("totalFee" >= 0)
);
-- Application numbers are read out on the phone: start at six digits.
ALTER SEQUENCE "Application_number_seq" RESTART WITH 100001;
CREATE UNIQUE INDEX "Application_number_key" ON "Application"("number");
CREATE UNIQUE INDEX "Application_municipalityId_idempotencyKey_key" ON "Application"("municipalityId", "idempotencyKey");
CREATE INDEX "Application_municipalityId_userId_createdAt_idx" ON "Application"("municipalityId", "userId", "createdAt");

CREATE TABLE "ApplicationItem" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "roomId" TEXT NOT NULL,
    "timeFrameId" TEXT NOT NULL,
    "useDate" DATE NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "fee" INTEGER NOT NULL,
    "cancelledAt" TIMESTAMPTZ(3),
    CONSTRAINT "ApplicationItem_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ApplicationItem_interval_check" CHECK ("startsAt" < "endsAt"),
    CONSTRAINT "ApplicationItem_fee_check" CHECK ("fee" >= 0)
);
CREATE INDEX "ApplicationItem_municipalityId_applicationId_idx" ON "ApplicationItem"("municipalityId", "applicationId");
CREATE INDEX "ApplicationItem_municipalityId_roomId_useDate_idx" ON "ApplicationItem"("municipalityId", "roomId", "useDate");

CREATE TABLE "Occupancy" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "spaceId" TEXT NOT NULL,
    "itemId" TEXT,
    "kind" "OccupancyKind" NOT NULL DEFAULT 'BOOKING',
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "Occupancy_pkey" PRIMARY KEY ("id"),
    -- an empty range overlaps nothing and would slip past the exclusion constraint
    CONSTRAINT "Occupancy_interval_check" CHECK ("startsAt" < "endsAt"),
    -- The rule that matters most: no space is ever held or booked twice for overlapping time.
    -- Half-open ranges, so back-to-back slots are fine.
    CONSTRAINT "Occupancy_no_overlap" EXCLUDE USING gist (
        "municipalityId" WITH =,
        "spaceId" WITH =,
        tstzrange("startsAt", "endsAt", '[)') WITH &&
    ) WHERE ("active")
);
CREATE INDEX "Occupancy_itemId_idx" ON "Occupancy"("itemId");

ALTER TABLE "Facility" ADD CONSTRAINT "Facility_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Space" ADD CONSTRAINT "Space_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Space" ADD CONSTRAINT "Space_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Room" ADD CONSTRAINT "Room_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Room" ADD CONSTRAINT "Room_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RoomSpace" ADD CONSTRAINT "RoomSpace_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RoomSpace" ADD CONSTRAINT "RoomSpace_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "RoomSpace" ADD CONSTRAINT "RoomSpace_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TimeFrame" ADD CONSTRAINT "TimeFrame_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "TimeFrame" ADD CONSTRAINT "TimeFrame_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ClosedDate" ADD CONSTRAINT "ClosedDate_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ClosedDate" ADD CONSTRAINT "ClosedDate_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Application" ADD CONSTRAINT "Application_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Application" ADD CONSTRAINT "Application_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApplicationItem" ADD CONSTRAINT "ApplicationItem_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApplicationItem" ADD CONSTRAINT "ApplicationItem_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApplicationItem" ADD CONSTRAINT "ApplicationItem_roomId_fkey" FOREIGN KEY ("roomId") REFERENCES "Room"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ApplicationItem" ADD CONSTRAINT "ApplicationItem_timeFrameId_fkey" FOREIGN KEY ("timeFrameId") REFERENCES "TimeFrame"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Occupancy" ADD CONSTRAINT "Occupancy_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Occupancy" ADD CONSTRAINT "Occupancy_spaceId_fkey" FOREIGN KEY ("spaceId") REFERENCES "Space"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Occupancy" ADD CONSTRAINT "Occupancy_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ApplicationItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
