import { renderSignedDocument } from "@innspill/domain/worker";
import type { JobPayload, finalizeSubmissionJob } from "@innspill/jobs";
import type { ProcessorContext } from "./context";

type Payload = JobPayload<typeof finalizeSubmissionJob>;

export const processFinalizeSubmission = (ctx: ProcessorContext, payload: Payload) =>
  renderSignedDocument(ctx.db, payload);
