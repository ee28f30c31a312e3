/**
 * Links from a letter's own sentences to the positions they restate (made with one click in the composer), and their
 * uses when the letter is sent.
 */
import { z } from "zod";
import type { Db, DbTx } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { can } from "../access/permissions";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { blockBody, bodyToPlainText } from "../library/body";
import { fields, parseInput } from "../common/validation";
import { libraryIdf } from "../imports/reuse";
import { prepare, restates } from "../imports/similarity";

export const linkRestatementInput = z.object({
  submissionId: fields.id(),
  positionId: fields.id(),
  wording: fields.requiredText(5000, "textTooLong"),
});

export const unlinkRestatementInput = z.object({ submissionId: fields.id(), positionId: fields.id() });

async function editable(tx: DbTx, id: string, actor: Actor) {
  const s = await tx.submission.findFirst({
    where: { id, organisationId: actor.organisationId },
    select: { id: true, status: true, hearingId: true },
  });
  if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
  if (!can(actor, "submission.linkRestatement", { submissionStatus: s.status }))
    throw new AppError("BAD_REQUEST", "submissionWrongStatus");
  return s;
}

/** Links a sentence of the letter to the active position it restates (checked with the import's matching). */
export async function linkRestatement(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.linkRestatement");
  const data = parseInput(linkRestatementInput, input);
  return db.$transaction(async (tx) => {
    const s = await editable(tx, data.submissionId, actor);
    const p = await tx.position.findFirst({
      where: { id: data.positionId, organisationId: actor.organisationId },
      select: { id: true, statement: true, status: true },
    });
    if (!p) throw new AppError("NOT_FOUND", "positionNotFound");
    if (p.status !== "ACTIVE") throw new AppError("BAD_REQUEST", "restatementNotActive");
    const idf = await libraryIdf(tx, actor.organisationId, "position");
    if (!restates(prepare(p.statement, true), prepare(data.wording), idf))
      throw new AppError("BAD_REQUEST", "restatementNoMatch", {
        fieldErrors: { wording: ["restatementNoMatch"] },
      });
    await tx.positionRestatement.upsert({
      where: { submissionId_positionId: { submissionId: s.id, positionId: p.id } },
      create: {
        organisationId: actor.organisationId,
        submissionId: s.id,
        positionId: p.id,
        wording: data.wording,
        createdById: actor.id,
      },
      update: { wording: data.wording, createdById: actor.id },
    });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.restatementLinked",
      entity: "Submission",
      entityId: s.id,
      data: { positionId: p.id, wording: data.wording },
    });
    return { linked: true as const };
  });
}

export async function unlinkRestatement(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "submission.linkRestatement");
  const data = parseInput(unlinkRestatementInput, input);
  return db.$transaction(async (tx) => {
    const s = await editable(tx, data.submissionId, actor);
    await tx.positionRestatement.deleteMany({ where: { submissionId: s.id, positionId: data.positionId } });
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "submission.restatementUnlinked",
      entity: "Submission",
      entityId: s.id,
      data: { positionId: data.positionId },
    });
    return { linked: false as const };
  });
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/**
 * When a letter is sent: each linked restatement whose words are still in the letter as sent becomes a use of its
 * position (unless the letter names the position already). Called from `recordSending`, in its transaction.
 */
export async function recordRestatementUsages(
  tx: DbTx,
  s: { id: string; hearingId: string },
  snapshot: { sections: { body?: unknown }[]; positions: Record<string, string> },
  usedOn: Date,
  recipient: string,
) {
  const links = await tx.positionRestatement.findMany({
    where: { submissionId: s.id },
    include: { position: { include: { versions: { orderBy: { number: "desc" }, take: 1 } } } },
  });
  if (!links.length) return 0;
  const text = squash(
    snapshot.sections
      .map((x) => {
        const body = blockBody.safeParse(x.body);
        return body.success ? bodyToPlainText(body.data) : "";
      })
      .join("\n"),
  );
  let n = 0;
  for (const l of links) {
    if (l.positionId in snapshot.positions || !text.includes(squash(l.wording))) continue;
    await tx.positionUsage.create({
      data: {
        positionId: l.positionId,
        positionVersionId: l.position.versions[0]?.id ?? null,
        hearingId: s.hearingId,
        submissionId: s.id,
        origin: "composed",
        usedOn,
        recipient,
        wording: l.wording,
      },
    });
    n++;
  }
  return n;
}
