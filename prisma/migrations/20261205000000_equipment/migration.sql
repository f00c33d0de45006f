-- Equipment lent with a slot, with a stock per facility, priced per unit in each fee schedule;
-- the units each booked slot uses.
CREATE TABLE "Equipment" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "facilityId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "stock" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Equipment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Equipment_stock_check" CHECK ("stock" >= 0)
);
CREATE INDEX "Equipment_municipalityId_facilityId_idx" ON "Equipment"("municipalityId", "facilityId");

CREATE TABLE "EquipmentRate" (
    "municipalityId" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "equipmentId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    CONSTRAINT "EquipmentRate_pkey" PRIMARY KEY ("scheduleId","equipmentId"),
    CONSTRAINT "EquipmentRate_amount_check" CHECK ("amount" >= 0)
);
CREATE INDEX "EquipmentRate_municipalityId_equipmentId_idx" ON "EquipmentRate"("municipalityId", "equipmentId");

CREATE TABLE "EquipmentUse" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "equipmentId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    CONSTRAINT "EquipmentUse_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "EquipmentUse_quantity_check" CHECK ("quantity" > 0)
);
CREATE UNIQUE INDEX "EquipmentUse_itemId_equipmentId_key" ON "EquipmentUse"("itemId", "equipmentId");
CREATE INDEX "EquipmentUse_municipalityId_equipmentId_idx" ON "EquipmentUse"("municipalityId", "equipmentId");

ALTER TABLE "Equipment" ADD CONSTRAINT "Equipment_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Equipment" ADD CONSTRAINT "Equipment_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "Facility"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EquipmentRate" ADD CONSTRAINT "EquipmentRate_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EquipmentRate" ADD CONSTRAINT "EquipmentRate_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "FeeSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "EquipmentRate" ADD CONSTRAINT "EquipmentRate_equipmentId_fkey" FOREIGN KEY ("equipmentId") REFERENCES "Equipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EquipmentUse" ADD CONSTRAINT "EquipmentUse_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EquipmentUse" ADD CONSTRAINT "EquipmentUse_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ApplicationItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "EquipmentUse" ADD CONSTRAINT "EquipmentUse_equipmentId_fkey" FOREIGN KEY ("equipmentId") REFERENCES "Equipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
