import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "./generated/client";
import { env } from "./env";

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions accept. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * Each client's connection pool, which Prisma's adapter and `queryRows` share. Kept on `globalThis`: Next.js bundles
 * this module more than once (the instrumentation hook that serves `/api/trpc`, and each route), and a client made by
 * one copy is used by the others; a map of each copy's own would send their `queryRows` through Prisma.
 */
const globalForPools = globalThis as unknown as { [key: symbol]: WeakMap<object, pg.Pool> | undefined };
const POOLS = Symbol.for("innspill.db.pools");
const pools = (globalForPools[POOLS] ??= new WeakMap<object, pg.Pool>());

/**
 * How `queryRows` reads columns: as Prisma's `$queryRaw` does, not as `pg` does by default. A `timestamp` (Prisma's
 * DateTime, UTC without a zone) is that UTC instant, not local time; a `date` is midnight UTC of that day; a bigint
 * is a BigInt. Prisma's own queries set their parsers per query.
 */
const DATE = 1082;
const TIMESTAMP = 1114;
const INT8 = 20;
const rowTypes = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (format === "binary") return pg.types.getTypeParser(oid, format);
    if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(" ", "T")}Z`);
    if (oid === DATE) return (value: string) => new Date(`${value}T00:00:00Z`);
    if (oid === INT8) return (value: string) => BigInt(value);
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

export function createDb(connectionString: string): Db {
  const pool = new pg.Pool({ connectionString, types: rowTypes });
  // An idle connection the server closed (a restart) is dropped by the pool; without a listener it would end the
  // process before Prisma's adapter, which listens once it connects, is used.
  pool.on("error", () => {});
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/**
 * Rows of one SQL statement (built with `Prisma.sql`, so its values are parameters), sent straight through `pg` on
 * the client's pool. For the lists every screen asks for: Prisma 6 compiles each query in WebAssembly anew (no plan
 * cache before Prisma 7), which made a hearing list page cost 4.3 ms of the server's CPU against 0.4 ms for the same
 * statements through `pg` (ARCHITECTURE.md, «Plain SQL»). In a transaction, or on a client that has been
 * disconnected, it goes through Prisma's `$queryRaw`, which reads every column the same way. JSON built in the
 * statement (json_agg) carries dates as text.
 */
export async function queryRows<T>(db: DbTx, query: Prisma.Sql): Promise<T[]> {
  const pool = pools.get(db);
  if (!pool || pool.ending) return (db as Db).$queryRaw<T[]>(query);
  return (await pool.query(query.text, query.values)).rows as T[];
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
