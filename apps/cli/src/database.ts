/** The app's database for the command line, and the user a command acts as. */
import { existsSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@innspill/db";
import {
  DataDirError,
  dataDirProblem,
  databaseExists,
  ensureDatabase,
  inspectDataDir,
  readEmbeddedPassword,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "@innspill/db/embedded";
import { migrateDeploy, repoRoot } from "@innspill/db/migrate";
import { type Actor } from "@innspill/domain";
import { getActiveActor } from "@innspill/domain/session";
import { UsageError } from "./context";
import { env } from "./env";

export const cluster: { embedded: EmbeddedDatabase | null } = { embedded: null };

/** The data directory `npm start` uses when INNSPILL_DATA_DIR is unset: `.data` in the checkout. */
const defaultDataDir = () => path.join(repoRoot, ".data");

/** What a command made, so that a failure can take it away again. */
export interface Made {
  /** The data directory did not exist: all of it is ours. */
  dataDir?: string;
  /** The data directory existed (empty, or with Innspill's own files only): these paths in it are ours. */
  paths: string[];
  /** An empty `postgres/` that was there before: emptied again, not removed. */
  emptyAgain?: string;
}

/** Where a command's database is: an address, or an installation's data directory (and what will be made in it). */
export type Location =
  { url: string } | { url?: undefined; dataDir: string; pgDir: string; made: Made | null };

/**
 * DATABASE_URL, or the embedded cluster of an Innspill data directory (`--data-dir`, INNSPILL_DATA_DIR, or `.data` in
 * the checkout). Only an existing installation is taken; a path that holds none (a typo), or that is the PostgreSQL
 * folder itself or inside it, is refused before anything is made or changed. With `create`, a new or empty folder
 * will get a new installation. Reads only; `connect` acts on it.
 */
export function locate(dataDirOption: string | undefined, create: boolean): Location {
  if (env.DATABASE_URL) {
    if (dataDirOption)
      throw new UsageError(
        "DATABASE_URL er satt, så --data-dir ville ikke blitt brukt. Fjern --data-dir, eller DATABASE_URL for å bruke datamappen.",
      );
    return { url: env.DATABASE_URL };
  }
  const given = dataDirOption ?? env.INNSPILL_DATA_DIR ?? defaultDataDir();
  const option = !dataDirOption && env.INNSPILL_DATA_DIR ? "INNSPILL_DATA_DIR=" : "--data-dir";
  const state = inspectDataDir(given);
  const problem = dataDirProblem(state, option);
  if (problem) throw new DataDirError(problem);
  const dataDir = state.dataDir;
  const pgDir = path.join(dataDir, "postgres");
  if (state.kind !== "none") return { dataDir, pgDir, made: null };
  if (!create) throw new DataDirError(noInstallation(dataDir, state.exists));
  if (!state.fresh)
    throw new DataDirError(
      `${dataDir} er ingen Innspill-datamappe og er ikke tom; en ny installasjon lages bare i en ny eller tom mappe.`,
    );
  const made: Made = state.exists
    ? {
        paths: [pgDir, path.join(dataDir, "postgres-password")].filter((p) => !existsSync(p)),
        emptyAgain: existsSync(pgDir) ? pgDir : undefined,
      }
    : { dataDir, paths: [] };
  return { dataDir, pgDir, made };
}

/** Opens the database `locate` found: joins a running cluster, or starts it (making it first if it is to be made). */
export async function connect(
  where: Location,
  options: { migrate: boolean; note: (text: string) => void },
): Promise<{ db: Db; url: string }> {
  if (where.url !== undefined) return { db: createDb(where.url), url: where.url };
  const { dataDir, pgDir, made } = where;
  if (made) options.note(`Ingen installasjon i ${dataDir}: lager en ny (innebygd PostgreSQL i ${pgDir}).`);
  const pidFile = path.join(pgDir, "postmaster.pid");
  const running = existsSync(pidFile) ? readFileSync(pidFile, "utf8").split("\n") : null;
  const alive = (() => {
    try {
      return running ? (process.kill(Number(running[0]), 0), true) : false;
    } catch {
      return false;
    }
  })();
  if (alive && running?.[3]) {
    const url = `postgresql://postgres:${encodeURIComponent(readEmbeddedPassword(pgDir))}@127.0.0.1:${running[3].trim()}/innspill`;
    return { db: createDb(url), url };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: pgDir, create: !!made });
  cluster.embedded = embedded;
  if (made) await ensureDatabase(embedded.adminUrl, "innspill");
  else if (!(await databaseExists(embedded.adminUrl, "innspill")))
    throw new DataDirError(
      `PostgreSQL i ${pgDir} har ingen database «innspill». Start Innspill én gang med INNSPILL_DATA_DIR=${dataDir} npm start.`,
    );
  const url = embedded.urlFor("innspill");
  if (made || options.migrate) await migrateDeploy(url);
  return { db: createDb(url), url };
}

function noInstallation(dataDir: string, exists: boolean): string {
  const fallback = defaultDataDir();
  const elsewhere =
    path.resolve(fallback) !== dataDir && inspectDataDir(fallback).kind === "installation"
      ? ` Installasjonen til \`npm start\` i denne mappen ligger i ${fallback}.`
      : "";
  return (
    `Fant ingen Innspill-installasjon i ${dataDir}${exists ? "" : " (mappen finnes ikke)"}. En installasjon er ` +
    `datamappen til \`npm start\` (INNSPILL_DATA_DIR, ellers ${fallback}), med databasen i undermappen postgres/; ` +
    `oppgi den med --data-dir.${elsewhere} Denne kommandoen lager ingen ny installasjon: det gjør bare ` +
    `\`npm start\`, \`innspill restore\` og den første \`innspill users add --organisation …\`.`
  );
}

/** After a failed command: stops the cluster it made and removes what it made, and nothing else. */
export async function removeMade(made: Made): Promise<void> {
  await cluster.embedded?.stop().catch(() => undefined);
  cluster.embedded = null;
  if (made.dataDir) rmSync(made.dataDir, { recursive: true, force: true });
  for (const p of made.paths) rmSync(p, { recursive: true, force: true });
  if (made.emptyAgain)
    for (const entry of readdirSync(made.emptyAgain))
      rmSync(path.join(made.emptyAgain, entry), { recursive: true, force: true });
}

/** The user named by `--as`, or the first active administrator. */
export async function actorFor(db: Db, email: string | undefined): Promise<Actor> {
  const user = email
    ? await db.user.findFirst({
        where: { email: email.toLowerCase(), active: true },
        orderBy: { createdAt: "asc" },
      })
    : await db.user.findFirst({ where: { role: "ADMIN", active: true }, orderBy: { createdAt: "asc" } });
  const actor = user ? await getActiveActor(db, user.id) : null;
  if (!actor)
    throw new UsageError(email ? `Fant ingen aktiv bruker ${email}.` : "Fant ingen aktiv administrator.");
  return actor;
}
