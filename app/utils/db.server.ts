import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client";

const POOL_SIZE = 10;
/**
 * In an opening-day rush more applications arrive at once than there are connections; they
 * should queue for a connection (each transaction is short) rather than fail after Prisma's
 * default 2 s.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which sets it");
  }
  const adapter = new PrismaPg({ connectionString, max: POOL_SIZE });
  return new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS });
}

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

/** The one Prisma client of the process (kept across dev-server rebuilds). */
export const db: PrismaClient = globalForDb.__db ?? (globalForDb.__db = createClient());

export type Db = PrismaClient;
