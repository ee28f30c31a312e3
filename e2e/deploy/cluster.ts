/**
 * The deployment the README describes, started for real: Debian's PostgreSQL server (not the embedded one) in a
 * directory of its own, a database with an owner role for migrations and an app role that owns no table, the
 * migrations run as the owner, then the co-writing server, two web servers (the standalone build) whose pages connect
 * to it, and two workers against it. Everything
 * started here is stopped by process id at the end.
 *
 * Needs the PostgreSQL server binaries (`apt-get install postgresql`; `.ci/run` installs them) and the web build
 * (`npm run test:deploy` builds first).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  rmSync,
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { webServerArgs } from "../../scripts/web-server";

export const root = path.resolve(import.meta.dirname, "../..");

export interface Deployment {
  dir: string;
  ownerUrl: string;
  appUrl: string;
  web: { url: string; pid: number; log: string }[];
  workers: { name: string; pid: number; port: number; log: string }[];
  /** The live co-writing server (`npm run start:collab`): one, which both web servers' pages use. */
  collab: { url: string; pid: number; log: string };
  /** Processes a test started itself (a replacement worker), stopped at the end with the rest. */
  pidsFile: string;
  authSecret: string;
}

export const STATE_ENV = "INNSPILL_DEPLOY_STATE";

export function readDeployment(): Deployment {
  // Set by the global setup below, for the test processes.
  // eslint-disable-next-line no-restricted-syntax
  return JSON.parse(readFileSync(process.env[STATE_ENV]!, "utf8")) as Deployment;
}

/** The newest PostgreSQL server of version 15 or later that Debian installed. */
function postgresBin(): string {
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base)
    ? readdirSync(base)
        .map(Number)
        .filter((v) => v >= 15 && existsSync(path.join(base, String(v), "bin", "postgres")))
        .sort((a, b) => b - a)
    : [];
  if (!versions.length)
    throw new Error("Fant ingen PostgreSQL-server ≥ 15 i /usr/lib/postgresql: apt-get install -y postgresql");
  return path.join(base, String(versions[0]), "bin");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** PostgreSQL refuses to run as root: then it runs as Debian's `postgres` user (setpriv execs, so the pid is its own). */
const asRoot = userInfo().uid === 0;
function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return asRoot
    ? ["setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", cmd, ...args]]
    : [cmd, args];
}

async function waitFor(what: string, check: () => Promise<boolean>, seconds = 60) {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Tidsavbrudd: ${what}`);
}

const httpOk = (url: string) => async () => (await fetch(url)).ok;

/** The environment a child gets: the machine's (PATH and the like), then the deployment's settings. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // eslint-disable-next-line no-restricted-syntax
  return { ...process.env, NODE_ENV: "production", LOG_FORMAT: "json", ...extra };
}

export function startWorkerProcess(
  d: Pick<Deployment, "dir" | "appUrl" | "web">,
  name: string,
  port: number,
): ChildProcess & { log: string } {
  const log = path.join(d.dir, `${name}.log`);
  const out = openSync(log, "a");
  // `node --import tsx` (what `npm run start:worker` runs through tsx): the pid is the worker's own.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "apps/worker/src/main.ts")], {
    cwd: root,
    env: childEnv({
      DATABASE_URL: d.appUrl,
      WORKER_PORT: String(port),
      WORKER_HEARTBEAT_SECONDS: "1",
      WORKER_MAINTENANCE_SECONDS: "1",
      // Each render takes a few seconds, so a test can stop a worker in the middle of one.
      WORKER_RENDER_DELAY_MS: "4000",
      PUBLIC_URL: d.web[0]?.url ?? "http://127.0.0.1",
    }),
    stdio: ["ignore", out, out],
  });
  return Object.assign(child, { log });
}

async function stopPid(pid: number, signal: NodeJS.Signals, seconds: number) {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, signal);
  const end = Date.now() + seconds * 1000;
  while (alive() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, "SIGKILL");
}

export default async function globalSetup() {
  const bin = postgresBin();
  const dir = mkdtempSync("/tmp/innspill-deploy-");
  chmodSync(dir, 0o755);
  const data = path.join(dir, "pgdata");
  const superPassword = randomBytes(18).toString("base64url");
  const pwfile = path.join(dir, "pwfile");
  writeFileSync(pwfile, superPassword, { mode: 0o600 });
  if (asRoot) {
    const { uid, gid } = Object.fromEntries(
      ["uid", "gid"].map((k) => [
        k,
        Number(
          spawnSync("id", [k === "uid" ? "-u" : "-g", "postgres"])
            .stdout.toString()
            .trim(),
        ),
      ]),
    ) as { uid: number; gid: number };
    chownSync(dir, uid, gid);
    chownSync(pwfile, uid, gid);
  }
  const [initCmd, initArgs] = asPostgres(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=scram-sha-256",
    `--pwfile=${pwfile}`,
    "--encoding=UTF8",
    "--locale=C.UTF-8",
  ]);
  const init = spawnSync(initCmd, initArgs, { encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb feilet:\n${init.stderr}`);

  const pgPort = await freePort();
  const [pgCmd, pgArgs] = asPostgres(path.join(bin, "postgres"), [
    "-D",
    data,
    "-p",
    String(pgPort),
    "-k",
    dir,
    "-c",
    "listen_addresses=127.0.0.1",
  ]);
  const pgLog = openSync(path.join(dir, "postgres.log"), "a");
  const server = spawn(pgCmd, pgArgs, { stdio: ["ignore", pgLog, pgLog] });
  const children: { pid: number }[] = [];
  const superUrl = `postgresql://postgres:${superPassword}@127.0.0.1:${pgPort}/postgres`;
  await waitFor("PostgreSQL starter", async () => {
    const c = new pg.Client({ connectionString: superUrl });
    await c.connect();
    await c.end();
    return true;
  });

  // What the database administrator does once (README, «Egen PostgreSQL-server»).
  const ownerPassword = randomBytes(18).toString("base64url");
  const appPassword = randomBytes(18).toString("base64url");
  const admin = new pg.Client({ connectionString: superUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE innspill_owner LOGIN PASSWORD '${ownerPassword}'`);
  await admin.query(`CREATE ROLE innspill_app LOGIN PASSWORD '${appPassword}'`);
  await admin.query(`CREATE DATABASE innspill OWNER innspill_owner`);
  await admin.end();
  const ownerUrl = `postgresql://innspill_owner:${ownerPassword}@127.0.0.1:${pgPort}/innspill`;
  const appUrl = `postgresql://innspill_app:${appPassword}@127.0.0.1:${pgPort}/innspill`;

  // Migrations as the owner (`npm run db:migrate`), which gives the app role its rows; the demo organisation so the
  // test has people and a library (INNSPILL_DEMO=1: a production database stays empty without it).
  const migrate = spawnSync(
    process.execPath,
    ["--import", "tsx", path.join(root, "scripts/run.ts"), "migrate"],
    {
      cwd: root,
      env: childEnv({ DATABASE_URL: ownerUrl, INNSPILL_APP_ROLE: "innspill_app", INNSPILL_DEMO: "1" }),
      encoding: "utf8",
    },
  );
  if (migrate.status !== 0) throw new Error(`db:migrate feilet:\n${migrate.stdout}\n${migrate.stderr}`);

  const authSecret = randomBytes(32).toString("base64url");
  // `npm run start:collab`: one co-writing server; both web servers send their pages to it (COLLAB_URL).
  const collabPort = await freePort();
  const collabLog = path.join(dir, "collab.log");
  const collabChild = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "apps/worker/src/collab-main.ts")],
    {
      cwd: root,
      env: childEnv({ DATABASE_URL: appUrl, COLLAB_PORT: String(collabPort), COLLAB_HOST: "127.0.0.1" }),
      stdio: ["ignore", openSync(collabLog, "a"), openSync(collabLog, "a")],
    },
  );
  children.push({ pid: collabChild.pid! });
  const collab = { url: `ws://127.0.0.1:${collabPort}`, pid: collabChild.pid!, log: collabLog };
  const web: Deployment["web"] = [];
  for (const n of [1, 2]) {
    const port = await freePort();
    const log = path.join(dir, `web-${n}.log`);
    const out = openSync(log, "a");
    // `npm run start:web`: the standalone server of the build, no build at start.
    const child = spawn(process.execPath, webServerArgs(root), {
      cwd: root,
      env: childEnv({
        DATABASE_URL: appUrl,
        AUTH_SECRET: authSecret,
        AUTH_TRUST_HOST: "true",
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        COLLAB_URL: collab.url,
      }),
      stdio: ["ignore", out, out],
    });
    children.push({ pid: child.pid! });
    web.push({ url: `http://127.0.0.1:${port}`, pid: child.pid!, log });
  }
  const workers: Deployment["workers"] = [];
  for (const n of [1, 2]) {
    const port = await freePort();
    const child = startWorkerProcess({ dir, appUrl, web }, `worker-${n}`, port);
    children.push({ pid: child.pid! });
    workers.push({ name: `worker-${n}`, pid: child.pid!, port, log: child.log });
  }
  for (const w of web) await waitFor(`${w.url}/api/health`, httpOk(`${w.url}/api/health`), 90);
  await waitFor("co-writing server", httpOk(`http://127.0.0.1:${collabPort}/`), 90);
  for (const w of workers)
    await waitFor(`worker ${w.port}`, httpOk(`http://127.0.0.1:${w.port}/healthz`), 90);

  const pidsFile = path.join(dir, "pids");
  writeFileSync(pidsFile, "");
  const state: Deployment = { dir, ownerUrl, appUrl, web, workers, collab, pidsFile, authSecret };
  const stateFile = path.join(dir, "state.json");
  writeFileSync(stateFile, JSON.stringify(state, null, 2));
  // eslint-disable-next-line no-restricted-syntax
  process.env[STATE_ENV] = stateFile;
  console.log(
    `[deploy] PostgreSQL ${path.basename(path.dirname(bin))} on ${pgPort}; web ${web.map((w) => w.url).join(", ")}; workers on ${workers.map((w) => w.port).join(", ")}; logs in ${dir}`,
  );

  return async () => {
    const extra = readFileSync(pidsFile, "utf8").split("\n").filter(Boolean).map(Number);
    await Promise.all([...children.map((c) => c.pid), ...extra].map((pid) => stopPid(pid, "SIGTERM", 40)));
    // PostgreSQL's fast shutdown.
    await stopPid(server.pid!, "SIGINT", 30);
    // The logs stay (for a failed run); the database goes.
    rmSync(data, { recursive: true, force: true });
  };
}
