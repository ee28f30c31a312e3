/**
 * The signed document: after the last signature the worker makes the final PDF/A from the frozen snapshot, with an
 * "Elektronisk godkjent" line under each signatory and one short verification page (who signed when, the content
 * hash, the approved letter's hash, where to verify): what the recipient gets, and nothing internal. The full audit
 * trail is a separate PDF/A for the archive. Both are stored once and never changed (database triggers);
 * verification looks the PDF's own SHA-256 up.
 */
import { letterModel } from "./model";
import { sha256 } from "../common/hash";
import { z } from "zod";
import type { SubmissionJob } from "../common/jobs";
import type { Db } from "@innspill/db";
import { type DocumentModel, type SubmissionSnapshot } from "@innspill/documents/preview";
import { authorize, type Actor } from "../access/actor";
import { can } from "../access/permissions";
import { coalesceEdits, recordAudit } from "../common/audit";
import { notify } from "../notifications/notifications";
import { AppError } from "../common/errors";
import { formatDate, formatDateTime, osloDate } from "../dates/dates";
import { fields, parseInput } from "../common/validation";
import { fileNameOf } from "./renders";
import { DOCUMENT_MEDIA_TYPES, storeFiles } from "../common/stored-files";
import { userNames } from "../common/locking";
import { livePlan, planOfSnapshot } from "./plan";

/** Every event of a submission in words; the trail never shows a raw key. */
const EVENT_TEXT: Record<string, string> = {
  "submission.created": "Innspillet ble opprettet",
  "submission.saved": "Redigert",
  "submission.revised": "Ny versjon påbegynt",
  "submission.transitioned": "Status endret",
  "submission.renderRequested": "Dokument laget",
  "submission.approvalRequested": "Sendt til godkjenning",
  "submission.approved": "Godkjent",
  "submission.approvalVoided": "Godkjenning opphevet (brevet ble endret)",
  "submission.signed": "Signert",
  "submission.signedDocumentCreated": "Signert dokument laget",
  "submission.signedDocumentFailed": "Det signerte dokumentet kunne ikke lages",
  "submission.sent": "Sendt",
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
    orderBy: { createdAt: "asc" },
  });
  const events = await db.auditEvent.findMany({
    where: { entity: "Submission", entityId: submissionId },
    orderBy: { id: "asc" },
  });
  const snapshot = JSON.parse(render.snapshot) as SubmissionSnapshot;
  const letter = await letterModel(db, snapshot);
  // The names printed are the approved snapshot's; each line marks the signature of the signatory the approved plan
  // puts there, and that signature must be by the user the plan names for it (plan.ts).
  const plan = planOfSnapshot(snapshot) ?? livePlan(s);
  const signerMismatch =
    plan.frozen &&
    signatures.some(
      (g) => plan.signatories.find((x) => x.signatoryId === g.signatoryId)?.userId !== g.userId,
    );
  const name = await userNames(db, s.organisationId);
  // Under a name, the line says who approved electronically when that login goes by another name: the PDF never
  // prints one person's name over another person's signature without saying so.
  const lines = plan.signatories.map((x) => {
    const sig = signatures.find((g) => g.signatoryId === x.signatoryId);
    if (!sig) return "";
    const signer = name.get(sig.userId);
    const by = signer && signer !== x.name ? ` av ${signer}` : "";
    return `Elektronisk godkjent${by} ${formatDate(osloDate(sig.createdAt))}`;
  });
  const trail = auditTrailLines(events, name);
  return {
    done: false as const,
    submissionId,
    snapshotSha256,
    letter,
    /** A signature by another user than the approved plan names for its signatory: never made into a document. */
    signerMismatch,
    /** The approved letter's PDF must be this render's (made from the same snapshot). */
    renderId: render.id,
    letterPdfSha256: render.pdfSha256,
    /** What the recipient's copy adds to the letter: the approval lines and one short verification page. */
    signing: (letterPdfSha256: string, verifyUrl: string): DocumentModel["signing"] => ({
      lines,
      verification: {
        heading: "Verifisering",
        intro: `Dette dokumentet er godkjent og signert elektronisk i Innspill. Kontroller det på ${verifyUrl}: last opp PDF-en, så vises hvem som signerte og når.`,
        facts: [
          ...signatures.map((g) => ({
            label: "Signert av",
            value: `${name.get(g.userId) ?? "?"}, ${formatDateTime(g.createdAt)}${
              g.passkeyCredentialId ? `, med passnøkkel ${g.passkeyCredentialId}` : ""
            }`,
          })),
          { label: "Innhold (SHA-256)", value: snapshotSha256 },
          { label: "Godkjent brev (SHA-256)", value: letterPdfSha256 },
        ],
      },
    }),
    /** The full trail, for the archive: a document of its own with the letter's letterhead. */
    auditTrail: {
      ...letter,
      recipient: null,
      references: [],
      title: `Logg for godkjenning og signering: ${letter.title}`,
      sections: [
        {
          heading: null,
          blocks: [
            {
              kind: "paragraph" as const,
              runs: [
                {
                  kind: "text" as const,
                  text: `Hendelser for innspillet fra det ble opprettet til det signerte dokumentet ble laget. Innhold (SHA-256): ${snapshotSha256}.`,
                },
              ],
            },
          ],
        },
        {
          heading: "Hendelser",
          blocks: [
            {
              kind: "bullets" as const,
              items: trail.map((line) => [{ kind: "text" as const, text: line }]),
            },
          ],
        },
      ],
      closing: "",
      signatories: [],
      footnotes: [],
    } satisfies DocumentModel,
  };
}

/**
 * The audit trail in words, oldest first: each event with its time and who did it; one person's edits within an hour
 * of each other are one «Redigert» line.
 */
export function auditTrailLines(
  events: { action: string; actorId: string | null; createdAt: Date; data: unknown }[],
  name: Map<string, string>,
): string[] {
  return coalesceEdits(events).map((e) => {
    const data = (e.data ?? {}) as Record<string, unknown>;
    const status =
      e.action === "submission.transitioned" && typeof data.to === "string"
        ? ` (${STATUS_TEXT[data.to] ?? "ukjent status"})`
        : "";
    const who = e.actorId ? ` – ${name.get(e.actorId) ?? "ukjent bruker"}` : "";
    const passkey =
      e.action === "submission.signed" && typeof data.passkeyCredentialId === "string"
        ? ` (bekreftet med passnøkkel ${data.passkeyCredentialId})`
        : "";
    return `${formatDateTime(e.createdAt)}: ${EVENT_TEXT[e.action] ?? "Annen hendelse"}${status}${who}${passkey}`;
  });
}

/**
 * The signed document cannot be made (`reason`, a message key): the letter shows why, and the organisation's admins
 * are told, in the app and by e-mail, with a link to the letter. Recovery: a new revision, approved and signed again
 * (docs/operations.md).
 */
export async function recordSignedDocumentFailure(db: Db, submissionId: string, reason: string) {
  await db.$transaction(async (tx) => {
    const s = await tx.submission.update({
      where: { id: submissionId },
      data: { signedDocumentError: reason },
      select: { id: true, title: true, organisationId: true, hearingId: true },
    });
    const admins = await tx.user.findMany({
      where: { organisationId: s.organisationId, role: "ADMIN", active: true },
      select: { id: true },
    });
    await notify(tx, {
      userIds: admins.map((a) => a.id),
      hearingId: s.hearingId,
      kind: "submission.signedDocumentFailed",
      path: `/innspill/${s.id}/godkjenning`,
      message: { key: "notifySignedDocumentFailed", params: { title: s.title } },
      email: true,
    });
    await recordAudit(tx, {
      organisationId: s.organisationId,
      actorId: null,
      action: "submission.signedDocumentFailed",
      entity: "Submission",
      entityId: s.id,
      data: { reason },
    });
  });
}

/** Stores the final PDF (and the approved letter's PDF if it was made here) and records the signed document. */
export async function completeFinalDocument(
  db: Db,
  input: {
    submissionId: string;
    snapshotSha256: string;
    letterPdf: Uint8Array;
    finalPdf: Uint8Array;
    auditPdf: Uint8Array;
  },
) {
  const letterSha = sha256(input.letterPdf);
  const finalSha = sha256(input.finalPdf);
  const auditSha = sha256(input.auditPdf);
  await db.$transaction(async (tx) => {
    const pdf = (bytes: Uint8Array) => ({ bytes, mediaType: DOCUMENT_MEDIA_TYPES.pdf });
    await storeFiles(tx, {
      letter: pdf(input.letterPdf),
      final: pdf(input.finalPdf),
      audit: pdf(input.auditPdf),
    });
    const exists = await tx.signedDocument.findUnique({ where: { submissionId: input.submissionId } });
    if (exists) return;
    await tx.submission.update({ where: { id: input.submissionId }, data: { signedDocumentError: null } });
    await tx.signedDocument.create({
      data: {
        submissionId: input.submissionId,
        snapshotSha256: input.snapshotSha256,
        letterPdfSha256: letterSha,
        pdfSha256: finalSha,
        auditPdfSha256: auditSha,
      },
    });
    const s = await tx.submission.findUniqueOrThrow({ where: { id: input.submissionId } });
    await recordAudit(tx, {
      organisationId: s.organisationId,
      actorId: null,
      action: "submission.signedDocumentCreated",
      entity: "Submission",
      entityId: s.id,
      data: { pdfSha256: finalSha, letterPdfSha256: letterSha, auditPdfSha256: auditSha },
    });
  });
  return { pdfSha256: finalSha, letterPdfSha256: letterSha, auditPdfSha256: auditSha };
}

/**
 * The signed PDF of a submission, for download: the recipient's copy, or with `part: "log"` the audit trail for the
 * archive.
 */
export async function getSignedDocument(db: Db, input: unknown, actor: Actor) {
  const { id, part } = parseInput(
    z.object({ id: fields.id(), part: z.enum(["letter", "log"]).default("letter") }),
    input,
  );
  authorize(actor, "submission.downloadSigned");
  const doc = await db.signedDocument.findFirst({
    where: { submissionId: id, submission: { organisationId: actor.organisationId } },
    include: { submission: { select: { title: true, status: true } } },
  });
  const sha = part === "log" ? doc?.auditPdfSha256 : doc?.pdfSha256;
  if (!doc || !sha) throw new AppError("NOT_FOUND", "renderNotFound");
  if (!can(actor, "submission.downloadSigned", { submissionStatus: doc.submission.status }))
    throw new AppError("FORBIDDEN", "forbidden");
  const file = await db.storedFile.findUniqueOrThrow({ where: { sha256: sha } });
  return {
    filename: `${fileNameOf(doc.submission.title)} (${part === "log" ? "logg" : "signert"}).pdf`,
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
 * Public: holding the PDF is what is being checked. The answer names what a recipient needs (the letter, the
 * organisation, who signed and when, the hashes) and no internal id.
 */
export async function verifyDocument(db: Db, bytes: Uint8Array) {
  return verifyDocumentHash(db, sha256(bytes));
}

/** `verifyDocument` by the PDF's SHA-256 (hex), for a caller that hashed the file as it streamed in. */
export async function verifyDocumentHash(db: Db, hash: string) {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError("BAD_REQUEST", "invalid");
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
    title: doc.submission.title,
    hearing: doc.submission.hearing.title,
    revision: doc.submission.revision,
    snapshotSha256: doc.snapshotSha256,
    signedAt: doc.createdAt,
    signatures: doc.submission.signatures
      .filter((x) => x.snapshotSha256 === doc.snapshotSha256)
      .map((x) => ({
        name: name.get(x.userId) ?? "?",
        at: x.createdAt,
        /** The passkey that confirmed the signature (WebAuthn credential id), or null (password, single sign-on). */
        passkeyCredentialId: x.passkeyCredentialId,
      })),
  };
}
