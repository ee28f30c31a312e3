import { getDb } from "@innspill/db";
import { env } from "./env";
import { createSmtpMailer } from "./mailer";
import { startWorker } from "./worker";

const db = getDb();
const worker = await startWorker({
  db,
  databaseUrl: env.DATABASE_URL,
  port: env.WORKER_PORT,
  heartbeatSeconds: env.WORKER_HEARTBEAT_SECONDS,
  maintenanceIntervalSeconds: env.WORKER_MAINTENANCE_SECONDS,
  renderDelayMs: env.WORKER_RENDER_DELAY_MS,
  publicUrl: env.PUBLIC_URL,
  mailer: env.SMTP_URL ? createSmtpMailer(env.SMTP_URL, env.SMTP_FROM) : undefined,
});

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`[worker] ${signal} received`);
  try {
    await worker.stop();
    await db.$disconnect();
    process.exit(0);
  } catch (err) {
    console.error(`[worker] shutdown failed: ${(err as Error).message}`);
    process.exit(1);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
