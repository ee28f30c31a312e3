/**
 * Reuse detection: what of the library a letter says again, wherever and however it says it.
 *
 * Positions: every sentence of every section and sub-section, and every window of two or three adjacent sentences,
 * is a candidate. Postgres finds the library positions each sentence may restate (the Norwegian full-text index,
 * an OR of the sentence's rarest words, ranked), all sentences in one query; `restatement()` decides and scores
 * deterministically. A library position is linked at most once per letter, to its best window.
 *
 * Blocks: every section and sub-section against the published blocks the index finds for it; a unit reuses a block
 * when it says at least half of the block's sentences again (each found as positions are). A block is linked at most
 * once per letter, to its best unit.
 */
import { type DbTx } from "@innspill/db";
import { wordDiff, type WordDiffPart } from "../library/diff";
import { sentencesOf, statedIn, unitsOf, type LetterProposal, type Where } from "./letter";
import {
  idfOf,
  labelOf,
  prepare,
  restates,
  similarity,
  terms,
  type Idf,
  type Prepared,
  type ReuseLabel,
} from "./similarity";

/** Texts prepared once per import: a letter's windows and the library's texts are compared many times. */
function preparer() {
  const cache = new Map<string, Prepared>();
  return (text: string, library = false) => {
    const key = `${library ? "L" : "W"}${text}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = prepare(text, library)));
    return p;
  };
}
type Prepare = ReturnType<typeof preparer>;

export interface PositionLink {
  positionId: string;
  /** The library's wording. */
  statement: string;
  status: string;
  score: number;
  label: ReuseLabel;
  /** The letter's wording: the sentences that restate the position. */
  wording: string;
  /** The rest of its paragraph, before and after it, to show it in place. */
  before: string;
  after: string;
  where: Where;
  diff: WordDiffPart[];
}

export interface BlockMatch {
  blockId: string;
  versionId: string;
  title: string;
  text: string;
  score: number;
  label: ReuseLabel;
  diff: WordDiffPart[];
}

export interface UnitReuse {
  section: number;
  subsection: number | null;
  heading: string | null;
  /** The unit's text, as it is linked. */
  wording: string;
  match: BlockMatch | null;
}

export interface StatedPosition {
  text: string;
  where: Where;
}

export interface LetterReuse {
  /** Every section and sub-section, with the block it reuses, if any. */
  units: UnitReuse[];
  /** Library positions the letter restates, each once, in reading order. */
  positions: PositionLink[];
  /** Positions the letter states that the library does not hold: proposals for new draft positions. */
  newStatements: StatedPosition[];
}

/** Word weights from the organisation's library: positions, or published blocks. */
export async function libraryIdf(db: DbTx, organisationId: string, kind: "position" | "block"): Promise<Idf> {
  const corpus =
    kind === "position"
      ? (await db.position.findMany({ where: { organisationId }, select: { statement: true } })).map(
          (p) => p.statement,
        )
      : (
          await db.$queryRaw<{ plainText: string }[]>`
            SELECT v."plainText" FROM "TextBlock" b JOIN "TextBlockVersion" v ON v.id = b."publishedVersionId"
             WHERE b."organisationId" = ${organisationId}::uuid`
        ).map((v) => v.plainText);
  return idfOf(corpus);
}

/**
 * An OR query for `to_tsquery` of a text's rarest words (by the library's IDF): letters only, so nothing in the
 * text is query syntax, and few words, so the index returns few rows.
 */
function orQuery(text: string, idf: Idf, max: number): string | null {
  const words = [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 4),
    ),
  ];
  const rarest = words
    .map((w) => ({ w, weight: Math.max(0, ...terms(w).map(idf)) }))
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max)
    .map((x) => x.w);
  return rarest.length ? rarest.join(" | ") : null;
}

interface Sentence {
  text: string;
  unit: number;
  paragraph: number;
  index: number;
}

interface Candidate {
  id: string;
  statement: string;
  status: string;
  /** How many sentences the position has. */
  sentences: number;
}

/** The positions each query may be about: per query, its best-ranked positions. One round trip. */
async function positionCandidates(db: DbTx, organisationId: string, queries: string[], perQuery: number) {
  const out = new Map<number, Candidate[]>();
  if (!queries.length) return out;
  const rows = await db.$queryRaw<{ i: bigint; id: string; statement: string; status: string }[]>`
    SELECT q.i, p.id::text AS id, p.statement, p.status::text AS status
      FROM unnest(${queries}::text[]) WITH ORDINALITY AS q(text, i)
      CROSS JOIN LATERAL (
        SELECT p.id, p.statement, p.status FROM "Position" p, to_tsquery('innspill_nb', q.text) query
         WHERE p."organisationId" = ${organisationId}::uuid AND p.search @@ query
         ORDER BY ts_rank_cd(p.search, query) DESC LIMIT ${perQuery}
      ) p`;
  const seen = new Map<string, Candidate>();
  for (const r of rows) {
    let c = seen.get(r.id);
    if (!c) seen.set(r.id, (c = { ...r, sentences: sentencesOf(r.statement).length }));
    const i = Number(r.i) - 1;
    out.set(i, [...(out.get(i) ?? []), c]);
  }
  return out;
}

/** Library positions restated in the letter, each linked once to its best window of one to three sentences. */
async function findPositions(
  db: DbTx,
  organisationId: string,
  units: ReturnType<typeof unitsOf>,
  idf: Idf,
  prep: Prepare,
): Promise<PositionLink[]> {
  const sentences: Sentence[] = units.flatMap((u, unit) =>
    u.paragraphs.flatMap((p, paragraph) =>
      sentencesOf(p.text).map((text, index) => ({ text, unit, paragraph, index })),
    ),
  );
  const queries: { sentence: number; q: string }[] = [];
  sentences.forEach((s, sentence) => {
    const q = orQuery(s.text, idf, 8);
    if (q) queries.push({ sentence, q });
  });
  const found = await positionCandidates(
    db,
    organisationId,
    queries.map((x) => x.q),
    8,
  );
  const bySentence = new Map(queries.map((x, i) => [x.sentence, found.get(i) ?? []]));

  const around = (start: number, length: number) => {
    const { unit, paragraph } = sentences[start]!;
    const same = (s: Sentence) => s.unit === unit && s.paragraph === paragraph;
    return {
      before: sentences
        .slice(0, start)
        .filter(same)
        .map((s) => s.text)
        .join(" "),
      after: sentences
        .slice(start + length)
        .filter(same)
        .map((s) => s.text)
        .join(" "),
    };
  };
  const best = new Map<string, PositionLink & { order: number; length: number; sequence: number }>();
  for (let start = 0; start < sentences.length; start++) {
    const first = sentences[start]!;
    for (let length = 1; length <= 3; length++) {
      const window = sentences.slice(start, start + length);
      const last = window.at(-1);
      if (window.length < length || last!.unit !== first.unit || last!.paragraph !== first.paragraph) break;
      const text = window.map((s) => s.text).join(" ");
      const candidates = new Map(
        window.flatMap((_, k) => bySentence.get(start + k) ?? []).map((c) => [c.id, c]),
      );
      for (const c of candidates.values()) {
        // A position is said again in at most as many sentences as it has: a one-sentence position within one
        // sentence, not in words gathered from several.
        if (length > c.sentences) continue;
        const r = restates(prep(c.statement, true), prep(text), idf);
        if (!r) continue;
        const held = best.get(c.id);
        // The best score wins; on a tie the closer wording, then the shorter window, then the earlier one.
        if (
          held &&
          (held.score > r.score ||
            (held.score === r.score &&
              (held.sequence > r.sequence || (held.sequence === r.sequence && held.length <= length))))
        )
          continue;
        const u = units[first.unit]!;
        best.set(c.id, {
          positionId: c.id,
          statement: c.statement,
          status: c.status,
          score: r.score,
          label: labelOf({ score: r.score, lengthRatio: 1, sequence: r.sequence }),
          wording: text,
          ...around(start, length),
          where: {
            section: u.section,
            subsection: u.subsection,
            paragraph: first.paragraph,
            sentence: first.index,
            sentences: length,
          },
          diff: wordDiff(c.statement, text),
          order: start,
          length,
          sequence: r.sequence,
        });
      }
    }
  }
  return [...best.values()]
    .sort((a, b) => a.order - b.order || b.score - a.score)
    .map(({ order: _order, length: _length, sequence: _sequence, ...link }) => link);
}

/** A block's sentences: its context and its positions, without the «NITO mener:» lead-in. */
const blockSentences = (plainText: string) =>
  plainText
    .split("\n")
    .map((l) => l.replace(/^•\s*/, "").trim())
    .filter((l) => l && !/^NITO mener\s*:?$/i.test(l))
    .flatMap(sentencesOf);

/**
 * The published blocks a unit reuses, best first: the share of a block's sentences the unit says again (each found
 * in a window of the unit, as positions are). A block is reused when at least half of it is said again.
 */
async function blockMatches(
  db: DbTx,
  organisationId: string,
  text: string,
  windows: Prepared[],
  idf: Idf,
  prep: Prepare,
): Promise<BlockMatch[]> {
  const q = orQuery(text, idf, 30);
  if (!q || terms(text).length < 3) return [];
  const rows = await db.$queryRaw<{ id: string; versionId: string; title: string; text: string }[]>`
    SELECT b.id::text AS id, v.id::text AS "versionId", v.heading AS title, v."plainText" AS text
      FROM "TextBlock" b JOIN "TextBlockVersion" v ON v.id = b."publishedVersionId",
           to_tsquery('innspill_nb', ${q}) query
     WHERE b."organisationId" = ${organisationId}::uuid AND v.search @@ query
     ORDER BY ts_rank_cd(v.search, query) DESC LIMIT 10`;
  return rows
    .flatMap((r) => {
      const sentences = blockSentences(r.text).filter((x) => prep(x, true).terms.length >= 3);
      if (!sentences.length) return [];
      const said = sentences.filter((x) => windows.some((w) => restates(prep(x, true), w, idf))).length;
      const share = said / sentences.length;
      if (share < 0.5) return [];
      return [
        {
          blockId: r.id,
          versionId: r.versionId,
          title: r.title,
          text: r.text,
          score: Math.round(share * 1000) / 1000,
          label: labelOf({ ...similarity(r.text, text, idf), score: share }),
          diff: wordDiff(r.text, text),
        },
      ];
    })
    .sort((a, b) => b.score - a.score);
}

/** Every unit with the block it reuses; a block goes to its best unit only (a sub-section before its chapter). */
async function findBlocks(
  db: DbTx,
  organisationId: string,
  proposal: LetterProposal,
  idf: Idf,
  prep: Prepare,
): Promise<UnitReuse[]> {
  const units = unitsOf(proposal.sections).map((u) => {
    // A chapter's text is its own paragraphs and its sub-sections'.
    const paragraphs =
      u.subsection === null
        ? [...u.paragraphs, ...proposal.sections[u.section]!.subsections.flatMap((s) => s.paragraphs)]
        : u.paragraphs;
    return { ...u, all: paragraphs, wording: paragraphs.map((p) => p.text).join("\n") };
  });
  const matches: BlockMatch[][] = [];
  for (const u of units)
    matches.push(
      await blockMatches(
        db,
        organisationId,
        u.wording,
        // A block's sentences are found one by one, each within a sentence of the unit.
        u.all.flatMap((p) => sentencesOf(p.text)).map((w) => prep(w)),
        idf,
        prep,
      ),
    );
  const owner = new Map<string, { unit: number; score: number }>();
  matches.forEach((ms, unit) => {
    const m = ms[0];
    if (!m) return;
    const held = owner.get(m.blockId);
    const deeper = units[unit]!.subsection !== null;
    if (!held || m.score > held.score || (m.score === held.score && deeper))
      owner.set(m.blockId, { unit, score: m.score });
  });
  return units.map((u, unit) => {
    const m = matches[unit]![0];
    return {
      section: u.section,
      subsection: u.subsection,
      heading: u.heading,
      wording: u.wording,
      match: m && owner.get(m.blockId)?.unit === unit ? m : null,
    };
  });
}

const overlaps = (a: Where, b: Where) =>
  a.section === b.section &&
  a.subsection === b.subsection &&
  a.paragraph === b.paragraph &&
  a.sentence < b.sentence + b.sentences &&
  b.sentence < a.sentence + a.sentences;

export async function detectReuse(
  db: DbTx,
  proposal: LetterProposal,
  organisationId: string,
): Promise<LetterReuse> {
  const blockIdf = await libraryIdf(db, organisationId, "block");
  const positionIdf = await libraryIdf(db, organisationId, "position");
  const units = unitsOf(proposal.sections);
  const prep = preparer();
  const positions = await findPositions(db, organisationId, units, positionIdf, prep);
  const stated = units.flatMap((u) =>
    u.paragraphs.flatMap((p, paragraph) =>
      statedIn(p).map((s) => ({
        text: s.text,
        where: {
          section: u.section,
          subsection: u.subsection,
          paragraph,
          sentence: s.sentence,
          sentences: s.sentences,
        },
      })),
    ),
  );
  return {
    units: await findBlocks(db, organisationId, proposal, blockIdf, prep),
    positions,
    newStatements: stated.filter((s) => !positions.some((l) => overlaps(l.where, s.where))),
  };
}
