/**
 * Reuse insight (Innsikt): how often each position and topic is used, when last and to whom; active positions not
 * used lately; retired positions still in drafts; hearings answered and declined per quarter.
 */
import { z } from "zod";
import { Prisma, queryRows, type Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { addDaysToDateOnly, osloDate } from "../dates/dates";
import { countDecisionsByQuarter } from "../hearings/overview";
import { parseInput } from "../common/validation";

export const insightInput = z.object({ months: z.int().min(1).max(120).default(12) }).default({ months: 12 });

/** What Innsikt shows of each list; the answer says how many there are in all. */
export const INSIGHT_SHOWN = 50;
/** The topics in the chart. */
const INSIGHT_TOPICS = 12;
/** What `localeCompare(…, "nb")` compares with, made once: made per call it was a third of the sorting's time. */
const NB = new Intl.Collator("nb");

interface PositionUse {
  id: string;
  statement: string;
  status: string;
  topics: string[];
  times: number;
  lastUsed: string | null;
  recipients: string[];
  letters: number;
}

/**
 * Read from what the database keeps, a screen's worth sent: the uses per position (`PositionUsageSummary`) and per
 * topic (`PositionTopicUsage`), the positions per topic and status and the decisions per quarter, all kept by triggers
 * in the writing transaction (docs/database.md), so what Innsikt reads does not grow with the organisation's history:
 * the 50 most used off an index in their order, the first 50 unused, the top topics.
 */
export async function getInsight(db: Db, input: unknown, actor: Actor) {
  const { months } = parseInput(insightInput, input);
  const since = addDaysToDateOnly(osloDate(new Date()), -Math.round(months * 30.44));
  const org = actor.organisationId;
  // A used position's uses, letters, recipients and last use are kept by the database (`PositionUsageSummary`), with
  // its status, statement and topics: the used ones in Innsikt's order are read off `PositionUsageSummary_order_idx`
  // (organisation, times, the statement's first 200 characters, id) until the page is full, a row each, unsorted
  // (statements alike in their first 200 characters go by id; the page is put in Norwegian order below).
  const summary = Prisma.sql`
    s."positionId"::text AS id, s.statement, s.status::text AS status, s.topics, s.times,
    to_char(s."lastUsed", 'YYYY-MM-DD') AS "lastUsed", s.recipients, s.letters`;
  const [used, unused, unusedCount, topics, decisions, retiredInDrafts] = await Promise.all([
    queryRows<PositionUse>(
      db,
      Prisma.sql`
      SELECT ${summary}
        FROM "PositionUsageSummary" s
       WHERE s."organisationId" = ${org}::uuid
       ORDER BY s.times DESC, left(s.statement, 200), s."positionId"
       LIMIT ${INSIGHT_SHOWN}`,
    ),
    // Active positions not used since `since`, the most used before first: those used before `since` (off the same
    // index, skipping the recently used), then, if the page is not full, those never used in the order of their
    // statement, read off the `Position_unused_order_idx` index (organisation, status, the statement's first 200
    // characters, id) until it is, not sorted out of every position of the organisation.
    queryRows<PositionUse>(
      db,
      Prisma.sql`
      WITH stale AS (
        SELECT ${summary}
          FROM "PositionUsageSummary" s
         WHERE s."organisationId" = ${org}::uuid AND s.status = 'ACTIVE' AND s."lastUsed" < ${since}::date
         ORDER BY s.times DESC, left(s.statement, 200), s."positionId"
         LIMIT ${INSIGHT_SHOWN}),
      never AS (
        SELECT p.id::text, p.statement, p.status::text AS status, p.topics, 0 AS times, NULL::text AS "lastUsed",
               '{}'::text[] AS recipients, 0 AS letters
          FROM "Position" p
         WHERE p."organisationId" = ${org}::uuid AND p.status = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM "PositionUsageSummary" s WHERE s."positionId" = p.id)
         ORDER BY left(p.statement, 200), p.statement, p.id
         LIMIT ${INSIGHT_SHOWN} - (SELECT count(*) FROM stale))
      SELECT id, statement, status, topics, times, "lastUsed", recipients, letters
        FROM (SELECT *, 0 AS part FROM stale UNION ALL SELECT *, 1 AS part FROM never) x
       ORDER BY part, times DESC, left(statement, 200), statement, id`,
    ),
    // How many: the active positions less those used since `since` (both kept: `PositionStatusCount`, and the used
    // ones' last use off `PositionUsageSummary_organisationId_status_lastUsed_idx`).
    queryRows<{ n: number }>(
      db,
      Prisma.sql`
      SELECT (coalesce((SELECT c.positions FROM "PositionStatusCount" c
                         WHERE c."organisationId" = ${org}::uuid AND c.status = 'ACTIVE'), 0)
            - (SELECT count(*) FROM "PositionUsageSummary" s
                WHERE s."organisationId" = ${org}::uuid AND s.status = 'ACTIVE' AND s."lastUsed" >= ${since}::date)
             )::int AS n`,
    ),
    // The topics: how many positions carry each (`PositionTopicCount`), how often they were used and when last
    // (`PositionTopicUsage`), a row per topic of the organisation.
    queryRows<{ topic: string; times: number; positions: number; lastUsed: string | null }>(
      db,
      Prisma.sql`
      SELECT c.topic, coalesce(u.times, 0)::int AS times, c.positions, to_char(u."lastUsed", 'YYYY-MM-DD') AS "lastUsed"
        FROM "PositionTopicCount" c
        LEFT JOIN "PositionTopicUsage" u ON u."organisationId" = c."organisationId" AND u.topic = c.topic
       WHERE c."organisationId" = ${org}::uuid
       ORDER BY 2 DESC, c.topic
       LIMIT ${INSIGHT_TOPICS}`,
    ),
    countDecisionsByQuarter(db, actor),
    listRetiredInDrafts(db, actor),
  ]);
  // Norwegian order among equals (the database's collation need not know æ, ø, å).
  const nb =
    <T extends { times: number }>(key: (x: T) => string) =>
    (a: T, b: T) =>
      b.times - a.times || NB.compare(key(a), key(b));
  const positions = used.map(positionUse).sort(nb((p) => p.statement));
  return {
    months,
    since,
    positions,
    topics: topics.sort(nb((t) => t.topic)),
    unusedActive: unused.map(positionUse).sort(nb((p) => p.statement)),
    unusedActiveCount: unusedCount[0]?.n ?? 0,
    retiredInDrafts,
    decisions,
  };
}

function positionUse(p: PositionUse): PositionUse {
  return {
    id: p.id,
    statement: p.statement,
    status: p.status,
    topics: p.topics,
    times: p.times,
    lastUsed: p.lastUsed,
    recipients: p.recipients,
    letters: p.letters,
  };
}

/**
 * Retired positions still in letters that are not sent yet: the unsent letters (`Submission_unsent_idx`), the
 * positions their sections' bodies name (a block section's from its version; `positionList` nodes, found where
 * `bodyPositionIds` finds them: down the `content` arrays), those retired. In SQL, so no body is sent to Node.
 * By letter title, then statement.
 */
async function listRetiredInDrafts(db: Db, actor: Actor) {
  return queryRows<{ submissionId: string; letter: string; positionId: string; statement: string }>(
    db,
    Prisma.sql`
    WITH RECURSIVE drafts AS (
      SELECT s.id, s.title FROM "Submission" s
       WHERE s."organisationId" = ${actor.organisationId}::uuid AND s.status NOT IN ('SIGNED', 'SENT')),
    node (id, n) AS (
      SELECT d.id, CASE WHEN x.kind = 'BLOCK' THEN v.body ELSE x.body END
        FROM drafts d JOIN "SubmissionSection" x ON x."submissionId" = d.id
        LEFT JOIN "TextBlockVersion" v ON v.id = x."blockVersionId"
      UNION ALL
      SELECT node.id, c.n
        FROM node CROSS JOIN LATERAL jsonb_array_elements(
               CASE WHEN jsonb_typeof(node.n -> 'content') = 'array' THEN node.n -> 'content' ELSE '[]' END) AS c(n)),
    named AS (
      SELECT DISTINCT node.id, p.ref::uuid AS ref
        FROM node CROSS JOIN LATERAL jsonb_array_elements_text(
               CASE WHEN jsonb_typeof(node.n -> 'attrs' -> 'positionIds') = 'array' THEN node.n -> 'attrs' -> 'positionIds'
                    ELSE '[]' END) AS p(ref)
       WHERE node.n ->> 'type' = 'positionList'
         AND p.ref ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
    SELECT d.id::text AS "submissionId", d.title AS letter, p.id::text AS "positionId", p.statement
      FROM named JOIN drafts d ON d.id = named.id
      JOIN "Position" p ON p.id = named.ref
     WHERE p."organisationId" = ${actor.organisationId}::uuid AND p.status = 'RETIRED'
     ORDER BY d.title, d.id, p.statement, p.id`,
  );
}
