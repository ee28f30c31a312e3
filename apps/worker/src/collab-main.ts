/** `npm run start:collab`: the live co-writing server (collab.ts), one per installation. */
import { getDb } from "@innspill/db";
import { createLogger } from "@innspill/log";
import { startCollabServer } from "./collab";
import { env } from "./env";
import { stopOnSignals } from "./shutdown";

const db = getDb();
const logger = createLogger("collab");
const collab = await startCollabServer({ db, port: env.COLLAB_PORT, host: env.COLLAB_HOST, logger });
logger.info({ port: collab.port }, "co-writing server listening");

stopOnSignals(logger, async () => {
  // Stores every open document before it closes.
  await collab.stop();
  await db.$disconnect();
});
