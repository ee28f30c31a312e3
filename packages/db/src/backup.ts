/**
 * Backup and restore of Innspill's data, with PostgreSQL's own COPY (pg-copy-streams), so it needs no pg_dump: the
 * embedded server ships none, and Debian's is older than the embedded server.
 *
 * A backup is one gzip file: a header line, then per table a line with its name, columns and row count followed by
 * exactly that many rows in COPY's text format (one row per line: COPY escapes newlines). Every table is read in one
 * REPEATABLE READ, READ ONLY transaction, so the backup is one consistent moment while the app keeps running.
 * Migrations are not data: the restore applies them, then loads the rows. pg-boss's queue is not backed up.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";

const FORMAT = "innspill-backup";
const VERSION = 1;

interface TableHeader {
  table: string;
  columns: string[];
  rows: number;
}

export interface BackupSummary {
  createdAt: string;
  migrations: string[];
  tables: { table: string; rows: number }[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The app's tables in the public schema, parents before children (by foreign key); Prisma's own table left out. */
async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`,
  );
  const { rows: fks } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const fk of fks) if (fk.child === t) visit(fk.parent, path);
    seen.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t.name, new Set());
  return order;
}

async function columnsOf(client: pg.ClientBase, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
      WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attnum`,
    [q(table)],
  );
  return rows.map((r) => r.name);
}

/** Writes a consistent backup of the database at `url` to `file`. */
export async function backupDatabase(url: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`,
      )
    ).rows.map((r) => r.name);
    const tables = await tablesInOrder(client);
    const summary: BackupSummary = { createdAt: new Date().toISOString(), migrations, tables: [] };
    const gzip = createGzip();
    const out = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
    const write = (s: string | Buffer) =>
      new Promise<void>((resolve, reject) => gzip.write(s, (err) => (err ? reject(err) : resolve())));
    await write(`${JSON.stringify({ format: FORMAT, version: VERSION, ...summary, tables })}\n`);
    for (const table of tables) {
      const columns = await columnsOf(client, table);
      const rows = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(table)}`)).rows[0]!.n,
      );
      await write(`${JSON.stringify({ table, columns, rows } satisfies TableHeader)}\n`);
      const copy = client.query(
        copyTo(`COPY ${q(table)} (${columns.map(q).join(", ")}) TO STDOUT WITH (FORMAT text)`),
      );
      await pipeline(
        copy,
        new Writable({ write: (chunk: Buffer, _enc, done) => void write(chunk).then(() => done(), done) }),
      );
      summary.tables.push({ table, rows });
    }
    await client.query("COMMIT");
    gzip.end();
    await out;
    return summary;
  } finally {
    await client.end();
  }
}

/** Reads a backup's header without restoring it. */
export async function readBackupHeader(file: string): Promise<BackupSummary & { tables: string[] }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return parseHeader(line);
  }
  throw new BackupError("Filen er tom.");
}

export class BackupError extends Error {}

function parseHeader(line: string) {
  let header: { format?: string; version?: number } & BackupSummary & { tables: string[] };
  try {
    header = JSON.parse(line);
  } catch {
    throw new BackupError("Filen er ikke en sikkerhetskopi fra Innspill.");
  }
  if (header.format !== FORMAT) throw new BackupError("Filen er ikke en sikkerhetskopi fra Innspill.");
  if (header.version !== VERSION)
    throw new BackupError(`Sikkerhetskopien har format ${header.version}; denne versjonen leser ${VERSION}.`);
  return header;
}

/**
 * Restores a backup into the database at `url`, which must be migrated (the caller runs the migrations first) and
 * hold no rows. All in one transaction: a failed restore leaves the database as it was. Rows are loaded parents
 * first; a column that points into its own table is filled in after all its rows are in.
 */
export async function restoreDatabase(url: string, file: string): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    if (r.done) throw new BackupError("Sikkerhetskopien er avkortet.");
    return r.value as string;
  };
  try {
    const header = parseHeader(await next());
    const applied = new Set(
      (
        await client.query<{ name: string }>(
          `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL`,
        )
      ).rows.map((r) => r.name),
    );
    const missing = header.migrations.filter((m) => !applied.has(m));
    if (missing.length)
      throw new BackupError(
        `Sikkerhetskopien er fra en nyere versjon av Innspill (migrering ${missing[0]}). Oppgrader først.`,
      );
    const present = new Set(await tablesInOrder(client));
    for (const table of present) {
      const { rows } = await client.query(`SELECT 1 FROM ${q(table)} LIMIT 1`);
      if (rows.length)
        throw new BackupError(
          `Databasen er ikke tom (tabellen ${table} har rader). Gjenopprett til en tom database.`,
        );
    }
    await client.query("BEGIN");
    const summary: BackupSummary = { createdAt: header.createdAt, migrations: header.migrations, tables: [] };
    for (let i = 0; i < header.tables.length; i++) {
      const h = JSON.parse(await next()) as TableHeader;
      if (!present.has(h.table)) throw new BackupError(`Tabellen ${h.table} finnes ikke i denne versjonen.`);
      const selfRefs = (
        await client.query<{ column: string }>(
          `SELECT a.attname AS column FROM pg_constraint k
             JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey)
            WHERE k.contype = 'f' AND k.conrelid = $1::regclass AND k.confrelid = k.conrelid`,
          [q(h.table)],
        )
      ).rows.map((r) => r.column);
      const cols = h.columns.map(q).join(", ");
      const stage = `restore_${i}`;
      await client.query(
        `CREATE TEMP TABLE ${q(stage)} ON COMMIT DROP AS SELECT ${cols} FROM ${q(h.table)} WITH NO DATA`,
      );
      async function* rows() {
        for (let n = 0; n < h.rows; n++) yield `${await next()}\n`;
      }
      await pipeline(
        Readable.from(rows()),
        client.query(copyFrom(`COPY ${q(stage)} (${cols}) FROM STDIN WITH (FORMAT text)`)),
      );
      const values = h.columns.map((c) => (selfRefs.includes(c) ? "NULL" : q(c))).join(", ");
      await client.query(`INSERT INTO ${q(h.table)} (${cols}) SELECT ${values} FROM ${q(stage)}`);
      if (selfRefs.length) {
        const pk = (
          await client.query<{ column: string }>(
            `SELECT a.attname AS column FROM pg_index i
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
              WHERE i.indrelid = $1::regclass AND i.indisprimary`,
            [q(h.table)],
          )
        ).rows.map((r) => r.column);
        await client.query(
          `UPDATE ${q(h.table)} t SET ${selfRefs.map((c) => `${q(c)} = s.${q(c)}`).join(", ")}
             FROM ${q(stage)} s WHERE ${pk.map((c) => `t.${q(c)} = s.${q(c)}`).join(" AND ")}`,
        );
      }
      summary.tables.push({ table: h.table, rows: h.rows });
    }
    // Counters continue after the restored rows.
    const { rows: sequences } = await client.query<{ table: string; column: string; seq: string }>(
      `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const s of sequences)
      await client.query(
        `SELECT setval($1, COALESCE((SELECT max(${q(s.column)}) FROM ${q(s.table)}), 1),
                (SELECT max(${q(s.column)}) IS NOT NULL FROM ${q(s.table)}))`,
        [s.seq],
      );
    await client.query("COMMIT");
    return summary;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    if (String((err as { code?: unknown }).code).startsWith("Z_"))
      throw new BackupError("Filen er ikke en sikkerhetskopi fra Innspill (ikke gzip).");
    throw err;
  } finally {
    lines.close();
    await client.end();
  }
}
