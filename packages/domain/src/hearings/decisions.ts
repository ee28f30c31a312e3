/** The decision to answer, and the status workflow. */
import type { Db, DbTx, HearingStatus } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { parseInput } from "../common/validation";
import { decideHearingInput, transitionHearingInput } from "./schemas";
import { checkTransition } from "./workflow";
import { hearingInclude, toHearingView } from "./views";
import { lockAtVersion } from "./register";
import { registerJournal } from "../noark/journal";

/** "Svarer" or "svarer ikke": records who decided, when and why, and moves the status on. */
export async function decideHearing(db: Db, input: unknown, actor: Actor, now: Date = new Date()) {
  authorize(actor, "hearing.decide");
  const { id, version, decision, reason } = parseInput(decideHearingInput, input);
  return db.$transaction(async (tx) => {
    const h = await lockAtVersion(tx, id, version, actor);
    const to: HearingStatus = decision === "SVARER" ? "UNDER_ARBEID" : "SVARER_IKKE";
    const check = checkTransition(
      { status: h.status, decision, responsibleId: h.responsibleId },
      to,
      actor.role,
      {
        reason,
      },
    );
    if (!check.ok) throw new AppError(check.code, check.message);
    await tx.hearing.update({
      where: { id },
      data: {
        decision,
        decisionReason: reason,
        decidedById: actor.id,
        decidedAt: now,
        status: to,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "hearing.decided",
      entity: "Hearing",
      entityId: id,
      data: { decision, reason, from: h.status, to },
    });
    const row = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
    return toHearingView(row);
  });
}

/** Moves a hearing along its workflow; an illegal transition is refused with a clear message. */
export async function transitionHearing(db: Db, input: unknown, actor: Actor) {
  const { id, version, to, reason, documentId } = parseInput(transitionHearingInput, input);
  return db.$transaction(async (tx) => {
    const h = await lockAtVersion(tx, id, version, actor);
    const facts = { ...h, ...(await letterFacts(tx, id)) };
    const check = checkTransition(facts, to, actor.role, { reason, documentId });
    if (!check.ok) throw new AppError(check.code, check.message);
    await tx.hearing.update({
      where: { id },
      data: {
        status: to,
        version: { increment: 1 },
        // Taking a declined hearing up again clears the decision.
        ...(h.status === "SVARER_IKKE"
          ? { decision: null, decisionReason: null, decidedById: null, decidedAt: null }
          : {}),
      },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "hearing.transitioned",
      entity: "Hearing",
      entityId: id,
      data: { from: h.status, to, reason, ...(to === "SENDT" ? { outsideInnspill: true, documentId } : {}) },
    });
    if (to === "SENDT") await registerJournal(tx, id);
    const row = await tx.hearing.findUniqueOrThrow({ where: { id }, include: hearingInclude });
    return toHearingView(row);
  });
}

/** What the workflow needs to know of a hearing's letter and documents. */
async function letterFacts(tx: DbTx, hearingId: string) {
  const [letters, documents] = await Promise.all([
    tx.submission.count({ where: { hearingId } }),
    tx.hearingDocument.findMany({ where: { hearingId }, select: { id: true } }),
  ]);
  return { hasLetter: letters > 0, documentIds: documents.map((d) => d.id) };
}
