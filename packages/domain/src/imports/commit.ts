/** Saving a confirmed letter import against a hearing, with provenance links and new draft positions. */
import { z } from "zod";
import { type Prisma, type Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { authorize } from "../access/actor";
import { recordAudit } from "../common/audit";
import { dateOnlyToDb } from "../dates/dates";
import { AppError } from "../common/errors";
import { insertPosition } from "../library/positions";
import { fields, parseInput } from "../common/validation";
import { registerJournal } from "../noark/journal";
import { findDuplicateLetters, letterTextSha256 } from "./duplicates";

const paragraphSchema = z.object({
  text: z.string().max(50_000),
  bullet: z.boolean(),
  footnotes: z.array(z.int()).max(100),
});

const sectionSchema = z.object({
  heading: z.string().max(300).nullable(),
  paragraphs: z.array(paragraphSchema).max(500),
});

export const commitLetterInput = z
  .object({
    proposal: z.object({
      place: fields.optionalText(100, "textTooLong"),
      date: fields.dateOnly(),
      title: fields.requiredText(300, "titleTooLong"),
      sections: z
        .array(
          sectionSchema.extend({
            subsections: z
              .array(sectionSchema.extend({ subsections: z.array(z.unknown()).max(0).default([]) }))
              .max(100)
              .default([]),
          }),
        )
        .max(200),
      statements: z.array(z.string().max(5000)).max(500),
      footnotes: z
        .array(
          z.object({ number: z.int(), text: z.string().max(5000), url: z.string().max(3000).nullable() }),
        )
        .max(200),
      closing: z.string().max(500).nullable(),
      signatories: z
        .array(
          z.object({
            name: z.string().max(200),
            title: z.string().max(300).nullable(),
            note: z.string().max(300).nullable(),
          }),
        )
        .max(5),
    }),
    /** An existing hearing, or a new historical one. */
    hearingId: fields.optionalId(),
    newHearing: z
      .object({ title: fields.requiredText(300, "titleTooLong"), issuingBodyId: fields.id() })
      .optional(),
    recipient: fields.optionalText(300, "textTooLong"),
    sourceName: fields.optionalText(300, "textTooLong"),
    /** Confirmed links: the wording in this letter and what it reuses. */
    positionLinks: z
      .array(z.object({ positionId: fields.id(), wording: z.string().min(1).max(5000) }))
      .max(500),
    blockLinks: z
      .array(z.object({ blockVersionId: fields.id(), wording: z.string().min(1).max(100_000) }))
      .max(200),
    /** Statements to keep as new draft positions. */
    newPositions: z.array(z.string().trim().min(1).max(2000)).max(200),
    /** The user has seen that Innspill holds this letter already (duplicates.ts) and imports it again. */
    confirmDuplicate: z.boolean().default(false),
  })
  .refine((x) => !!x.hearingId !== !!x.newHearing, { error: "importNeedsHearing", path: ["hearingId"] });

/** Saves the confirmed letter against a hearing, with its provenance links and any new draft positions. */
export async function commitLetterImport(db: Db, input: unknown, actor: Actor) {
  authorize(actor, "library.edit");
  const data = parseInput(commitLetterInput, input);
  return db.$transaction(
    async (tx) => {
      // A letter Innspill already holds is not saved twice unless the user says so; the answer names it.
      if (!data.confirmDuplicate) {
        const duplicates = await findDuplicateLetters(tx, actor.organisationId, data.proposal);
        if (duplicates.length)
          throw new AppError("CONFLICT", "importDuplicate", {
            fieldErrors: { confirmDuplicate: ["importDuplicate"] },
            details: { duplicates },
          });
      }
      let hearingId = data.hearingId;
      if (hearingId) {
        const h = await tx.hearing.findFirst({
          where: { id: hearingId, organisationId: actor.organisationId },
        });
        if (!h) throw new AppError("NOT_FOUND", "hearingNotFound");
      } else {
        const body = await tx.issuingBody.findFirst({
          where: { id: data.newHearing!.issuingBodyId, organisationId: actor.organisationId },
        });
        if (!body)
          throw new AppError("BAD_REQUEST", "unknownIssuingBody", {
            fieldErrors: { "newHearing.issuingBodyId": ["unknownIssuingBody"] },
          });
        // A hearing from before Innspill: answered and sent on the letter's date.
        const h = await tx.hearing.create({
          data: {
            organisationId: actor.organisationId,
            title: data.newHearing!.title,
            issuingBodyId: body.id,
            kind: "INNSPILL",
            deadline: dateOnlyToDb(data.proposal.date),
            status: "ARKIVERT",
            decision: "SVARER",
            decidedAt: new Date(`${data.proposal.date}T12:00:00Z`),
            decidedById: actor.id,
            summary: "Historisk høring, lagt inn fra et sendt brev.",
          },
        });
        hearingId = h.id;
        await recordAudit(tx, {
          organisationId: actor.organisationId,
          actorId: actor.id,
          action: "hearing.created",
          entity: "Hearing",
          entityId: h.id,
          data: { historical: true },
        });
      }
      const hearing = await tx.hearing.findUniqueOrThrow({
        where: { id: hearingId! },
        include: { issuingBody: true },
      });
      const recipient = data.recipient ?? hearing.issuingBody.name;
      const letter = await tx.importedLetter.create({
        data: {
          organisationId: actor.organisationId,
          hearingId: hearing.id,
          title: data.proposal.title,
          place: data.proposal.place,
          sentOn: dateOnlyToDb(data.proposal.date),
          recipient,
          content: data.proposal as Prisma.InputJsonValue,
          sourceName: data.sourceName,
          createdById: actor.id,
          textSha256: letterTextSha256(data.proposal),
        },
      });
      await registerJournal(tx, hearing.id);
      const usedOn = dateOnlyToDb(data.proposal.date);
      const positionIds = [...new Set(data.positionLinks.map((l) => l.positionId))];
      const positions = await tx.position.findMany({
        where: { id: { in: positionIds }, organisationId: actor.organisationId },
        include: { versions: { orderBy: { number: "desc" }, take: 1 } },
      });
      if (positions.length !== positionIds.length) throw new AppError("BAD_REQUEST", "unknownPositions");
      for (const l of data.positionLinks) {
        const p = positions.find((x) => x.id === l.positionId)!;
        await tx.positionUsage.create({
          data: {
            positionId: p.id,
            positionVersionId: p.versions[0]?.id ?? null,
            hearingId: hearing.id,
            importedLetterId: letter.id,
            origin: "imported",
            usedOn,
            recipient,
            wording: l.wording,
          },
        });
      }
      const versionIds = [...new Set(data.blockLinks.map((l) => l.blockVersionId))];
      const found = await tx.textBlockVersion.count({
        where: { id: { in: versionIds }, block: { organisationId: actor.organisationId } },
      });
      if (found !== versionIds.length) throw new AppError("BAD_REQUEST", "unknownBlockVersion");
      for (const l of data.blockLinks)
        await tx.blockUsage.create({
          data: {
            blockVersionId: l.blockVersionId,
            hearingId: hearing.id,
            importedLetterId: letter.id,
            origin: "imported",
            usedOn,
            recipient,
            wording: l.wording,
          },
        });
      const created = [];
      for (const statement of data.newPositions) {
        const p = await insertPosition(
          tx,
          {
            statement,
            topics: [],
            source: data.proposal.title,
            adoptedOn: null,
            owningUnit: null,
            status: "DRAFT",
          },
          `Fra brevet «${data.proposal.title}» (${data.proposal.date})`,
          actor,
        );
        await tx.positionUsage.create({
          data: {
            positionId: p.id,
            hearingId: hearing.id,
            importedLetterId: letter.id,
            origin: "imported",
            usedOn,
            recipient,
            wording: statement,
          },
        });
        created.push(p.id);
      }
      await recordAudit(tx, {
        organisationId: actor.organisationId,
        actorId: actor.id,
        action: "letter.imported",
        entity: "Hearing",
        entityId: hearing.id,
        data: {
          letterId: letter.id,
          title: data.proposal.title,
          positions: data.positionLinks.length,
          blocks: data.blockLinks.length,
          newPositions: created.length,
        },
      });
      return { letterId: letter.id, hearingId: hearing.id, newPositionIds: created };
    },
    { timeout: 30_000 },
  );
}
