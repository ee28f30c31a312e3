/**
 * Approval. Asking for approval freezes the letter as a snapshot (canonical JSON with its SHA-256, stored with its
 * render); approvals name that hash and the server refuses any other.
 */
import { z } from "zod";
import type { JobQueue } from "../common/jobs";
import type { Db, DbTx } from "@innspill/db";
import { assemble, modelToText, type SubmissionSnapshot } from "@innspill/documents/preview";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { markActedOn, notify } from "../notifications/notifications";
import { fields, parseInput } from "../common/validation";
import { buildSnapshot } from "./snapshot";
import { loadSubmission } from "./load";
import { approvedPlan, livePlan, planApprovers, planForAudit } from "./plan";
import {
  approverIds,
  idVersionInput,
  leaderIds,
  lock,
  moveTo,
  sha,
  voidApprovals,
  type Loaded,
  requireStatusFor,
} from "./steps";

export const requestApprovalInput = idVersionInput.extend({
  /** Open review threads are shown first; asking anyway must be deliberate. */
  acknowledgeOpenThreads: z.boolean().default(false),
});

/**
 * Freezes the saved letter as a snapshot and asks the approvers. Its documents are queued at once, in the same
 * transaction, so approvers can read the PDF too (the same hash the approvers see and the worker renders).
 */
export async function requestApproval(db: Db, input: unknown, actor: Actor, jobs: JobQueue) {
  authorize(actor, "submission.requestApproval");
  const { id, version, acknowledgeOpenThreads } = parseInput(requestApprovalInput, input);
  return db.$transaction(async (tx) => {
    let s = await lock(tx, id, actor, version);
    requireStatusFor(actor, "submission.requestApproval", s);
    // The signatories' rows are held until this commits: a concurrent change of a login (`updateSignatory`) either
    // lands before the plan is frozen (and is in it) or after (and is refused, the letter now awaiting approval).
    if (s.signatories.length) {
      await tx.$queryRaw`SELECT id FROM "Signatory" WHERE id = ANY(${s.signatories.map((x) => x.signatoryId)}::uuid[]) FOR SHARE`;
      s = await loadSubmission(tx, id, actor);
    }
    if (!s.sections.length) throw new AppError("BAD_REQUEST", "renderNeedsSections");
    if (!s.signatories.length) throw new AppError("BAD_REQUEST", "renderNeedsSignatory");
    const open = await tx.reviewThread.count({ where: { submissionId: id, resolvedAt: null } });
    if (open && !acknowledgeOpenThreads)
      throw new AppError("BAD_REQUEST", "openThreads", { details: { open } });
    const built = await buildSnapshot(tx, s);
    const render = await tx.submissionRender.upsert({
      where: { submissionId_snapshotSha256: { submissionId: id, snapshotSha256: built.sha256 } },
      create: {
        submissionId: id,
        snapshotSha256: built.sha256,
        snapshot: built.json,
        requestedById: actor.id,
      },
      update: {},
    });
    await moveTo(tx, s, "AWAITING_APPROVAL", actor, { snapshotSha256: built.sha256 });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.approvalRequested",
      entity: "Submission",
      entityId: id,
      data: { snapshotSha256: built.sha256, openThreads: open, signing: planForAudit(livePlan(s)) },
    });
    await notify(tx, {
      userIds: (await approverIds(tx, s)) ?? (await leaderIds(tx, s.organisationId)),
      hearingId: s.hearingId,
      kind: "submission.approvalRequested",
      path: `/innspill/${s.id}/godkjenning`,
      message: { key: "notifyApprovalRequested", params: { title: s.title, actor: actor.name } },
      email: true,
      exceptUserId: actor.id,
    });
    const enqueue = render.status !== "DONE";
    if (enqueue) await jobs.renderSubmission(tx, { submissionId: id, snapshotSha256: built.sha256 });
    return { snapshotSha256: built.sha256, render, enqueue };
  });
}

export const snapshotHashInput = z.object({ id: fields.id(), snapshotSha256: sha });

export async function recordSeen(tx: DbTx, s: Loaded, snapshotSha256: string, userId: string) {
  const render = await tx.submissionRender.findUnique({
    where: { submissionId_snapshotSha256: { submissionId: s.id, snapshotSha256 } },
  });
  if (!render) return;
  const text = modelToText(assemble(JSON.parse(render.snapshot) as SubmissionSnapshot));
  await tx.submissionViewed.upsert({
    where: { submissionId_userId: { submissionId: s.id, userId } },
    create: { submissionId: s.id, userId, snapshotSha256, text },
    update: { snapshotSha256, text, seenAt: new Date() },
  });
}

/**
 * A leader approves the frozen snapshot by its hash: one of the leaders who sign it (any leader when no signatory has
 * a login). The first approval moves the letter on to signing; a second leader may add theirs while it waits.
 */
export async function approveSubmission(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.approve");
  const { id, snapshotSha256 } = parseInput(snapshotHashInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor);
    if (s.status !== "AWAITING_APPROVAL" && s.status !== "APPROVED")
      throw new AppError("BAD_REQUEST", "submissionWrongStatus");
    if (s.snapshotSha256 !== snapshotSha256) throw new AppError("CONFLICT", "staleSnapshot");
    // The leaders the approved plan names (plan.ts), not whoever the signatories are linked to now.
    const plan = await approvedPlan(tx, s);
    const approvers = planApprovers(plan);
    if (approvers && !approvers.includes(actor.id)) throw new AppError("FORBIDDEN", "notAnApprover");
    const already = await tx.submissionApproval.findFirst({
      where: { submissionId: id, userId: actor.id, snapshotSha256, voidedAt: null },
    });
    if (already) throw new AppError("CONFLICT", "alreadyApproved");
    await tx.submissionApproval.create({ data: { submissionId: id, userId: actor.id, snapshotSha256 } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.approved",
      entity: "Submission",
      entityId: id,
      data: { snapshotSha256 },
    });
    await recordSeen(tx, s, snapshotSha256, actor.id);
    await markActedOn(tx, actor.id, `/innspill/${id}/godkjenning`, [
      "submission.approvalRequested",
      "submission.approvalVoided",
    ]);
    const approvals = await tx.submissionApproval.count({
      where: { submissionId: id, snapshotSha256, voidedAt: null },
    });
    if (s.status === "AWAITING_APPROVAL") {
      await moveTo(tx, s, "APPROVED", actor);
      await notify(tx, {
        userIds: [
          ...plan.signatories.map((x) => x.userId),
          (await tx.hearing.findUniqueOrThrow({ where: { id: s.hearingId } })).responsibleId,
        ],
        hearingId: s.hearingId,
        kind: "submission.approved",
        path: `/innspill/${s.id}/godkjenning`,
        message: { key: "notifyApproved", params: { title: s.title, actor: actor.name } },
        email: true,
        exceptUserId: actor.id,
      });
    }
    return { status: "APPROVED" as const, approvals };
  });
}

export const returnForChangesInput = z.object({
  id: fields.id(),
  comment: fields.requiredText(5000, "textTooLong"),
});

/** Sends a letter awaiting approval (or approved) back to review with a comment; live approvals are voided. */
export async function returnForChanges(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.returnForChanges");
  const { id, comment } = parseInput(returnForChangesInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor);
    requireStatusFor(actor, "submission.returnForChanges", s);
    const thread = await tx.reviewThread.create({
      data: {
        submissionId: id,
        createdById: actor.id,
        comments: { create: { authorId: actor.id, body: comment } },
      },
    });
    await voidApprovals(tx, s, actor, "returned");
    return { status: "IN_REVIEW" as const, threadId: thread.id };
  });
}

// ——— Signing ———
