/**
 * The signed document: after the last signature the worker makes the final PDF/A from the frozen snapshot, with an
 * "Elektronisk godkjent" line under each signatory and a verification page (the audit trail, the content hash and
 * the hash of the approved letter). It is stored once and never changed (database triggers); verification looks the
 * PDF's own SHA-256 up.
 */
import { sha256 } from "../hash";
import { z } from "zod";
import type { SubmissionJob } from "../jobs";
import type { Db } from "@innspill/db";
import { assemble, type DocumentModel, type SubmissionSnapshot } from "@innspill/documents/preview";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { formatDate, formatDateTime, osloDate } from "../dates";
import { fields, parseInput } from "../validation";
import { RENDER_MEDIA_TYPES, fileNameOf } from "./renders";
import { userNames } from "../locking";

const EVENT_TEXT: Record<string, string> = {
  "submission.created": "Innspillet ble opprettet",
  "submission.transitioned": "Status endret",
  "submission.approvalRequested": "Sendt til godkjenning",
  "submission.approved": "Godkjent",
  "submission.approvalVoided": "Godkjenning opphevet (brevet ble endret)",
  "submission.signed": "Signert",
  "submission.commented": "Kommentar i gjennomgangen",
  "submission.threadResolved": "Kommentartråd løst",
};

const STATUS_TEXT: Record<string, string> = {
  DRAFT: "utkast",
  IN_REVIEW: "til gjennomgang",
  AWAITING_APPROVAL: "til godkjenning",
  APPROVED: "godkjent",
  SIGNING: "til signering",
  SIGNED: "signert",
  SENT: "sendt",
};

/**
 * What the worker needs for the final document: the letter model of the frozen snapshot, and the signing details.
 * Returns `done` when the signed document exists already (a repeated job).
 */
export async function prepareFinalDocument(db: Db, { submissionId, snapshotSha256 }: SubmissionJob) {
  const existing = await db.signedDocument.findUnique({ where: { submissionId } });
  if (existing) return { done: true as const, pdfSha256: existing.pdfSha256 };
  const s = await db.submission.findUnique({
    where: { id: submissionId },
    include: { signatories: { orderBy: { position: "asc" }, include: { signatory: true } } },
  });
  if (!s || s.status !== "SIGNED" || s.snapshotSha256 !== snapshotSha256)
    throw new AppError("BAD_REQUEST", "submissionWrongStatus");
  const render = await db.submissionRender.findUniqueOrThrow({
    where: { submissionId_snapshotSha256: { submissionId, snapshotSha256 } },
  });
  if (sha256(render.snapshot) !== snapshotSha256) throw new AppError("BAD_REQUEST", "snapshotMismatch");
  const signatures = await db.submissionSignature.findMany({
    where: { submissionId, snapshotSha256, voidedAt: null },
  });
  const events = await db.auditEvent.findMany({
    where: { entity: "Submission", entityId: submissionId },
    orderBy: { id: "asc" },
  });
  const name = await userNames(db, s.organisationId);
  const letter = assemble(JSON.parse(render.snapshot) as SubmissionSnapshot);
  const lines = s.signatories.map((x) => {
    const sig = signatures.find((g) => g.signatoryId === x.signatoryId);
    return sig ? `Elektronisk godkjent ${formatDate(osloDate(sig.createdAt))}` : "";
  });
  return {
    done: false as const,
    submissionId,
    snapshotSha256,
    letter,
    /** The approved letter's PDF must be this render's (made from the same snapshot). */
    renderId: render.id,
    letterPdfSha256: render.pdfSha256,
    signing: (letterPdfSha256: string): DocumentModel["signing"] => ({
      lines,
      verification: {
        heading: "Verifisering",
        intro:
          "Dette dokumentet er godkjent og signert elektronisk i Innspill. Kontroller det på verifiseringssiden i Innspill: last opp PDF-en, så vises innspill, innhold og signaturer.",
        facts: [
          { label: "Innhold (SHA-256)", value: snapshotSha256 },
          { label: "Godkjent brev (SHA-256)", value: letterPdfSha256 },
          ...signatures.map((g) => ({
            label: "Signert av",
            value: `${name.get(g.userId) ?? "?"}, ${formatDateTime(g.createdAt)}`,
          })),
        ],
        events: events.map((e) => {
          const data = (e.data ?? {}) as Record<string, unknown>;
          const status =
            e.action === "submission.transitioned"
              ? ` (${STATUS_TEXT[String(data.to)] ?? String(data.to)})`
              : "";
          return {
            at: formatDateTime(e.createdAt),
            text: `${EVENT_TEXT[e.action] ?? e.action}${status}${e.actorId ? ` – ${name.get(e.actorId) ?? ""}` : ""}`,
          };
        }),
      },
    }),
  };
}

/** Stores the final PDF (and the approved letter's PDF if it was made here) and records the signed document. */
export async function completeFinalDocument(
  db: Db,
  input: { submissionId: string; snapshotSha256: string; letterPdf: Uint8Array; finalPdf: Uint8Array },
) {
  const letterSha = sha256(input.letterPdf);
  const finalSha = sha256(input.finalPdf);
  await db.$transaction(async (tx) => {
    await tx.storedFile.createMany({
      data: [
        {
          sha256: letterSha,
          mediaType: RENDER_MEDIA_TYPES.pdf,
          size: input.letterPdf.byteLength,
          content: Buffer.from(input.letterPdf),
        },
        {
          sha256: finalSha,
          mediaType: RENDER_MEDIA_TYPES.pdf,
          size: input.finalPdf.byteLength,
          content: Buffer.from(input.finalPdf),
        },
      ],
      skipDuplicates: true,
    });
    const exists = await tx.signedDocument.findUnique({ where: { submissionId: input.submissionId } });
    if (exists) return;
    await tx.signedDocument.create({
      data: {
        submissionId: input.submissionId,
        snapshotSha256: input.snapshotSha256,
        letterPdfSha256: letterSha,
        pdfSha256: finalSha,
      },
    });
    const s = await tx.submission.findUniqueOrThrow({ where: { id: input.submissionId } });
    await recordAudit(tx, {
      organisationId: s.organisationId,
      actorId: null,
      action: "submission.signedDocumentCreated",
      entity: "Submission",
      entityId: s.id,
      data: { pdfSha256: finalSha, letterPdfSha256: letterSha },
    });
  });
  return { pdfSha256: finalSha, letterPdfSha256: letterSha };
}

/** The signed PDF of a submission, for download. */
export async function getSignedDocument(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const doc = await db.signedDocument.findFirst({
    where: { submissionId: id, submission: { organisationId: actor.organisationId } },
    include: { submission: { select: { title: true } } },
  });
  if (!doc) throw new AppError("NOT_FOUND", "renderNotFound");
  const file = await db.storedFile.findUniqueOrThrow({ where: { sha256: doc.pdfSha256 } });
  return {
    filename: `${fileNameOf(doc.submission.title)} (signert).pdf`,
    mediaType: file.mediaType,
    size: file.size,
    sha256: file.sha256,
    content: file.content,
  };
}

/**
 * What a PDF is, by its SHA-256, in three answers a ministry clerk can act on:
 * - `signed`: a signed, final Innspill document (who signed, when, the content hash);
 * - `draft`: a letter Innspill rendered that was never signed as it is (a draft, or the approved letter before its
 *   signatures); the answer names nothing of it;
 * - `unknown`: not a document Innspill made, or changed afterwards (one changed byte is a different hash).
 * Public: holding the PDF is what is being checked.
 */
export async function verifyDocument(db: Db, bytes: Uint8Array) {
  const hash = sha256(bytes);
  const doc = await db.signedDocument.findUnique({
    where: { pdfSha256: hash },
    include: {
      submission: {
        include: {
          hearing: { select: { title: true } },
          organisation: { select: { name: true } },
          signatures: { where: { voidedAt: null }, orderBy: { createdAt: "asc" } },
        },
      },
    },
  });
  if (!doc) {
    // Not signed. A letter Innspill rendered (a draft, or the approved letter before signing) is a draft: the answer
    // says so, and names nothing of it (a draft can travel further than its author meant).
    const draft =
      (await db.submissionRender.count({ where: { pdfSha256: hash } })) +
      (await db.signedDocument.count({ where: { letterPdfSha256: hash } }));
    return { status: draft ? ("draft" as const) : ("unknown" as const), valid: false as const, sha256: hash };
  }
  const name = await userNames(
    db,
    doc.submission.organisationId,
    doc.submission.signatures.map((x) => x.userId),
  );
  return {
    status: "signed" as const,
    valid: true as const,
    signed: true,
    sha256: hash,
    organisation: doc.submission.organisation.name,
    submissionId: doc.submissionId,
    title: doc.submission.title,
    hearing: doc.submission.hearing.title,
    revision: doc.submission.revision,
    snapshotSha256: doc.snapshotSha256,
    signedAt: doc.createdAt,
    signatures: doc.submission.signatures
      .filter((x) => x.snapshotSha256 === doc.snapshotSha256)
      .map((x) => ({ name: name.get(x.userId) ?? "?", at: x.createdAt })),
  };
}
