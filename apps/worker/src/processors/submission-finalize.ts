import { renderPdf, sha256 } from "@innspill/documents";
import { completeFinalDocument, prepareFinalDocument } from "@innspill/domain";
import type { JobPayload, finalizeSubmissionJob } from "@innspill/jobs";
import type { ProcessorContext } from "./index";

type Payload = JobPayload<typeof finalizeSubmissionJob>;

/**
 * The final, signed PDF/A: the approved letter (the same bytes as its render of the snapshot), then the same letter
 * with the approval lines and a verification page that names the content hash and the approved letter's hash.
 * Idempotent: a signed document that exists is never made again.
 */
export async function processFinalizeSubmission(ctx: ProcessorContext, payload: Payload) {
  const prepared = await prepareFinalDocument(ctx.db, payload);
  if (prepared.done) return { reused: true, pdf: prepared.pdfSha256 };
  const letterPdf = renderPdf(prepared.letter);
  if (prepared.letterPdfSha256 && prepared.letterPdfSha256 !== sha256(letterPdf))
    throw new Error("The approved letter renders differently now; refusing to sign a different document.");
  const finalPdf = renderPdf({ ...prepared.letter, signing: prepared.signing(sha256(letterPdf)) });
  const hashes = await completeFinalDocument(ctx.db, {
    submissionId: prepared.submissionId,
    snapshotSha256: prepared.snapshotSha256,
    letterPdf,
    finalPdf,
  });
  return { reused: false, ...hashes };
}
