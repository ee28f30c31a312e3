import PgBoss from "pg-boss";
import { allJobs, queueName, type JobDefinition, type JobPayload } from "./definitions";

export { PgBoss };

export const TIME_ZONE = "Europe/Oslo";

/** A pg-boss instance on the app's own Postgres (schema `pgboss`). Producers do no maintenance or scheduling. */
export function createBoss(
  connectionString: string,
  role: "worker" | "producer",
  options: { maintenanceIntervalSeconds?: number } = {},
): PgBoss {
  return new PgBoss({
    connectionString,
    application_name: `innspill-${role}`,
    max: role === "worker" ? 5 : 2,
    supervise: role === "worker",
    schedule: role === "worker",
    // How often a worker checks whether a schedule is due (one worker of all sends it, once per schedule).
    cronMonitorIntervalSeconds: 15,
    // Maintenance also expires jobs whose worker died, so they are retried.
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
}

/** Creates the queues of all job definitions (idempotent) and the schedules of scheduled jobs. */
export async function ensureQueues(boss: PgBoss, options: { schedules?: boolean } = {}): Promise<void> {
  const existing = new Set((await boss.getQueues()).map((q) => q.name));
  for (const job of allJobs) {
    const name = queueName(job);
    if (!existing.has(name)) {
      await boss.createQueue(name, {
        name,
        retryLimit: job.retryLimit,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: job.expireInSeconds,
      });
    }
    if (options.schedules && job.cron) {
      await boss.schedule(name, job.cron, {}, { tz: TIME_ZONE });
    }
  }
}

/**
 * Run with the migrations, as the database's owner: creates or upgrades the queue's schema (`pgboss`) and every
 * job's queue, so the app's own role, which may not create tables, only ever reads and writes jobs.
 */
export async function migrateQueues(connectionString: string): Promise<void> {
  const boss = new PgBoss({
    connectionString,
    application_name: "innspill-migrate",
    max: 2,
    supervise: false,
    // Started once with scheduling on, so pg-boss also makes its own queue for scheduled jobs.
    schedule: true,
  });
  await boss.start();
  try {
    await ensureQueues(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

export class InvalidPayloadError extends Error {
  constructor(
    readonly queue: string,
    readonly issues: string,
  ) {
    super(`Ugyldig jobbdata for ${queue}: ${issues}`);
    this.name = "InvalidPayloadError";
  }
}

/** Validates the payload against the job's schema, then sends it. Returns the job id. */
export async function enqueue<J extends JobDefinition>(
  boss: PgBoss,
  job: J,
  payload: JobPayload<J>,
  options: PgBoss.SendOptions = {},
): Promise<string> {
  const parsed = job.schema.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(queueName(job), parsed.error.message);
  const id = await boss.send(queueName(job), parsed.data as object, options);
  if (!id) throw new Error(`pg-boss refused the job for ${queueName(job)}`);
  return id;
}

/**
 * Makes the current attempt of a job its last one: the next failure is final, with no retry. Used for payloads
 * that fail validation, which no retry can fix. pg-boss then fails the job through its normal path and stores the
 * thrown error as the job's output.
 */
export async function exhaustRetries(boss: PgBoss, queue: string, jobId: string): Promise<void> {
  await boss
    .getDb()
    .executeSql(`UPDATE pgboss.job SET retry_limit = retry_count WHERE name = $1 AND id = $2`, [
      queue,
      jobId,
    ]);
}

export interface QueueStats {
  queue: string;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
}

/** Job counts per state for every queue of ours. */
export async function getQueueStats(boss: PgBoss): Promise<QueueStats[]> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job WHERE name = ANY($1) GROUP BY name, state`,
      [allJobs.map(queueName)],
    );
  const stats = new Map<string, QueueStats>(
    allJobs.map((j) => [
      queueName(j),
      { queue: queueName(j), created: 0, retry: 0, active: 0, completed: 0, failed: 0 },
    ]),
  );
  for (const r of rows as { name: string; state: string; n: number }[]) {
    const s = stats.get(r.name);
    if (s && r.state in s) (s as unknown as Record<string, number>)[r.state] = r.n;
  }
  return [...stats.values()];
}

export interface FailedJob {
  id: string;
  queue: string;
  failedAt: Date | null;
  retryCount: number;
  reason: string;
  data: unknown;
}

/** The most recent failed jobs with the reason pg-boss stored. */
export async function listFailedJobs(boss: PgBoss, limit = 20): Promise<FailedJob[]> {
  const { rows } = await boss.getDb().executeSql(
    `SELECT id, name, completed_on, retry_count, output, data FROM pgboss.job
       WHERE state = 'failed' AND name = ANY($1) ORDER BY completed_on DESC NULLS LAST LIMIT $2`,
    [allJobs.map(queueName), limit],
  );
  return (
    rows as {
      id: string;
      name: string;
      completed_on: Date | null;
      retry_count: number;
      output: unknown;
      data: unknown;
    }[]
  ).map((r) => ({
    id: r.id,
    queue: r.name,
    failedAt: r.completed_on,
    retryCount: r.retry_count,
    reason: failureReason(r.output),
    data: r.data,
  }));
}

function failureReason(output: unknown): string {
  if (output && typeof output === "object" && "message" in output) return String(output.message);
  return output == null ? "" : JSON.stringify(output);
}
