import { hostname } from "node:os";
import type { Db, Prisma } from "@innspill/db";
import type { Actor } from "../actor";
import { requireRole } from "../actor";
import type { JobQueue } from "../jobs";

/** A worker is considered alive when its heartbeat is younger than this. */
export const HEARTBEAT_STALE_MS = 30_000;

export async function recordWorkerHeartbeat(
  db: Db,
  worker: { id: string; startedAt: Date; info?: Prisma.InputJsonValue },
  now: Date = new Date(),
) {
  await db.workerHeartbeat.upsert({
    where: { id: worker.id },
    create: {
      id: worker.id,
      hostname: hostname(),
      pid: process.pid,
      startedAt: worker.startedAt,
      lastSeenAt: now,
      info: worker.info ?? {},
    },
    update: { lastSeenAt: now, info: worker.info ?? {} },
  });
}

export async function removeWorkerHeartbeat(db: Db, id: string) {
  await db.workerHeartbeat.deleteMany({ where: { id } });
}

export async function listWorkers(db: Db, actor: Actor, now: Date = new Date()) {
  requireRole(actor, ["ADMIN"]);
  const rows = await db.workerHeartbeat.findMany({ orderBy: { lastSeenAt: "desc" }, take: 20 });
  return rows.map((w) => ({
    ...w,
    alive: now.getTime() - w.lastSeenAt.getTime() < HEARTBEAT_STALE_MS,
  }));
}

/** Admin → Systemstatus: the workers' heartbeats, the queues, and the latest failed jobs with their reasons. */
export async function getSystemStatus(db: Db, actor: Actor, jobs: JobQueue, now: Date = new Date()) {
  requireRole(actor, ["ADMIN"]);
  const [workers, queues, failedJobs] = await Promise.all([
    listWorkers(db, actor, now),
    jobs.queueCounts(),
    jobs.failedJobs(20),
  ]);
  return { workers, queues, failedJobs, checkedAt: now };
}

/** Runs the overdue check now instead of waiting for its schedule. */
export async function runOverdueCheck(actor: Actor, jobs: JobQueue) {
  requireRole(actor, ["ADMIN"]);
  return { jobId: await jobs.markOverdueNow() };
}
