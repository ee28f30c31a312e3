/**
 * Importing past letters: read the text (pasted, DOCX through mammoth, PDF text layer through unpdf), propose the
 * parts, find what the library already says (reuse detection), and — only when the user confirms — save the letter
 * against a hearing, with provenance links for every confirmed position and block.
 *
 * Reuse detection: Postgres finds candidates (the Norwegian full-text index, OR of the text's words, ranked), and a
 * deterministic stem-and-shingle containment scores them (`similarity.ts`). The index keeps it fast on a large
 * library; containment makes the score explainable and robust to reordering, added words and folded statements.
 */
import { z } from "zod";
import { type Prisma, type Db, type DbTx } from "@innspill/db";
import type { Actor } from "../actor";
import { requireRole } from "../actor";
import { recordAudit } from "../audit";
import { dateOnlyToDb, dbToDateOnly } from "../dates";
import { AppError } from "../errors";
import { wordDiff, type WordDiffPart } from "../library/diff";
import { LIBRARY_EDITORS } from "../access";
import { insertPosition } from "../library/positions";
import { fields, parseInput } from "../validation";
import { parseLetter, type LetterProposal } from "./letter";
import { idfOf, labelOf, similarity, terms, type Idf, type ReuseLabel } from "./similarity";

export * from "./letter";
export * from "./similarity";

export interface ReuseMatch {
  kind: "position" | "block";
  /** Position id, or block id. */
  id: string;
  /** The block version matched (blocks only). */
  versionId: string | null;
  title: string;
  text: string;
  status: string | null;
  score: number;
  label: ReuseLabel;
  diff: WordDiffPart[];
}

/** An OR query of the text's words for `to_tsquery`: letters only, so nothing in the text is query syntax. */
function orQuery(text: string): string | null {
  const words = [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 4),
    ),
  ].slice(0, 60);
  return words.length ? words.join(" | ") : null;
}

/** The best library matches for a text: positions (for statements) or published blocks (for sections). */
/** Word weights from the organisation's library: positions, or published blocks. */
export async function libraryIdf(db: DbTx, organisationId: string, kind: "position" | "block"): Promise<Idf> {
  const corpus =
    kind === "position"
      ? (await db.position.findMany({ where: { organisationId }, select: { statement: true } })).map(
          (p) => p.statement,
        )
      : (
          await db.textBlockVersion.findMany({
            where: {
              id: {
                in: (
                  await db.textBlock.findMany({
                    where: { organisationId, publishedVersionId: { not: null } },
                    select: { publishedVersionId: true },
                  })
                ).map((b) => b.publishedVersionId!),
              },
            },
            select: { plainText: true },
          })
        ).map((v) => v.plainText);
  return idfOf(corpus);
}

export async function matchText(
  db: DbTx,
  organisationId: string,
  text: string,
  kind: "position" | "block",
  limit = 3,
  idf?: Idf,
): Promise<ReuseMatch[]> {
  const weights = idf ?? (await libraryIdf(db, organisationId, kind));
  const q = orQuery(text);
  if (!q || terms(text).length < 3) return [];
  const rows =
    kind === "position"
      ? await db.$queryRaw<{ id: string; versionId: null; title: string; text: string; status: string }[]>`
          SELECT p.id::text AS id, NULL AS "versionId", p.statement AS title, p.statement AS text, p.status::text AS status
            FROM "Position" p, to_tsquery('innspill_nb', ${q}) query
           WHERE p."organisationId" = ${organisationId}::uuid AND p.search @@ query
           ORDER BY ts_rank_cd(p.search, query) DESC LIMIT 30`
      : await db.$queryRaw<{ id: string; versionId: string; title: string; text: string; status: null }[]>`
          SELECT b.id::text AS id, v.id::text AS "versionId", v.heading AS title, v."plainText" AS text, NULL AS status
            FROM "TextBlock" b JOIN "TextBlockVersion" v ON v.id = b."publishedVersionId",
                 to_tsquery('innspill_nb', ${q}) query
           WHERE b."organisationId" = ${organisationId}::uuid AND v.search @@ query
           ORDER BY ts_rank_cd(v.search, query) DESC LIMIT 20`;
  return rows
    .map((r) => {
      const s = similarity(r.text, text, weights);
      return {
        kind,
        id: r.id,
        versionId: r.versionId,
        title: r.title,
        text: r.text,
        status: r.status,
        score: s.score,
        label: labelOf(s),
        diff: wordDiff(r.text, text),
      };
    })
    .filter((m) => m.label !== "new")
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

const importFile = z.object({
  name: z.string().max(300),
  /** base64 */
  content: z.string().max(30_000_000, { error: "fileTooLarge" }),
});

export const proposeLetterInput = z
  .object({
    text: z.string().max(500_000, { error: "textTooLong" }).optional(),
    file: importFile.optional(),
  })
  .refine((x) => (x.text?.trim() ?? "") !== "" || !!x.file, { error: "importNeedsText", path: ["text"] });

/**
 * A DOCX as letter text: paragraphs apart, line breaks kept (a signatory's name and title), bullets marked. Through
 * mammoth's HTML, since its raw text drops both line breaks and bullets.
 */
export async function docxText(bytes: Buffer): Promise<string> {
  const mammoth = await import("mammoth");
  const { value } = await mammoth.convertToHtml({ buffer: bytes });
  return value
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<li>/g, "• ")
    .replace(/<\/(p|h\d|li)>/g, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** The letter's text from what the user gave: pasted text, a DOCX or a PDF. */
async function letterText(input: z.output<typeof proposeLetterInput>): Promise<string> {
  if (!input.file) return input.text ?? "";
  const bytes = Buffer.from(input.file.content, "base64");
  const name = input.file.name.toLowerCase();
  try {
    if (name.endsWith(".docx")) return await docxText(bytes);
    if (name.endsWith(".pdf")) {
      const { extractText, getDocumentProxy } = await import("unpdf");
      const pdf = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(pdf, { mergePages: false });
      return text.join("\n\n");
    }
    if (name.endsWith(".txt")) return bytes.toString("utf8");
  } catch {
    throw new AppError("BAD_REQUEST", "importUnreadable", { fieldErrors: { file: ["importUnreadable"] } });
  }
  throw new AppError("BAD_REQUEST", "importFileType", { fieldErrors: { file: ["importFileType"] } });
}

/** Reads a letter and proposes its parts and their library matches. Saves nothing. */
export async function proposeLetterImport(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, LIBRARY_EDITORS);
  const data = parseInput(proposeLetterInput, input);
  const proposal = parseLetter(await letterText(data));
  if (!proposal.title && !proposal.sections.length)
    throw new AppError("BAD_REQUEST", "importEmpty", { fieldErrors: { text: ["importEmpty"] } });
  return { proposal, ...(await detectReuse(db, proposal, actor.organisationId)) };
}

export async function detectReuse(db: DbTx, proposal: LetterProposal, organisationId: string) {
  const [blockIdf, positionIdf] = await Promise.all([
    libraryIdf(db, organisationId, "block"),
    libraryIdf(db, organisationId, "position"),
  ]);
  const sections = [];
  for (const s of proposal.sections) {
    const text = s.paragraphs.map((p) => p.text).join("\n");
    sections.push({
      heading: s.heading,
      matches: await matchText(db, organisationId, text, "block", 3, blockIdf),
    });
  }
  const statements = [];
  for (const text of proposal.statements)
    statements.push({ text, matches: await matchText(db, organisationId, text, "position", 3, positionIdf) });
  return { sections, statements };
}

const paragraphSchema = z.object({
  text: z.string().max(50_000),
  bullet: z.boolean(),
  footnotes: z.array(z.int()).max(100),
});

export const commitLetterInput = z
  .object({
    proposal: z.object({
      place: fields.optionalText(100, "textTooLong"),
      date: fields.dateOnly(),
      title: fields.requiredText(300, "titleTooLong"),
      sections: z
        .array(
          z.object({
            heading: z.string().max(300).nullable(),
            paragraphs: z.array(paragraphSchema).max(500),
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
  })
  .refine((x) => !!x.hearingId !== !!x.newHearing, { error: "importNeedsHearing", path: ["hearingId"] });

/** Saves the confirmed letter against a hearing, with its provenance links and any new draft positions. */
export async function commitLetterImport(db: Db, input: unknown, actor: Actor) {
  requireRole(actor, LIBRARY_EDITORS);
  const data = parseInput(commitLetterInput, input);
  return db.$transaction(
    async (tx) => {
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
        },
      });
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

/** Where a block's versions were used: composed and imported letters, newest first. */
export async function listBlockUsages(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const rows = await db.blockUsage.findMany({
    where: { blockVersion: { blockId: id, block: { organisationId: actor.organisationId } } },
    include: { blockVersion: { select: { number: true } } },
    orderBy: { usedOn: "desc" },
    take: 200,
  });
  const hearings = await db.hearing.findMany({
    where: { id: { in: rows.map((r) => r.hearingId).filter((x): x is string => !!x) } },
    select: { id: true, title: true },
  });
  const title = new Map(hearings.map((h) => [h.id, h.title]));
  return rows.map((r) => ({
    id: r.id,
    version: r.blockVersion.number,
    origin: r.origin,
    usedOn: dbToDateOnly(r.usedOn),
    recipient: r.recipient,
    hearingId: r.hearingId,
    hearing: r.hearingId ? (title.get(r.hearingId) ?? null) : null,
    wording: r.wording,
  }));
}
export * from "./insight";
