import { hostname } from "node:os";
import type { Db, Prisma } from "@innspill/db";
import type { Actor } from "../actor";
import { authorize } from "../actor";
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
  authorize(actor, "system.manage");
  const rows = await db.workerHeartbeat.findMany({ orderBy: { lastSeenAt: "desc" }, take: 20 });
  return rows.map((w) => ({
    ...w,
    alive: now.getTime() - w.lastSeenAt.getTime() < HEARTBEAT_STALE_MS,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Admin → Systemstatus: the workers' heartbeats, the queues, and the latest failed jobs with their reasons. The
 * queue is shared by every organisation on the installation: a failed job about a letter is shown only to the
 * letter's organisation, and jobs about no letter (the schedules) without their data.
 */
export async function getSystemStatus(db: Db, actor: Actor, jobs: JobQueue, now: Date = new Date()) {
  authorize(actor, "system.manage");
  const [workers, queues, failed] = await Promise.all([
    listWorkers(db, actor, now),
    jobs.queueCounts(),
    jobs.failedJobs(200),
  ]);
  const submissionOf = (data: unknown) => {
    const id = (data as { submissionId?: unknown } | null)?.submissionId;
    return typeof id === "string" ? id : null;
  };
  const ids = [...new Set(failed.map((j) => submissionOf(j.data)).filter((id): id is string => !!id))];
  const ours = new Set(
    (
      await db.submission.findMany({
        where: { id: { in: ids.filter((id) => UUID.test(id)) }, organisationId: actor.organisationId },
        select: { id: true },
      })
    ).map((s) => s.id),
  );
  const failedJobs = failed
    .filter((j) => {
      const id = submissionOf(j.data);
      return id ? ours.has(id) : true;
    })
    .map((j) => (submissionOf(j.data) ? j : { ...j, data: null }))
    .slice(0, 20);
  return { workers, queues, failedJobs, checkedAt: now };
}

/** Runs the overdue check now instead of waiting for its schedule. */
export async function runOverdueCheck(actor: Actor, jobs: JobQueue) {
  authorize(actor, "system.manage");
  return { jobId: await jobs.markOverdueNow() };
}
