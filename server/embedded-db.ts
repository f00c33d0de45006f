import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/** Most connections the embedded server accepts; app pools must stay at or under it. */
export const EMBEDDED_MAX_CONNECTIONS = 20;

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
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port,
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
