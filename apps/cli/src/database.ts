/** The app's database for the command line, and the user a command acts as. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@innspill/db";
import {
  ensureDatabase,
  readEmbeddedPassword,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from "@innspill/db/embedded";
import { migrateDeploy } from "@innspill/db/migrate";
import { type Actor } from "@innspill/domain";
import { getActiveActor } from "@innspill/domain/session";
import { UsageError } from "./context";
import { env } from "./env";

export const cluster: { embedded: EmbeddedDatabase | null } = { embedded: null };

/** DATABASE_URL, or the embedded cluster in the data directory (joined if it is running, started otherwise). */
export async function connect(dataDir: string = env.INNSPILL_DATA_DIR): Promise<{ db: Db; url: string }> {
  let url = env.DATABASE_URL;
  if (!url) {
    const pgDir = path.join(path.resolve(dataDir), "postgres");
    const pidFile = path.join(pgDir, "postmaster.pid");
    const running = existsSync(pidFile) ? readFileSync(pidFile, "utf8").split("\n") : null;
    const alive = (() => {
      try {
        return running ? (process.kill(Number(running[0]), 0), true) : false;
      } catch {
        return false;
      }
    })();
    if (alive && running?.[3])
      url = `postgresql://postgres:${encodeURIComponent(readEmbeddedPassword(pgDir))}@127.0.0.1:${running[3].trim()}/innspill`;
    else {
      const embedded = await startEmbeddedPostgres({ dataDir: pgDir });
      cluster.embedded = embedded;
      await ensureDatabase(embedded.adminUrl, "innspill");
      url = embedded.urlFor("innspill");
      await migrateDeploy(url);
    }
  }
  return { db: createDb(url), url };
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
