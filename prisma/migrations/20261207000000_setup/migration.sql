-- Staff set up facilities, rooms and time frames. A frame is offered on the day types it names
-- (every frame so far: both); rooms and frames with bookings are retired, never deleted.
ALTER TABLE "TimeFrame"
    ADD COLUMN "dayTypes" "DayType"[] NOT NULL DEFAULT ARRAY['WEEKDAY', 'HOLIDAY']::"DayType"[],
    ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "TimeFrame" ADD CONSTRAINT "TimeFrame_dayTypes_check" CHECK (cardinality("dayTypes") > 0);
ALTER TABLE "Room" ADD COLUMN "active" BOOLEAN NOT NULL DEFAULT true;
