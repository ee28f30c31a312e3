/**
 * The background work the domain asks for, and the queue it reports on. Use-cases get a `JobQueue` and send each job
 * through the transaction of the state change that needs it (`tx`): the job exists exactly when that change commits
 * (a signed letter always gets its signed PDF; a rolled-back request leaves no job). `@innspill/jobs` implements it
 * over pg-boss (`createJobQueue`); the command line and tests that do the work themselves use `inlineJobs`.
 */
import type { DbTx } from "@innspill/db";

export interface SubmissionJob {
  submissionId: string;
  snapshotSha256: string;
}

interface QueueCounts {
  queue: string;
  created: number;
  retry: number;
  active: number;
  completed: number;
  failed: number;
}

interface FailedJobInfo {
  id: string;
  queue: string;
  failedAt: Date | null;
  retryCount: number;
  reason: string;
  data: unknown;
}

export interface JobQueue {
  /** DOCX and PDF of a snapshot (`submission.render`). */
  renderSubmission(tx: DbTx, job: SubmissionJob): Promise<void>;
  /** The signed PDF/A after the last signature (`submission.finalize`). */
  finalizeSubmission(tx: DbTx, job: SubmissionJob): Promise<void>;
  /** «Politiske gjennomslag <år>» as PDF/A and DOCX (`outcomes.report`). */
  renderOutcomeReport(tx: DbTx, job: { renderId: string; reportSha256: string }): Promise<void>;
  /** The overdue check now, instead of at its next scheduled run. */
  markOverdueNow(): Promise<string | null>;
  queueCounts(): Promise<QueueCounts[]>;
  failedJobs(limit: number): Promise<FailedJobInfo[]>;
}

/** Queues nothing: for callers that do the work themselves (the command line renders in its own process). */
export const inlineJobs: JobQueue = {
  async renderSubmission() {},
  async finalizeSubmission() {},
  async renderOutcomeReport() {},
  async markOverdueNow() {
    return null;
  },
  async queueCounts() {
    return [];
  },
  async failedJobs() {
    return [];
  },
};
