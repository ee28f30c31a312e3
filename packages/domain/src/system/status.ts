import { hostname } from "node:os";
import type { Db, Prisma } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import type { JobQueue } from "../common/jobs";

/** A worker is considered alive when its heartbeat is younger than this. */
const HEARTBEAT_STALE_MS = 30_000;

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

async function listWorkers(db: Db, actor: Actor, now: Date = new Date()) {
  authorize(actor, "system.manage");
  const rows = await db.workerHeartbeat.findMany({ orderBy: { lastSeenAt: "desc" }, take: 20 });
  return rows.map((w) => ({
    ...w,
    alive: now.getTime() - w.lastSeenAt.getTime() < HEARTBEAT_STALE_MS,
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether the actor administers the installation, not only their organisation: an admin of the organisation created
 * first (the one `bootstrap` or the demo made). Other organisations on the same installation are its tenants.
 */
async function isInstallationAdmin(db: Db, actor: Actor): Promise<boolean> {
  if (actor.role !== "ADMIN") return false;
  const first = await db.organisation.findFirst({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return first?.id === actor.organisationId;
}

/**
 * Admin → Systemstatus: the workers' heartbeats, the queues, and the latest failed jobs with their reasons. The
 * queue is shared by every organisation on the installation: a failed job about a letter is shown only to the
 * letter's organisation, and jobs about no letter (the schedules) without their data. The workers (host, process)
 * and the queues' counts are the installation's: only its administrator sees them (`installation`).
 */
export async function getSystemStatus(db: Db, actor: Actor, jobs: JobQueue, now: Date = new Date()) {
  authorize(actor, "system.manage");
  const installation = await isInstallationAdmin(db, actor);
  const [workers, queues, failed] = await Promise.all([
    installation ? listWorkers(db, actor, now) : [],
    installation ? jobs.queueCounts() : [],
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
  return { installation, workers, queues, failedJobs, checkedAt: now };
}

/** Runs the overdue check now instead of waiting for its schedule. */
export async function runOverdueCheck(actor: Actor, jobs: JobQueue) {
  authorize(actor, "system.manage");
  return { jobId: await jobs.markOverdueNow() };
}
