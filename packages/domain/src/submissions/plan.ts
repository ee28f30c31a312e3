/**
 * The signing plan: who signs a letter (each signatory, and the login linked to it) and in which order. It is part of
 * the canonical snapshot (`signing`), so the hash that approvals name covers it: a change of order or of signatories
 * gives another hash and voids the approvals, and a signatory's login cannot be changed while a letter naming it
 * awaits approval or signing (`updateSignatory`). Approval, signing and the signed document read the plan of the
 * frozen snapshot, never the live links: a signature is only taken from the user the approved plan names for that
 * signatory, and the signed PDF prints the approved names over them.
 *
 * Letters frozen before the plan was in the snapshot (no `signing`) keep their hash and their approvals; their plan is
 * the live one, which from then on cannot change without voiding them (any save rebuilds the snapshot with its plan;
 * relinks are refused).
 */
import type { DbTx } from "@innspill/db";
import type { SubmissionSnapshot } from "@innspill/documents/preview";
import type { FullSubmission } from "./load";

export interface SigningPlan {
  order: "SEQUENTIAL" | "PARALLEL";
  /** In signing order: the signatory, the user who signs for it, the name printed over the signature. */
  signatories: { signatoryId: string; userId: string | null; name: string }[];
  /** Read from the frozen snapshot (false: a letter frozen before plans, read from the live links). */
  frozen: boolean;
}

type PlanSource = {
  signingOrder: SigningPlan["order"];
  signatories: { signatoryId: string; signatory: { userId: string | null; name: string } }[];
};

/** The plan as the letter stands now (what the next snapshot will hold). */
export function livePlan(s: PlanSource): SigningPlan {
  return {
    order: s.signingOrder,
    signatories: s.signatories.map((x) => ({
      signatoryId: x.signatoryId,
      userId: x.signatory.userId,
      name: x.signatory.name,
    })),
    frozen: false,
  };
}

/** The snapshot's `signing`: the part of the plan that is hashed. */
export function snapshotSigning(s: PlanSource): NonNullable<SubmissionSnapshot["signing"]> {
  return {
    order: s.signingOrder,
    signatories: s.signatories.map((x) => ({ signatoryId: x.signatoryId, userId: x.signatory.userId })),
  };
}

/** The plan a frozen snapshot holds, with the names it prints; null for a snapshot from before plans. */
export function planOfSnapshot(snapshot: SubmissionSnapshot): SigningPlan | null {
  const signing = snapshot.signing;
  if (!signing) return null;
  return {
    order: signing.order,
    signatories: signing.signatories.map((x, i) => ({
      signatoryId: x.signatoryId,
      userId: x.userId,
      name: snapshot.signatories[i]?.name ?? "",
    })),
    frozen: true,
  };
}

/** The snapshot frozen for approval (as stored with its render), or null in draft. */
export async function frozenSnapshot(
  tx: DbTx,
  s: Pick<FullSubmission, "id" | "snapshotSha256">,
): Promise<SubmissionSnapshot | null> {
  if (!s.snapshotSha256) return null;
  const render = await tx.submissionRender.findUnique({
    where: { submissionId_snapshotSha256: { submissionId: s.id, snapshotSha256: s.snapshotSha256 } },
    select: { snapshot: true },
  });
  return render ? (JSON.parse(render.snapshot) as SubmissionSnapshot) : null;
}

/** The approved plan: the frozen snapshot's, or for a letter frozen before plans, the live one. */
export async function approvedPlan(
  tx: DbTx,
  s: PlanSource & Pick<FullSubmission, "id" | "snapshotSha256">,
): Promise<SigningPlan> {
  const snapshot = await frozenSnapshot(tx, s);
  return (snapshot && planOfSnapshot(snapshot)) ?? livePlan(s);
}

/** Who approves under a plan: the users it names; null (any leader) when no signatory has a login. */
export function planApprovers(plan: SigningPlan): string[] | null {
  const ids = plan.signatories.map((x) => x.userId).filter((x): x is string => !!x);
  return ids.length ? [...new Set(ids)] : null;
}

/** Whose turn it is under a plan, given the signatories that have signed (null: anyone's, in parallel). */
export function nextInPlan(plan: SigningPlan, signed: Iterable<string>) {
  if (plan.order !== "SEQUENTIAL") return null;
  const done = new Set(signed);
  return plan.signatories.find((x) => !done.has(x.signatoryId)) ?? null;
}

/** The plan compared as the hash sees it: order, signatories and their logins. */
export const samePlan = (a: SigningPlan, b: SigningPlan) =>
  a.order === b.order &&
  a.signatories.length === b.signatories.length &&
  a.signatories.every(
    (x, i) => x.signatoryId === b.signatories[i]!.signatoryId && x.userId === b.signatories[i]!.userId,
  );

/** The plan for an audit event: order, and each signatory with its login. */
export const planForAudit = (p: SigningPlan) => ({
  order: p.order,
  signatories: p.signatories.map((x) => ({ signatoryId: x.signatoryId, userId: x.userId, name: x.name })),
});
