import { setTimeout as sleep } from "node:timers/promises";
import { assemble, renderDocx, renderPdf, type SubmissionSnapshot } from "@innspill/documents";
import { claimRender, completeRender, failRender, markRenderStage } from "@innspill/domain";
import type { JobPayload, renderSubmissionJob } from "@innspill/jobs";
import type { ProcessorContext } from "./index";

type Payload = JobPayload<typeof renderSubmissionJob>;

/**
 * Assembles the frozen snapshot into DOCX and PDF/A and stores both by content hash. Idempotent: a snapshot whose
 * files exist is not rendered again, and rendering the same snapshot twice gives the same bytes, stored once.
 */
export async function processRenderSubmission(ctx: ProcessorContext, payload: Payload) {
  const claim = await claimRender(ctx.db, payload);
  if (claim.done) return { renderId: claim.renderId, reused: true };
  try {
    const model = assemble(claim.snapshot as SubmissionSnapshot);
    await markRenderStage(ctx.db, claim.renderId, "RENDERING");
    if (ctx.renderDelayMs) await sleep(ctx.renderDelayMs);
    const docx = await renderDocx(model);
    const pdf = renderPdf(model);
    const hashes = await completeRender(ctx.db, claim.renderId, { pdf, docx });
    return { renderId: claim.renderId, reused: false, ...hashes };
  } catch (err) {
    await failRender(ctx.db, claim.renderId, (err as Error).message).catch(() => undefined);
    throw err;
  }
}
