import { readFileSync } from "node:fs";
import { getDb } from "@innspill/db";
import { createLogger } from "@innspill/log";
import { env } from "./env";
import { createSmtpMailer } from "./mailer";
import { stopOnSignals } from "./shutdown";
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

stopOnSignals(logger, async () => {
  await worker.stop();
  await db.$disconnect();
});
