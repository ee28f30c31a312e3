/**
 * `npm start` / `npm run dev`: brings Innspill up with no setup.
 *
 *   1. AUTH_SECRET: taken from the environment, or generated once into <data dir>/auth-secret.
 *   2. Database: DATABASE_URL, or an embedded PostgreSQL with its data in <data dir>/postgres on a free port.
 *   3. Migrations (`prisma migrate deploy`) and the demo seed (idempotent).
 *   4. start: a production build, then its standalone server and the worker. dev: `next dev` and the worker in watch mode.
 *
 * SIGINT/SIGTERM stops web and worker (the worker drains its running jobs), then the database; start and dev run in
 * a process group of their own, so a terminal's Ctrl+C does not reach the database before the worker is done.
 * `migrate` and `seed` run steps 1-3 and exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@innspill/db";
import {
  dataDirProblem,
  ensureDatabase,
  inspectDataDir,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "@innspill/db/embedded";
import { migrateDeploy } from "@innspill/db/migrate";
import { ensureLoginRole, grantAppRole } from "@innspill/db/roles";
import { migrateQueues } from "@innspill/jobs";
import { seedDemo } from "@innspill/demo";
import { backfillMilestones } from "@innspill/domain/worker";
import { env, root } from "./env";
import { webServerArgs } from "./web-server";

type Mode = "start" | "dev" | "migrate" | "seed";
const mode = process.argv[2] as Mode;
if (!["start", "dev", "migrate", "seed"].includes(mode)) {
  console.error("Bruk: tsx scripts/run.ts start|dev|migrate|seed");
  process.exit(2);
}

const say = (msg: string) => console.log(`[innspill] ${msg}`);

// Ctrl+C in a terminal signals the whole foreground process group: PostgreSQL, started by this process, would get it
// too and shut down at once, cutting the connections of a worker still finishing its jobs (two stack traces, and
// jobs cut short). So `start` and `dev` run in a process group of their own (`--inner`), under this thin parent,
// which turns Ctrl+C into one SIGTERM: web and worker stop first, then the database. Should the parent be killed
// outright, the child sees its IPC channel close and stops the same way.
if ((mode === "start" || mode === "dev") && !process.argv.includes("--inner")) {
  const inner = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1), "--inner"], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let forwarded = false;
  const stop = () => {
    if (forwarded) return;
    forwarded = true;
    inner.kill("SIGTERM");
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
  inner.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise<never>(() => undefined);
}
const dataDir = path.resolve(env.INNSPILL_DATA_DIR);
// The data directory is checked before anything is written to it: the PostgreSQL folder itself (or a folder in
// it) would get a second, empty cluster and its folder's permissions changed, and then start no more.
const dataDirState = inspectDataDir(dataDir);
{
  const problem = dataDirProblem(dataDirState, "INNSPILL_DATA_DIR=");
  if (problem) {
    console.error(`[innspill] ${problem}`);
    process.exit(2);
  }
}
mkdirSync(dataDir, { recursive: true });

function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    say(`genererte AUTH_SECRET i ${file}`);
  }
  return readFileSync(file, "utf8").trim();
}

/** Whether to seed demo data, and why (for the start log). */
function demoMode(): { on: boolean; why: string } {
  if (env.INNSPILL_DEMO) return { on: env.INNSPILL_DEMO === "1", why: `INNSPILL_DEMO=${env.INNSPILL_DEMO}` };
  if (env.INNSPILL_NO_SEED === "1") return { on: false, why: "INNSPILL_NO_SEED=1" };
  if (env.DATABASE_URL) return { on: false, why: "DATABASE_URL er satt; INNSPILL_DEMO=1 slår den på" };
  if (env.NODE_ENV === "production")
    return { on: false, why: "NODE_ENV=production; INNSPILL_DEMO=1 slår den på" };
  return { on: true, why: "innebygd database; INNSPILL_DEMO=0 slår den av" };
}

/** Where the web server listens: this machine only in demo mode, unless HOST says otherwise. */
function listenHost(demo: boolean): string {
  return env.HOST ?? (demo ? "127.0.0.1" : "0.0.0.0");
}

let embedded: EmbeddedDatabase | undefined;
const APP_ROLE = "innspill_app";
const children: ChildProcess[] = [];
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopper …");
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const kill = setTimeout(() => child.kill("SIGKILL"), 40_000);
          child.once("exit", () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  if (embedded) {
    await embedded.stop().catch((err: Error) => console.error(err.message));
    say("databasen er stoppet");
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
// Under the parent above: its end (even SIGKILL) closes the channel.
process.on("disconnect", () => void shutdown(0));

async function prepareDatabase(): Promise<string> {
  if (env.DATABASE_URL) {
    say("bruker DATABASE_URL");
    return env.DATABASE_URL;
  }
  const t0 = Date.now();
  say(
    dataDirState.kind === "installation"
      ? `bruker installasjonen i ${dataDir}`
      : `ingen installasjon i ${dataDir}: lager en ny (innebygd PostgreSQL i ${path.join(dataDir, "postgres")})`,
  );
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
  await ensureDatabase(embedded.adminUrl, "innspill");
  say(`innebygd PostgreSQL kjører på port ${embedded.port} (${Date.now() - t0} ms)`);
  return embedded.urlFor("innspill");
}

function run(
  cmd: string,
  args: string[],
  cwd: string,
  childEnv: NodeJS.ProcessEnv,
  name: string,
): ChildProcess {
  const child = spawn(cmd, args, { cwd, env: childEnv, stdio: "inherit" });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`[innspill] ${name} stoppet uventet (${signal ?? `kode ${code}`}); stopper resten`);
    void shutdown(1);
  });
  children.push(child);
  return child;
}

function runToEnd(cmd: string, args: string[], cwd: string, childEnv: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: childEnv, stdio: "inherit" });
    children.push(child);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} feilet (kode ${code})`)),
    );
  });
}

async function waitForHttp(url: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end && !stopping) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

try {
  const secret = authSecret();
  const databaseUrl = await prepareDatabase();
  let t0 = Date.now();
  await migrateDeploy(databaseUrl);
  await migrateQueues(databaseUrl);
  say(`migreringer er brukt (${Date.now() - t0} ms)`);
  // The web server and the worker connect as a role that owns no table (the triggers that keep signed records
  // immutable hold against the app's own credentials). Embedded: `innspill_app`, with a new password at every start.
  let appUrl = databaseUrl;
  if (embedded) {
    const password = randomBytes(24).toString("base64url");
    await ensureLoginRole(embedded.adminUrl, APP_ROLE, password);
    await grantAppRole(databaseUrl, APP_ROLE);
    const url = new URL(databaseUrl);
    url.username = APP_ROLE;
    url.password = password;
    appUrl = url.toString();
    say(`web og worker kobler til som rollen ${APP_ROLE}, som ikke eier tabellene`);
  } else if (env.INNSPILL_APP_ROLE) {
    await grantAppRole(databaseUrl, env.INNSPILL_APP_ROLE);
    say(`rollen ${env.INNSPILL_APP_ROLE} har fått tilgang til radene (ikke til å endre tabellene)`);
  }
  const demo = demoMode();
  const host = listenHost(demo.on);
  {
    // Demo mode is an explicit, logged choice; demo data only ever goes into a database without any users.
    say(`demomodus: ${demo.on ? "på" : "av"} (${demo.why})`);
    const db = createDb(databaseUrl);
    const users = await db.user.count();
    if (demo.on && users === 0) {
      await seedDemo(db);
      say(
        "la inn demodata: organisasjonen NITO (demo), fem brukere med passordet «innspill-demo», høringer og et bibliotek",
      );
    } else if (demo.on) say("databasen har brukere: ingen demodata lagt inn");
    else if (users === 0)
      say(
        'tom installasjon: opprett den første administratoren med `npx innspill users add --organisation "…" …`',
      );
    await db.$disconnect();
  }
  {
    // Hearings from before milestones existed (and the demo data) get their milestone plan.
    const db = createDb(databaseUrl);
    const { hearings } = await backfillMilestones(db);
    await db.$disconnect();
    if (hearings) say(`la inn milepæler for ${hearings} høringer`);
  }
  if (mode === "migrate" || mode === "seed") await shutdown(0);

  const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: appUrl,
    AUTH_SECRET: secret,
    AUTH_TRUST_HOST: "true",
    PORT: String(env.PORT),
    WORKER_PORT: String(env.WORKER_PORT),
    NEXT_TELEMETRY_DISABLED: "1",
    TURBO_TELEMETRY_DISABLED: "1",
  };
  // E-mails link to where users open Innspill. The web server gets PUBLIC_URL only when it is set: it then builds
  // sign-in redirects on it (needed for single sign-on); unset, on the address the browser used.
  const workerEnv = { PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}` };
  // Live co-writing: one server, which the web's pages connect to.
  const collabPort = env.COLLAB_PORT ?? env.PORT + 2;
  const collabLocal = ["0.0.0.0", "::", "127.0.0.1", "::1", "localhost"].includes(host);
  const collabEnv = { COLLAB_PORT: String(collabPort), COLLAB_HOST: host };
  childEnv.COLLAB_URL =
    env.COLLAB_URL ??
    `ws://${collabLocal ? "localhost" : host.includes(":") ? `[${host}]` : host}:${collabPort}`;
  const web = path.join(root, "apps", "web");
  const worker = path.join(root, "apps", "worker");

  if (mode === "start") {
    if (env.INNSPILL_SKIP_BUILD === "0") {
      t0 = Date.now();
      say("bygger webappen (produksjonsbygg, 1–3 minutter) …");
      // The build says nothing for a minute or more: a line every 15 s says it is still at work.
      const progress = setInterval(
        () => say(`bygger fortsatt … ${Math.round((Date.now() - t0) / 1000)} s`),
        15_000,
      );
      await runToEnd(
        bin("turbo"),
        ["run", "build", "--filter=@innspill/web", "--output-logs=errors-only"],
        root,
        {
          ...childEnv,
          NODE_ENV: "production",
        },
      ).finally(() => clearInterval(progress));
      say(`bygget (${Math.round((Date.now() - t0) / 1000)} s)`);
    }
    // The standalone server of the build (what `npm run start:web` and the image run), its old space bounded.
    run(
      process.execPath,
      webServerArgs(root),
      web,
      { ...childEnv, NODE_ENV: "production", HOSTNAME: host },
      "web",
    );
    run(bin("tsx"), ["src/main.ts"], worker, { ...childEnv, ...workerEnv, NODE_ENV: "production" }, "worker");
    run(
      bin("tsx"),
      ["src/collab-main.ts"],
      worker,
      { ...childEnv, ...collabEnv, NODE_ENV: "production" },
      "collab",
    );
  } else {
    run(
      bin("next"),
      ["dev", "-p", String(env.PORT), "-H", host],
      web,
      { ...childEnv, NODE_ENV: "development" },
      "web",
    );
    run(
      bin("tsx"),
      ["watch", "src/main.ts"],
      worker,
      { ...childEnv, ...workerEnv, NODE_ENV: "development" },
      "worker",
    );
    run(
      bin("tsx"),
      ["src/collab-main.ts"],
      worker,
      { ...childEnv, ...collabEnv, NODE_ENV: "development" },
      "collab",
    );
  }

  const local = ["0.0.0.0", "::", "127.0.0.1", "::1", "localhost"].includes(host);
  const url = `http://${local ? "localhost" : host.includes(":") ? `[${host}]` : host}:${env.PORT}`;
  if (await waitForHttp(`${url}/login`, 180_000)) {
    say("");
    say(
      `Innspill kjører på ${url}${host === "127.0.0.1" ? " (bare fra denne maskinen; HOST=0.0.0.0 åpner for andre)" : ""}`,
    );
    say("Demo-innlogginger: se tabellen «Demo logins» i README.md (passord: innspill-demo).");
    say("Stopp med Ctrl+C.");
  }
} catch (err) {
  console.error(`[innspill] ${(err as Error).message}`);
  await shutdown(1);
}
