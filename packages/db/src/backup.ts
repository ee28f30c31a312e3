/**
 * Backup and restore of Innspill's data, with PostgreSQL's own COPY (pg-copy-streams), so it needs no pg_dump: the
 * embedded server ships none, and Debian's is older than the embedded server.
 *
 * A backup is one gzip file: a header line, then per table a line with its name, columns and row count followed by
 * exactly that many rows in COPY's text format (one row per line: COPY escapes newlines). Every table is read in one
 * REPEATABLE READ, READ ONLY transaction, so the backup is one consistent moment while the app keeps running.
 * Migrations are not data: the restore applies them, then loads the rows. pg-boss's queue is not backed up.
 */
import { closeSync, createReadStream, createWriteStream, openSync, readSync, rmSync } from "node:fs";
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

/**
 * Counts the database keeps with triggers from other tables' rows (migrations `position_counts`, `insight_counts`):
 * not backed up, since the restore's inserts into those tables rebuild them (restored as well, they would count
 * twice).
 */
const DERIVED = [
  "PositionTopicCount",
  "PositionStatusCount",
  "PositionUsageSummary",
  "PositionTopicUsage",
  "HearingDecisionCount",
];

/**
 * The app's tables in the public schema, parents before children (by foreign key); Prisma's own table and the
 * derived counts left out.
 */
async function tablesInOrder(client: pg.ClientBase): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
        AND c.relname <> ALL ($1::text[]) ORDER BY 1`,
    [DERIVED],
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

/**
 * Writes a consistent backup of the database at `url` to `file`. A database without any organisation is almost
 * always the wrong one (a fresh, empty installation): refused unless `allowEmpty`, before the file is made. A
 * backup that fails part-way leaves no file behind.
 */
export async function backupDatabase(
  url: string,
  file: string,
  options: { allowEmpty?: boolean } = {},
): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let started = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: found } = await client.query<{ migrations: string | null; organisation: string | null }>(
      `SELECT to_regclass('public._prisma_migrations')::text AS migrations,
              to_regclass('public."Organisation"')::text AS organisation`,
    );
    if (!found[0]!.migrations || !found[0]!.organisation)
      throw new BackupError(
        "Databasen har ingen tabeller fra Innspill (ingen migreringer er kjørt); det er ingenting å ta sikkerhetskopi av.",
      );
    const organisations = Number(
      (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Organisation"`)).rows[0]!.n,
    );
    if (organisations === 0 && !options.allowEmpty)
      throw new BackupError(
        "Databasen har ingen organisasjon, så sikkerhetskopien ville vært tom. Er det riktig installasjon? " +
          "Ta sikkerhetskopi av en tom database bare med --allow-empty.",
      );
    const migrations = (
      await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY 1`,
      )
    ).rows.map((r) => r.name);
    const tables = await tablesInOrder(client);
    const summary: BackupSummary = { createdAt: new Date().toISOString(), migrations, tables: [] };
    const gzip = createGzip();
    started = true;
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
  } catch (err) {
    if (started) rmSync(file, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}

export class BackupError extends Error {}

/** The gzip magic number: anything else is not a backup at all. */
function assertGzip(file: string): void {
  const fd = openSync(file, "r");
  try {
    const head = Buffer.alloc(2);
    const n = readSync(fd, head, 0, 2, 0);
    if (n === 0) throw new BackupError(`Filen ${file} er tom: den er ikke en sikkerhetskopi fra Innspill.`);
    if (n < 2 || head[0] !== 0x1f || head[1] !== 0x8b)
      throw new BackupError(
        `Filen ${file} er ikke en sikkerhetskopi fra Innspill (den er ikke gzip-komprimert, som en sikkerhetskopi er).`,
      );
  } finally {
    closeSync(fd);
  }
}

/** A gzip error while reading, as what it means for a backup. */
function gzipError(err: unknown, file: string): unknown {
  const code = String((err as { code?: unknown }).code);
  if (code === "Z_BUF_ERROR")
    return new BackupError(
      `Sikkerhetskopien ${file} er avkortet: filen slutter før sikkerhetskopien er ferdig (ble kopieringen avbrutt, ` +
        "eller disken full?). Bruk en hel kopi.",
    );
  if (code.startsWith("Z_"))
    return new BackupError(
      `Sikkerhetskopien ${file} er skadet (${(err as Error).message}). Bruk en annen kopi.`,
    );
  return err;
}

/** The lines of a gzip file, with gzip errors told as what they mean. */
async function* backupLines(file: string): AsyncGenerator<string> {
  assertGzip(file);
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (err) {
    throw gzipError(err, file);
  } finally {
    lines.close();
  }
}

/** Reads a backup's header without restoring it. */
export async function readBackupHeader(file: string): Promise<BackupSummary & { tables: string[] }> {
  for await (const line of backupLines(file)) return parseHeader(line);
  throw new BackupError("Filen er tom.");
}

/**
 * Reads a whole backup without a database: it must be complete (every table with as many rows as its header says,
 * and the gzip stream whole), and, given this installation's migrations, not from a newer version. Cheap enough to
 * run before a restore makes anything.
 */
export async function checkBackup(
  file: string,
  options: { knownMigrations?: string[] } = {},
): Promise<BackupSummary & { tables: string[] }> {
  let header: (BackupSummary & { tables: string[] }) | null = null;
  let table: TableHeader | null = null;
  let left = 0;
  let tables = 0;
  for await (const line of backupLines(file)) {
    if (!header) {
      header = parseHeader(line);
      if (options.knownMigrations) {
        const known = new Set(options.knownMigrations);
        const newer = header.migrations.filter((m) => !known.has(m));
        if (newer.length) throw newerVersion(newer[0]!);
      }
    } else if (left > 0) left--;
    else if (tables < header.tables.length) {
      try {
        table = JSON.parse(line) as TableHeader;
      } catch {
        throw new BackupError(
          `Sikkerhetskopien ${file} er skadet (uventet innhold etter ${table?.table ?? "hodet"}).`,
        );
      }
      left = table.rows;
      tables++;
    } else throw new BackupError(`Sikkerhetskopien ${file} er skadet (innhold etter siste tabell).`);
  }
  if (!header) throw new BackupError(`Filen ${file} er tom: den er ikke en sikkerhetskopi fra Innspill.`);
  if (left > 0 || tables < header.tables.length)
    throw new BackupError(
      `Sikkerhetskopien ${file} er avkortet: den slutter ${table ? `i tabellen ${table.table}` : "etter hodet"} ` +
        `(${tables} av ${header.tables.length} tabeller). Bruk en hel kopi.`,
    );
  return header;
}

const newerVersion = (migration: string) =>
  new BackupError(
    `Sikkerhetskopien er laget av en nyere versjon av Innspill (den har migreringen ${migration}, som denne ` +
      "installasjonen ikke kjenner). Oppgrader Innspill til minst den versjonen først, og gjenopprett så.",
  );

const FOREIGN =
  "Filen er ikke en sikkerhetskopi fra Innspill: den er gzip-komprimert, men innholdet er noe annet.";

function parseHeader(line: string) {
  let header: { format?: string; version?: number } & BackupSummary & { tables: string[] };
  try {
    header = JSON.parse(line);
  } catch {
    throw new BackupError(FOREIGN);
  }
  if (header?.format !== FORMAT || typeof header.version !== "number") throw new BackupError(FOREIGN);
  if (header.version > VERSION)
    throw new BackupError(
      `Sikkerhetskopien er laget av en nyere versjon av Innspill (format ${header.version}; denne versjonen leser ` +
        `format ${VERSION}). Oppgrader Innspill først.`,
    );
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
  const lines = backupLines(file);
  const next = async () => {
    const r = await lines.next();
    if (r.done) throw new BackupError(`Sikkerhetskopien ${file} er avkortet. Bruk en hel kopi.`);
    return r.value;
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
    if (missing.length) throw newerVersion(missing[0]!);
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
    throw gzipError(err, file);
  } finally {
    await lines.return(undefined);
    await client.end();
  }
}
