/**
 * Why a hearing concerns an organisation, from its own library and history: the positions and published blocks whose
 * words the hearing shares (found through the library's full-text indexes, weighed by how rare each word is in the
 * library, as the letter import does: `imports/similarity.ts`), the topics, how often the organisation has answered
 * the issuing body, and whether it is on the list of invited bodies. Deterministic and explainable: every point of
 * the score has a reason, and the reasons make one line.
 */
import type { DbTx } from "@innspill/db";
import { libraryIdf } from "../imports/reuse";
import { terms, type LibraryIdf } from "../imports/similarity";
import type { RemoteHearing } from "./model";

interface MatchedText {
  id: string;
  /** The position's statement, or the block's heading. */
  text: string;
  /** The sentence that matched (the statement itself for a position). */
  sentence: string;
  words: string[];
}

export interface Relevance {
  score: number;
  reason: string;
  reasons: {
    positions: MatchedText[];
    blocks: MatchedText[];
    topics: string[];
    issuer: { name: string; answered: number } | null;
    invited: boolean;
  };
}

/** Letters-only words of 4+ letters: nothing in a hearing's text is query syntax. */
const queryWords = (text: string) =>
  [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 4),
    ),
  ].slice(0, 40);

function hearingText(h: RemoteHearing) {
  return [h.title, h.summary ?? "", ...h.cases.map((c) => c.title), ...h.topics].join("\n");
}

/** Share of a text's IDF weight that the hearing holds, and the words shared. */
function touch(text: string, hearing: Set<string>, idf: LibraryIdf) {
  const own = new Set(terms(text));
  let all = 0;
  let hit = 0;
  const shared: string[] = [];
  for (const t of own) {
    const w = idf(t);
    all += w;
    if (hearing.has(t)) {
      hit += w;
      shared.push(t);
    }
  }
  return { weight: all ? hit / all : 0, shared };
}

/** Two shared words carrying a fifth of the text's weight, or one carrying a third: the text is touched. */
const touches = (t: { weight: number; shared: string[] }) =>
  (t.shared.length >= 2 && t.weight >= 0.2) || (t.shared.length >= 1 && t.weight >= 0.34);

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[.!?])\s+(?=[A-ZÆØÅ0-9«])|\n+/u)
    .map((s) => s.trim())
    .filter(Boolean);

const quote = (s: string, n = 60) => `«${s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s}»`;

export interface OrganisationProfile {
  organisationId: string;
  name: string;
  shortName: string;
  topics: string[];
  /** Per issuing body (lower-case name): hearings of it the organisation answered. */
  answered: Map<string, { name: string; answered: number }>;
}

export async function organisationProfile(db: DbTx, organisationId: string): Promise<OrganisationProfile> {
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { name: true, shortName: true },
  });
  const topics = await db.topic.findMany({ where: { organisationId }, select: { name: true } });
  const answered = await db.$queryRaw<{ name: string; answered: number }[]>`
    SELECT b.name, count(h.id)::int AS answered FROM "IssuingBody" b
      JOIN "Hearing" h ON h."issuingBodyId" = b.id
     WHERE b."organisationId" = ${organisationId}::uuid
       AND (h.decision = 'SVARER' OR h.status IN ('SENDT', 'ARKIVERT'))
     GROUP BY b.name`;
  return {
    organisationId,
    name: org.name,
    shortName: org.shortName,
    topics: topics.map((t) => t.name),
    answered: new Map(answered.map((a) => [a.name.toLowerCase(), a])),
  };
}

export async function scoreHearing(
  db: DbTx,
  profile: OrganisationProfile,
  hearing: RemoteHearing,
): Promise<Relevance> {
  const organisationId = profile.organisationId;
  const text = hearingText(hearing);
  const own = new Set(terms(text));
  const words = queryWords(text);
  const q = words.length ? words.join(" | ") : null;

  const positions: MatchedText[] = [];
  const blocks: MatchedText[] = [];
  if (q) {
    const posIdf = await libraryIdf(db, organisationId, "position");
    const rows = await db.$queryRaw<{ id: string; statement: string }[]>`
      SELECT p.id, p.statement FROM "Position" p
       WHERE p."organisationId" = ${organisationId}::uuid AND p.status = 'ACTIVE'
         AND p.search @@ to_tsquery('innspill_nb', ${q})
       ORDER BY ts_rank(p.search, to_tsquery('innspill_nb', ${q})) DESC, p.id
       LIMIT 200`;
    for (const r of rows) {
      const t = touch(r.statement, own, posIdf);
      if (touches(t)) positions.push({ id: r.id, text: r.statement, sentence: r.statement, words: t.shared });
    }
    const blockIdf = await libraryIdf(db, organisationId, "block");
    const brows = await db.$queryRaw<{ id: string; heading: string; plainText: string }[]>`
      SELECT b.id, b.heading, v."plainText" FROM "TextBlock" b
        JOIN "TextBlockVersion" v ON v.id = b."publishedVersionId"
       WHERE b."organisationId" = ${organisationId}::uuid
         AND b."publishedSearch" @@ to_tsquery('innspill_nb', ${q})
       ORDER BY ts_rank(b."publishedSearch", to_tsquery('innspill_nb', ${q})) DESC, b.id
       LIMIT 100`;
    for (const b of brows) {
      const best = sentencesOf(b.plainText)
        .map((s) => ({ s, t: touch(s, own, blockIdf) }))
        .filter((x) => touches(x.t))
        .sort((a, b2) => b2.t.weight - a.t.weight)[0];
      if (best) blocks.push({ id: b.id, text: b.heading, sentence: best.s, words: best.t.shared });
    }
  }
  const strength = (m: MatchedText) => m.words.length;
  positions.sort((a, b) => strength(b) - strength(a) || a.id.localeCompare(b.id));
  blocks.sort((a, b) => strength(b) - strength(a) || a.id.localeCompare(b.id));

  const hearingTopics = new Set([...hearing.topics.map((t) => t.toLowerCase()), ...own]);
  const topics = profile.topics.filter(
    (t) => hearingTopics.has(t.toLowerCase()) || terms(t).some((x) => own.has(x)),
  );
  const issuer = profile.answered.get(hearing.issuer.toLowerCase()) ?? null;
  const names = [profile.name, profile.shortName].map((n) => n.toLowerCase()).filter((n) => n.length >= 2);
  const invited = hearing.invited.some((i) => {
    const x = i.toLowerCase();
    return names.some(
      (n) => x === n || x.startsWith(`${n} `) || x.startsWith(`${n} –`) || x.includes(`(${n})`),
    );
  });

  const score =
    Math.min(positions.length, 10) * 3 +
    Math.min(blocks.length, 5) * 2 +
    Math.min(topics.length, 5) * 1.5 +
    Math.min(issuer?.answered ?? 0, 5) * 0.5 +
    (invited ? 5 : 0);

  const parts: string[] = [];
  if (positions.length)
    parts.push(
      `Berører ${positions.length} ${positions.length === 1 ? "standpunkt" : "standpunkter"}: ${positions
        .slice(0, 3)
        .map((p) => quote(p.text))
        .join(", ")}${positions.length > 3 ? " …" : ""}`,
    );
  if (blocks.length)
    parts.push(
      `${blocks.length} ${blocks.length === 1 ? "tekstblokk" : "tekstblokker"}: ${blocks
        .slice(0, 2)
        .map((b) => quote(b.text, 40))
        .join(", ")}`,
    );
  if (topics.length) parts.push(`Tema: ${topics.slice(0, 4).join(", ")}`);
  if (issuer?.answered)
    parts.push(
      `${profile.shortName} har svart ${issuer.name} ${issuer.answered} ${issuer.answered === 1 ? "gang" : "ganger"}`,
    );
  if (invited) parts.push(`${profile.shortName} står på høringslisten`);
  return {
    score: Math.round(score * 10) / 10,
    reason: parts.join("; ") || "Ingen treff i biblioteket",
    reasons: { positions: positions.slice(0, 10), blocks: blocks.slice(0, 5), topics, issuer, invited },
  };
}
