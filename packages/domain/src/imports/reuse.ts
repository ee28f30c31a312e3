/**
 * Reuse detection: Postgres finds candidates (the Norwegian full-text index, OR of the text's words, ranked), and a
 * deterministic stem-and-shingle containment scores them (`similarity.ts`). The index keeps it fast on a large
 * library; containment makes the score explainable and robust to reordering, added words and folded statements.
 */
import { type DbTx } from "@innspill/db";
import { wordDiff, type WordDiffPart } from "../library/diff";
import { type LetterProposal } from "./letter";
import { idfOf, labelOf, similarity, terms, type Idf, type ReuseLabel } from "./similarity";

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
