-- Failed sign-in attempts per source address or account (app/domain/rate-limit.ts).
CREATE TABLE "RateLimit" (
    "municipalityId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "blockedUntil" TIMESTAMPTZ(3),
    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("municipalityId", "key")
);

ALTER TABLE "RateLimit" ADD CONSTRAINT "RateLimit_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
