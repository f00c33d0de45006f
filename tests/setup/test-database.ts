import { randomBytes } from "node:crypto";
import pg from "pg";
import { startEmbeddedDatabase } from "../../server/embedded-db";
import { migrate } from "../../server/migrate";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh, migrated database: a new database on the server at TEST_DATABASE_URL when set,
 * otherwise an in-memory PGlite behind its socket server.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase();
    await migrate(embedded.url);
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `tsudoi_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
