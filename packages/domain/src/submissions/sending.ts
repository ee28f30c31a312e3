/** Sending: recording how and when a signed letter left, with its provenance; and new revisions of a signed letter. */
import { z } from "zod";
import type { Db, DbTx } from "@innspill/db";
import { LATEST_TEMPLATE_VERSION, type SubmissionSnapshot } from "@innspill/documents/preview";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb } from "../dates/dates";
import { AppError } from "../common/errors";
import { bodyToPlainText, blockBody } from "../library/body";
import { fields, parseInput } from "../common/validation";
import { lock, moveTo, type Loaded, requireStatusFor, subjectOf } from "./steps";
import { can } from "../access/permissions";
import { registerJournal } from "../noark/journal";
import { recordRestatementUsages } from "../memory/restatements";
import { letterFieldsOf } from "./schemas";

export const recordSendingInput = z.object({
  id: fields.id(),
  sentOn: fields.dateOnly(),
  channel: z.enum(["EPOST", "REGJERINGEN_SKJEMA", "STORTINGET", "ANNET"], { error: "invalid" }),
  recipient: fields.requiredText(300, "textTooLong"),
  receipt: fields.optionalText(2000, "textTooLong"),
  receiptUrl: fields.optionalUrl(),
});

export async function recordSending(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.recordSending");
  const data = parseInput(recordSendingInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, data.id, actor);
    // A letter is sent as it was signed: the signed PDF must exist before the sending is recorded. The letter's view
    // offers the action only then (the permission table says so); this is the server's own check, on the letter as
    // loaded under its lock, for a request made before the view was read again.
    if (
      !s.signedDocument &&
      can(actor, "submission.recordSending", { ...subjectOf(s), signedDocumentReady: true })
    )
      throw new AppError("CONFLICT", "sendingNeedsSignedDocument");
    requireStatusFor(actor, "submission.recordSending", s);
    await tx.submissionSending.create({
      data: {
        submissionId: s.id,
        sentOn: dateOnlyToDb(data.sentOn),
        channel: data.channel,
        recipient: data.recipient,
        receipt: data.receipt,
        receiptUrl: data.receiptUrl,
        recordedById: actor.id,
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.sent",
      entity: "Submission",
      entityId: s.id,
      data: {
        sentOn: data.sentOn,
        channel: data.channel,
        recipient: data.recipient,
        receiptUrl: data.receiptUrl,
      },
    });
    await recordProvenance(tx, s, data.sentOn, data.recipient);
    await registerJournal(tx, s.hearingId);
    // The letter is out: every milestone of the hearing is done, ticked by whoever recorded the sending.
    await tx.milestone.updateMany({
      where: { hearingId: s.hearingId, doneAt: null },
      data: { doneAt: new Date(), doneById: actor.id, version: { increment: 1 } },
    });
    await moveTo(tx, s, "SENT", actor);
    return { status: "SENT" as const };
  });
}

/** The sent letter's positions and blocks get a usage row each: where, when, to whom, and in which words. */
async function recordProvenance(tx: DbTx, s: Loaded, sentOn: string, recipient: string) {
  const render = await tx.submissionRender.findUniqueOrThrow({
    where: { submissionId_snapshotSha256: { submissionId: s.id, snapshotSha256: s.snapshotSha256! } },
  });
  const snapshot = JSON.parse(render.snapshot) as SubmissionSnapshot;
  const usedOn = dateOnlyToDb(sentOn);
  const positionIds = Object.keys(snapshot.positions);
  const positions = await tx.position.findMany({
    where: { id: { in: positionIds } },
    include: { versions: { orderBy: { number: "desc" }, take: 1 } },
  });
  for (const p of positions)
    await tx.positionUsage.create({
      data: {
        positionId: p.id,
        positionVersionId: p.versions[0]?.id ?? null,
        hearingId: s.hearingId,
        submissionId: s.id,
        origin: "composed",
        usedOn,
        recipient,
        wording: snapshot.positions[p.id]!,
      },
    });
  // Sentences of its own text the adviser linked to the positions they restate (the composer's recognition).
  await recordRestatementUsages(tx, s, snapshot, usedOn, recipient);
  const statements = new Map(Object.entries(snapshot.positions));
  for (const [i, x] of s.sections.entries()) {
    if (!x.blockVersionId) continue;
    const body = blockBody.safeParse(snapshot.sections[i]?.body);
    await tx.blockUsage.create({
      data: {
        blockVersionId: x.blockVersionId,
        hearingId: s.hearingId,
        submissionId: s.id,
        origin: "composed",
        usedOn,
        recipient,
        // The words as sent: facts at their value in the letter.
        wording: body.success
          ? bodyToPlainText(body.data, statements).replace(
              /\{\{([\w.-]+)\}\}/g,
              (_, k: string) => snapshot.facts[k] ?? "",
            )
          : "",
      },
    });
  }
}

/** A new revision of a signed letter to change it; the signed one stays as it was. */
export async function createRevision(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.createRevision");
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor);
    requireStatusFor(actor, "submission.createRevision", s);
    const newest = await tx.submission.findFirst({
      where: { hearingId: s.hearingId },
      orderBy: { revision: "desc" },
    });
    if (newest && newest.id !== s.id) return { id: newest.id, revision: newest.revision };
    const copy = await tx.submission.create({
      data: {
        organisationId: s.organisationId,
        hearingId: s.hearingId,
        revision: s.revision + 1,
        ...letterFieldsOf(s),
        // A new version is a new letter: the latest template (the signed one keeps its own).
        templateVersion: LATEST_TEMPLATE_VERSION,
        sections: {
          create: s.sections.map((x) => ({
            position: x.position,
            kind: x.kind,
            showHeading: x.showHeading,
            blockVersionId: x.blockVersionId,
            heading: x.heading,
            body: x.body ?? undefined,
          })),
        },
        signatories: {
          create: s.signatories.map((x) => ({
            position: x.position,
            signatoryId: x.signatoryId,
            note: x.note,
          })),
        },
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.revised",
      entity: "Submission",
      entityId: copy.id,
      data: { from: s.id, revision: copy.revision },
    });
    await moveTo(tx, { ...s, id: copy.id }, "DRAFT", actor);
    return { id: copy.id, revision: copy.revision };
  });
}
