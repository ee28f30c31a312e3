/**
 * The driver adapter used by the Prisma CLI (prisma.config.ts), not by the app.
 *
 * Prisma 6.19's wasm schema engine reads the Postgres catalog through `@prisma/adapter-pg`, which rejects the catalog
 * types `name` (oid 19) and `"char"` (oid 18): "Column type 'name' could not be deserialized from the database"
 * (prisma/prisma#27403). Their values arrive as plain strings anyway, so this pool reports them as `text` (oid 25).
 *
 * The adapter also applies a migration by splitting it on every `;`, which breaks dollar-quoted function bodies
 * (our audit trigger). Here a migration goes to Postgres whole, as one simple-protocol query: Postgres runs a
 * multi-statement query as one implicit transaction, so a failing migration leaves nothing half-applied.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const AS_TEXT = new Set([18, 19]);
const TEXT_OID = 25;

type QueryResultLike = { fields?: { dataTypeID: number }[] };

function relabel<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of (r as QueryResultLike | undefined)?.fields ?? []) {
      if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

function patchClient(client: pg.PoolClient): void {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) =>
        (last as (e: unknown, r: unknown) => void)(err, err ? res : relabel(res));
      return original(...args);
    }
    const out = original(...args);
    return out instanceof Promise ? out.then(relabel) : out;
  };
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;

class CliPrismaPg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }
  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await this.pool.query(script);
    };
    return adapter;
  }
}

export function createCliAdapter(connectionString: string | undefined): PrismaPg {
  // allowExitOnIdle: the CLI process would otherwise wait for the 10 s idle timeout before exiting.
  const pool = new pg.Pool({ connectionString, max: 2, allowExitOnIdle: true });
  pool.on("connect", patchClient);
  return new CliPrismaPg(pool);
}
