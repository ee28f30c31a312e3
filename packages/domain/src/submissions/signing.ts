/**
 * Signing: each signatory signs the approved snapshot after re-authenticating (password, or a fresh OIDC login)
 * within five minutes, in order or in any order. A partial unique index refuses a second live signature by the same
 * signatory even if two requests race.
 */
import { z } from "zod";
import type { JobQueue } from "../common/jobs";
import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { markActedOn, notify } from "../notifications/notifications";
import { verifyPassword } from "../users/password";
import { sessionReauthenticatedAt } from "../users/sessions";
import { sessionBucket, settleAttemptSlots, takeAttemptSlots } from "../users/throttle";
import { parseInput } from "../common/validation";
import {
  authenticationResponse,
  passkeySigningOptions,
  verifySigningAssertion,
  type RelyingParty,
} from "../users/passkeys";
import { lock, moveTo, type ClientInfo } from "./steps";
import { recordSeen, snapshotHashInput } from "./approval";
import { approvedPlan, nextInPlan } from "./plan";

export const REAUTH_WINDOW_MS = 5 * 60 * 1000;

export const reauthenticateInput = z.object({
  password: z.string({ error: "required" }).min(1, { error: "required" }),
});

/**
 * The password again, before signing. Signing in this session accepts it for five minutes (the session's
 * `reauthenticatedAt`; another session of the same user has not re-authenticated). Wrong guesses are throttled in the
 * session's own bucket: a stolen session cannot guess the password to sign, and a stranger failing logins for the
 * user's e-mail does not stop her.
 */
export async function reauthenticate(
  db: Db,
  input: unknown,
  actor: Actor,
  context: { ip?: string | null; now?: Date } = {},
) {
  const { password } = parseInput(reauthenticateInput, input);
  const now = context.now ?? new Date();
  if (!actor.sessionId) throw new AppError("UNAUTHORIZED", "reauthRequired");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  const slots = await takeAttemptSlots(db, [sessionBucket(actor)], now);
  const ok = await verifyPassword(user.passwordHash, password);
  await settleAttemptSlots(db, slots, () => ok);
  if (!ok) throw new AppError("BAD_REQUEST", "reauthFailed", { fieldErrors: { password: ["reauthFailed"] } });
  const { count } = await db.session.updateMany({
    where: { id: actor.sessionId, userId: actor.id, revokedAt: null, expiresAt: { gt: now } },
    data: { reauthenticatedAt: now },
  });
  if (!count) throw new AppError("UNAUTHORIZED", "reauthRequired");
  await recordAudit(db, {
    organisationId: actor.organisationId,
    actorId: actor.id,
    action: "user.reauthenticated",
    entity: "User",
    entityId: actor.id,
    data: { via: "password", ip: context.ip ?? null },
  });
  return { validUntil: new Date(now.getTime() + REAUTH_WINDOW_MS) };
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
  jobs: JobQueue,
  now: Date = new Date(),
) {
  authorize(actor, "submission.sign");
  return sign(db, parseInput(snapshotHashInput, input), actor, client, jobs, now, null);
}

export const signWithPasskeyInput = snapshotHashInput.extend({ response: authenticationResponse });

/** The options for «Signer med passnøkkel»: a challenge bound to this session, this letter and its hash. */
export async function passkeySigningChallenge(
  db: Db,
  input: unknown,
  actor: Actor,
  rp: RelyingParty | undefined,
  now: Date = new Date(),
) {
  authorize(actor, "submission.sign");
  const target = parseInput(snapshotHashInput, input);
  // Said before the device asks for a fingerprint: another organisation's letter, a stale hash, not a signatory.
  const s = await db.submission.findFirst({
    where: { id: target.id, organisationId: actor.organisationId },
    select: { id: true, status: true, snapshotSha256: true },
  });
  if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
  if (!["APPROVED", "SIGNING"].includes(s.status)) throw new AppError("BAD_REQUEST", "submissionWrongStatus");
  if (s.snapshotSha256 !== target.snapshotSha256) throw new AppError("CONFLICT", "staleSnapshot");
  return passkeySigningOptions(db, target, actor, rp, now);
}

/**
 * Signs with a passkey instead of the password: the assertion answers this session's challenge for this letter and
 * hash (single use), by a passkey of the signer, and is the re-authentication; the signature records the
 * credential id. Failed assertions count in the session's bucket, as wrong passwords do.
 */
export async function signSubmissionWithPasskey(
  db: Db,
  input: unknown,
  actor: Actor,
  client: ClientInfo,
  jobs: JobQueue,
  maybeRp: RelyingParty | undefined,
  now: Date = new Date(),
) {
  authorize(actor, "submission.sign");
  const { id, snapshotSha256, response } = parseInput(signWithPasskeyInput, input);
  if (!maybeRp) throw new AppError("BAD_REQUEST", "passkeyFailed");
  const rp = maybeRp;
  const credentialId = await verifySigningAssertion(
    db,
    response,
    { id, snapshotSha256 },
    actor,
    rp,
    now,
    sessionBucket(actor),
  );
  return sign(db, { id, snapshotSha256 }, actor, client, jobs, now, credentialId);
}

/** Signs; `passkeyCredentialId` is the passkey that just confirmed it, else the session's re-authentication must. */
async function sign(
  db: Db,
  { id, snapshotSha256 }: { id: string; snapshotSha256: string },
  actor: Actor,
  client: ClientInfo,
  jobs: JobQueue,
  now: Date,
  passkeyCredentialId: string | null,
) {
  return db.$transaction(async (tx) => {
    const s = await lock(tx, id, actor);
    if (!["APPROVED", "SIGNING"].includes(s.status))
      throw new AppError("BAD_REQUEST", "submissionWrongStatus");
    if (s.snapshotSha256 !== snapshotSha256) throw new AppError("CONFLICT", "staleSnapshot");
    // The approved plan decides who signs for which signatory, and in which order (plan.ts): a signatory linked to
    // another login since approval does not make that login its signer, so no name is printed over another's signature.
    const plan = await approvedPlan(tx, s);
    const mine = plan.signatories.find((x) => x.userId === actor.id);
    if (!mine) throw new AppError("FORBIDDEN", "notASignatory");
    // This session's re-authentication: another session of the same user does not count.
    // A passkey's assertion for this letter and hash confirms this signature on its own.
    const reauthenticatedAt = passkeyCredentialId
      ? now
      : await sessionReauthenticatedAt(tx, actor.sessionId, now);
    if (!reauthenticatedAt || now.getTime() - reauthenticatedAt.getTime() > REAUTH_WINDOW_MS)
      throw new AppError("UNAUTHORIZED", "reauthRequired");
    const live = await tx.submissionSignature.findMany({ where: { submissionId: id, voidedAt: null } });
    if (live.some((x) => x.signatoryId === mine.signatoryId)) throw new AppError("CONFLICT", "alreadySigned");
    const next = nextInPlan(
      plan,
      live.map((l) => l.signatoryId),
    );
    if (plan.order === "SEQUENTIAL" && next?.signatoryId !== mine.signatoryId)
      throw new AppError("BAD_REQUEST", "notYourTurn", { details: { next: next?.name ?? null } });
    await tx.submissionSignature.create({
      data: {
        submissionId: id,
        signatoryId: mine.signatoryId,
        userId: actor.id,
        snapshotSha256,
        ip: client.ip?.slice(0, 100) ?? null,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
        createdAt: now,
        passkeyCredentialId,
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.signed",
      entity: "Submission",
      entityId: id,
      data: {
        snapshotSha256,
        signatory: mine.name,
        signatoryId: mine.signatoryId,
        ip: client.ip,
        userAgent: client.userAgent,
        via: passkeyCredentialId ? "passkey" : "reauthentication",
        passkeyCredentialId,
      },
    });
    await recordSeen(tx, s, snapshotSha256, actor.id);
    // Signed: every request on this letter's approval page to this user is done.
    await markActedOn(tx, actor.id, `/innspill/${id}/godkjenning`);
    const done = live.length + 1 === plan.signatories.length;
    // The signed PDF/A is asked for in the same transaction as the last signature: it cannot be lost between the two.
    if (done) {
      await moveTo(tx, s, "SIGNED", actor);
      await jobs.finalizeSubmission(tx, { submissionId: s.id, snapshotSha256 });
    } else if (s.status === "APPROVED") await moveTo(tx, s, "SIGNING", actor);
    const remaining = plan.signatories.filter(
      (x) => x.signatoryId !== mine.signatoryId && !live.some((l) => l.signatoryId === x.signatoryId),
    );
    if (remaining.length)
      await notify(tx, {
        userIds: plan.order === "SEQUENTIAL" ? [remaining[0]!.userId] : remaining.map((x) => x.userId),
        hearingId: s.hearingId,
        kind: "submission.sign",
        path: `/innspill/${s.id}/godkjenning`,
        message: { key: "notifySign", params: { title: s.title, actor: actor.name } },
        email: true,
      });
    return { status: done ? ("SIGNED" as const) : ("SIGNING" as const), finalize: done, snapshotSha256 };
  });
}

// ——— Sending ———
