/**
 * «Politiske gjennomslag <år>» as files, asked for from Innsikt: the web asks (`requestOutcomeReport`), the worker
 * renders through the letter's renderers (`renderOutcomeReportFiles` in `@innspill/domain/worker`), and the files are
 * downloaded by a route handler (`getOutcomeReportFile`), as a letter's render is. The report's content is frozen
 * when asked for: its canonical JSON is stored with the render and its SHA-256 travels in the job, so the same
 * content is rendered once and its files (`StoredFile`) reused.
 */
import { z } from "zod";
import type { Db } from "@innspill/db";
import { canonicalJson } from "@innspill/documents/preview";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { sha256 } from "../common/hash";
import { DOCUMENT_MEDIA_TYPES, storeFiles } from "../common/stored-files";
import type { JobQueue } from "../common/jobs";
import { fields, parseInput } from "../common/validation";
import { getOutcomeReport, outcomeReportModel, type OutcomeReport } from "./report";

const renderSelect = {
  id: true,
  year: true,
  status: true,
  error: true,
  pdfSha256: true,
  docxSha256: true,
  createdAt: true,
  finishedAt: true,
} as const;

/** Asks for the year's report as PDF/A and DOCX; the same content reuses its render. */
export async function requestOutcomeReport(db: Db, input: unknown, actor: Actor, jobs: JobQueue) {
  authorize(actor, "insight.reportOutcomes");
  const report = await getOutcomeReport(db, input, actor);
  const json = canonicalJson(report);
  const reportSha256 = sha256(json);
  return db.$transaction(async (tx) => {
    const key = { organisationId_reportSha256: { organisationId: actor.organisationId, reportSha256 } };
    let render = await tx.outcomeReportRender.upsert({
      where: key,
      create: {
        organisationId: actor.organisationId,
        year: report.year,
        reportSha256,
        report: json,
        requestedById: actor.id,
      },
      update: {},
      select: renderSelect,
    });
    let enqueue = render.status !== "DONE";
    if (render.status === "DONE")
      enqueue =
        (await tx.storedFile.count({
          where: { sha256: { in: [render.pdfSha256!, render.docxSha256!] } },
        })) !== 2;
    if (enqueue && render.status !== "QUEUED")
      render = await tx.outcomeReportRender.update({
        where: { id: render.id },
        data: { status: "QUEUED", error: null, attempts: 0, finishedAt: null },
        select: renderSelect,
      });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "outcomes.reportRequested",
      entity: "OutcomeReportRender",
      entityId: render.id,
      data: { year: report.year, reportSha256, reused: !enqueue },
    });
    if (enqueue) await jobs.renderOutcomeReport(tx, { renderId: render.id, reportSha256 });
    return { ...render, positions: report.positions.length };
  });
}

/** A render of the report, for the page to follow until its files are there. */
export async function getOutcomeReportRender(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "insight.reportOutcomes");
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const render = await db.outcomeReportRender.findFirst({
    where: { id, organisationId: actor.organisationId },
    select: renderSelect,
  });
  if (!render) throw new AppError("NOT_FOUND", "renderNotFound");
  return render;
}

/** One of the report's files, for a download (`downloadResponse` in the web). */
export async function getOutcomeReportFile(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "insight.reportOutcomes");
  const { id, kind } = parseInput(
    z.object({ id: fields.id(), kind: z.enum(["pdf", "docx"], { error: "invalid" }) }),
    input,
  );
  const render = await db.outcomeReportRender.findFirst({
    where: { id, organisationId: actor.organisationId },
  });
  const sha = kind === "pdf" ? render?.pdfSha256 : render?.docxSha256;
  if (!render || render.status !== "DONE" || !sha) throw new AppError("NOT_FOUND", "renderNotFound");
  const file = await db.storedFile.findUnique({ where: { sha256: sha } });
  if (!file) throw new AppError("NOT_FOUND", "renderNotFound");
  return {
    filename: `Politiske gjennomslag ${render.year}.${kind}`,
    mediaType: file.mediaType,
    sha256: file.sha256,
    content: file.content,
  };
}

// ——— The worker's side (exported from `@innspill/domain/worker` only). No actor: the render was authorised when it
// was asked for, and the job's payload validated against its definition. ———

/**
 * Renders a requested report into files with the renderers it is given (the worker's DOCX and PDF engines) and stores
 * them by content hash. Idempotent: a render whose files exist is not done again.
 */
export async function renderOutcomeReportWith(
  db: Db,
  { renderId, reportSha256 }: { renderId: string; reportSha256: string },
  render: (model: ReturnType<typeof outcomeReportModel>) => Promise<{ pdf: Uint8Array; docx: Uint8Array }>,
) {
  const row = await db.outcomeReportRender.findUnique({ where: { id: renderId } });
  if (!row) throw new AppError("NOT_FOUND", "renderNotFound");
  if (row.reportSha256 !== reportSha256 || sha256(row.report) !== reportSha256)
    throw new AppError("BAD_REQUEST", "snapshotMismatch");
  if (row.status === "DONE" && row.pdfSha256 && row.docxSha256) {
    const files = await db.storedFile.count({ where: { sha256: { in: [row.pdfSha256, row.docxSha256] } } });
    if (files === 2) return { renderId, reused: true };
  }
  await db.outcomeReportRender.update({
    where: { id: renderId },
    data: { status: "RENDERING", attempts: { increment: 1 }, error: null },
  });
  try {
    const files = await render(outcomeReportModel(JSON.parse(row.report) as OutcomeReport));
    const hashes = await db.$transaction(async (tx) => {
      const hashes = await storeFiles(tx, {
        pdf: { bytes: files.pdf, mediaType: DOCUMENT_MEDIA_TYPES.pdf },
        docx: { bytes: files.docx, mediaType: DOCUMENT_MEDIA_TYPES.docx },
      });
      await tx.outcomeReportRender.update({
        where: { id: renderId },
        data: {
          status: "DONE",
          pdfSha256: hashes.pdf,
          docxSha256: hashes.docx,
          error: null,
          finishedAt: new Date(),
        },
      });
      return hashes;
    });
    return { renderId, reused: false, ...hashes };
  } catch (err) {
    await db.outcomeReportRender
      .update({
        where: { id: renderId },
        data: { status: "FAILED", error: (err as Error).message.slice(0, 2000), finishedAt: new Date() },
      })
      .catch(() => undefined);
    throw err;
  }
}
