import { afterAll } from "vitest";
import { createTestDatabase } from "./test-database";

// Runs before the test file is imported, so app/utils/db.server.ts connects to this database.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const { db } = await import("~/utils/db.server");
  await db.$disconnect();
  await database.drop();
});
