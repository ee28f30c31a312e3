import { sha256 } from "../common/hash";
import { z } from "zod";
import type { Db, DbTx } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { fields, isWebAddress, parseInput } from "../common/validation";
import { CLOSED_STATUSES } from "../access/permissions";
import { lockVersioned } from "../common/locking";
import { MAX_CASE_DOCUMENTS_MB, MAX_DOCUMENT_MB } from "./constants";

export const MAX_DOCUMENT_BYTES = MAX_DOCUMENT_MB * 1024 * 1024;
/** A case's documents together: what the export and a backup carry per case, stated in the UI and docs/features.md. */
export const MAX_CASE_DOCUMENTS_BYTES = MAX_CASE_DOCUMENTS_MB * 1024 * 1024;

export const DOCUMENT_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** The real type of an upload, from its first bytes and name; the browser's claim is not trusted. */
export function detectDocumentType(
  filename: string,
  bytes: Uint8Array,
): (typeof DOCUMENT_TYPES)[keyof typeof DOCUMENT_TYPES] | null {
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  if (head === "%PDF-") return DOCUMENT_TYPES.pdf;
  // DOCX is a ZIP container (PK\x03\x04) with a .docx name.
  if (head.startsWith("PK\x03\x04") && /\.docx$/i.test(filename)) return DOCUMENT_TYPES.docx;
  return null;
}

/**
 * Locks the hearing row for a change of its documents, and refuses a closed case (sent, archived, declined): what
 * was in it when it closed is its record, which the archive export carries. A declined hearing taken up again is
 * open again.
 */
async function lockOpenCase(tx: DbTx, hearingId: string, actor: Actor) {
  await lockVersioned(
    tx,
    "Hearing",
    { id: hearingId, organisationId: actor.organisationId },
    { notFound: "hearingNotFound", conflict: "hearingConflict" },
  );
  const { status } = await tx.hearing.findUniqueOrThrow({
    where: { id: hearingId },
    select: { status: true },
  });
  if ((CLOSED_STATUSES as readonly string[]).includes(status))
    throw new AppError("BAD_REQUEST", "caseClosedForDocuments");
}

async function findEditableHearing(db: Db, hearingId: string, actor: Actor) {
  authorize(actor, "hearing.edit");
  const h = await db.hearing.findFirst({
    where: { id: hearingId, organisationId: actor.organisationId },
    select: { id: true },
  });
  if (!h) throw new AppError("NOT_FOUND", "hearingNotFound");
  return h;
}

/** Refuses an upload of `bytes` that would take the case's documents past the cap. */
async function requireRoom(tx: DbTx, hearingId: string, bytes: number) {
  const used =
    (await tx.hearingDocument.aggregate({ where: { hearingId }, _sum: { size: true } }))._sum.size ?? 0;
  if (used + bytes > MAX_CASE_DOCUMENTS_BYTES)
    throw new AppError("BAD_REQUEST", "caseDocumentsTooLarge", {
      details: { usedBytes: used, limitBytes: MAX_CASE_DOCUMENTS_BYTES },
    });
}

/**
 * Whether the hearing takes an upload at all, before its body is read: the role, the case open and not full.
 * `addHearingDocument` checks it all again under the hearing's lock.
 */
export async function checkHearingUpload(db: Db, input: { hearingId: string }, actor: Actor) {
  const { hearingId } = parseInput(z.object({ hearingId: fields.id() }), input);
  await findEditableHearing(db, hearingId, actor);
  await db.$transaction(async (tx) => {
    await lockOpenCase(tx, hearingId, actor);
    await requireRoom(tx, hearingId, 1);
  });
}

export async function addHearingDocument(
  db: Db,
  input: { hearingId: string; filename: string; bytes: Uint8Array },
  actor: Actor,
) {
  const { hearingId } = parseInput(z.object({ hearingId: fields.id() }), { hearingId: input.hearingId });
  await findEditableHearing(db, hearingId, actor);
  const filename = input.filename.replace(/[/\\]/g, "_").trim().slice(0, 200) || "dokument";
  if (input.bytes.byteLength === 0) throw new AppError("BAD_REQUEST", "documentEmpty");
  if (input.bytes.byteLength > MAX_DOCUMENT_BYTES) throw new AppError("BAD_REQUEST", "documentTooLarge");
  const mimeType = detectDocumentType(filename, input.bytes);
  if (!mimeType) throw new AppError("BAD_REQUEST", "documentType");
  const hash = sha256(input.bytes);
  return db.$transaction(async (tx) => {
    await lockOpenCase(tx, hearingId, actor);
    // The case's documents together stay under the cap; the hearing row is locked, so two uploads at once add up.
    await requireRoom(tx, hearingId, input.bytes.byteLength);
    const doc = await tx.hearingDocument.create({
      data: {
        hearingId,
        filename,
        mimeType,
        size: input.bytes.byteLength,
        sha256: hash,
        content: Buffer.from(input.bytes),
        uploadedById: actor.id,
      },
      select: { id: true, filename: true, mimeType: true, size: true, sha256: true, createdAt: true },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "document.added",
      entity: "Hearing",
      entityId: hearingId,
      data: { documentId: doc.id, filename, size: doc.size, sha256: hash },
    });
    return doc;
  });
}

/** A document with its bytes, for download. Anyone in the organisation may read. */
export async function getHearingDocument(db: Db, documentId: string, actor: Actor) {
  const parsed = z.uuid().safeParse(documentId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "documentNotFound");
  const doc = await db.hearingDocument.findFirst({
    where: { id: parsed.data, hearing: { organisationId: actor.organisationId } },
  });
  if (!doc) throw new AppError("NOT_FOUND", "documentNotFound");
  return doc;
}

export const removeDocumentInput = z.object({ id: fields.id() });

export async function removeHearingDocument(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(removeDocumentInput, input);
  const doc = await db.hearingDocument.findFirst({
    where: { id, hearing: { organisationId: actor.organisationId } },
    select: { id: true, hearingId: true, filename: true, sha256: true },
  });
  if (!doc) throw new AppError("NOT_FOUND", "documentNotFound");
  await findEditableHearing(db, doc.hearingId, actor);
  await db.$transaction(async (tx) => {
    await lockOpenCase(tx, doc.hearingId, actor);
    await tx.hearingDocument.delete({ where: { id } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "document.removed",
      entity: "Hearing",
      entityId: doc.hearingId,
      data: { filename: doc.filename, sha256: doc.sha256 },
    });
  });
  return { removed: true as const };
}

export const addLinkInput = z.object({
  hearingId: fields.id(),
  label: fields.requiredText(200, "textTooLong"),
  url: z.string({ error: "required" }).trim().refine(isWebAddress, { error: "invalidUrl" }),
});

export async function addHearingLink(db: Db, input: unknown, actor: Actor) {
  const data = parseInput(addLinkInput, input);
  await findEditableHearing(db, data.hearingId, actor);
  return db.$transaction(async (tx) => {
    const link = await tx.hearingLink.create({ data });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "link.added",
      entity: "Hearing",
      entityId: data.hearingId,
      data: { label: data.label, url: data.url },
    });
    return link;
  });
}

export async function removeHearingLink(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(removeDocumentInput, input);
  const link = await db.hearingLink.findFirst({
    where: { id, hearing: { organisationId: actor.organisationId } },
  });
  if (!link) throw new AppError("NOT_FOUND", "linkNotFound");
  await findEditableHearing(db, link.hearingId, actor);
  await db.$transaction(async (tx) => {
    await tx.hearingLink.delete({ where: { id } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "link.removed",
      entity: "Hearing",
      entityId: link.hearingId,
      data: { label: link.label, url: link.url },
    });
  });
  return { removed: true as const };
}
