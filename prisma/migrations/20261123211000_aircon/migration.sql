-- Air-conditioning/heating surcharge per slot, by fee schedule; whether an application uses it.
ALTER TABLE "FeeSchedule" ADD COLUMN "airconFee" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "FeeSchedule" ADD CONSTRAINT "FeeSchedule_airconFee_check" CHECK ("airconFee" >= 0);
ALTER TABLE "Application" ADD COLUMN "aircon" BOOLEAN NOT NULL DEFAULT false;
