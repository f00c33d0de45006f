import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file: migrations are applied by scripts/migrate.ts
// (see docs/decisions/0002-migration-runner.md), so no datasource URL is needed here.
export default defineConfig({
  schema: "prisma/schema.prisma",
});
