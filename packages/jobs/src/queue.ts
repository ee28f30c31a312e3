/**
 * The domain's `JobQueue` over pg-boss. A job is sent through the caller's transaction (pg-boss `send` with a `db`
 * that runs its SQL on that transaction), so it commits or rolls back with the state change that asked for it.
 * The shape is structural: this package does not depend on the domain or the database package.
 */
import type PgBoss from "pg-boss";
import {
  finalizeSubmissionJob,
  markOverdueHearingsJob,
  queueName,
  renderOutcomeReportJob,
  renderSubmissionJob,
  type JobDefinition,
  type JobPayload,
} from "./definitions";
import { InvalidPayloadError, enqueue, getQueueStats, listFailedJobs } from "./boss";

/** What a transaction must offer to carry a job: Prisma's `$queryRawUnsafe`. */
export interface SqlTransaction {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

const through = (tx: SqlTransaction): PgBoss.Db => ({
  executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }),
});

async function sendIn<J extends JobDefinition>(
  boss: PgBoss,
  tx: SqlTransaction,
  job: J,
  payload: JobPayload<J>,
  singletonKey: string,
) {
  const parsed = job.schema.safeParse(payload);
  if (!parsed.success) throw new InvalidPayloadError(queueName(job), parsed.error.message);
  // A null id means a job with this singleton key is already waiting: the work is asked for once, which is the point.
  await boss.send(queueName(job), parsed.data as object, { singletonKey, db: through(tx) });
}

export function createJobQueue(getBoss: () => Promise<PgBoss>) {
  return {
    async renderSubmission(tx: SqlTransaction, job: { submissionId: string; snapshotSha256: string }) {
      await sendIn(await getBoss(), tx, renderSubmissionJob, job, job.snapshotSha256);
    },
    async finalizeSubmission(tx: SqlTransaction, job: { submissionId: string; snapshotSha256: string }) {
      await sendIn(await getBoss(), tx, finalizeSubmissionJob, job, job.snapshotSha256);
    },
    async renderOutcomeReport(tx: SqlTransaction, job: { renderId: string; reportSha256: string }) {
      await sendIn(await getBoss(), tx, renderOutcomeReportJob, job, job.reportSha256);
    },
    async markOverdueNow() {
      return enqueue(await getBoss(), markOverdueHearingsJob, {});
    },
    async queueCounts() {
      return getQueueStats(await getBoss());
    },
    async failedJobs(limit: number) {
      return listFailedJobs(await getBoss(), limit);
    },
  };
}
