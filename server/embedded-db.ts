import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PGliteServer } from "./pglite-server";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * Starts PGlite (PostgreSQL in WebAssembly) on a loopback port, so the app connects to it
 * exactly as to a PostgreSQL server. `dataDir` undefined keeps it in memory (tests).
 */
export async function startEmbeddedDatabase({
  dataDir,
  port = 0,
}: { dataDir?: string; port?: number } = {}): Promise<EmbeddedDatabase> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: { btree_gist } });
  const server = new PGliteServer(db);
  const boundPort = await server.listen(port);
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${boundPort}/postgres?sslmode=disable`,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
