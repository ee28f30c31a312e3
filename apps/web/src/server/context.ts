import "server-only";
import { getDb } from "@innspill/db";
import { clientIp, relyingParty } from "@innspill/auth";
import { createBoss, createJobQueue, ensureQueues, type PgBoss } from "@innspill/jobs";
import type { Context } from "@innspill/api";
import { env } from "@/env";
import { logger } from "./log";
import { currentActor } from "./session";

const globalForBoss = globalThis as unknown as { innspillBoss?: Promise<PgBoss> };

/** The web's pg-boss producer, started once per process on first use. */
function getBoss(): Promise<PgBoss> {
  globalForBoss.innspillBoss ??= (async () => {
    const boss = createBoss(env.DATABASE_URL, "producer");
    boss.on("error", (err) => logger.error({ err }, "pg-boss error"));
    await boss.start();
    await ensureQueues(boss);
    return boss;
  })().catch((err: unknown) => {
    globalForBoss.innspillBoss = undefined;
    throw err;
  });
  return globalForBoss.innspillBoss;
}

/** The domain's job queue over the web's producer: jobs are sent in the transaction of the change that needs them. */
const jobs = createJobQueue(getBoss);

export async function createContext({ req }: { req: Request }): Promise<Context> {
  return {
    db: getDb(),
    actor: await currentActor(),
    jobs,
    hideInternalErrors: env.NODE_ENV === "production",
    client: {
      ip: clientIp(req),
      userAgent: req.headers.get("user-agent"),
    },
    relyingParty: relyingParty(req),
  };
}
