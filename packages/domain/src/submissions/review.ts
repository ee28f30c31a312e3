/** Review: a draft goes to review and back, and reviewers discuss it in threads on the letter or a section. */
import { z } from "zod";
import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { notify } from "../notifications/notifications";
import { fields, parseInput } from "../common/validation";
import { loadSubmission } from "./load";
import { idVersionInput, lock, moveTo, requireStatusFor } from "./steps";
import { userNames } from "../common/locking";

// ——— Review ———

export async function sendForReview(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.sendForReview");
  const { id, version } = parseInput(idVersionInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor, version);
    requireStatusFor(actor, "submission.sendForReview", s);
    await moveTo(tx, s, "IN_REVIEW", actor);
    await notify(tx, {
      userIds: (await tx.hearingParticipant.findMany({ where: { hearingId: s.hearingId } })).map(
        (p) => p.userId,
      ),
      hearingId: s.hearingId,
      kind: "submission.review",
      path: `/innspill/${s.id}`,
      message: { key: "notifyReview", params: { title: s.title, actor: actor.name } },
      exceptUserId: actor.id,
    });
    return { status: "IN_REVIEW" as const };
  });
}

export async function returnToDraft(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.returnToDraft");
  const { id, version } = parseInput(idVersionInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor, version);
    requireStatusFor(actor, "submission.returnToDraft", s);
    await moveTo(tx, s, "DRAFT", actor);
    return { status: "DRAFT" as const };
  });
}
// ——— Review threads ———

export const reviewCommentInput = z.object({
  submissionId: fields.id(),
  threadId: fields.optionalId(),
  sectionIndex: z.int().min(0).max(1000).nullable().optional(),
  body: fields.requiredText(5000, "textTooLong"),
});

export async function addReviewComment(db: Db, input: unknown, actor: Actor) {
  const data = parseInput(reviewCommentInput, input);
  return db.$transaction(async (tx) => {
    const s = await loadSubmission(tx, data.submissionId, actor);
    let threadId = data.threadId;
    if (threadId) {
      const thread = await tx.reviewThread.findFirst({ where: { id: threadId, submissionId: s.id } });
      if (!thread) throw new AppError("NOT_FOUND", "threadNotFound");
      if (thread.resolvedAt)
        await tx.reviewThread.update({
          where: { id: threadId },
          data: { resolvedAt: null, resolvedById: null },
        });
    } else {
      const section = data.sectionIndex != null ? s.sections[data.sectionIndex] : undefined;
      if (data.sectionIndex != null && !section)
        throw new AppError("BAD_REQUEST", "invalid", { fieldErrors: { sectionIndex: ["invalid"] } });
      const heading = section
        ? section.kind === "BLOCK"
          ? section.blockVersion?.heading
          : section.heading
        : null;
      threadId = (
        await tx.reviewThread.create({
          data: {
            submissionId: s.id,
            createdById: actor.id,
            sectionIndex: data.sectionIndex ?? null,
            sectionHeading: heading ?? null,
          },
        })
      ).id;
    }
    const comment = await tx.reviewComment.create({
      data: { threadId, authorId: actor.id, body: data.body },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.commented",
      entity: "Submission",
      entityId: s.id,
      data: { threadId, sectionIndex: data.sectionIndex ?? null },
    });
    return { threadId, commentId: comment.id };
  });
}

export async function resolveReviewThread(db: Db, input: unknown, actor: Actor) {
  const { threadId } = parseInput(z.object({ threadId: fields.id() }), input);
  return db.$transaction(async (tx) => {
    const thread = await tx.reviewThread.findFirst({
      where: { id: threadId, submission: { organisationId: actor.organisationId } },
    });
    if (!thread) throw new AppError("NOT_FOUND", "threadNotFound");
    if (thread.resolvedAt) return thread;
    const updated = await tx.reviewThread.update({
      where: { id: threadId },
      data: { resolvedAt: new Date(), resolvedById: actor.id },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.threadResolved",
      entity: "Submission",
      entityId: thread.submissionId,
      data: { threadId },
    });
    return updated;
  });
}

export async function listReviewThreads(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const threads = await db.reviewThread.findMany({
    where: { submissionId: id, submission: { organisationId: actor.organisationId } },
    include: { comments: { orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
  const name = await userNames(db, actor.organisationId);
  return threads.map((t) => ({
    id: t.id,
    sectionIndex: t.sectionIndex,
    sectionHeading: t.sectionHeading,
    resolvedAt: t.resolvedAt,
    resolvedBy: t.resolvedById ? (name.get(t.resolvedById) ?? null) : null,
    comments: t.comments.map((c) => ({
      id: c.id,
      author: name.get(c.authorId) ?? "?",
      body: c.body,
      at: c.createdAt,
    })),
  }));
}

// ——— What approvers and signers see ———
