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
import { resolveFacts } from "../library/facts";
import { osloDate } from "../dates/dates";
import { sentencesOf, statedIn, unitsOf, type LetterProposal, type Where } from "./letter";
import {
  idfOf,
  labelOf,
  prepare,
  restates,
  similarity,
  terms,
  type LibraryIdf,
  type Prepared,
  type ReuseLabel,
} from "./similarity";

/**
 * Texts prepared once per import: a letter's windows and the library's texts are compared many times. With `max`, the
 * cache is emptied when it holds that many (a long-lived preparer, as the composer's recognition keeps).
 */
export function preparer(max = Infinity) {
  const cache = new Map<string, Prepared>();
  return (text: string, library = false) => {
    const key = `${library ? "L" : "W"}${text}`;
    let p = cache.get(key);
    if (!p) {
      if (cache.size >= max) cache.clear();
      cache.set(key, (p = prepare(text, library)));
    }
    return p;
  };
}
export type Prepare = ReturnType<typeof preparer>;

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

interface BlockMatch {
  blockId: string;
  versionId: string;
  title: string;
  text: string;
  score: number;
  label: ReuseLabel;
  diff: WordDiffPart[];
}

interface UnitReuse {
  section: number;
  subsection: number | null;
  heading: string | null;
  /** The unit's text, as it is linked. */
  wording: string;
  match: BlockMatch | null;
}

interface StatedPosition {
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

const idfCache = new Map<string, { stamp: string; idf: LibraryIdf }>();

/**
 * Word weights from the organisation's library: positions, or published blocks. Kept in memory between imports and
 * made again when the library changes (its row count or latest change differ), since a batch of letters is read
 * against the same library.
 */
export async function libraryIdf(
  db: DbTx,
  organisationId: string,
  kind: "position" | "block",
): Promise<LibraryIdf> {
  const [stats] =
    kind === "position"
      ? await db.$queryRaw<{ n: number; changed: Date | null }[]>`
          SELECT count(*)::int AS n, max("updatedAt") AS changed FROM "Position"
           WHERE "organisationId" = ${organisationId}::uuid`
      : await db.$queryRaw<{ n: number; changed: Date | null }[]>`
          SELECT count(*)::int AS n, max("updatedAt") AS changed FROM "TextBlock"
           WHERE "organisationId" = ${organisationId}::uuid AND "publishedVersionId" IS NOT NULL`;
  const key = `${organisationId}:${kind}`;
  const stamp = `${stats!.n}:${stats!.changed?.toISOString() ?? ""}`;
  const held = idfCache.get(key);
  if (held?.stamp === stamp) return held.idf;
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
  const idf = idfOf(corpus);
  if (idfCache.size >= 200) idfCache.delete(idfCache.keys().next().value!);
  idfCache.set(key, { stamp, idf });
  return idf;
}

/**
 * A text's most selective words for the full-text index: words the library holds (others find nothing), rarest
 * first, and none that more than one text in fifty holds (they find everything) unless the text has no other.
 * Letters only, so nothing in the text is query syntax. So the index returns few rows however large the library.
 */
function selectiveWords(text: string, idf: LibraryIdf, max: number): string[] {
  const words = [
    ...new Set(
      text
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((w) => w.length >= 4),
    ),
  ]
    .map((w) => ({ w, df: Math.max(0, ...terms(w).map(idf.df)) }))
    .filter((x) => x.df > 0)
    .sort((a, b) => a.df - b.df);
  const selective = words.filter((x) => x.df <= Math.max(30, idf.size / 50)).slice(0, max);
  return (selective.length ? selective : words.slice(0, 3)).map((x) => x.w);
}

const orQuery = (words: string[]) => (words.length ? words.join(" | ") : null);

interface Sentence {
  text: string;
  unit: number;
  paragraph: number;
  index: number;
}

/** Per list of selective words, the rows whose text shares the most of them (by weight), best first. */
function rankByWords<T>(
  rows: T[],
  textOf: (row: T) => string,
  words: string[][],
  idf: LibraryIdf,
  prep: Prepare,
  per: number,
): T[][] {
  const wanted = words.map((ws) => new Set(ws.flatMap(terms)));
  // Only the stems asked for are indexed: an index of every stem of every row (up to 20 000 of them) was most of the
  // 80 MB a letter import allocated in the web process.
  const byStem = new Map<string, T[]>(wanted.flatMap((w) => [...w]).map((t) => [t, []]));
  for (const r of rows)
    for (const t of prep(textOf(r), true).terms) {
      // Pushed, not copied: a common stem holds thousands of rows; a row once per stem.
      const list = byStem.get(t);
      if (list && list.at(-1) !== r) list.push(r);
    }
  return wanted.map((ws) => {
    const score = new Map<T, number>();
    for (const t of ws) for (const r of byStem.get(t)!) score.set(r, (score.get(r) ?? 0) + idf(t));
    return [...score.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, per)
      .map(([r]) => r);
  });
}

interface Candidate {
  id: string;
  statement: string;
  status: string;
  /** How many sentences the position has. */
  sentences: number;
}

/**
 * The positions each sentence may restate. One query through the full-text index for the selective words of the
 * whole letter; then, per sentence, the positions that share the most of its selective words (by weight).
 */
async function positionCandidates(
  db: DbTx,
  organisationId: string,
  words: string[][],
  idf: LibraryIdf,
  prep: Prepare,
  perSentence: number,
): Promise<Candidate[][]> {
  const q = orQuery([...new Set(words.flat())]);
  if (!q) return words.map(() => []);
  const rows = await db.$queryRaw<{ id: string; statement: string; status: string }[]>`
    SELECT p.id::text AS id, p.statement, p.status::text AS status FROM "Position" p
     WHERE p."organisationId" = ${organisationId}::uuid AND p.search @@ to_tsquery('innspill_nb', ${q})
     LIMIT 20000`;
  const all = rows.map((r) => ({ ...r, sentences: sentencesOf(r.statement).length }));
  return rankByWords(all, (c) => c.statement, words, idf, prep, perSentence);
}

/**
 * Library positions restated in the letter, each linked once to its best window of one to three sentences. With
 * `both`, also the positions a window would restate but for its polarity (a negation on one side only: the letter
 * says the opposite), marked `opposite`, found in the same pass (composer warnings, `memory/recognise.ts`).
 */
export async function findPositions(
  db: DbTx,
  organisationId: string,
  units: ReturnType<typeof unitsOf>,
  idf: LibraryIdf,
  prep: Prepare,
  polarity: "same" | "both" = "same",
): Promise<(PositionLink & { opposite?: true })[]> {
  const sentences: Sentence[] = units.flatMap((u, unit) =>
    u.paragraphs.flatMap((p, paragraph) =>
      sentencesOf(p.text).map((text, index) => ({ text, unit, paragraph, index })),
    ),
  );
  const candidates = await positionCandidates(
    db,
    organisationId,
    sentences.map((s) => selectiveWords(s.text, idf, 8)),
    idf,
    prep,
    8,
  );

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
  const best = new Map<
    string,
    PositionLink & { opposite?: true; order: number; length: number; sequence: number }
  >();
  for (let start = 0; start < sentences.length; start++) {
    const first = sentences[start]!;
    for (let length = 1; length <= 3; length++) {
      const window = sentences.slice(start, start + length);
      const last = window.at(-1);
      if (window.length < length || last!.unit !== first.unit || last!.paragraph !== first.paragraph) break;
      const text = window.map((s) => s.text).join(" ");
      const inWindow = new Map(window.flatMap((_, k) => candidates[start + k]!).map((c) => [c.id, c]));
      for (const c of inWindow.values()) {
        // A position is said again in at most as many sentences as it has: a one-sentence position within one
        // sentence, not in words gathered from several.
        if (length > c.sentences) continue;
        const w = prep(text);
        const library = prep(c.statement, true);
        // Polarities that differ never restate; with `both` they are tried as the opposite statement.
        const opposite = library.negated !== w.negated;
        if (opposite && polarity === "same") continue;
        const r = restates(library, opposite ? { ...w, negated: !w.negated } : w, idf);
        if (!r) continue;
        const key = opposite ? `!${c.id}` : c.id;
        const held = best.get(key);
        // The best score wins; on a tie the closer wording, then the shorter window, then the earlier one.
        if (
          held &&
          (held.score > r.score ||
            (held.score === r.score &&
              (held.sequence > r.sequence || (held.sequence === r.sequence && held.length <= length))))
        )
          continue;
        const u = units[first.unit]!;
        best.set(key, {
          ...(opposite ? { opposite: true as const } : {}),
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
 * The published blocks each unit may reuse: one query through the full-text index for the selective words of all
 * units, then per unit the blocks that share the most of its selective words (by weight).
 */
async function blockCandidates(
  db: DbTx,
  organisationId: string,
  words: string[][],
  idf: LibraryIdf,
  prep: Prepare,
) {
  const q = orQuery([...new Set(words.flat())]);
  if (!q) return words.map(() => []);
  const rows = await db.$queryRaw<{ id: string; versionId: string; title: string; text: string }[]>`
    SELECT b.id::text AS id, v.id::text AS "versionId", v.heading AS title, v."plainText" AS text
      FROM "TextBlock" b JOIN "TextBlockVersion" v ON v.id = b."publishedVersionId"
     WHERE b."organisationId" = ${organisationId}::uuid AND b."publishedSearch" @@ to_tsquery('innspill_nb', ${q})
     LIMIT 5000`;
  return rankByWords(rows, (r) => r.text, words, idf, prep, 10);
}

/**
 * Whether a unit reuses a block: the share of the block's sentences the unit says again (each found within a
 * sentence of the unit, as positions are). A block is reused when at least half of it is said again.
 */
function blockShare(blockText: string, sentences: Prepared[], idf: LibraryIdf, prep: Prepare): number {
  const own = blockSentences(blockText).filter((x) => prep(x, true).terms.length >= 3);
  if (!own.length) return 0;
  return own.filter((x) => sentences.some((w) => restates(prep(x, true), w, idf))).length / own.length;
}

/** Every unit with the block it reuses; a block goes to its best unit only (a sub-section before its chapter). */
const FACT = /\{\{([\w.-]+)\}\}/g;

async function findBlocks(
  db: DbTx,
  organisationId: string,
  proposal: LetterProposal,
  idf: LibraryIdf,
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
  const found = await blockCandidates(
    db,
    organisationId,
    units.map((u) => (terms(u.wording).length >= 3 ? selectiveWords(u.wording, idf, 30) : [])),
    idf,
    prep,
  );
  // A block's facts at their value on the letter's date, so the diff shows the figure the letter had against it
  // rather than a {{placeholder}} split into pieces.
  const keys = [...new Set(found.flat().flatMap((r) => [...r.text.matchAll(FACT)].map((m) => m[1]!)))];
  const facts = keys.length
    ? await resolveFacts(db, organisationId, keys, proposal.date ?? osloDate(new Date()))
    : new Map<string, { value: string | null }>();
  const withFacts = (text: string) => text.replace(FACT, (whole, k: string) => facts.get(k)?.value ?? whole);
  const matches: BlockMatch[][] = units.map((u, i) => {
    // A block's sentences are found one by one, each within a sentence of the unit.
    const sentences = u.all.flatMap((p) => sentencesOf(p.text)).map((w) => prep(w));
    return found[i]!.map((r) => ({ r, share: blockShare(r.text, sentences, idf, prep) }))
      .filter((x) => x.share >= 0.5)
      .sort((a, b) => b.share - a.share)
      .slice(0, 1)
      .map(({ r, share }) => ({
        blockId: r.id,
        versionId: r.versionId,
        title: r.title,
        text: r.text,
        score: Math.round(share * 1000) / 1000,
        label: labelOf({ ...similarity(r.text, u.wording, idf), score: share }),
        diff: wordDiff(withFacts(r.text), u.wording),
      }));
  });
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
