import { renderSubmissionFiles } from "@innspill/domain/worker";
import type { JobPayload, renderSubmissionJob } from "@innspill/jobs";
import type { ProcessorContext } from "./context";

type Payload = JobPayload<typeof renderSubmissionJob>;

export const processRenderSubmission = (ctx: ProcessorContext, payload: Payload) =>
  renderSubmissionFiles(ctx.db, payload, {
    delayMs: ctx.renderDelayMs,
    renderPdf: ctx.pdf ? (model) => ctx.pdf!.render(model) : undefined,
  });
