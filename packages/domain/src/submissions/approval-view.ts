import { letterModel } from "./model";
import { z } from "zod";
import type { Db } from "@innspill/db";
import { modelToText, renderHtml, type SubmissionSnapshot } from "@innspill/documents/preview";
import type { Actor } from "../access/actor";
import { wordDiff } from "../library/diff";
import { bodyToPlainText, blockBody } from "../library/body";
import { fields, parseInput } from "../common/validation";
import { dbToDateOnly } from "../dates/dates";
import { buildSnapshot } from "./snapshot";
import { loadSubmission } from "./load";
import { livePlan, nextInPlan, planApprovers, planOfSnapshot } from "./plan";
import { APPROVAL_ACTIONS, availableActions, can } from "../access/permissions";
import { sessionReauthenticatedAt } from "../users/sessions";
import { REAUTH_WINDOW_MS } from "./signing";
import { positionStatements } from "../library/positions";

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
  const frozen = render ? (JSON.parse(render.snapshot) as SubmissionSnapshot) : null;
  const model = frozen ? await letterModel(db, frozen) : null;
  // The local copies, and the statements of the positions they name (not the whole library's).
  const locals = s.sections.flatMap((x, i) => {
    if (x.kind !== "LOCAL" || !x.blockVersion) return [];
    const body = blockBody.safeParse(x.body);
    return [{ x, i, blockVersion: x.blockVersion, body: body.success ? body.data : null }];
  });
  const statements = await positionStatements(
    db,
    actor.organisationId,
    locals.flatMap((l) => (l.body ? [l.body] : [])),
  );
  const localChanges = locals.map(({ x, i, blockVersion, body }) => ({
    section: i,
    heading: x.heading ?? blockVersion.heading,
    libraryVersion: blockVersion.number,
    diff: wordDiff(
      `${blockVersion.heading}\n${blockVersion.plainText}`,
      `${x.heading ?? ""}\n${body ? bodyToPlainText(body, statements) : ""}`,
    ),
  }));
  const seen = await db.submissionViewed.findUnique({
    where: { submissionId_userId: { submissionId: id, userId: actor.id } },
  });
  const text = model ? modelToText(model) : null;
  const [approvals, signatures, users, reauthenticatedAt, passkeys] = await Promise.all([
    db.submissionApproval.findMany({ where: { submissionId: id }, orderBy: { createdAt: "asc" } }),
    db.submissionSignature.findMany({ where: { submissionId: id }, orderBy: { createdAt: "asc" } }),
    db.user.findMany({
      where: { organisationId: actor.organisationId },
      select: { id: true, name: true, oidcSubject: true },
    }),
    sessionReauthenticatedAt(db, actor.sessionId),
    db.passkey.count({ where: { userId: actor.id, organisationId: actor.organisationId } }),
  ]);
  const name = new Map(users.map((u) => [u.id, u.name]));
  // Once frozen, who approves and signs is the approved plan's (plan.ts); in draft, the letter as it stands.
  const plan = (frozen && planOfSnapshot(frozen)) ?? livePlan(s);
  const approvers = planApprovers(plan);
  const live = signatures.filter((x) => !x.voidedAt);
  const next = nextInPlan(
    plan,
    live.map((l) => l.signatoryId),
  );
  const me = users.find((u) => u.id === actor.id);
  const signed = await db.signedDocument.findUnique({ where: { submissionId: id } });
  // The consistency check, on the saved letter: retired positions, stale facts, diverging local copies, figures.
  const { warnings } = await buildSnapshot(db, s);
  const mine = plan.signatories.find((x) => x.userId === actor.id);
  const actions = availableActions(actor, APPROVAL_ACTIONS, {
    submissionStatus: s.status,
    isApprover: approvers === null || approvers.includes(actor.id),
    approvedByMe: approvals.some(
      (a) => a.userId === actor.id && !a.voidedAt && a.snapshotSha256 === s.snapshotSha256,
    ),
    isSignatory: !!mine,
    signedByMe: !!mine && live.some((l) => l.signatoryId === mine.signatoryId),
  });
  return {
    /** What this user may do here now: approve, sign, send back. */
    actions,
    id: s.id,
    status: s.status,
    /** The summary a leader reads first, on a phone above the action. */
    title: s.title,
    recipient: s.recipient,
    hearing: { id: s.hearing.id, title: s.hearing.title, deadline: dbToDateOnly(s.hearing.deadline) },
    signingOrder: plan.order,
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
    signatories: plan.signatories.map((x) => {
      const sig = live.find((l) => l.signatoryId === x.signatoryId);
      return {
        signatoryId: x.signatoryId,
        name: x.name,
        userId: x.userId,
        /** Who signs for this name (the login the plan names): shown when it is not the same name. */
        signer: x.userId ? (name.get(x.userId) ?? null) : null,
        signedAt: sig?.createdAt ?? null,
        /** The passkey that confirmed the signature (its credential id), when one did. */
        passkeyCredentialId: sig?.passkeyCredentialId ?? null,
        next: next?.signatoryId === x.signatoryId,
      };
    }),
    voidedSignatures: signatures.filter((x) => x.voidedAt).length,
    /** Whether signing now needs the password again (a margin for the time it takes to click). */
    reauthFresh: !!reauthenticatedAt && Date.now() - reauthenticatedAt.getTime() < REAUTH_WINDOW_MS - 30_000,
    /** How this user re-authenticates: a fresh login at the identity provider once linked to it, else the password. */
    reauthVia: me?.oidcSubject ? ("oidc" as const) : ("password" as const),
    /** «Signer med passnøkkel» is offered: the user has a passkey and confirms with the password today. */
    passkeySigning: passkeys > 0 && !me?.oidcSubject,
    signedDocument: signed ? { pdfSha256: signed.pdfSha256, createdAt: signed.createdAt } : null,
    /**
     * The signed PDF and its audit trail, for this user now: `ready` to download, being `making`, or `failed` with
     * a message key; null while the letter is not signed (or the user may not download it).
     */
    download: !can(actor, "submission.downloadSigned", { submissionStatus: s.status })
      ? null
      : signed
        ? { state: "ready" as const, pdfSha256: signed.pdfSha256 }
        : s.signedDocumentError
          ? { state: "failed" as const, error: s.signedDocumentError }
          : { state: "making" as const },
    /** Why the signed document could not be made (a message key), when it could not. */
    signedDocumentError: signed ? null : s.signedDocumentError,
    warnings: warnings.filter((w) =>
      ["positionRetired", "factStale", "factMissing", "localEditDiverges", "figureContradictsFact"].includes(
        w.kind,
      ),
    ),
    sending: await db.submissionSending.findUnique({ where: { submissionId: id } }),
  };
}
