/**
 * A letter Innspill already holds: an import whose text is the same as a letter imported before (the SHA-256 of the
 * normalised text), or nearly so (a pasted copy with other line breaks, a PDF of the DOCX, a corrected typo). The
 * import says so and links to it, and saving it again needs the user's confirmation (commit.ts).
 *
 * Normalised text: the title, the headings and the paragraphs, in Unicode NFKC, lower case, with every run of
 * characters that are not letters or digits as one space. Near-identical: at least `NEAR_IDENTICAL` of the two
 * letters' word triples (shingles) in common (Jaccard). Candidates are the letters with the same hash, a similar
 * title (pg_trgm) or the same date, at most `CANDIDATES` of them: the comparison never reads the whole archive.
 */
import { createHash } from "node:crypto";
import type { DbTx } from "@innspill/db";
import { dbToDateOnly, type DateOnly } from "../dates/dates";

export const NEAR_IDENTICAL = 0.8;
const CANDIDATES = 20;
const TITLE_SIMILARITY = 0.4;

interface SectionText {
  heading: string | null;
  paragraphs: { text: string }[];
  subsections?: unknown[];
}
interface LetterText {
  title: string;
  sections: SectionText[];
}

const normaliseLetterText = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The letter's words in reading order: title, then each section's heading and paragraphs, sub-sections included. */
export function letterText(l: LetterText): string {
  const section = (s: SectionText): string[] => [
    s.heading ?? "",
    ...s.paragraphs.map((p) => p.text),
    ...((s.subsections ?? []) as SectionText[]).flatMap(section),
  ];
  return normaliseLetterText([l.title, ...l.sections.flatMap(section)].join(" "));
}

export const letterTextSha256 = (l: LetterText) => createHash("sha256").update(letterText(l)).digest("hex");

function shingles(text: string): Set<string> {
  const words = text.split(" ").filter(Boolean);
  if (words.length < 3) return new Set([words.join(" ")]);
  return new Set(words.slice(0, -2).map((_, i) => `${words[i]} ${words[i + 1]} ${words[i + 2]}`));
}

/** Jaccard similarity of two texts' word triples, 0 to 1. */
export function textSimilarity(a: string, b: string): number {
  const x = shingles(a);
  const y = shingles(b);
  let common = 0;
  for (const s of x) if (y.has(s)) common++;
  const union = x.size + y.size - common;
  return union ? common / union : 1;
}

export interface DuplicateLetter {
  /** The imported letter. */
  id: string;
  title: string;
  sentOn: DateOnly;
  hearing: { id: string; title: string };
  /** The same normalised text (hash), or only nearly. */
  exact: boolean;
  /** Word triples in common, 0 to 1 (1 when exact). */
  similarity: number;
}

/** The letters of the organisation that this one repeats, the most similar first. */
export async function findDuplicateLetters(
  db: DbTx,
  organisationId: string,
  letter: LetterText & { date?: string | null },
): Promise<DuplicateLetter[]> {
  const text = letterText(letter);
  const sha = createHash("sha256").update(text).digest("hex");
  const candidates = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM "ImportedLetter"
    WHERE "organisationId" = ${organisationId}::uuid
      AND ("textSha256" = ${sha}
        OR similarity(title, ${letter.title}) >= ${TITLE_SIMILARITY}
        OR "sentOn" = ${letter.date ?? null}::date)
    ORDER BY ("textSha256" = ${sha}) DESC NULLS LAST, similarity(title, ${letter.title}) DESC
    LIMIT ${CANDIDATES}`;
  if (!candidates.length) return [];
  const rows = await db.importedLetter.findMany({
    where: { id: { in: candidates.map((c) => c.id) } },
    select: {
      id: true,
      title: true,
      sentOn: true,
      content: true,
      textSha256: true,
      hearingId: true,
    },
  });
  const hearings = await db.hearing.findMany({
    where: { id: { in: rows.map((r) => r.hearingId) }, organisationId },
    select: { id: true, title: true },
  });
  const found: DuplicateLetter[] = [];
  for (const r of rows) {
    const hearing = hearings.find((h) => h.id === r.hearingId);
    if (!hearing) continue;
    const exact = r.textSha256 === sha;
    const similarity = exact ? 1 : textSimilarity(text, letterText(r.content as unknown as LetterText));
    if (exact || similarity >= NEAR_IDENTICAL)
      found.push({
        id: r.id,
        title: r.title,
        sentOn: dbToDateOnly(r.sentOn),
        hearing,
        exact: exact || similarity === 1,
        similarity: Math.round(similarity * 100) / 100,
      });
  }
  return found.sort((a, b) => b.similarity - a.similarity);
}
