/**
 * A submission: the letter answering one hearing, composed from library blocks (pinned to published versions),
 * local copies of blocks and free text. Saved as a whole under an optimistic lock. `buildSnapshot` turns the saved
 * letter into the canonical snapshot the documents are assembled from, with the warnings an adviser should see.
 */

import { letterModel } from "./model";
import { z } from "zod";
import type { Db, Prisma } from "@innspill/db";
import { LATEST_TEMPLATE_VERSION, renderHtml } from "@innspill/documents/preview";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb, dbToDateOnly, osloDate } from "../dates/dates";
import { journalNumber } from "../noark/journal";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";
import { bodyFactKeys, bodyPositionIds } from "../library/body";
import { letterFieldsOf, saveSubmissionInput } from "./schemas";
import { subjectOf, voidApprovals } from "./steps";
import { SUBMISSION_ACTIONS, availableActions, can } from "../access/permissions";
import { loadSubmission, sectionBody, bodyOf, type FullSubmission } from "./load";
import { buildSnapshot } from "./snapshot";
import { frozenSnapshot, livePlan, planForAudit, samePlan } from "./plan";
import { lockVersioned } from "../common/locking";
import { afterUpdated, pageLimit, updatedCursor, updatedPage } from "../common/paging";

/**
 * A submission: the letter answering one hearing, composed from library blocks (pinned to published versions),
 * local copies of blocks and free text. Saved as a whole under an optimistic lock. `buildSnapshot` turns the saved
 * letter into the canonical snapshot the documents are assembled from, with the warnings an adviser should see.
 */
/** A submission as the API returns it, with what `actor` may do with it now (`actions`). */
function view(s: FullSubmission, actor: Actor) {
  return {
    id: s.id,
    hearing: {
      id: s.hearing.id,
      title: s.hearing.title,
      status: s.hearing.status,
      deadline: dbToDateOnly(s.hearing.deadline),
      caseNumber: journalNumber(s.hearing.caseYear, s.hearing.caseSeq),
      /** The answer's journalpost number, once the letter is sent (registered). */
      answerNumber: (() => {
        const e = s.hearing.journalEntries.find((x) => x.direction === "UT");
        return e ? journalNumber(e.year, e.seq) : null;
      })(),
    },
    version: s.version,
    revision: s.revision,
    status: s.status,
    snapshotSha256: s.snapshotSha256,
    ...letterFieldsOf(s),
    date: dbToDateOnly(s.date),
    updatedAt: s.updatedAt,
    sections: s.sections.map((x) => ({
      key: x.key,
      kind: x.kind,
      showHeading: x.showHeading,
      heading: x.kind === "BLOCK" ? (x.blockVersion?.heading ?? null) : x.heading,
      body: sectionBody(x),
      library: x.blockVersion
        ? {
            blockId: x.blockVersion.blockId,
            versionId: x.blockVersion.id,
            number: x.blockVersion.number,
            heading: x.blockVersion.heading,
            body: bodyOf(x.blockVersion.body),
            plainText: x.blockVersion.plainText,
          }
        : null,
    })),
    signatories: s.signatories.map((x) => ({ signatoryId: x.signatoryId, note: x.note })),
    actions: availableActions(actor, SUBMISSION_ACTIONS, subjectOf(s)),
    /**
     * The signed PDF a sending waits for, to a user who may record the sending once it is there: being `making` by
     * the worker (the page looks again until it is `ready`), or `failed` with a message key; null otherwise.
     */
    signedPdf: !can(actor, "submission.recordSending", { ...subjectOf(s), signedDocumentReady: true })
      ? null
      : s.signedDocument
        ? { state: "ready" as const }
        : s.signedDocumentError
          ? { state: "failed" as const, error: s.signedDocumentError }
          : { state: "making" as const },
    /** Whether a save by this user would void the approvals and signatures: the letter is frozen (put up for approval). */
    editVoidsApprovals: can(actor, "submission.edit", { submissionStatus: s.status }) && !!s.snapshotSha256,
  };
}
export type SubmissionView = ReturnType<typeof view>;

const hearingInput = z.object({ hearingId: fields.id() });
const idInput = z.object({ id: fields.id() });

/** The submission of a hearing, created with the hearing's details on first use (idempotent). */
export async function createSubmission(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.edit");
  const { hearingId } = parseInput(hearingInput, input);
  const hearing = await db.hearing.findFirst({
    where: { id: hearingId, organisationId: actor.organisationId },
    include: {
      issuingBody: true,
      organisation: true,
      submissions: { select: { id: true }, orderBy: { revision: "desc" }, take: 1 },
    },
  });
  if (!hearing) throw new AppError("NOT_FOUND", "hearingNotFound");
  if (hearing.submissions[0]) return { id: hearing.submissions[0].id, created: false };
  return db.$transaction(async (tx) => {
    const s = await tx.submission.create({
      data: {
        organisationId: actor.organisationId,
        hearingId,
        title: defaultLetterTitle(hearing.kind, hearing.title),
        place: "Oslo",
        date: dateOnlyToDb(osloDate(new Date())),
        recipient: hearing.issuingBody.name,
        theirReference: hearing.theirReference,
        // «Vår ref.»: the hearing's own reference, or else its case number (saksnummer, noark/journal.ts).
        ourReference: hearing.ourReference ?? journalNumber(hearing.caseYear, hearing.caseSeq),
        letterheadOrganisation: hearing.organisation.name,
        letterheadAddress: hearing.organisation.address,
        templateVersion: LATEST_TEMPLATE_VERSION,
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.created",
      entity: "Submission",
      entityId: s.id,
      data: { hearingId },
    });
    return { id: s.id, created: true };
  });
}

export async function getSubmission(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(idInput, input);
  return view(await loadSubmission(db, id, actor), actor);
}

/** The submission of a hearing, or null while none is started. */
export async function findSubmissionForHearing(db: Db, input: unknown, actor: Actor) {
  const { hearingId } = parseInput(hearingInput, input);
  return db.submission.findFirst({
    where: { hearingId, organisationId: actor.organisationId },
    select: { id: true, title: true, updatedAt: true, status: true, revision: true },
    orderBy: { revision: "desc" },
  });
}

/** The letter as it will be sent (HTML from the same document model as the files), with its warnings. */
export async function previewSubmission(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(idInput, input);
  const s = await loadSubmission(db, id, actor);
  const built = await buildSnapshot(db, s);
  return {
    version: s.version,
    html: renderHtml(await letterModel(db, built.snapshot)),
    warnings: built.warnings,
    snapshotSha256: built.sha256,
  };
}

/** The name of who saved the letter last (its latest «submission.saved» audit event), or null. */
async function lastSavedBy(tx: Prisma.TransactionClient, id: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ name: string }[]>`
    SELECT u.name FROM "AuditEvent" a JOIN "User" u ON u.id = a."actorId"
     WHERE a.entity = 'Submission' AND a."entityId" = ${id} AND a.action = 'submission.saved'
     ORDER BY a."createdAt" DESC, a.id DESC LIMIT 1`;
  return row?.name ?? null;
}

/**
 * Saves the whole letter: fields, sections (in order) and signatories. A save from an older version is a CONFLICT
 * that carries the saved letter, so the composer can show both and nothing typed is lost.
 */
export async function saveSubmission(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.edit");
  const data = parseInput(saveSubmissionInput, input);
  // Each section's text is its own in the co-writing document: two sections never share a key.
  const keys = data.sections.flatMap((x) => (x.key ? [x.key] : []));
  if (new Set(keys).size !== keys.length)
    throw new AppError("BAD_REQUEST", "invalid", { fieldErrors: { sections: ["invalid"] } });
  return db.$transaction(async (tx) => {
    await lockVersioned(
      tx,
      "Submission",
      { id: data.id, organisationId: actor.organisationId },
      {
        version: data.version,
        notFound: "submissionNotFound",
        conflict: "submissionConflict",
        // The saved letter, and who saved it: the composer names them («Noen andre» said nothing).
        current: async () => ({
          ...view(await loadSubmission(tx, data.id, actor), actor),
          savedBy: await lastSavedBy(tx, data.id),
        }),
      },
    );
    const before = await loadSubmission(tx, data.id, actor);
    // A signed letter stays as it was signed: changes go into a new revision.
    if (!can(actor, "submission.edit", { submissionStatus: before.status }))
      throw new AppError("BAD_REQUEST", "submissionLocked");

    // Pinned versions must be published versions of this organisation's blocks.
    const versionIds = [
      ...new Set(data.sections.flatMap((x) => ("blockVersionId" in x ? [x.blockVersionId] : []))),
    ];
    if (versionIds.length) {
      const found = await tx.textBlockVersion.count({
        where: { id: { in: versionIds }, block: { organisationId: actor.organisationId } },
      });
      if (found !== versionIds.length)
        throw new AppError("BAD_REQUEST", "unknownBlockVersion", {
          fieldErrors: { sections: ["unknownBlockVersion"] },
        });
    }
    // Local copies and free text may only refer to this organisation's facts and positions.
    const own = data.sections.flatMap((x) => ("body" in x ? [x.body] : []));
    const positionIds = [...new Set(own.flatMap(bodyPositionIds))];
    if (
      positionIds.length &&
      (await tx.position.count({
        where: { id: { in: positionIds }, organisationId: actor.organisationId },
      })) !== positionIds.length
    )
      throw new AppError("BAD_REQUEST", "unknownPositions", {
        fieldErrors: { sections: ["unknownPositions"] },
      });
    const factKeys = [...new Set(own.flatMap(bodyFactKeys))];
    if (
      factKeys.length &&
      (await tx.fact.count({ where: { key: { in: factKeys }, organisationId: actor.organisationId } })) !==
        factKeys.length
    )
      throw new AppError("BAD_REQUEST", "unknownFacts", { fieldErrors: { sections: ["unknownFacts"] } });

    const signatoryIds = data.signatories.map((x) => x.signatoryId);
    if (
      signatoryIds.length &&
      (await tx.signatory.count({
        where: { id: { in: signatoryIds }, organisationId: actor.organisationId, active: true },
      })) !== signatoryIds.length
    )
      throw new AppError("BAD_REQUEST", "unknownSignatory", {
        fieldErrors: { signatories: ["unknownSignatory"] },
      });

    await tx.submissionSection.deleteMany({ where: { submissionId: data.id } });
    await tx.submissionSignatory.deleteMany({ where: { submissionId: data.id } });
    await tx.submission.update({
      where: { id: data.id },
      data: {
        ...letterFieldsOf(data),
        date: dateOnlyToDb(data.date),
        version: { increment: 1 },
        sections: {
          create: data.sections.map((x, position) => ({
            position,
            key: x.key,
            kind: x.kind,
            showHeading: x.showHeading,
            blockVersionId: "blockVersionId" in x ? x.blockVersionId : null,
            heading: "heading" in x ? x.heading : null,
            body: "body" in x ? (x.body as Prisma.InputJsonValue) : undefined,
          })),
        },
        signatories: {
          create: data.signatories.map((x, position) => ({
            position,
            signatoryId: x.signatoryId,
            note: x.note,
          })),
        },
      },
    });
    const after = await loadSubmission(tx, data.id, actor);
    const [planBefore, planAfter] = [livePlan(before), livePlan(after)];
    const planChanged = !samePlan(planBefore, planAfter);
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.saved",
      entity: "Submission",
      entityId: data.id,
      data: {
        version: data.version + 1,
        sections: data.sections.length,
        // Who signs and in which order, before and after, when the save changed it.
        ...(planChanged
          ? { signing: { before: planForAudit(planBefore), after: planForAudit(planAfter) } }
          : {}),
      },
    });
    // Any change to what was put up for approval (its text, who signs, the order) voids the approvals and
    // signatures, and returns it to review.
    if (before.snapshotSha256) {
      const built = await buildSnapshot(tx, after);
      const frozen = await frozenSnapshot(tx, before);
      // A letter frozen before the plan was hashed: its text by the old hash, its plan against the one it had.
      const unchanged =
        frozen && !frozen.signing
          ? built.sha256WithoutPlan() === before.snapshotSha256 && !planChanged
          : built.sha256 === before.snapshotSha256;
      if (!unchanged) await voidApprovals(tx, after, actor, planChanged ? "signingPlanChanged" : "edited");
    }
    return view(await loadSubmission(tx, data.id, actor), actor);
  });
}

/** A page of the letters list. */
const SUBMISSION_PAGE = 50;

export const listSubmissionsInput = z
  .object({
    limit: pageLimit(SUBMISSION_PAGE),
    /** The last letter of the page before: when it was changed, and its id. */
    cursor: updatedCursor(),
  })
  .default({ limit: SUBMISSION_PAGE });

/** The organisation's letters, most recently edited first, a page at a time with the total on the first. */
export async function listSubmissions(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(listSubmissionsInput, input);
  const where: Prisma.SubmissionWhereInput = { organisationId: actor.organisationId };
  const after = afterUpdated(q.cursor);
  const [rows, total] = await Promise.all([
    db.submission.findMany({
      where: after ? { AND: [where, after] } : where,
      include: {
        hearing: { select: { id: true, title: true, deadline: true, status: true } },
        renders: { orderBy: { createdAt: "desc" }, take: 1, select: { status: true, createdAt: true } },
        _count: { select: { sections: true } },
      },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: q.limit + 1,
    }),
    q.cursor ? null : db.submission.count({ where }),
  ]);
  const page = updatedPage(rows, q.limit);
  return {
    items: page.items.map((s) => ({
      id: s.id,
      title: s.title,
      /** A hearing's letters are told apart by their revision and their own status (not the hearing's). */
      revision: s.revision,
      status: s.status,
      date: dbToDateOnly(s.date),
      updatedAt: s.updatedAt,
      hearing: { ...s.hearing, deadline: dbToDateOnly(s.hearing.deadline) },
      sections: s._count.sections,
      lastRender: s.renders[0] ?? null,
    })),
    total,
    nextCursor: page.nextCursor,
  };
}

/**
 * The letter's first title, from the hearing's: «Høringssvar – X» for a hearing, «Innspill – X» otherwise, without
 * saying the kind twice when the hearing's title already names it («Høring – X», «Høring om X»).
 */
export function defaultLetterTitle(kind: string, hearingTitle: string): string {
  const lead = kind === "HORING" ? "Høringssvar" : "Innspill";
  const t = hearingTitle.trim();
  const withPreposition =
    /^(?:høring|innspill|anmodning om innspill|forespørsel om innspill)\s+(om|til|av|på)\s+(.+)$/isu.exec(t);
  const withDash =
    /^(?:høring|høringsnotat|innspill|anmodning om innspill|forespørsel om innspill)\s*[–—:-]\s*(.+)$/isu.exec(
      t,
    );
  const title = withPreposition
    ? `${lead} ${withPreposition[1]!.toLowerCase()} ${withPreposition[2]}`
    : `${lead} – ${withDash ? withDash[1] : t}`;
  return title.slice(0, 300);
}
