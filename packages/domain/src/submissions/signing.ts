/**
 * Signing: each signatory signs the approved snapshot after re-authenticating (password, or a fresh OIDC login)
 * within five minutes, in order or in any order. A partial unique index refuses a second live signature by the same
 * signatory even if two requests race.
 */
import { z } from "zod";
import type { JobQueue } from "../jobs";
import type { Db } from "@innspill/db";
import type { Actor } from "../actor";
import { authorize } from "../actor";
import { recordAudit } from "../audit";
import { AppError } from "../errors";
import { notify } from "../notifications";
import { verifyPassword } from "../users/password";
import { checkLoginThrottle, recordLoginAttempt } from "../users/throttle";
import { parseInput } from "../validation";
import { lock, moveTo, type ClientInfo } from "./lock";
import { recordSeen, snapshotHashInput } from "./approval";

export const REAUTH_WINDOW_MS = 5 * 60 * 1000;

export const reauthenticateInput = z.object({
  password: z.string({ error: "required" }).min(1, { error: "required" }),
});

/** The password again, before signing. Signing accepts it for five minutes. */
export async function reauthenticate(
  db: Db,
  input: unknown,
  actor: Actor,
  context: { ip?: string | null; now?: Date } = {},
) {
  const { password } = parseInput(reauthenticateInput, input);
  const now = context.now ?? new Date();
  const ip = context.ip ?? null;
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  // Throttled like the login form, on the same counts: a stolen session cannot guess the password to sign.
  await checkLoginThrottle(db, user.email, ip, now);
  const ok = await verifyPassword(user.passwordHash, password);
  await recordLoginAttempt(db, { email: user.email, ip, success: ok, now });
  if (!ok) throw new AppError("BAD_REQUEST", "reauthFailed", { fieldErrors: { password: ["reauthFailed"] } });
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
    // The signed PDF/A is asked for in the same transaction as the last signature: it cannot be lost between the two.
    if (done) {
      await moveTo(tx, s, "SIGNED", actor);
      await jobs.finalizeSubmission(tx, { submissionId: s.id, snapshotSha256 });
    } else if (s.status === "APPROVED") await moveTo(tx, s, "SIGNING", actor);
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
        path: `/innspill/${s.id}/godkjenning`,
        message: { key: "notifySign", params: { title: s.title, actor: actor.name } },
        email: true,
      });
    return { status: done ? ("SIGNED" as const) : ("SIGNING" as const), finalize: done, snapshotSha256 };
  });
}

// ——— Sending ———
