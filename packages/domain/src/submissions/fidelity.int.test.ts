/**
 * Fidelity to a real letter: the 2025 submission to Helsereformutvalget is rebuilt in Innspill from the fixture text
 * (sections as published blocks, the member count as a fact, its footnotes, its two signatories with their titles),
 * assembled, rendered to PDF, and read back with `pdftotext` (poppler-utils). No paragraph of the fixture is copied
 * into the repository: the test derives everything from the fixture file at run time.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { diffChars } from "diff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assemble, renderPdf } from "@innspill/documents";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "../access/actor";
import { createBlock, publishBlock, saveBlockDraft } from "../library/blocks";
import type { BlockBody } from "../library/body";
import { createDemoDatabase } from "@innspill/demo/testing";
import { createSignatory } from "./signatories";
import { createSubmission, saveSubmission } from "./submissions";
import { buildSnapshot } from "./snapshot";
import { loadSubmission } from "./load";
import type { SectionInput } from "./schemas";

const FIXTURE = path.resolve(
  __dirname,
  "../../../../fixtures/documents/submission-2025-helsereformutvalget.txt",
);

// ——— Reading the fixture ———

interface Footnote {
  number: number;
  text: string;
  url?: string;
}
interface ParsedLetter {
  place: string;
  date: string;
  title: string;
  sections: { heading: string | null; paragraphs: string[] }[];
  closingRemark: string;
  closing: string;
  signatories: { name: string; title: string; note?: string }[];
  footnotes: Footnote[];
}

const blank = (l: string) => l.trim() === "";

function parseFixture(text: string): ParsedLetter {
  const lines = text.split("\n").map((l) => l.replace(/\s+$/, ""));
  // Footnote definitions ("1 Text…" with continuation lines) and the link addresses printed after them.
  const footnotes: Footnote[] = [];
  const urls: string[] = [];
  const body: string[] = [];
  let inNotes = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fn = /^(\d) (\S.*)$/.exec(line.trim());
    if (/^https?:\/\//.test(line.trim())) urls.push(line.trim());
    else if (fn && (i === 0 || blank(lines[i - 1]!) || inNotes)) {
      let t = fn[2]!.trim();
      while (i + 1 < lines.length && !blank(lines[i + 1]!) && !/^(\d |https?:)/.test(lines[i + 1]!.trim()))
        t += ` ${lines[++i]!.trim()}`;
      footnotes.push({ number: Number(fn[1]), text: t });
      inNotes = true;
      continue;
    } else body.push(line);
    inNotes = false;
  }
  footnotes.forEach((f, i) => (f.url = urls[i]));

  // Paragraph groups: lines between blank lines. A group cut by a page break (no closing punctuation, next starts
  // in lower case) is joined again.
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of body) {
    if (blank(line)) {
      if (current.length) groups.push(current);
      current = [];
    } else current.push(line.trim());
  }
  if (current.length) groups.push(current);
  for (let i = 0; i + 1 < groups.length; i++) {
    const last = groups[i]!.at(-1)!;
    if (!/[.!?:]$/.test(last) && /^\p{Ll}/u.test(groups[i + 1]![0]!)) {
      groups[i] = [...groups[i]!, ...groups[i + 1]!];
      groups.splice(i + 1, 1);
      i--;
    }
  }
  const join = (ls: string[]) => ls.reduce((acc, l) => (acc.endsWith("-") ? acc + l : `${acc} ${l}`)).trim();

  const [place, ddmm] = groups[0]![0]!.split(/,\s*/) as [string, string];
  const [, dd, mm, yyyy] = /^(\d+)\.(\d+)\s+(\d{4})$/.exec(ddmm)!;
  const date = `${yyyy}-${mm!.padStart(2, "0")}-${dd!.padStart(2, "0")}`;
  const title = groups[1]![0]!;
  const closingAt = groups.findIndex((g) => g[0] === "Med vennlig hilsen");
  const content = [groups[1]!.slice(1), ...groups.slice(2, closingAt)];

  const sections: ParsedLetter["sections"] = [];
  for (const g of content) {
    const isHeading = g.length > 1 && g[0]!.length < 70 && !/[.!?]$/.test(g[0]!);
    if (isHeading) sections.push({ heading: g[0]!, paragraphs: [join(g.slice(1))] });
    else if (!sections.length) sections.push({ heading: null, paragraphs: [join(g)] });
    else sections.at(-1)!.paragraphs.push(join(g));
  }
  // The last paragraph is the letter's own closing remark: free text, not a library block.
  const closingRemark = sections.at(-1)!.paragraphs.pop()!;

  const [names, titles, ...notes] = groups[closingAt + 1]!;
  const nameList = names!.split(/\s{2,}/);
  const titleList = titles!.split(/\s{2,}/);
  return {
    place,
    date,
    title,
    sections,
    closingRemark,
    closing: groups[closingAt]![0]!,
    signatories: nameList.map((name, i) => ({
      name,
      title: titleList[i]!,
      ...(i === 0 && notes.length ? { note: notes.join(" ") } : {}),
    })),
    footnotes,
  };
}

/** Paragraph text → Tiptap inline nodes: footnote markers ("ord1", "Helsetilsynet 4") become footnotes. */
function inline(text: string, footnotes: Footnote[], memberCount: string) {
  const nodes: unknown[] = [];
  let rest = text;
  const marker = /(?<=\p{L}) ?([1-9])(?=[\s,.]|$)/u;
  for (;;) {
    const m = marker.exec(rest);
    const f = m && footnotes.find((x) => x.number === Number(m[1]));
    if (!m || !f) break;
    if (m.index) nodes.push(...facts(rest.slice(0, m.index), memberCount));
    nodes.push({ type: "footnote", attrs: { text: f.text, ...(f.url ? { url: f.url } : {}) } });
    rest = rest.slice(m.index + m[0].length);
  }
  if (rest) nodes.push(...facts(rest, memberCount));
  return nodes;
}

/** The member count in the text becomes the fact it is. */
function facts(text: string, memberCount: string) {
  const at = text.indexOf(memberCount);
  if (at < 0) return [{ type: "text", text }];
  return [
    ...(at ? [{ type: "text", text: text.slice(0, at) }] : []),
    { type: "fact", attrs: { key: "org.memberCount" } },
    ...(text.slice(at + memberCount.length)
      ? [{ type: "text", text: text.slice(at + memberCount.length) }]
      : []),
  ];
}

// ——— Comparing texts ———

const normalize = (s: string) =>
  s
    .normalize("NFKC")
    .replace(/[\u00ad\u200b]/g, "") // soft hyphens and the zero-width spaces where a URL may break
    .replace(/\s+/g, " ")
    .trim();

/** 2·matched / (|a| + |b|) over characters, as difflib's ratio. */
function similarity(a: string, b: string): number {
  const matched = diffChars(a, b)
    .filter((p) => !p.added && !p.removed)
    .reduce((n, p) => n + p.value.length, 0);
  return (2 * matched) / (a.length + b.length);
}

function pdfText(pdf: Uint8Array): string {
  try {
    return execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf }).toString("utf8");
  } catch (err) {
    throw new Error(
      `pdftotext failed (install poppler-utils: apt-get install -y poppler-utils): ${(err as Error).message}`,
    );
  }
}

// ——— The test ———

let t: TestDatabase;
let actors: Record<string, Actor>;
let fixture: string;
let letter: ParsedLetter;
let pdf: Buffer;

beforeAll(async () => {
  ({ t, actors } = await createDemoDatabase());
  fixture = readFileSync(FIXTURE, "utf8");
  letter = parseFixture(fixture);
  const adviser = actors.ingrid!;

  // The member count on the letter's date is the demo fact (116 000 from 2025).
  const memberCount = /over (\d{2,3} \d{3}) medlemmer/.exec(fixture)![1]!;
  const versions: SectionInput[] = [];
  for (const [i, s] of letter.sections.entries()) {
    const heading = s.heading ?? "Om NITO";
    const b = await createBlock(t.db, { heading, topics: ["helse"] }, adviser);
    const body: BlockBody = {
      type: "doc",
      content: s.paragraphs.map(
        (p) =>
          ({
            type: "paragraph",
            content: inline(p, letter.footnotes, memberCount),
          }) as BlockBody["content"][number],
      ),
    };
    const saved = await saveBlockDraft(
      t.db,
      { id: b.id, version: b.version, heading, topics: [], body },
      adviser,
    );
    const v = await publishBlock(t.db, { id: b.id, version: saved.version, reason: "Fra brevet" }, adviser);
    versions.push({ kind: "BLOCK", blockVersionId: v.id, showHeading: i > 0 || s.heading !== null });
  }
  const signatories = [];
  for (const s of letter.signatories) {
    const created = await createSignatory(
      t.db,
      { name: s.name, titles: [{ title: s.title, validFrom: "2024-01-01" }] },
      actors.admin!,
    );
    signatories.push({ signatoryId: created.id, note: s.note ?? null });
  }

  const hearing = await t.db.hearing.findFirstOrThrow({
    where: { title: "Innspill til Helsereformutvalget" },
  });
  // The original names no contact person: nobody is responsible, so the letter (template 3 on) prints none either.
  await t.db.hearing.update({ where: { id: hearing.id }, data: { responsibleId: null } });
  const { id } = await createSubmission(t.db, { hearingId: hearing.id }, adviser);
  const s = await t.db.submission.findUniqueOrThrow({ where: { id } });
  await saveSubmission(
    t.db,
    {
      id,
      version: s.version,
      title: letter.title,
      place: letter.place,
      date: letter.date,
      // The letterhead of the original is the logo; its text equivalent is the organisation's short name.
      letterheadOrganisation: "NITO",
      closing: letter.closing,
      sections: [
        ...versions,
        {
          kind: "FREE",
          heading: null,
          body: {
            type: "doc",
            content: [{ type: "paragraph", content: [{ type: "text", text: letter.closingRemark }] }],
          },
        },
      ],
      signatories,
    },
    adviser,
  );
  const built = await buildSnapshot(t.db, await loadSubmission(t.db, id, adviser));
  pdf = renderPdf(assemble(built.snapshot));
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("the Helsereformutvalget letter rebuilt in Innspill", () => {
  it("was read from the fixture as the letter it is", () => {
    expect(letter.date).toBe("2025-11-20");
    expect(letter.sections.length).toBeGreaterThanOrEqual(8);
    expect(letter.footnotes.map((f) => f.number)).toEqual([1, 2, 3, 4]);
    expect(letter.footnotes.every((f) => f.url?.startsWith("https://"))).toBe(true);
    expect(letter.signatories).toHaveLength(2);
  });

  it("reads back from the PDF with a normalized similarity of at least 0.98", () => {
    const ours = normalize(pdfText(pdf));
    const theirs = normalize(fixture);
    const score = similarity(ours, theirs);
    console.log(`fidelity: similarity ${score.toFixed(4)} (${ours.length} vs ${theirs.length} characters)`);
    expect(score).toBeGreaterThanOrEqual(0.98);
  });

  it("has the date line and both signatories with their titles", () => {
    const text = normalize(pdfText(pdf));
    expect(text).toContain("Oslo, 20. november 2025");
    for (const s of letter.signatories) {
      expect(text).toContain(s.name);
      expect(text).toContain(s.title);
    }
    expect(text).toContain(letter.signatories[0]!.note!);
  });

  it("puts each footnote at the foot of the page that cites it", () => {
    // pdftotext ends every page with a form feed.
    const pages = pdfText(pdf)
      .split("\f")
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const f of letter.footnotes) {
      const start = normalize(f.text).slice(0, 40);
      // Found by its text: pdftotext reads a raised footnote number in its own reading order, which puts it beside
      // its text or, next to the signatures' two columns, among them; its number is on the page all the same.
      const page = pages.findIndex((p) => normalize(p).includes(start));
      expect(page, `footnote ${f.number} printed`).toBeGreaterThanOrEqual(0);
      const text = normalize(pages[page]!);
      // The footnote is printed after the body text that cites it, on the same page.
      const cited = text.search(new RegExp(`\\p{L} ?${f.number}(?=[\\s,.])`, "u"));
      expect(cited, `footnote ${f.number} cited on its page`).toBeGreaterThanOrEqual(0);
      expect(text.lastIndexOf(start)).toBeGreaterThan(cited);
      expect(text.slice(cited + 2)).toMatch(new RegExp(`(^|\\s)${f.number}(\\s|$)`));
    }
  });
});
