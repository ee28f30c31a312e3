import type { Db } from "@innspill/db";
import { markOverdueHearingsJob, type JobDefinition } from "@innspill/jobs";
import { processMarkOverdue } from "./hearings-mark-overdue";

export interface Processor<J extends JobDefinition = JobDefinition> {
  job: J;
  run(db: Db, payload: ReturnType<J["schema"]["parse"]>): Promise<unknown>;
}

const processor = <J extends JobDefinition>(job: J, run: Processor<J>["run"]): Processor =>
  ({ job, run }) as unknown as Processor;

/** One processor per job definition in @innspill/jobs. */
export const processors: Processor[] = [processor(markOverdueHearingsJob, processMarkOverdue)];
