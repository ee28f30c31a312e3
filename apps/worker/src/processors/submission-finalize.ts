import { renderSignedDocument } from "@innspill/domain/worker";
import type { JobPayload, finalizeSubmissionJob } from "@innspill/jobs";
import { DEFAULT_PUBLIC_URL, type ProcessorContext } from "./context";

type Payload = JobPayload<typeof finalizeSubmissionJob>;

export const processFinalizeSubmission = (ctx: ProcessorContext, payload: Payload) =>
  renderSignedDocument(ctx.db, payload, { publicUrl: ctx.publicUrl ?? DEFAULT_PUBLIC_URL });
