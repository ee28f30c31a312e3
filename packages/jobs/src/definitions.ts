import { z } from "zod";

/**
 * A job: a name, a payload version and the zod schema of that version. The pg-boss queue is `<name>.v<version>`,
 * so a producer and a worker only ever exchange payloads of a version both know; a new payload shape is a new
 * version, and the old queue drains with the old code.
 */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  version: number;
  schema: S;
  /** Retries after a thrown error. An invalid payload is never retried. */
  retryLimit: number;
  expireInSeconds: number;
  /** Cron expression (Europe/Oslo) for scheduled jobs. */
  cron?: string;
}

export type JobPayload<J extends JobDefinition> = z.input<J["schema"]>;

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export const queueName = (job: JobDefinition) => `${job.name}.v${job.version}`;

export const markOverdueHearingsJob = defineJob({
  name: "hearings.mark-overdue",
  version: 1,
  schema: z
    .object({
      /** The instant to evaluate deadlines at; defaults to when the job runs. */
      now: z.iso.datetime({ offset: true }).optional(),
    })
    .strict(),
  retryLimit: 3,
  expireInSeconds: 120,
  // Every five minutes, so a hearing is marked within minutes after midnight in Oslo.
  cron: "*/5 * * * *",
});

export const sendRemindersJob = defineJob({
  name: "reminders.send",
  version: 1,
  schema: z.object({ now: z.iso.datetime({ offset: true }).optional() }).strict(),
  retryLimit: 3,
  expireInSeconds: 600,
  // Hourly: a reminder goes out once per subject, recipient and day however often this runs (idempotent).
  cron: "10 * * * *",
});

export const deliverEmailJob = defineJob({
  name: "email.deliver",
  version: 1,
  schema: z.object({}).strict(),
  retryLimit: 2,
  expireInSeconds: 300,
  cron: "* * * * *",
});

export const archiveDocumentsJob = defineJob({
  name: "documents.archive",
  version: 1,
  schema: z.object({}).strict(),
  retryLimit: 2,
  // Converting a long PDF takes seconds; a batch is at most 20 documents.
  expireInSeconds: 900,
  // Every minute: a new upload gets its PDF/A copy (or its reason why not) within about a minute.
  cron: "* * * * *",
});

export const renderSubmissionJob = defineJob({
  name: "submission.render",
  version: 1,
  schema: z
    .object({
      submissionId: z.uuid(),
      /** SHA-256 of the canonical snapshot stored with the render: the worker renders exactly that. */
      snapshotSha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
  retryLimit: 4,
  // A letter renders in well under a second. A worker killed mid-render leaves its job active; it expires after
  // this and is retried (the worker's maintenance runs every WORKER_MAINTENANCE_SECONDS).
  expireInSeconds: 20,
});

export const finalizeSubmissionJob = defineJob({
  name: "submission.finalize",
  version: 1,
  schema: z
    .object({
      submissionId: z.uuid(),
      /** The signed snapshot: the final PDF/A is made from exactly this. */
      snapshotSha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
  retryLimit: 4,
  expireInSeconds: 30,
});

/**
 * The hearing radar's tick: every minute, the sources whose time has come (each organisation's schedule, in
 * RadarSource) are polled. «Sjekk nå» makes a source due, so it is polled within a minute.
 */
export const pollRadarJob = defineJob({
  name: "radar.poll",
  version: 1,
  schema: z.object({}).strict(),
  retryLimit: 0,
  expireInSeconds: 600,
  cron: "* * * * *",
});

/** «Politiske gjennomslag <år>», asked for from Innsikt: the stored report rendered to PDF/A and DOCX. */
export const renderOutcomeReportJob = defineJob({
  name: "outcomes.report",
  version: 1,
  schema: z
    .object({
      renderId: z.uuid(),
      /** SHA-256 of the report's canonical JSON stored with the render: the worker renders exactly that. */
      reportSha256: z.string().regex(/^[0-9a-f]{64}$/),
    })
    .strict(),
  retryLimit: 4,
  expireInSeconds: 30,
});

export const allJobs: JobDefinition[] = [
  markOverdueHearingsJob,
  sendRemindersJob,
  deliverEmailJob,
  renderSubmissionJob,
  finalizeSubmissionJob,
  pollRadarJob,
  archiveDocumentsJob,
  renderOutcomeReportJob,
];
