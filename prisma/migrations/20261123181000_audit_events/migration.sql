-- Who changed what, when, in which municipality (written in the same transaction as the change).
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditEvent_municipalityId_createdAt_idx" ON "AuditEvent"("municipalityId", "createdAt");
CREATE INDEX "AuditEvent_municipalityId_entity_entityId_idx" ON "AuditEvent"("municipalityId", "entity", "entityId");

ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
