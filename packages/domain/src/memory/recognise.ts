/**
 * The organisation's memory while writing: the composer's own text (free text and local edits) read against the
 * library with the letter import's matching (`findPositions`, `restates` in `imports/`), not a copy of it. A sentence
 * (or two or three together) that restates an active position is marked, and can be linked to it; one that restates
 * a retired position is a warning with its replacement; one that would restate an active position but for a negation
 * on one side is a contradiction. Two sentences of the letter that contradict each other's positions are a conflict:
 * one restates a position and another says its opposite, or one restates a retired position and another the position
 * that replaced it.
 */
import { z } from "zod";
import type { Db, DbTx } from "@innspill/db";
import type { Actor } from "../access/actor";
import { AppError } from "../common/errors";
import { blockBody, bodyToPlainText, type BlockBody } from "../library/body";
import { fields, parseInput } from "../common/validation";
import { unitsOf, type ImportedSection } from "../imports/letter";
import { findPositions, libraryIdf, preparer, type PositionLink } from "../imports/reuse";
import type { ReuseLabel } from "../imports/similarity";

/** The most text read at once: about a hundred pages. */
const RECOGNISE_MAX_CHARS = 300_000;

export const recogniseInput = z.object({
  submissionId: fields.id(),
  /** The letter's own sections (free text and local edits), each with its place in the letter. */
  sections: z
    .array(z.object({ index: z.int().min(0).max(999), body: blockBody }), { error: "invalid" })
    .max(300, { error: "tooManySections" }),
});

type RecognitionKind = "restates" | "retired" | "contradicts";

export interface Recognition {
  kind: RecognitionKind;
  /** The section's index in the letter; the paragraph (top-level node of its body) and bullet item in it; the first
   * sentence and how many. */
  section: number;
  paragraph: number;
  item: number | null;
  sentence: number;
  sentences: number;
  /** The letter's words. */
  wording: string;
  positionId: string;
  statement: string;
  label: ReuseLabel;
  score: number;
  /** The adviser linked this sentence to the position (it counts as a use when the letter is sent). */
  linked: boolean;
  /** For a retired position: the position in force that replaced it, if any. */
  replacement: { id: string; statement: string } | null;
}

/** Where a sentence (or a window of two or three) is in the letter, and its words. */
interface Place {
  section: number;
  paragraph: number;
  item: number | null;
  sentence: number;
  sentences: number;
  wording: string;
}

/**
 * Two sentences of the same letter that contradict each other's positions. `negates`: `said` restates the position
 * and `against` says its opposite. `replaced`: `said` restates a retired position and `against` the position that
 * replaced it (`other`), so the letter argues the old and the new line at once.
 */
export interface Conflict {
  kind: "negates" | "replaced";
  positionId: string;
  statement: string;
  status: string;
  other: { id: string; statement: string } | null;
  said: Place;
  against: Place;
}

/**
 * Prepared texts kept between calls: the composer asks again at every pause in typing, against the same library, so
 * its statements are stemmed once (a pure function of the text, so shared by organisations without crossing them).
 */
const prepared = preparer(200_000);

/** A line of a section: a paragraph (top-level node `node`) or a bullet (`item` of the list at `node`). */
export interface Line {
  text: string;
  node: number;
  item: number | null;
}

/** A body's paragraphs and bullets as lines, each with its place in the body. «NITO mener» lists are the library's. */
export function linesOf(body: BlockBody): Line[] {
  return body.content.flatMap((n, node): Line[] => {
    if (n.type === "positionList") return [];
    if (n.type === "bulletList")
      return (n.content ?? []).map((li, item) => ({
        text: bodyToPlainText({ type: "doc", content: li.content } as BlockBody),
        node,
        item,
      }));
    return [{ text: bodyToPlainText({ type: "doc", content: [n] }), node, item: null }];
  });
}

/** A section's lines as the import reads a letter's paragraphs. */
function sectionOf(lines: Line[]): ImportedSection {
  return {
    heading: null,
    paragraphs: lines.map((l) => ({
      text: l.text.replace(/\s+/g, " ").trim(),
      bullet: l.item !== null,
      footnotes: [],
    })),
    subsections: [],
  };
}

/**
 * The positions that replaced each retired one, in order along its chain of replacements (at most ten long), with
 * their statements and statuses. One query per step of the chains, for all of them at once.
 */
type Step = { id: string; statement: string; status: string };

async function successors(db: DbTx, organisationId: string, ids: string[]) {
  const chains = new Map<string, Step[]>(ids.map((id) => [id, []]));
  // Where each chain has got to: its last position's id.
  let at = new Map<string, string>(ids.map((id) => [id, id]));
  for (let hop = 0; hop < 10 && at.size; hop++) {
    const rows = await db.position.findMany({
      where: { id: { in: [...new Set(at.values())] }, organisationId },
      select: { id: true, replacedBy: { select: { id: true, statement: true, status: true } } },
    });
    const next = new Map(rows.map((r) => [r.id, r.replacedBy]));
    const moved = new Map<string, string>();
    for (const [start, last] of at) {
      const step = next.get(last);
      const chain = chains.get(start)!;
      if (!step || step.id === start || chain.some((x) => x.id === step.id)) continue;
      chain.push(step);
      moved.set(start, step.id);
    }
    at = moved;
  }
  return chains;
}

/**
 * Reads sections of text against the organisation's positions. `sections` carry their index in the letter; `linked`
 * the positions the letter's sentences are linked to.
 */
export async function recogniseSections(
  db: DbTx,
  organisationId: string,
  sections: { index: number; lines: Line[] }[],
  linked: Set<string> = new Set(),
): Promise<Recognition[]> {
  return (await readSections(db, organisationId, sections, linked)).recognitions;
}

/**
 * The recognitions, and the conflicts between the letter's own sentences. A sentence in a conflict is warned of
 * there, not twice: its contradiction or retired restatement is left out of the recognitions' warnings.
 */
async function readSections(
  db: DbTx,
  organisationId: string,
  sections: { index: number; lines: Line[] }[],
  linked: Set<string> = new Set(),
): Promise<{ recognitions: Recognition[]; conflicts: Conflict[] }> {
  const total = sections.reduce((n, s) => n + s.lines.reduce((m, l) => m + l.text.length, 0), 0);
  if (total > RECOGNISE_MAX_CHARS) throw new AppError("BAD_REQUEST", "textTooLong");
  if (!sections.some((s) => s.lines.some((l) => l.text.trim()))) return { recognitions: [], conflicts: [] };
  const units = unitsOf(sections.map((s) => sectionOf(s.lines)));
  const idf = await libraryIdf(db, organisationId, "position");
  const prep = prepared;
  // One pass finds both: restatements, and windows that say the opposite of a position.
  const all = await findPositions(db, organisationId, units, idf, prep, "both");
  const known = (l: PositionLink) => l.status === "ACTIVE" || l.status === "RETIRED";
  const same = all.filter((l) => !l.opposite && known(l));
  const opposite = all.filter((l) => l.opposite && known(l));
  const placeOf = (l: PositionLink): Place => ({
    section: sections[l.where.section]!.index,
    paragraph: sections[l.where.section]!.lines[l.where.paragraph]!.node,
    item: sections[l.where.section]!.lines[l.where.paragraph]!.item,
    sentence: l.where.sentence,
    sentences: l.where.sentences,
    wording: l.wording,
  });
  const samePlace = (a: Place, b: Place) =>
    a.section === b.section &&
    a.paragraph === b.paragraph &&
    a.item === b.item &&
    a.sentence === b.sentence &&
    a.sentences === b.sentences;

  // Conflicts within the letter: a position said and its opposite said; a retired position and its replacement.
  const conflicts: Conflict[] = [];
  const sayer = new Map(same.map((l) => [l.positionId, l]));
  for (const neg of opposite) {
    const said = sayer.get(neg.positionId);
    if (!said || samePlace(placeOf(said), placeOf(neg))) continue;
    conflicts.push({
      kind: "negates",
      positionId: said.positionId,
      statement: said.statement,
      status: said.status,
      other: null,
      said: placeOf(said),
      against: placeOf(neg),
    });
  }
  const retiredIds = same.filter((l) => l.status === "RETIRED").map((l) => l.positionId);
  const chains = retiredIds.length
    ? await successors(db, organisationId, retiredIds)
    : new Map<string, Step[]>();
  for (const old of same.filter((l) => l.status === "RETIRED")) {
    for (const next of chains.get(old.positionId) ?? []) {
      const newer = sayer.get(next.id);
      if (!newer) continue;
      conflicts.push({
        kind: "replaced",
        positionId: old.positionId,
        statement: old.statement,
        status: old.status,
        other: { id: newer.positionId, statement: newer.statement },
        said: placeOf(old),
        against: placeOf(newer),
      });
      break;
    }
  }
  const inConflict = new Set(
    conflicts.map((c) => `${c.kind === "negates" ? "contradicts" : "retired"} ${c.positionId}`),
  );

  const restated = same;
  const contradicted = opposite.filter((l) => l.status === "ACTIVE");
  // A retired position's replacement: the first in force along its chain.
  const replacedBy = new Map<string, { id: string; statement: string } | null>(
    retiredIds.map((id) => {
      const inForce = (chains.get(id) ?? []).find((x) => x.status === "ACTIVE");
      return [id, inForce ? { id: inForce.id, statement: inForce.statement } : null];
    }),
  );
  const of = (l: PositionLink, kind: RecognitionKind): Recognition => ({
    kind,
    ...placeOf(l),
    positionId: l.positionId,
    statement: l.statement,
    label: l.label,
    score: l.score,
    linked: kind === "restates" && linked.has(l.positionId),
    replacement: kind === "retired" ? (replacedBy.get(l.positionId) ?? null) : null,
  });
  const recognitions = [
    ...restated.map((l) => of(l, l.status === "RETIRED" ? "retired" : "restates")),
    ...contradicted.map((l) => of(l, "contradicts")),
  ]
    .filter((r) => !inConflict.has(`${r.kind} ${r.positionId}`))
    .sort((a, b) => a.section - b.section || a.paragraph - b.paragraph || a.sentence - b.sentence);
  const at = (p: Place) => [p.section, p.paragraph, p.sentence];
  conflicts.sort((x, y) => {
    const [a, b] = [at(x.said), at(y.said)];
    return a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
  });
  return { recognitions, conflicts };
}

/** The composer's query: the letter's own text as it stands in the editor (not yet saved), against the library. */
export async function recogniseLetterText(db: Db, input: unknown, actor: Actor) {
  const data = parseInput(recogniseInput, input);
  const s = await db.submission.findFirst({
    where: { id: data.submissionId, organisationId: actor.organisationId },
    select: { id: true, restatements: { select: { positionId: true } } },
  });
  if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
  return readSections(
    db,
    actor.organisationId,
    data.sections.map((x) => ({ index: x.index, lines: linesOf(x.body) })),
    new Set(s.restatements.map((r) => r.positionId)),
  );
}

/**
 * The saved letter's warnings from the library (the approval page): its own text's restatements of retired
 * positions, contradictions of positions in force, and sentences that contradict each other's positions.
 */
export async function getMemoryWarnings(db: Db, input: unknown, actor: Actor) {
  const { id } = parseInput(z.object({ id: fields.id() }), input);
  const s = await db.submission.findFirst({
    where: { id, organisationId: actor.organisationId },
    select: {
      sections: { select: { position: true, kind: true, body: true }, orderBy: { position: "asc" } },
    },
  });
  if (!s) throw new AppError("NOT_FOUND", "submissionNotFound");
  const own = s.sections.flatMap((x, index) => {
    if (x.kind === "BLOCK") return [];
    const body = blockBody.safeParse(x.body);
    return body.success ? [{ index, lines: linesOf(body.data) }] : [];
  });
  const { recognitions, conflicts } = await readSections(db, actor.organisationId, own);
  return { warnings: recognitions.filter((r) => r.kind !== "restates"), conflicts };
}
