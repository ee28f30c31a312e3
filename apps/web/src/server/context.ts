import "server-only";
import { getDb } from "@innspill/db";
import { clientIp, getSessionActor, relyingParty } from "@innspill/auth";
import { createBoss, createJobQueue, ensureQueues, type PgBoss } from "@innspill/jobs";
import type { Context } from "@innspill/api";
import { env } from "@/env";
import { logger } from "./log";

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

/**
 * A tRPC call's context. Over HTTP the session is read from the request's own cookies (the production server calls
 * the handler outside Next.js); server components pass the actor their render already looked up.
 */
export async function createContext({ req }: { req: Request }, actor?: Context["actor"]): Promise<Context> {
  return {
    db: getDb(),
    actor: actor === undefined ? await getSessionActor(req.headers) : actor,
    jobs,
    hideInternalErrors: env.NODE_ENV === "production",
    client: {
      ip: clientIp(req),
      userAgent: req.headers.get("user-agent"),
    },
    relyingParty: relyingParty(req),
  };
}
