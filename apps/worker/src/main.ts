import { readFileSync } from "node:fs";
import { getDb } from "@innspill/db";
import { createLogger } from "@innspill/log";
import { env } from "./env";
import { createSmtpMailer } from "./mailer";
import { startWorker } from "./worker";

const db = getDb();
const logger = createLogger("worker");
const worker = await startWorker({
  db,
  databaseUrl: env.DATABASE_URL,
  port: env.WORKER_PORT,
  heartbeatSeconds: env.WORKER_HEARTBEAT_SECONDS,
  maintenanceIntervalSeconds: env.WORKER_MAINTENANCE_SECONDS,
  renderDelayMs: env.WORKER_RENDER_DELAY_MS,
  publicUrl: env.PUBLIC_URL,
  logger,
  mailer: env.SMTP_URL
    ? createSmtpMailer({
        url: env.SMTP_URL,
        from: env.SMTP_FROM,
        requireTls: env.SMTP_REQUIRE_TLS === "1",
        ca: env.SMTP_CA_FILE ? readFileSync(env.SMTP_CA_FILE, "utf8") : undefined,
      })
    : undefined,
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, "stopping");
  try {
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "shutdown failed");
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
