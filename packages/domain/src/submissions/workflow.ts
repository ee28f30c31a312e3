/**
 * Review, approval and signing. A submission moves
 *   DRAFT → IN_REVIEW → AWAITING_APPROVAL → APPROVED → SIGNING → SIGNED → SENT
 * and its hearing follows (under arbeid → til gjennomgang → til godkjenning → til signering → sendt).
 *
 * Asking for approval freezes the letter as a snapshot (canonical JSON with its SHA-256, stored with its render).
 * Approvals and signatures name that hash; the server refuses any other. An edit afterwards voids them (rows are
 * voided, never deleted) and sends the letter back to review. Every step locks the submission row (FOR UPDATE), so
 * concurrent approvals or signatures end in one consistent state; a partial unique index refuses a second live
 * signature by the same signatory even if two requests race.
 */
import { z } from "zod";
import type { Db, DbTx, Prisma } from "@innspill/db";
import type { HearingStatus, SubmissionStatus } from "@innspill/db/enums";
import { assemble, modelToText, renderHtml, type SubmissionSnapshot } from "@innspill/documents/preview";
import type { Actor } from "../actor";
import { requireRole } from "../actor";
import { recordAudit } from "../audit";
import { dateOnlyToDb } from "../dates";
import { AppError } from "../errors";
import { wordDiff } from "../library/diff";
import { bodyToPlainText, blockBody } from "../library/body";
import { notify } from "../notifications";
import { verifyPassword } from "../users/password";
import { fields, parseInput } from "../validation";
import { SUBMISSION_EDITORS, buildSnapshot, loadSubmission } from "./submissions";

export const REAUTH_WINDOW_MS = 5 * 60 * 1000;

/** The hearing's status for each submission status. */
export const HEARING_STATUS_FOR: Record<SubmissionStatus, HearingStatus> = {
  DRAFT: "UNDER_ARBEID",
  IN_REVIEW: "TIL_GJENNOMGANG",
  AWAITING_APPROVAL: "TIL_GODKJENNING",
  APPROVED: "TIL_SIGNERING",
  SIGNING: "TIL_SIGNERING",
  SIGNED: "TIL_SIGNERING",
  SENT: "SENDT",
};

/** Statuses in which the letter has a frozen snapshot that approvals and signatures name. */
const FROZEN: SubmissionStatus[] = ["AWAITING_APPROVAL", "APPROVED", "SIGNING"];

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const idVersionInput = z.object({ id: fields.id(), version: z.int({ error: "invalid" }).min(1) });
const sha = z.string().regex(/^[0-9a-f]{64}$/, { error: "invalid" });

/** Locks the submission row; with `version`, a stale one is a CONFLICT. */
async function lock(tx: DbTx, id: string, actor: Actor, version?: number) {
  const rows = await tx.$queryRaw<{ version: number }[]>`
    SELECT version FROM "Submission" WHERE id = ${id}::uuid AND "organisationId" = ${actor.organisationId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new AppError("NOT_FOUND", "submissionNotFound");
  if (version !== undefined && rows[0].version !== version)
    throw new AppError("CONFLICT", "submissionConflict");
  return loadSubmission(tx, id, actor);
}

type Loaded = Awaited<ReturnType<typeof loadSubmission>>;

/** Moves the submission and its hearing on, with an audit event for each. */
async function moveTo(
  tx: DbTx,
  s: Loaded,
  to: SubmissionStatus,
  actor: Actor,
  data: Prisma.SubmissionUpdateInput = {},
) {
  await tx.submission.update({
    where: { id: s.id },
    data: { ...data, status: to, version: { increment: 1 } },
  });
  await recordAudit(tx, {
    organisationId: actor.organisationId,
    actorId: actor.id,
    action: "submission.transitioned",
    entity: "Submission",
    entityId: s.id,
    data: { from: s.status, to },
  });
  const hearing = await tx.hearing.findUniqueOrThrow({ where: { id: s.hearingId } });
  const target = HEARING_STATUS_FOR[to];
  if (hearing.status !== target && !["SVARER_IKKE", "ARKIVERT"].includes(hearing.status)) {
    await tx.hearing.update({
      where: { id: hearing.id },
      data: { status: target, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "hearing.transitioned",
      entity: "Hearing",
      entityId: hearing.id,
      data: { from: hearing.status, to: target, via: "submission" },
    });
  }
}

/** Who approves: the users behind the letter's signatories; if none has a login, any leader. */
async function approverIds(tx: DbTx, s: Loaded): Promise<string[] | null> {
  const ids = s.signatories.map((x) => x.signatory.userId).filter((x): x is string => !!x);
  return ids.length ? [...new Set(ids)] : null;
}

async function leaderIds(tx: DbTx, organisationId: string) {
  return (
    await tx.user.findMany({ where: { organisationId, role: "LEADER", active: true }, select: { id: true } })
  ).map((u) => u.id);
}

/** Voids live approvals and signatures (the letter changed), and returns it to review. */
export async function voidApprovals(tx: DbTx, s: Loaded, actor: Actor, reason: string) {
  const now = new Date();
  const approvals = await tx.submissionApproval.updateMany({
    where: { submissionId: s.id, voidedAt: null },
    data: { voidedAt: now, voidReason: reason },
  });
  const signatures = await tx.submissionSignature.updateMany({
    where: { submissionId: s.id, voidedAt: null },
    data: { voidedAt: now },
  });
  await recordAudit(tx, {
    organisationId: actor.organisationId,
    actorId: actor.id,
    action: "submission.approvalVoided",
    entity: "Submission",
    entityId: s.id,
    data: {
      reason,
      snapshotSha256: s.snapshotSha256,
      approvals: approvals.count,
      signatures: signatures.count,
    },
  });
  await moveTo(tx, s, "IN_REVIEW", actor, { snapshotSha256: null });
  await notify(tx, {
    userIds: (await approverIds(tx, s)) ?? (await leaderIds(tx, s.organisationId)),
    hearingId: s.hearingId,
    kind: "submission.approvalVoided",
    title: `Godkjenningen av «${s.title}» er opphevet`,
    body: `${actor.name} endret brevet etter godkjenningen. Det er sendt tilbake til gjennomgang.`,
    email: true,
    exceptUserId: actor.id,
  });
  return { approvals: approvals.count, signatures: signatures.count };
}

// ——— Review ———

export async function sendForReview(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, SUBMISSION_EDITORS);
  const { id, version } = parseInput(idVersionInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor, version);
    if (s.status !== "DRAFT") throw new AppError("BAD_REQUEST", "submissionWrongStatus");
    await moveTo(tx, s, "IN_REVIEW", actor);
    await notify(tx, {
      userIds: (await tx.hearingParticipant.findMany({ where: { hearingId: s.hearingId } })).map(
        (p) => p.userId,
      ),
      hearingId: s.hearingId,
      kind: "submission.review",
      title: `«${s.title}» er klar til gjennomgang`,
      body: `${actor.name} ber om gjennomgang av utkastet.`,
      exceptUserId: actor.id,
    });
    return { status: "IN_REVIEW" as const };
  });
}

export async function returnToDraft(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, SUBMISSION_EDITORS);
  const { id, version } = parseInput(idVersionInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor, version);
    if (s.status !== "IN_REVIEW") throw new AppError("BAD_REQUEST", "submissionWrongStatus");
    await moveTo(tx, s, "DRAFT", actor);
    return { status: "DRAFT" as const };
  });
}

export const requestApprovalInput = idVersionInput.extend({
  /** Open review threads are shown first; asking anyway must be deliberate. */
  acknowledgeOpenThreads: z.boolean().default(false),
});

/**
 * Freezes the saved letter as a snapshot and asks the approvers. Returns the render to enqueue (the same hash the
 * approvers see and the worker renders).
 */
export async function requestApproval(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, SUBMISSION_EDITORS);
  const { id, version, acknowledgeOpenThreads } = parseInput(requestApprovalInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor, version);
    if (s.status !== "IN_REVIEW") throw new AppError("BAD_REQUEST", "submissionWrongStatus");
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
      data: { snapshotSha256: built.sha256, openThreads: open },
    });
    await notify(tx, {
      userIds: (await approverIds(tx, s)) ?? (await leaderIds(tx, s.organisationId)),
      hearingId: s.hearingId,
      kind: "submission.approvalRequested",
      title: `Godkjenn «${s.title}»`,
      body: `${actor.name} ber deg godkjenne innspillet.`,
      email: true,
      exceptUserId: actor.id,
    });
    return { snapshotSha256: built.sha256, render, enqueue: render.status !== "DONE" };
  });
}

export const snapshotHashInput = z.object({ id: fields.id(), snapshotSha256: sha });

async function recordSeen(tx: DbTx, s: Loaded, snapshotSha256: string, userId: string) {
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
  requireRole(actor, ["LEADER"]);
  const { id, snapshotSha256 } = parseInput(snapshotHashInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor);
    if (s.status !== "AWAITING_APPROVAL" && s.status !== "APPROVED")
      throw new AppError("BAD_REQUEST", "submissionWrongStatus");
    if (s.snapshotSha256 !== snapshotSha256) throw new AppError("CONFLICT", "staleSnapshot");
    const approvers = await approverIds(tx, s);
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
    const approvals = await tx.submissionApproval.count({
      where: { submissionId: id, snapshotSha256, voidedAt: null },
    });
    if (s.status === "AWAITING_APPROVAL") {
      await moveTo(tx, s, "APPROVED", actor);
      await notify(tx, {
        userIds: [
          ...s.signatories.map((x) => x.signatory.userId),
          (await tx.hearing.findUniqueOrThrow({ where: { id: s.hearingId } })).responsibleId,
        ],
        hearingId: s.hearingId,
        kind: "submission.approved",
        title: `«${s.title}» er godkjent og klar til signering`,
        body: `Godkjent av ${actor.name}.`,
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
  requireRole(actor, ["LEADER", "ADVISER", "ADMIN"]);
  const { id, comment } = parseInput(returnForChangesInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor);
    if (!FROZEN.includes(s.status)) throw new AppError("BAD_REQUEST", "submissionWrongStatus");
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

export const reauthenticateInput = z.object({
  password: z.string({ error: "required" }).min(1, { error: "required" }),
});

/** The password again, before signing. Signing accepts it for five minutes. */
export async function reauthenticate(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  const { password } = parseInput(reauthenticateInput, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new AppError("BAD_REQUEST", "reauthFailed", { fieldErrors: { password: ["reauthFailed"] } });
  await db.user.update({ where: { id: actor.id }, data: { reauthenticatedAt: now } });
  await recordAudit(db, {
    organisationId: actor.organisationId,
    actorId: actor.id,
    action: "user.reauthenticated",
    entity: "User",
    entityId: actor.id,
    data: { via: "password" },
  });
  return { validUntil: new Date(now.getTime() + REAUTH_WINDOW_MS) };
}

/** A fresh OIDC login counts as re-authentication (called from the sign-in callback). */
export async function recordOidcLogin(db: Db, userId: string, now: Date = new Date()) {
  await db.user.update({ where: { id: userId }, data: { reauthenticatedAt: now } });
}

/**
 * Signs the frozen snapshot. Only the user behind a signatory of the letter, re-authenticated within five minutes,
 * in turn when the order is sequential, once. The last signature marks the letter signed; the caller then has the
 * worker make the final PDF/A (`finalize`).
 */
export async function signSubmission(
  db: Db,
  input: unknown,
  actor: Actor,
  client: ClientInfo,
  now: Date = new Date(),
) {
  requireRole(actor, ["LEADER"]);
  const { id, snapshotSha256 } = parseInput(snapshotHashInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor);
    if (!["APPROVED", "SIGNING"].includes(s.status))
      throw new AppError("BAD_REQUEST", "submissionWrongStatus");
    if (s.snapshotSha256 !== snapshotSha256) throw new AppError("CONFLICT", "staleSnapshot");
    const mine = s.signatories.find((x) => x.signatory.userId === actor.id);
    if (!mine) throw new AppError("FORBIDDEN", "notASignatory");
    const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!user.reauthenticatedAt || now.getTime() - user.reauthenticatedAt.getTime() > REAUTH_WINDOW_MS)
      throw new AppError("UNAUTHORIZED", "reauthRequired");
    const live = await tx.submissionSignature.findMany({ where: { submissionId: id, voidedAt: null } });
    if (live.some((x) => x.signatoryId === mine.signatoryId)) throw new AppError("CONFLICT", "alreadySigned");
    if (s.signingOrder === "SEQUENTIAL") {
      const next = s.signatories.find((x) => !live.some((l) => l.signatoryId === x.signatoryId));
      if (next?.signatoryId !== mine.signatoryId)
        throw new AppError("BAD_REQUEST", "notYourTurn", { details: { next: next?.signatory.name ?? null } });
    }
    await tx.submissionSignature.create({
      data: {
        submissionId: id,
        signatoryId: mine.signatoryId,
        userId: actor.id,
        snapshotSha256,
        ip: client.ip?.slice(0, 100) ?? null,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        createdAt: now,
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.signed",
      entity: "Submission",
      entityId: id,
      data: { snapshotSha256, signatory: mine.signatory.name, ip: client.ip, userAgent: client.userAgent },
    });
    await recordSeen(tx, s, snapshotSha256, actor.id);
    const done = live.length + 1 === s.signatories.length;
    if (done) await moveTo(tx, s, "SIGNED", actor);
    else if (s.status === "APPROVED") await moveTo(tx, s, "SIGNING", actor);
    const remaining = s.signatories.filter(
      (x) => x.signatoryId !== mine.signatoryId && !live.some((l) => l.signatoryId === x.signatoryId),
    );
    if (remaining.length)
      await notify(tx, {
        userIds:
          s.signingOrder === "SEQUENTIAL"
            ? [remaining[0]!.signatory.userId]
            : remaining.map((x) => x.signatory.userId),
        hearingId: s.hearingId,
        kind: "submission.sign",
        title: `Signer «${s.title}»`,
        body: `${actor.name} har signert. Det er din tur.`,
        email: true,
      });
    return { status: done ? ("SIGNED" as const) : ("SIGNING" as const), finalize: done, snapshotSha256 };
  });
}

// ——— Sending ———

export const recordSendingInput = z.object({
  id: fields.id(),
  sentOn: fields.dateOnly(),
  channel: z.enum(["EPOST", "REGJERINGEN_SKJEMA", "STORTINGET", "ANNET"], { error: "invalid" }),
  recipient: fields.requiredText(300, "textTooLong"),
  receipt: fields.optionalText(2000, "textTooLong"),
  receiptUrl: fields.optionalUrl(),
});

export async function recordSending(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, SUBMISSION_EDITORS);
  const data = parseInput(recordSendingInput, input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, data.id, actor);
    if (s.status !== "SIGNED") throw new AppError("BAD_REQUEST", "submissionWrongStatus");
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
  requireRole(actor, SUBMISSION_EDITORS);
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor);
    if (!["SIGNED", "SENT"].includes(s.status)) throw new AppError("BAD_REQUEST", "submissionWrongStatus");
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
        title: s.title,
        place: s.place,
        date: s.date,
        recipient: s.recipient,
        theirReference: s.theirReference,
        ourReference: s.ourReference,
        letterheadOrganisation: s.letterheadOrganisation,
        letterheadUnit: s.letterheadUnit,
        letterheadAddress: s.letterheadAddress,
        closing: s.closing,
        signingOrder: s.signingOrder,
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
  const users = await db.user.findMany({
    where: { organisationId: actor.organisationId },
    select: { id: true, name: true },
  });
  const name = new Map(users.map((u) => [u.id, u.name]));
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

/**
 * The approval view: the frozen letter, every local change against its library text, the changes since the
 * viewer last approved or signed, and who has approved and signed.
 */
export async function getApprovalView(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const s = await loadSubmission(db, id, actor);
  const render = s.snapshotSha256
    ? await db.submissionRender.findUnique({
        where: { submissionId_snapshotSha256: { submissionId: id, snapshotSha256: s.snapshotSha256 } },
      })
    : null;
  const model = render ? assemble(JSON.parse(render.snapshot) as SubmissionSnapshot) : null;
  const statements = new Map(
    (
      await db.position.findMany({
        where: { organisationId: actor.organisationId },
        select: { id: true, statement: true },
      })
    ).map((p) => [p.id, p.statement]),
  );
  const localChanges = s.sections.flatMap((x, i) => {
    if (x.kind !== "LOCAL" || !x.blockVersion) return [];
    const body = blockBody.safeParse(x.body);
    const local = `${x.heading ?? ""}\n${body.success ? bodyToPlainText(body.data, statements) : ""}`;
    return [
      {
        section: i,
        heading: x.heading ?? x.blockVersion.heading,
        libraryVersion: x.blockVersion.number,
        diff: wordDiff(`${x.blockVersion.heading}\n${x.blockVersion.plainText}`, local),
      },
    ];
  });
  const seen = await db.submissionViewed.findUnique({
    where: { submissionId_userId: { submissionId: id, userId: actor.id } },
  });
  const text = model ? modelToText(model) : null;
  const [approvals, signatures, users] = await Promise.all([
    db.submissionApproval.findMany({ where: { submissionId: id }, orderBy: { createdAt: "asc" } }),
    db.submissionSignature.findMany({ where: { submissionId: id }, orderBy: { createdAt: "asc" } }),
    db.user.findMany({
      where: { organisationId: actor.organisationId },
      select: { id: true, name: true, reauthenticatedAt: true },
    }),
  ]);
  const name = new Map(users.map((u) => [u.id, u.name]));
  const approvers = await approverIds(db, s);
  const live = signatures.filter((x) => !x.voidedAt);
  const next =
    s.signingOrder === "SEQUENTIAL"
      ? s.signatories.find((x) => !live.some((l) => l.signatoryId === x.signatoryId))
      : null;
  const me = users.find((u) => u.id === actor.id);
  const signed = await db.signedDocument.findUnique({ where: { submissionId: id } });
  // The consistency check, on the saved letter: retired positions, stale facts, diverging local copies, figures.
  const { warnings } = await buildSnapshot(db, s);
  return {
    id: s.id,
    status: s.status,
    signingOrder: s.signingOrder,
    snapshotSha256: s.snapshotSha256,
    html: model ? renderHtml(model) : null,
    renderId: render?.id ?? null,
    localChanges,
    sinceLastSeen:
      seen && text && seen.snapshotSha256 !== s.snapshotSha256
        ? { seenAt: seen.seenAt, diff: wordDiff(seen.text, text) }
        : null,
    approvers: (approvers ?? []).map((u) => ({ userId: u, name: name.get(u) ?? "?" })),
    approvals: approvals.map((a) => ({
      user: name.get(a.userId) ?? "?",
      userId: a.userId,
      at: a.createdAt,
      snapshotSha256: a.snapshotSha256,
      voidedAt: a.voidedAt,
    })),
    signatories: s.signatories.map((x) => {
      const sig = live.find((l) => l.signatoryId === x.signatoryId);
      return {
        signatoryId: x.signatoryId,
        name: x.signatory.name,
        userId: x.signatory.userId,
        signedAt: sig?.createdAt ?? null,
        next: next?.signatoryId === x.signatoryId,
      };
    }),
    voidedSignatures: signatures.filter((x) => x.voidedAt).length,
    /** Whether signing now needs the password again (a margin for the time it takes to click). */
    reauthFresh:
      !!me?.reauthenticatedAt && Date.now() - me.reauthenticatedAt.getTime() < REAUTH_WINDOW_MS - 30_000,
    signedDocument: signed ? { pdfSha256: signed.pdfSha256, createdAt: signed.createdAt } : null,
    warnings: warnings.filter((w) =>
      ["positionRetired", "factStale", "factMissing", "localEditDiverges", "figureContradictsFact"].includes(
        w.kind,
      ),
    ),
    sending: await db.submissionSending.findUnique({ where: { submissionId: id } }),
  };
}
