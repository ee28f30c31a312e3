/** `npm run start:collab`: the live co-writing server (collab.ts), one per installation. */
import { getDb } from "@innspill/db";
import { createLogger } from "@innspill/log";
import { startCollabServer } from "./collab";
import { env } from "./env";

const db = getDb();
const logger = createLogger("collab");
const collab = await startCollabServer({ db, port: env.COLLAB_PORT, host: env.COLLAB_HOST, logger });
logger.info({ port: collab.port }, "co-writing server listening");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  try {
    // Stores every open document before it closes.
    await collab.stop();
    await db.$disconnect();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "shutdown failed");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
