import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { env } from "./env";

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
}

const globalForDb = globalThis as unknown as { innspillDb?: Db };

/** The process-wide client, created on first use from DATABASE_URL. */
export function getDb(): Db {
  if (!globalForDb.innspillDb) {
    if (!env.DATABASE_URL) {
      throw new Error(
        "DATABASE_URL er ikke satt. Start Innspill med `npm start` (som starter en innebygd PostgreSQL) eller sett DATABASE_URL.",
      );
    }
    globalForDb.innspillDb = createDb(env.DATABASE_URL);
  }
  return globalForDb.innspillDb;
}
