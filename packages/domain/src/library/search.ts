/**
 * Norwegian full-text search over positions and published text blocks: `innspill_nb` (unaccent + the Norwegian
 * snowball stemmer) in generated tsvector columns with GIN indexes, ranked with ts_rank_cd, highlighted with
 * ts_headline, plus pg_trgm similarity so a misspelt heading is still found.
 *
 * Highlights are marked with \u0002…\u0003 rather than HTML, so the client renders them as elements and no user
 * text is ever injected as markup.
 */
import { z } from "zod";
import { Prisma, type Db } from "@innspill/db";
import { PositionStatus } from "@innspill/db/enums";
import type { Actor } from "../actor";
import { parseInput } from "../validation";

import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight";

export { HIGHLIGHT_END, HIGHLIGHT_START };
const HEADLINE = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
// Statements are short: show them whole, with the hits marked.
const HEADLINE_ALL = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, HighlightAll=true`;

export const searchLibraryInput = z.object({
  q: z.string().trim().min(1, { error: "required" }).max(200, { error: "textTooLong" }),
  topic: z.string().trim().max(60).optional(),
  status: z.enum(PositionStatus, { error: "invalid" }).optional(),
  limit: z.int().min(1).max(100).default(20),
});

export interface SearchHit {
  kind: "position" | "block";
  id: string;
  title: string;
  snippet: string;
  rank: number;
  status: string | null;
  topics: string[];
}

export async function searchLibrary(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(searchLibraryInput, input);
  const positionTopic = q.topic ? Prisma.sql`AND ${q.topic} = ANY(p.topics)` : Prisma.empty;
  const blockTopic = q.topic ? Prisma.sql`AND ${q.topic} = ANY(v.topics)` : Prisma.empty;
  const status = q.status ? Prisma.sql`AND p.status = ${q.status}::"PositionStatus"` : Prisma.empty;

  // Ranked and limited first; highlighted after, only the rows shown (ts_headline re-parses the whole text).
  const positions = await db.$queryRaw<SearchHit[]>`
    WITH query AS (SELECT websearch_to_tsquery('innspill_nb', ${q.q}) AS tsq),
    hits AS (
      SELECT p.id, p.statement, ts_rank_cd(p.search, query.tsq)::float8 AS rank, p.status, p.topics, p."createdAt"
        FROM "Position" p, query
       WHERE p."organisationId" = ${actor.organisationId}::uuid AND p.search @@ query.tsq ${status} ${positionTopic}
       ORDER BY rank DESC, p."createdAt" ASC
       LIMIT ${q.limit})
    SELECT 'position' AS kind, h.id::text AS id, h.statement AS title,
           ts_headline('innspill_nb', h.statement, query.tsq, ${HEADLINE_ALL}) AS snippet,
           h.rank, h.status::text AS status, h.topics
      FROM hits h, query
     ORDER BY h.rank DESC, h."createdAt" ASC`;

  // Blocks: the published version of each block. A heading that is close in spelling also counts.
  const blocks = q.status
    ? []
    : await db.$queryRaw<SearchHit[]>`
    WITH query AS (SELECT websearch_to_tsquery('innspill_nb', ${q.q}) AS tsq),
    hits AS (
      SELECT b.id, v.heading, v."plainText",
             (ts_rank_cd(v.search, query.tsq) + similarity(v.heading, ${q.q}))::float8 AS rank, v.topics
        FROM "TextBlock" b
        JOIN "TextBlockVersion" v ON v.id = b."publishedVersionId", query
       WHERE b."organisationId" = ${actor.organisationId}::uuid
         AND (v.search @@ query.tsq OR v.heading % ${q.q}) ${blockTopic}
       ORDER BY rank DESC, v.heading ASC
       LIMIT ${q.limit})
    SELECT 'block' AS kind, h.id::text AS id, h.heading AS title,
           ts_headline('innspill_nb', h."plainText", query.tsq, ${HEADLINE}) AS snippet,
           h.rank, NULL AS status, h.topics
      FROM hits h, query
     ORDER BY h.rank DESC, h.heading ASC`;

  return { positions, blocks };
}
