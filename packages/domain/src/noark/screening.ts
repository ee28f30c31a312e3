/**
 * Skjerming of a case (Noark 5 M500–M502): the legal basis (e.g. «Offl. § 13 jf. fvl. § 13») and the title the public
 * journal shows instead of the real one (the words to screen replaced by ******). Both or neither; clearing both
 * makes the case public again. The export writes `skjerming` on the case and its journalposts, and
 * `offentligJournal.xml` carries only the public title.
 */
import { z } from "zod";
import type { Db } from "@innspill/db";
import { authorize, type Actor } from "../access/actor";
import { recordAudit } from "../common/audit";
import { AppError } from "../common/errors";
import { fields, parseInput } from "../common/validation";

export const hearingScreeningInput = z
  .object({
    id: fields.id(),
    basis: fields.optionalText(200, "textTooLong"),
    publicTitle: fields.optionalText(500, "textTooLong"),
  })
  .refine((s) => !s.basis === !s.publicTitle, { error: "screeningIncomplete", path: ["publicTitle"] });

export async function setHearingScreening(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "hearing.edit");
  const { id, basis, publicTitle } = parseInput(hearingScreeningInput, input);
  return db.$transaction(async (tx) => {
    const h = await tx.hearing.findFirst({
      where: { id, organisationId: actor.organisationId },
      select: { id: true, screeningBasis: true, publicTitle: true },
    });
    if (!h) throw new AppError("NOT_FOUND", "hearingNotFound");
    // Plain SQL: screening is the archive's metadata and does not count as a change to the case (its updatedAt).
    await tx.$executeRaw`UPDATE "Hearing" SET "screeningBasis" = ${basis ?? null}, "publicTitle" = ${publicTitle ?? null}
                          WHERE id = ${id}::uuid`;
    await recordAudit(tx, {
      organisationId: actor.organisationId,
      actorId: actor.id,
      action: "hearing.screened",
      entity: "Hearing",
      entityId: id,
      data: {
        from: { basis: h.screeningBasis, publicTitle: h.publicTitle },
        to: { basis: basis ?? null, publicTitle: publicTitle ?? null },
      },
    });
    return { id, screeningBasis: basis ?? null, publicTitle: publicTitle ?? null };
  });
}
