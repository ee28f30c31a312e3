import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { can, roleMay } from "../access/permissions";
import { dbToDateOnly } from "../dates/dates";

/**
 * The letters waiting for this leader: to approve (the snapshot up for approval, not yet approved by them) or to
 * sign (approved, theirs to sign now: in sequential order only when it is their turn). Earliest deadline first.
 * What qualifies is `can()`'s answer, the same the approval page gives.
 */
export async function listWaitingForMe(db: Db, actor: Actor) {
  if (!roleMay(actor.role, "submission.approve") && !roleMay(actor.role, "submission.sign")) return [];
  const rows = await db.submission.findMany({
    where: {
      organisationId: actor.organisationId,
      status: { in: ["AWAITING_APPROVAL", "APPROVED", "SIGNING"] },
    },
    select: {
      id: true,
      title: true,
      recipient: true,
      status: true,
      signingOrder: true,
      snapshotSha256: true,
      hearing: { select: { id: true, title: true, deadline: true } },
      signatories: {
        orderBy: { position: "asc" },
        select: { signatoryId: true, signatory: { select: { userId: true } } },
      },
      approvals: { where: { voidedAt: null }, select: { userId: true, snapshotSha256: true } },
      signatures: { where: { voidedAt: null }, select: { signatoryId: true } },
    },
    orderBy: { hearing: { deadline: "asc" } },
    take: 100,
  });
  return rows.flatMap((s) => {
    const approvers = s.signatories.map((x) => x.signatory.userId).filter(Boolean);
    const mine = s.signatories.find((x) => x.signatory.userId === actor.id);
    const signed = new Set(s.signatures.map((x) => x.signatoryId));
    const subject = {
      submissionStatus: s.status,
      isApprover: approvers.length === 0 || approvers.includes(actor.id),
      approvedByMe: s.approvals.some((a) => a.userId === actor.id && a.snapshotSha256 === s.snapshotSha256),
      isSignatory: !!mine,
      signedByMe: !!mine && signed.has(mine.signatoryId),
    };
    const myTurn =
      s.signingOrder === "PARALLEL" || s.signatories.find((x) => !signed.has(x.signatoryId)) === mine;
    const action = can(actor, "submission.approve", subject)
      ? ("approve" as const)
      : can(actor, "submission.sign", subject) && myTurn
        ? ("sign" as const)
        : null;
    if (!action) return [];
    return [
      {
        id: s.id,
        title: s.title,
        recipient: s.recipient,
        action,
        hearingId: s.hearing.id,
        hearingTitle: s.hearing.title,
        deadline: dbToDateOnly(s.hearing.deadline),
      },
    ];
  });
}
