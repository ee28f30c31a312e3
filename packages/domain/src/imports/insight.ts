/**
 * Reuse insight (Innsikt): how often each position and topic is used, when last and to whom; active positions not
 * used lately; retired positions still in drafts; hearings answered and declined per quarter.
 */
import { z } from "zod";
import { Prisma, queryRows, type Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { addDaysToDateOnly, osloDate } from "../dates/dates";
import { blockBody, bodyPositionIds } from "../library/body";
import { countDecisionsByQuarter } from "../hearings/overview";
import { parseInput } from "../common/validation";

export const insightInput = z.object({ months: z.int().min(1).max(120).default(12) }).default({ months: 12 });

/** What Innsikt shows of each list; the answer says how many there are in all. */
export const INSIGHT_SHOWN = 50;
/** The topics in the chart. */
const INSIGHT_TOPICS = 12;

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
 * Counted in the database, a screen's worth sent: an organisation with 50 000 positions and their usages gets the 50
 * most used, the first 50 unused and the top topics, not every position (which was 30 MB at that size).
 */
export async function getInsight(db: Db, input: unknown, actor: Actor) {
  const { months } = parseInput(insightInput, input);
  const since = addDaysToDateOnly(osloDate(new Date()), -Math.round(months * 30.44));
  const org = actor.organisationId;
  // Every usage of the organisation's positions, per position: how often and when last, from the usages' own
  // organisation index (a trigger copies the position's organisation), grouped as the index returns them (no sort).
  const perPosition = Prisma.sql`
    SELECT u."positionId", count(*)::int AS times, max(u."usedOn") AS last
      FROM "PositionUsage" u
     WHERE u."organisationId" = ${org}::uuid
     GROUP BY u."positionId"`;
  // To whom and in how many letters: read for the rows shown only (the DISTINCTs sort a position's usages).
  const details = (row: Prisma.Sql) => Prisma.sql`
    CROSS JOIN LATERAL (
      SELECT array_remove(array_agg(DISTINCT u.recipient), NULL) AS recipients,
             count(DISTINCT coalesce(u."submissionId", u."importedLetterId", u.id))::int AS letters
        FROM "PositionUsage" u
       WHERE u."organisationId" = ${org}::uuid AND u."positionId" = ${row}) d`;
  const [used, unused, unusedCount, topics, decisions, retiredInDrafts] = await Promise.all([
    queryRows<PositionUse>(
      db,
      Prisma.sql`
      WITH per AS (${perPosition}),
      top AS (
        SELECT p.id, p.statement, p.status, p.topics, per.times, per.last
          FROM per JOIN "Position" p ON p.id = per."positionId"
         ORDER BY per.times DESC, p.statement, p.id
         LIMIT ${INSIGHT_SHOWN})
      SELECT top.id::text, top.statement, top.status::text AS status, top.topics, top.times,
             to_char(top.last, 'YYYY-MM-DD') AS "lastUsed", d.recipients, d.letters
        FROM top ${details(Prisma.sql`top.id`)}
       ORDER BY top.times DESC, top.statement, top.id`,
    ),
    // Active positions not used since `since`, the most used before first: those used before `since` (a few, from
    // the usages' index), then those never used in the order of their statement, read off the
    // `Position_unused_order_idx` index (organisation, status, the statement's first 200 characters, id) until the
    // page is full, not sorted out of every position of the organisation.
    queryRows<PositionUse>(
      db,
      Prisma.sql`
      WITH per AS (${perPosition}),
      stale AS (
        SELECT p.id, p.statement, p.status, p.topics, per.times, per.last
          FROM per JOIN "Position" p ON p.id = per."positionId"
         WHERE p."organisationId" = ${org}::uuid AND p.status = 'ACTIVE' AND per.last < ${since}::date
         ORDER BY per.times DESC, p.statement, p.id
         LIMIT ${INSIGHT_SHOWN}),
      stale_shown AS (
        SELECT stale.id, stale.statement, stale.status, stale.topics, stale.times,
               to_char(stale.last, 'YYYY-MM-DD') AS "lastUsed", d.recipients, d.letters
          FROM stale ${details(Prisma.sql`stale.id`)}),
      never AS (
        SELECT p.id, p.statement, p.status, p.topics, 0 AS times, NULL::text AS "lastUsed", '{}'::text[] AS recipients,
               0 AS letters
          FROM "Position" p
         WHERE p."organisationId" = ${org}::uuid AND p.status = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM "PositionUsage" u
                            WHERE u."organisationId" = ${org}::uuid AND u."positionId" = p.id)
         ORDER BY left(p.statement, 200), p.statement, p.id
         LIMIT ${INSIGHT_SHOWN})
      SELECT id::text, statement, status::text AS status, topics, times::int, "lastUsed", recipients, letters::int
        FROM (SELECT *, 0 AS part FROM stale_shown UNION ALL SELECT *, 1 AS part FROM never) x
       ORDER BY part, times DESC, left(statement, 200), statement, id
       LIMIT ${INSIGHT_SHOWN}`,
    ),
    // How many: the active positions (a count the database keeps, `PositionStatusCount`) less those used since
    // `since` (from the usages' index).
    queryRows<{ n: number }>(
      db,
      Prisma.sql`
      SELECT (coalesce((SELECT c.positions FROM "PositionStatusCount" c
                         WHERE c."organisationId" = ${org}::uuid AND c.status = 'ACTIVE'), 0)
            - (SELECT count(DISTINCT u."positionId") FROM "PositionUsage" u JOIN "Position" p ON p.id = u."positionId"
                WHERE u."organisationId" = ${org}::uuid AND u."usedOn" >= ${since}::date AND p.status = 'ACTIVE'))::int AS n`,
    ),
    // The topics: how many positions carry each is a count the database keeps (`PositionTopicCount`, by triggers on
    // "Position"), so only the used positions are read (for their uses), not every position of the organisation.
    queryRows<{ topic: string; times: number; positions: number; lastUsed: string | null }>(
      db,
      Prisma.sql`
      WITH per AS (${perPosition}),
      used AS (
        SELECT t.topic, sum(per.times) AS times, max(per.last) AS last
          FROM per JOIN "Position" p ON p.id = per."positionId"
         CROSS JOIN LATERAL unnest(CASE WHEN cardinality(p.topics) = 0 THEN ARRAY['(uten tema)'] ELSE p.topics END)
               AS t(topic)
         GROUP BY t.topic)
      SELECT c.topic, coalesce(used.times, 0)::int AS times, c.positions, to_char(used.last, 'YYYY-MM-DD') AS "lastUsed"
        FROM "PositionTopicCount" c
        LEFT JOIN used ON used.topic = c.topic
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
      b.times - a.times || key(a).localeCompare(key(b), "nb");
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

/** Retired positions still in letters that are not sent yet. */
async function listRetiredInDrafts(db: Db, actor: Actor) {
  const drafts = await db.submission.findMany({
    where: { organisationId: actor.organisationId, status: { notIn: ["SIGNED", "SENT"] } },
    select: {
      id: true,
      title: true,
      sections: { select: { kind: true, body: true, blockVersion: { select: { body: true } } } },
    },
  });
  const used = drafts.map((d) => ({
    draft: d,
    ids: new Set(
      d.sections.flatMap((s) => {
        const body = blockBody.safeParse(s.kind === "BLOCK" ? s.blockVersion?.body : s.body);
        return body.success ? bodyPositionIds(body.data) : [];
      }),
    ),
  }));
  const ids = [...new Set(used.flatMap((u) => [...u.ids]))];
  if (ids.length === 0) return [];
  const retired = new Map(
    (
      await db.position.findMany({
        where: { id: { in: ids }, organisationId: actor.organisationId, status: "RETIRED" },
        select: { id: true, statement: true },
      })
    ).map((p) => [p.id, p]),
  );
  return used.flatMap(({ draft, ids }) =>
    [...ids]
      .filter((id) => retired.has(id))
      .map((id) => ({
        submissionId: draft.id,
        letter: draft.title,
        positionId: id,
        statement: retired.get(id)!.statement,
      })),
  );
}
