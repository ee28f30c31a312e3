/**
 * The measured evaluation of reuse detection (`npm run eval:reuse`, and the threshold test beside this file).
 *
 * The labelled set is in `fixtures/reuse/labels.json`: letters (the fixture letters and letters written in the
 * organisation's style), for each the library positions its sentences restate and the blocks its sections reuse.
 * Every other sentence restates nothing, and every other section reuses nothing, so a link anywhere else is a false
 * one. The library is the organisation's: the demo content and the two policy platforms, imported through the
 * use-cases. Each letter goes through the real import path (`proposeLetterImport`, on a real database).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "@innspill/db";
import {
  commitPlatformImport,
  proposeLetterImport,
  proposePlatformImport,
  sentencesOf,
  unitsOf,
  type Actor,
} from "@innspill/domain";

const ROOT = fileURLToPath(new URL("../../../fixtures/reuse/", import.meta.url));

interface Labels {
  library: string[];
  letters: {
    file: string;
    positions: { text: string; position: string }[];
    hardNegatives: string[];
    blocks: { heading: string | null; block: string }[];
  }[];
}

export const readLabels = (): Labels => JSON.parse(readFileSync(path.join(ROOT, "labels.json"), "utf8"));
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** The policy platforms of the set, imported into the organisation's library as an adviser would. */
export async function importReuseLibrary(db: Db, actor: Actor) {
  for (const file of readLabels().library) {
    const source = path.basename(file, ".txt");
    const { blocks } = proposePlatformImport({ text: read(file), source }, actor);
    await commitPlatformImport(db, { source, blocks }, actor);
  }
}

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ReuseReport {
  letters: number;
  /** Sentences in the letters: each restates one library position, or none. */
  statements: number;
  positives: number;
  hardNegatives: number;
  units: number;
  positions: Score;
  blocks: Score;
  /** The links that were wrong or missing. */
  confusion: string[];
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();
const score = (tp: number, fp: number, fn: number): Score => {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  };
};

export async function evaluateReuse(db: Db, actor: Actor): Promise<ReuseReport> {
  const labels = readLabels();
  const library = await db.position.findMany({
    where: { organisationId: actor.organisationId },
    select: { id: true, statement: true },
  });
  const positionOf = (key: string) => {
    const found = library.filter((p) => p.statement.startsWith(key));
    if (found.length !== 1) throw new Error(`«${key}» names ${found.length} library positions, not one`);
    return found[0]!;
  };
  const pos = { tp: 0, fp: 0, fn: 0 };
  const blk = { tp: 0, fp: 0, fn: 0 };
  const confusion: string[] = [];
  let statements = 0;
  let units = 0;
  for (const letter of labels.letters) {
    const name = path.basename(letter.file);
    const {
      proposal,
      positions,
      units: found,
    } = await proposeLetterImport(db, { text: read(letter.file) }, actor);
    statements += unitsOf(proposal.sections).reduce(
      (n, u) => n + u.paragraphs.reduce((m, p) => m + sentencesOf(p.text).length, 0),
      0,
    );
    units += found.length;

    const expected = letter.positions.map((l) => ({ ...l, id: positionOf(l.position).id, hit: false }));
    for (const link of positions) {
      const label = expected.find(
        (e) =>
          e.id === link.positionId &&
          (norm(link.wording).includes(norm(e.text)) || norm(e.text).includes(norm(link.wording))),
      );
      if (label && !label.hit) {
        label.hit = true;
        pos.tp++;
      } else {
        pos.fp++;
        confusion.push(`position FP ${name}: «${link.wording}» → «${link.statement}» (${link.score})`);
      }
    }
    for (const e of expected.filter((x) => !x.hit)) {
      pos.fn++;
      confusion.push(`position FN ${name}: «${e.text}» should link «${positionOf(e.position).statement}»`);
    }

    for (const u of found) {
      const label = letter.blocks.find((b) => b.heading === u.heading);
      if (u.match && label?.block === u.match.title) blk.tp++;
      else {
        if (u.match) {
          blk.fp++;
          confusion.push(
            `block FP ${name}: «${u.heading ?? "(innledning)"}» → «${u.match.title}» (${u.match.score})`,
          );
        }
        if (label) {
          blk.fn++;
          confusion.push(`block FN ${name}: «${u.heading ?? "(innledning)"}» should link «${label.block}»`);
        }
      }
    }
  }
  return {
    letters: labels.letters.length,
    statements,
    positives: labels.letters.reduce((n, l) => n + l.positions.length, 0),
    hardNegatives: labels.letters.reduce((n, l) => n + l.hardNegatives.length, 0),
    units,
    positions: score(pos.tp, pos.fp, pos.fn),
    blocks: score(blk.tp, blk.fp, blk.fn),
    confusion,
  };
}

export function formatReuseReport(r: ReuseReport): string {
  const row = (name: string, s: Score) =>
    `${name.padEnd(10)} precision ${s.precision.toFixed(3)}  recall ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}` +
    `  (TP ${s.truePositives}, FP ${s.falsePositives}, FN ${s.falseNegatives})`;
  return [
    `Reuse evaluation: ${r.letters} letters, ${r.statements} labelled sentences (${r.positives} restate a library position, ${r.hardNegatives} of the others are hard negatives), ${r.units} sections and sub-sections`,
    row("positions", r.positions),
    row("blocks", r.blocks),
    r.confusion.length
      ? `\nConfusion cases:\n${r.confusion.map((c) => `  ${c}`).join("\n")}`
      : "\nNo confusion cases.",
  ].join("\n");
}
