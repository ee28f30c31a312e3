import {
  archiveDocumentsJob,
  deliverEmailJob,
  finalizeSubmissionJob,
  markOverdueHearingsJob,
  pollRadarJob,
  renderOutcomeReportJob,
  renderSubmissionJob,
  sendRemindersJob,
  type JobDefinition,
} from "@innspill/jobs";
import type { ProcessorContext } from "./context";
import { processArchiveDocuments } from "./documents-archive";
import { processDeliverEmail } from "./email-deliver";
import { processMarkOverdue } from "./hearings-mark-overdue";
import { processPollRadar } from "./radar-poll";
import { processSendReminders } from "./reminders-send";
import { processFinalizeSubmission } from "./submission-finalize";
import { processRenderOutcomeReport } from "./outcomes-report";
import { processRenderSubmission } from "./submission-render";

export interface Processor<J extends JobDefinition = JobDefinition> {
  job: J;
  run(ctx: ProcessorContext, payload: ReturnType<J["schema"]["parse"]>): Promise<unknown>;
}

const processor = <J extends JobDefinition>(job: J, run: Processor<J>["run"]): Processor =>
  ({ job, run }) as unknown as Processor;

/** One processor per job definition in @innspill/jobs. */
export const processors: Processor[] = [
  processor(markOverdueHearingsJob, (ctx, payload) => processMarkOverdue(ctx.db, payload)),
  processor(sendRemindersJob, (ctx, payload) => processSendReminders(ctx.db, payload)),
  processor(deliverEmailJob, (ctx) => processDeliverEmail(ctx)),
  processor(renderSubmissionJob, (ctx, payload) => processRenderSubmission(ctx, payload)),
  processor(finalizeSubmissionJob, (ctx, payload) => processFinalizeSubmission(ctx, payload)),
  processor(pollRadarJob, (ctx) => processPollRadar(ctx)),
  processor(archiveDocumentsJob, (ctx) => processArchiveDocuments(ctx.db)),
  processor(renderOutcomeReportJob, (ctx, payload) => processRenderOutcomeReport(ctx, payload)),
];

export type { ProcessorContext };
