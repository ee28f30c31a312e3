/**
 * Suggestions for a letter: active positions and published blocks that fit its hearing and are not in the letter yet,
 * ranked, each with its reasons: the hearing's topics, words of its title and summary (the Norwegian full-text
 * index), and how often the organisation used it before in answers to the same issuing body.
 */
import { z } from "zod";
import type { Db } from "@innspill/db";
import type { Actor } from "../access/actor";
import { AppError } from "../common/errors";
import { blockBody, bodyPositionIds } from "../library/body";
import { fields, parseInput } from "../common/validation";
import { terms } from "../imports/similarity";

const SUGGESTIONS_SHOWN = 10;

type SuggestionReason =
  | { kind: "topic"; topics: string[] }
  | { kind: "text"; words: string[] }
  | { kind: "issuingBody"; times: number; issuingBody: string };

export interface Suggestion {
  kind: "position" | "block";
  id: string;
  text: string;
  score: number;
  reasons: SuggestionReason[];
}

/** The hearing's words worth searching for: letters only (nothing is query syntax), no stop words, at most twelve. */
function searchWords(text: string): string[] {
  const words = [...new Set(text.toLowerCase().split(/[^\p{L}]+/u))].filter(
    (w) => w.length >= 4 && terms(w).length > 0,
  );
  return words.slice(0, 12);
}

export async function suggestForLetter(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const org = actor.organisationId;
  const s = await db.submission.findFirst({
    where: { id, organisationId: org },
    select: {
      sections: {
        select: {
          kind: true,
          body: true,
          blockId: true,
          blockVersion: { select: { blockId: true, body: true } },
        },
      },
      restatements: { select: { positionId: true } },
      hearing: {
        select: {
          title: true,
          summary: true,
          issuingBodyId: true,
          issuingBody: { select: { name: true } },
          topics: { select: { topic: { select: { name: true } } } },
        },
      },
    },
  });
  if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
  const inLetter = new Set(s.restatements.map((r) => r.positionId));
  const blocksIn = new Set<string>();
  for (const x of s.sections) {
    const body = blockBody.safeParse(x.kind === "BLOCK" ? x.blockVersion?.body : x.body);
    if (body.success) for (const p of bodyPositionIds(body.data)) inLetter.add(p);
    const block = x.blockVersion?.blockId ?? x.blockId;
    if (block) blocksIn.add(block);
  }
  const topics = s.hearing.topics.map((t) => t.topic.name.toLowerCase());
  const words = searchWords(`${s.hearing.title} ${s.hearing.summary ?? ""}`);
  const q = words.length ? words.join(" | ") : null;

  const positions = await db.$queryRaw<
    { id: string; statement: string; topics: string[]; rank: number; uses: number }[]
  >`
    WITH cand AS (
      SELECT p.id FROM "Position" p
       WHERE p."organisationId" = ${org}::uuid AND p.status = 'ACTIVE'
         AND EXISTS (SELECT 1 FROM unnest(p.topics) t WHERE lower(t) = ANY(${topics}::text[]))
      UNION
      (SELECT p.id FROM "Position" p
        WHERE ${q}::text IS NOT NULL AND p."organisationId" = ${org}::uuid AND p.status = 'ACTIVE'
          AND p.search @@ to_tsquery('innspill_nb', coalesce(${q}::text, ''))
        ORDER BY ts_rank_cd(p.search, to_tsquery('innspill_nb', coalesce(${q}::text, ''))) DESC LIMIT 200)
      UNION
      (SELECT u."positionId" FROM "PositionUsage" u JOIN "Hearing" h ON h.id = u."hearingId"
        WHERE h."organisationId" = ${org}::uuid AND h."issuingBodyId" = ${s.hearing.issuingBodyId}::uuid
        GROUP BY u."positionId" ORDER BY count(*) DESC LIMIT 200)
    )
    SELECT p.id::text, p.statement, p.topics,
           CASE WHEN ${q}::text IS NULL THEN 0
                ELSE ts_rank_cd(p.search, to_tsquery('innspill_nb', coalesce(${q}::text, ''))) END::float8 AS rank,
           (SELECT count(*) FROM "PositionUsage" u JOIN "Hearing" h ON h.id = u."hearingId"
             WHERE u."positionId" = p.id AND h."issuingBodyId" = ${s.hearing.issuingBodyId}::uuid)::int AS uses
      FROM cand JOIN "Position" p ON p.id = cand.id AND p.status = 'ACTIVE'`;

  const blocks = await db.$queryRaw<{ id: string; heading: string; topics: string[]; rank: number }[]>`
    SELECT b.id::text, b."publishedHeading" AS heading, b.topics,
           CASE WHEN ${q}::text IS NULL THEN 0
                ELSE ts_rank_cd(b."publishedSearch", to_tsquery('innspill_nb', coalesce(${q}::text, ''))) END::float8 AS rank
      FROM "TextBlock" b
     WHERE b."organisationId" = ${org}::uuid AND b."publishedVersionId" IS NOT NULL
       AND (EXISTS (SELECT 1 FROM unnest(b.topics) t WHERE lower(t) = ANY(${topics}::text[]))
            OR (${q}::text IS NOT NULL AND b."publishedSearch" @@ to_tsquery('innspill_nb', coalesce(${q}::text, ''))))
     LIMIT 500`;

  const matchedWords = (text: string) => {
    const own = new Set(terms(text));
    return words.filter((w) => terms(w).some((t) => own.has(t)));
  };
  const rate = (x: { topics: string[]; rank: number; text: string; uses?: number }) => {
    const shared = x.topics.filter((t) => topics.includes(t.toLowerCase()));
    const hit = x.rank > 0 ? matchedWords(x.text) : [];
    const reasons: SuggestionReason[] = [];
    if (shared.length) reasons.push({ kind: "topic", topics: shared });
    if (hit.length) reasons.push({ kind: "text", words: hit });
    if (x.uses) reasons.push({ kind: "issuingBody", times: x.uses, issuingBody: s.hearing.issuingBody.name });
    // A shared topic weighs most, then the hearing's words, then earlier answers to the same body.
    const score = 3 * shared.length + Math.min(2, 10 * x.rank) + 0.5 * Math.min(4, x.uses ?? 0);
    return { reasons, score: Math.round(score * 1000) / 1000 };
  };
  const out: Suggestion[] = [
    ...positions
      .filter((p) => !inLetter.has(p.id))
      .map((p) => ({
        kind: "position" as const,
        id: p.id,
        text: p.statement,
        ...rate({ ...p, text: p.statement }),
      })),
    ...blocks
      .filter((b) => !blocksIn.has(b.id))
      .map((b) => ({
        kind: "block" as const,
        id: b.id,
        text: b.heading,
        ...rate({ ...b, text: b.heading }),
      })),
  ].filter((x) => x.reasons.length);
  const rank = (a: Suggestion, b: Suggestion) => b.score - a.score || a.text.localeCompare(b.text, "nb");
  return {
    positions: out
      .filter((x) => x.kind === "position")
      .sort(rank)
      .slice(0, SUGGESTIONS_SHOWN),
    blocks: out
      .filter((x) => x.kind === "block")
      .sort(rank)
      .slice(0, SUGGESTIONS_SHOWN),
  };
}
