/**
 * The submission workflow's shared steps. A submission moves
 *   DRAFT → IN_REVIEW → AWAITING_APPROVAL → APPROVED → SIGNING → SIGNED → SENT
 * and its hearing follows (under arbeid → til gjennomgang → til godkjenning → til signering → sendt).
 *
 * Every step locks the submission row (FOR UPDATE), so concurrent approvals or signatures end in one consistent
 * state. An edit to a frozen letter voids its approvals and signatures (rows are voided, never deleted) and sends it
 * back to review.
 */
import { z } from "zod";
import type { DbTx, Prisma } from "@innspill/db";
import type { HearingStatus, SubmissionStatus } from "@innspill/db/enums";
import type { Actor } from "../access/actor";
import { recordAudit } from "../common/audit";
import { notify } from "../notifications/notifications";
import { fields } from "../common/validation";
import { loadSubmission } from "./load";
import { lockVersioned } from "../common/locking";
import { AppError } from "../common/errors";
import { PERMISSIONS, can, type Action, type Subject } from "../access/permissions";

/** The hearing's status for each submission status. */
const HEARING_STATUS_FOR: Record<SubmissionStatus, HearingStatus> = {
  DRAFT: "UNDER_ARBEID",
  IN_REVIEW: "TIL_GJENNOMGANG",
  AWAITING_APPROVAL: "TIL_GODKJENNING",
  APPROVED: "TIL_SIGNERING",
  SIGNING: "TIL_SIGNERING",
  SIGNED: "TIL_SIGNERING",
  SENT: "SENDT",
};

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export const idVersionInput = z.object({ id: fields.id(), version: fields.version() });
export const sha = z.string().regex(/^[0-9a-f]{64}$/, { error: "invalid" });

/** Locks the submission row; with `version`, a stale one is a CONFLICT. */
export async function lock(tx: DbTx, id: string, actor: Actor, version?: number) {
  await lockVersioned(
    tx,
    "Submission",
    { id, organisationId: actor.organisationId },
    { version, notFound: "submissionNotFound", conflict: "submissionConflict" },
  );
  return loadSubmission(tx, id, actor);
}

export type Loaded = Awaited<ReturnType<typeof loadSubmission>>;

/** Moves the submission and its hearing on, with an audit event for each. */
export async function moveTo(
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
export async function approverIds(tx: DbTx, s: Loaded): Promise<string[] | null> {
  const ids = s.signatories.map((x) => x.signatory.userId).filter((x): x is string => !!x);
  return ids.length ? [...new Set(ids)] : null;
}

export async function leaderIds(tx: DbTx, organisationId: string) {
  return (
    await tx.user.findMany({
      where: { organisationId, role: { in: [...PERMISSIONS["submission.approve"].roles] }, active: true },
      select: { id: true },
    })
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
    path: `/innspill/${s.id}`,
    message: { key: "notifyApprovalVoided", params: { title: s.title, actor: actor.name } },
    email: true,
    exceptUserId: actor.id,
  });
  return { approvals: approvals.count, signatures: signatures.count };
}

/**
 * The letter's status must allow this step. What each status allows is decided in `access/permissions.ts` (`can`), the same
 * answer the UI gets as `actions`; the caller has checked the role already, so a refusal here is about the status.
 */
/** The letter as the permission table reads it: its status, and whether its signed PDF exists. */
export const subjectOf = (s: { status: SubmissionStatus; signedDocument?: unknown }): Subject => ({
  submissionStatus: s.status,
  signedDocumentReady: !!s.signedDocument,
});

export function requireStatusFor(
  actor: Actor,
  action: Action,
  s: { status: SubmissionStatus; signedDocument?: unknown },
) {
  if (!can(actor, action, subjectOf(s))) throw new AppError("BAD_REQUEST", "submissionWrongStatus");
}
