/**
 * Runs the Prisma CLI (migrate deploy, generate, migrate diff) with the settings this project needs.
 *
 * Prisma 6.19 runs its schema engine as WebAssembly through the driver adapter (prisma.config.ts, engine "js").
 * The CLI still looks for native engines it never uses and would try to download them from outside the npm
 * registry, which is unreachable here. Pointing the engine variables at an existing placeholder file stops that.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { childProcessEnv, env as processEnv } from "./env";

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, "prisma.config.ts"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("Fant ikke prisma.config.ts i noen overliggende mappe");
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRoot();

export interface PrismaRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runPrismaCli(
  args: string[],
  options: { databaseUrl?: string; quiet?: boolean; doneWhen?: RegExp } = {},
): Promise<PrismaRun> {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
  const placeholder = path.join(repoRoot, "prisma", "schema.prisma");
  const env = childProcessEnv({
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    // Schema validation needs a value even for commands that do not connect.
    DATABASE_URL: options.databaseUrl ?? processEnv.DATABASE_URL ?? "postgresql://unset@127.0.0.1:5432/unset",
  });
  return new Promise((resolve, reject) => {
    // stdin "ignore": with an open stdin pipe the CLI lingers ~10 s after it is done.
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let finished = false;
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (!options.quiet) process.stdout.write(d);
      if (options.doneWhen && !finished && options.doneWhen.test(stdout)) {
        finished = true;
        // The work is done; give the CLI a moment to exit by itself, then end it (see migrateDeploy).
        setTimeout(() => child.kill("SIGTERM"), 300).unref();
      }
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (!options.quiet) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: finished ? 0 : (code ?? 1), stdout, stderr }));
  });
}

/**
 * Applies pending migrations with `prisma migrate deploy`.
 *
 * After it has printed its result, the CLI keeps running for another 10 s on a timer inside Prisma's wasm schema
 * engine. Once the success line is out the work is committed, so the child is ended then. If Prisma ever changes
 * that line, this only gets slower, not wrong: the normal exit code is used.
 */
export async function migrateDeploy(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  const res = await runPrismaCli(["migrate", "deploy"], {
    databaseUrl,
    quiet: options.quiet ?? true,
    doneWhen: /All migrations have been successfully applied|No pending migrations to apply/,
  });
  if (res.code !== 0) {
    throw new Error(`Databasemigrering feilet (prisma migrate deploy):\n${res.stdout}\n${res.stderr}`);
  }
}

/** The migrations this version of Innspill has (the folders in prisma/migrations), oldest first. */
export function knownMigrations(): string[] {
  const dir = path.join(repoRoot, "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}
