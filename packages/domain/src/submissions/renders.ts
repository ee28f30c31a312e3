/**
 * Rendering a submission into DOCX and PDF. The web asks (`requestRender`); the worker does the work
 * (`claimRender` → `markRenderStage` → `completeRender`, or `failRender`).
 *
 * The snapshot is frozen when the render is requested: its canonical JSON is stored with the render and its
 * SHA-256 travels in the job, so the worker renders exactly what was asked for even if the letter changes meanwhile.
 * Files are stored once per content hash (`StoredFile`), in Postgres: one backup covers them, the web and the
 * worker need no shared disk, and a letter is tens of kilobytes.
 */
import { sha256 } from "../common/hash";
import { DOCUMENT_MEDIA_TYPES, storeFiles } from "../common/stored-files";
import { z } from "zod";
import type { JobQueue, SubmissionJob } from "../common/jobs";
import type { Db } from "@innspill/db";
import type { RenderStatus } from "@innspill/db/enums";
import type { Actor } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";
import { buildSnapshot } from "./snapshot";
import { loadSubmission } from "./load";

export type RenderFileKind = keyof typeof DOCUMENT_MEDIA_TYPES;

const renderSelect = {
  id: true,
  submissionId: true,
  snapshotSha256: true,
  status: true,
  error: true,
  attempts: true,
  pdfSha256: true,
  docxSha256: true,
  createdAt: true,
  updatedAt: true,
  finishedAt: true,
} as const;

/**
 * Freezes the saved letter as a snapshot and asks for its documents. The same snapshot reuses its render: done
 * files are returned at once, a failed one is queued again. `enqueue` tells the caller to send the job.
 */
export async function requestRender(db: Db, input: unknown, actor: Actor, jobs: JobQueue) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const s = await loadSubmission(db, id, actor);
  if (!s.sections.length) throw new AppError("BAD_REQUEST", "renderNeedsSections");
  if (!s.signatories.length) throw new AppError("BAD_REQUEST", "renderNeedsSignatory");
  // Once put up for approval, the documents are those of the frozen snapshot, whatever the library does meanwhile.
  const frozen = s.snapshotSha256
    ? await db.submissionRender.findUnique({
        where: { submissionId_snapshotSha256: { submissionId: id, snapshotSha256: s.snapshotSha256 } },
      })
    : null;
  const built = frozen
    ? { sha256: frozen.snapshotSha256, json: frozen.snapshot }
    : await buildSnapshot(db, s);

  return db.$transaction(async (tx) => {
    const key = { submissionId_snapshotSha256: { submissionId: id, snapshotSha256: built.sha256 } };
    let render = await tx.submissionRender.upsert({
      where: key,
      create: {
        submissionId: id,
        snapshotSha256: built.sha256,
        snapshot: built.json,
        requestedById: actor.id,
      },
      update: {},
      select: renderSelect,
    });
    let enqueue = render.status !== "DONE";
    if (render.status === "DONE") {
      const files = await tx.storedFile.count({
        where: { sha256: { in: [render.pdfSha256!, render.docxSha256!] } },
      });
      enqueue = files !== 2;
    }
    if (enqueue && render.status !== "QUEUED") {
      render = await tx.submissionRender.update({
        where: { id: render.id },
        data: { status: "QUEUED", error: null, attempts: 0, finishedAt: null },
        select: renderSelect,
      });
    }
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.renderRequested",
      entity: "Submission",
      entityId: id,
      data: { snapshotSha256: built.sha256, reused: !enqueue },
    });
    if (enqueue) await jobs.renderSubmission(tx, { submissionId: id, snapshotSha256: built.sha256 });
    return { render, enqueue };
  });
}

export async function getRender(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const render = await db.submissionRender.findFirst({
    where: { id, submission: { organisationId: actor.organisationId } },
    select: renderSelect,
  });
  if (!render) throw new AppError("NOT_FOUND", "renderNotFound");
  return render;
}

/** The newest render of a submission, or null. */
export async function latestRender(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  return db.submissionRender.findFirst({
    where: { submissionId: id, submission: { organisationId: actor.organisationId } },
    orderBy: { updatedAt: "desc" },
    select: renderSelect,
  });
}

/** A file name from a letter's title: characters file systems refuse become spaces. */
export function fileNameOf(title: string): string {
  const base =
    [...title]
      .map((c) => (c < " " || '\\/:*?"<>|'.includes(c) ? " " : c))
      .join("")
      .replace(/\s+/g, " ")
      .trim() || "innspill";
  return base.slice(0, 120);
}

/** A rendered file for download, with a file name from the letter's title. */
export async function getRenderFile(db: Db, input: unknown, actor: Actor) {
  const { id, kind } = parseInput(
    z.object({ id: fields.id(), kind: z.enum(["pdf", "docx"], { error: "invalid" }) }),
    input,
  );
  const render = await db.submissionRender.findFirst({
    where: { id, submission: { organisationId: actor.organisationId } },
    include: { submission: { select: { title: true } } },
  });
  const sha = kind === "pdf" ? render?.pdfSha256 : render?.docxSha256;
  if (!render || render.status !== "DONE" || !sha) throw new AppError("NOT_FOUND", "renderNotFound");
  const file = await db.storedFile.findUnique({ where: { sha256: sha } });
  if (!file) throw new AppError("NOT_FOUND", "renderNotFound");
  return {
    filename: `${fileNameOf(render.submission.title)}.${kind}`,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    content: file.content,
  };
}

// ——— The worker's side. No actor: the job was authorised when it was requested, and its payload was validated
// against the job's definition (`@innspill/jobs`) when it was sent and again when it was taken. ———

/**
 * Starts an attempt: checks that the stored snapshot is the one the job names, then marks it ASSEMBLING. Returns
 * `done` when the files already exist (a repeated or duplicate job), so nothing is rendered twice.
 */
export async function claimRender(db: Db, { submissionId, snapshotSha256 }: SubmissionJob) {
  const render = await db.submissionRender.findUnique({
    where: { submissionId_snapshotSha256: { submissionId, snapshotSha256 } },
  });
  if (!render) throw new AppError("NOT_FOUND", "renderNotFound");
  if (sha256(render.snapshot) !== snapshotSha256) throw new AppError("BAD_REQUEST", "snapshotMismatch");
  if (render.status === "DONE" && render.pdfSha256 && render.docxSha256) {
    const files = await db.storedFile.count({
      where: { sha256: { in: [render.pdfSha256, render.docxSha256] } },
    });
    if (files === 2) return { done: true as const, renderId: render.id };
  }
  await db.submissionRender.update({
    where: { id: render.id },
    data: { status: "ASSEMBLING", attempts: { increment: 1 }, error: null },
  });
  return { done: false as const, renderId: render.id, snapshot: JSON.parse(render.snapshot) as unknown };
}

export async function markRenderStage(db: Db, renderId: string, status: Extract<RenderStatus, "RENDERING">) {
  await db.submissionRender.update({ where: { id: renderId }, data: { status } });
}

/** Stores the files (once per content hash) and marks the render done, in one transaction. */
export async function completeRender(db: Db, renderId: string, files: Record<RenderFileKind, Uint8Array>) {
  return db.$transaction(async (tx) => {
    const hashes = await storeFiles(tx, {
      pdf: { bytes: files.pdf, mediaType: DOCUMENT_MEDIA_TYPES.pdf },
      docx: { bytes: files.docx, mediaType: DOCUMENT_MEDIA_TYPES.docx },
    });
    await tx.submissionRender.update({
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
}

/** Records a failed attempt with its reason. The queue retries with backoff; the UI shows the reason meanwhile. */
export async function failRender(db: Db, renderId: string, reason: string) {
  await db.submissionRender.update({
    where: { id: renderId },
    data: { status: "FAILED", error: reason.slice(0, 2000), finishedAt: new Date() },
  });
}
