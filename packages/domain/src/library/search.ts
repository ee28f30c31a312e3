/**
 * Norwegian full-text search over positions and published text blocks: `innspill_nb` (unaccent + the Norwegian
 * snowball stemmer) in generated tsvector columns with GIN indexes, ranked with ts_rank_cd, highlighted with
 * ts_headline, plus pg_trgm similarity so a misspelt heading is still found.
 *
 * Highlights are marked with \u0002…\u0003 rather than HTML, so the client renders them as elements and no user
 * text is ever injected as markup.
 */
import { z } from "zod";
import { Prisma, queryRows, type Db } from "@innspill/db";
import { PositionStatus } from "@innspill/db/enums";
import type { Actor } from "../access/actor";
import { parseInput } from "../common/validation";

import { HIGHLIGHT_END, HIGHLIGHT_START } from "./highlight";

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

/**
 * How many matches are ranked, of each kind. A query that matches more (a word in a fifth of a 50 000-position
 * library) is ranked among its 500 most recently changed matches: exact ranking of every match costs more than a search
 * may take, and the answer says so (`rankedAmong`), so the page can ask for a narrower query.
 */
export const RANKED_MATCHES = 500;

export async function searchLibrary(db: Db, input: unknown, actor: Actor) {
  const q = parseInput(searchLibraryInput, input);
  const positionTopic = q.topic ? Prisma.sql`AND ${q.topic} = ANY(p.topics)` : Prisma.empty;
  const blockTopic = q.topic
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "TextBlockVersion" v
                              WHERE v.id = b."publishedVersionId" AND ${q.topic} = ANY(v.topics))`
    : Prisma.empty;
  const status = q.status ? Prisma.sql`AND p.status = ${q.status}::"PositionStatus"` : Prisma.empty;

  // Matched (at most RANKED_MATCHES + 1, the newest), ranked and limited; highlighted only for the rows shown
  // (ts_headline re-parses the whole text).
  // Positions and blocks are searched at once, on two connections.
  const positionsQuery = queryRows<SearchHit & { matched: number }>(
    db,
    Prisma.sql`
    WITH query AS (SELECT websearch_to_tsquery('innspill_nb', ${q.q}) AS tsq),
    matches AS MATERIALIZED (
      SELECT p.id, p.statement, p.search, p.status, p.topics, p."createdAt"
        FROM "Position" p, query
       WHERE p."organisationId" = ${actor.organisationId}::uuid AND p.search @@ query.tsq ${status} ${positionTopic}
       ORDER BY p."updatedAt" DESC
       LIMIT ${RANKED_MATCHES + 1}),
    hits AS (
      SELECT m.*, ts_rank_cd(m.search, query.tsq)::float8 AS rank
        FROM matches m, query
       ORDER BY rank DESC, m."createdAt" ASC
       LIMIT ${q.limit})
    SELECT 'position' AS kind, h.id::text AS id, h.statement AS title,
           ts_headline('innspill_nb', h.statement, query.tsq, ${HEADLINE_ALL}) AS snippet,
           h.rank, h.status::text AS status, h.topics, (SELECT count(*) FROM matches)::int AS matched
      FROM hits h, query
     ORDER BY h.rank DESC, h."createdAt" ASC`,
  );

  // Blocks: what each block has published (kept on the block, see the migration published_block_search). When the
  // words find fewer than a page of blocks, a heading close in spelling also counts: testing every heading's
  // spelling is ten times the cost of the word search, and a query that finds a page has found what was meant.
  const blocksQuery = q.status
    ? Promise.resolve([])
    : queryRows<SearchHit & { matched: number }>(
        db,
        Prisma.sql`
    WITH query AS (SELECT websearch_to_tsquery('innspill_nb', ${q.q}) AS tsq),
    words AS MATERIALIZED (
      SELECT b.id, b."publishedHeading" AS heading, b."publishedSearch" AS search, b."publishedVersionId",
             b."updatedAt"
        FROM "TextBlock" b, query
       WHERE b."organisationId" = ${actor.organisationId}::uuid AND b."publishedSearch" @@ query.tsq ${blockTopic}
       ORDER BY b."updatedAt" DESC
       LIMIT ${RANKED_MATCHES + 1}),
    spelling AS MATERIALIZED (
      SELECT b.id, b."publishedHeading" AS heading, b."publishedSearch" AS search, b."publishedVersionId",
             b."updatedAt"
        FROM "TextBlock" b
       WHERE (SELECT count(*) FROM words) < ${q.limit}
         AND b."organisationId" = ${actor.organisationId}::uuid AND b."publishedHeading" % ${q.q} ${blockTopic}
       ORDER BY b."updatedAt" DESC
       LIMIT ${RANKED_MATCHES + 1}),
    matches AS MATERIALIZED (
      SELECT * FROM (SELECT * FROM words UNION SELECT * FROM spelling) u
       ORDER BY u."updatedAt" DESC
       LIMIT ${RANKED_MATCHES + 1}),
    hits AS (
      SELECT m.*, (ts_rank_cd(m.search, query.tsq) + similarity(m.heading, ${q.q}))::float8 AS rank
        FROM matches m, query
       ORDER BY rank DESC, m.heading ASC
       LIMIT ${q.limit})
    SELECT 'block' AS kind, h.id::text AS id, h.heading AS title,
           ts_headline('innspill_nb', v."plainText", query.tsq, ${HEADLINE}) AS snippet,
           h.rank, NULL AS status, v.topics, (SELECT count(*) FROM matches)::int AS matched
      FROM hits h JOIN "TextBlockVersion" v ON v.id = h."publishedVersionId", query
     ORDER BY h.rank DESC, h.heading ASC`,
      );
  const [positions, blocks] = await Promise.all([positionsQuery, blocksQuery]);

  const hits = (rows: (SearchHit & { matched: number })[]): SearchHit[] =>
    rows.map(({ matched: _, ...hit }) => hit);
  return {
    positions: hits(positions),
    blocks: hits(blocks),
    /** More matched than were ranked: how many (the most recently changed) were; null when all were. */
    rankedAmong: [...positions, ...blocks].some((r) => r.matched > RANKED_MATCHES) ? RANKED_MATCHES : null,
  };
}
