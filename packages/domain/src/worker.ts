/**
 * The job side of the domain (`@innspill/domain/worker`): what the worker runs, without an acting user. Rendering a
 * requested snapshot into files with the DOCX and PDF engines (also used by the command line), the scheduled jobs
 * and the worker's heartbeat. The web and the API never import this entry (ESLint refuses it there).
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  PdfProcessError,
  renderDocx,
  renderPdf,
  sha256,
  type DocumentModel,
  type SubmissionSnapshot,
} from "@innspill/documents";
import { letterModel } from "./submissions/model";
import type { Db } from "@innspill/db";
import { claimRender, completeRender, failRender, markRenderStage } from "./submissions/renders";
import {
  completeFinalDocument,
  prepareFinalDocument,
  recordSignedDocumentFailure,
} from "./submissions/signed";
import { AppError } from "./common/errors";
import type { Actor } from "./access/actor";
import { getOutcomeReport, outcomeReportModel } from "./memory/report";
import { renderOutcomeReportWith } from "./memory/report-files";

export { archivePendingDocuments } from "./noark/archive-copies";
/** For seeding and imports that create hearings without `createHearing`: gives them their journal numbers. */
export { registerJournal } from "./noark/journal";

/**
 * Assembles the frozen snapshot into DOCX and PDF/A and stores both by content hash. Idempotent: a snapshot whose
 * files exist is not rendered again, and rendering the same snapshot twice gives the same bytes, stored once.
 */
export async function renderSubmissionFiles(
  db: Db,
  payload: { submissionId: string; snapshotSha256: string },
  options: {
    delayMs?: number;
    /** How the PDF is made: the worker's child process (`PdfProcess`); here, in this process, when absent. */
    renderPdf?: (model: DocumentModel) => Promise<Buffer>;
  } = {},
) {
  const claim = await claimRender(db, payload);
  if (claim.done) return { renderId: claim.renderId, reused: true };
  try {
    const model = await letterModel(db, claim.snapshot as SubmissionSnapshot);
    await markRenderStage(db, claim.renderId, "RENDERING");
    if (options.delayMs) await sleep(options.delayMs);
    const docx = await renderDocx(model);
    const pdf = options.renderPdf ? await options.renderPdf(model) : renderPdf(model);
    const hashes = await completeRender(db, claim.renderId, { pdf, docx });
    return { renderId: claim.renderId, reused: false, ...hashes };
  } catch (err) {
    // A known reason is stored as its key, which the letter's page says in the reader's language.
    const reason = err instanceof PdfProcessError ? err.reason : (err as Error).message;
    await failRender(db, claim.renderId, reason).catch(() => undefined);
    throw err;
  }
}

/**
 * The final, signed PDF/A: the approved letter (the same bytes as its render of the snapshot), then the same letter
 * with the approval lines and a verification page that names the content hash and the approved letter's hash.
 * Idempotent: a signed document that exists is never made again.
 */
export async function renderSignedDocument(
  db: Db,
  payload: { submissionId: string; snapshotSha256: string },
  options: { publicUrl: string },
) {
  const prepared = await prepareFinalDocument(db, payload);
  if (prepared.done) return { reused: true, pdf: prepared.pdfSha256 };
  if (prepared.signerMismatch) {
    await recordSignedDocumentFailure(db, prepared.submissionId, "signedDocumentSignerMismatch");
    throw new AppError("CONFLICT", "signedDocumentSignerMismatch");
  }
  const letterPdf = renderPdf(prepared.letter);
  if (prepared.letterPdfSha256 && prepared.letterPdfSha256 !== sha256(letterPdf)) {
    // Never sign other bytes than were approved. Said on the letter, told to the admins, and not retried.
    await recordSignedDocumentFailure(db, prepared.submissionId, "signedDocumentMismatch");
    throw new AppError("CONFLICT", "signedDocumentMismatch");
  }
  const verifyUrl = `${options.publicUrl.replace(/\/+$/, "")}/verifiser`;
  const finalPdf = renderPdf({ ...prepared.letter, signing: prepared.signing(sha256(letterPdf), verifyUrl) });
  const auditPdf = renderPdf(prepared.auditTrail);
  const hashes = await completeFinalDocument(db, {
    submissionId: prepared.submissionId,
    snapshotSha256: prepared.snapshotSha256,
    letterPdf,
    finalPdf,
    auditPdf,
  });
  return { reused: false, ...hashes };
}

/**
 * Letters signed by everyone whose signed document was never made: a job lost outside the transaction that asked for
 * it (a database restored from a backup has no queue). The worker asks for each again at start.
 */
export async function listSignedWithoutDocument(db: Db) {
  return db.submission.findMany({
    where: {
      status: { in: ["SIGNED", "SENT"] },
      signedDocument: null,
      snapshotSha256: { not: null },
      // One that could not be made waits for its recovery (a new revision), not for another try.
      signedDocumentError: null,
    },
    select: { id: true, snapshotSha256: true },
  });
}

export { deliverPendingEmails, type OutgoingEmail } from "./notifications/email";
export { sendDueReminders } from "./notifications/reminders";
export { backfillMilestones, markOverdueHearings } from "./hearings/maintenance";
export { recordWorkerHeartbeat, removeWorkerHeartbeat } from "./system/status";
export { pollDueRadarSources, suggestRemoteHearings } from "./radar/poll";
export type { RemoteHearing } from "./radar/model";
/** The composer's recognition by organisation, without an actor: for the benchmark (`npm run bench recognise`). */
export { recogniseSections } from "./memory/recognise";
export { radarConfig, radarPollingEnabled, type RadarConfig } from "./radar/config";

/** «Politiske gjennomslag <år>» as PDF/A and DOCX, through the letter's renderers (the command line writes them). */
export async function renderOutcomeReport(db: Db, input: unknown, actor: Actor) {
  const report = await getOutcomeReport(db, input, actor);
  const model = outcomeReportModel(report);
  return { report, pdf: renderPdf(model), docx: await renderDocx(model) };
}

/** A report asked for from Innsikt (`requestOutcomeReport`), rendered like the command line's, its files stored. */
export async function renderOutcomeReportFiles(db: Db, payload: { renderId: string; reportSha256: string }) {
  return renderOutcomeReportWith(db, payload, async (model) => ({
    pdf: renderPdf(model),
    docx: await renderDocx(model),
  }));
}
export {
  loadCollabState,
  MAX_COLLAB_STATE_BYTES,
  checkCollabAccess,
  redeemCollabTicket,
  storeCollabState,
  type CollabUser,
} from "./submissions/collab";
