/**
 * Reads a sent letter from its text (pasted, from a DOCX through mammoth, or a PDF's text layer) and proposes its
 * parts: place and date, title, introduction, sections, "NITO mener" statements, footnotes, closing and signatories.
 * Pure: nothing is saved here. It cleans up what PDF text does to letters: page breaks in the middle of a paragraph,
 * footnotes and their link addresses at the foot of each page, double line spacing, and footnote markers glued to
 * words ("bioingeniører1") or years ("2016-20191").
 */

export interface ImportedFootnote {
  number: number;
  text: string;
  url: string | null;
}

export interface ImportedParagraph {
  text: string;
  /** A bullet point in the letter. */
  bullet: boolean;
  /** Footnote numbers cited in the paragraph, in order. */
  footnotes: number[];
}

export interface ImportedSection {
  heading: string | null;
  paragraphs: ImportedParagraph[];
}

export interface LetterProposal {
  place: string | null;
  /** "YYYY-MM-DD" */
  date: string | null;
  title: string;
  /** The introduction is the first section (heading null) when the letter has one. */
  sections: ImportedSection[];
  /** Positions the letter states: bullets, and sentences that say "NITO mener …". */
  statements: string[];
  footnotes: ImportedFootnote[];
  closing: string | null;
  signatories: { name: string; title: string | null; note: string | null }[];
}

const MONTHS = [
  "januar",
  "februar",
  "mars",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "desember",
];
const pad = (n: string | number) => String(n).padStart(2, "0");

/** "Oslo, 20.11 2025", "Oslo, 20.11.2025", "Oslo, 20. november 2025" → place and ISO date. */
export function parsePlaceDate(line: string): { place: string; date: string } | null {
  const m = /^([\p{Lu}][\p{L} .-]{1,40}),\s*(\d{1,2})\.\s*(\d{1,2}|\p{L}+)\.?\s*(\d{4})$/u.exec(line.trim());
  if (!m) return null;
  const month = /^\d+$/.test(m[3]!) ? Number(m[3]) : MONTHS.indexOf(m[3]!.toLowerCase()) + 1;
  const day = Number(m[2]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { place: m[1]!.trim(), date: `${m[4]}-${pad(month)}-${pad(day)}` };
}

const URL_LINE = /^https?:\/\/\S+$/;
const BULLET = /^[•·▪◦‣∙●○]\s*/;
const CLOSING = /^(med vennlig hilsen|vennlig hilsen|med hilsen)\b/i;
const blank = (l: string) => l.trim() === "";
const clean = (s: string) =>
  s
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** Joins the lines of a paragraph; a word broken at a line end with a hyphen is joined again ("IT-" + "avhengighet"). */
function joinLines(lines: string[]): string {
  return clean(lines.reduce((acc, l) => (/\p{L}-$/u.test(acc) ? acc + l : `${acc} ${l}`), ""));
}

/** Footnote markers in a paragraph: "ord1", "ord 4", "2016-20191". Numbers rise by at most one, and may repeat. */
function extractMarkers(text: string, max: number, from: number): { text: string; found: number[] } {
  const found: number[] = [];
  let last = from;
  const re = /(\p{L}|\))( ?)(\d{1,2})(?=[\s,.;:)]|$)|\b((?:19|20)\d{2})(\d)(?=[\s,.;:)]|$)/gu;
  const out = text.replace(
    re,
    (all, letter: string, _space: string, num: string, year: string, yearNum: string) => {
      const n = Number(num ?? yearNum);
      if (n < 1 || n > max || n < last || n > last + 1) return all;
      last = n;
      found.push(n);
      return letter !== undefined ? letter : year;
    },
  );
  return { text: out, found };
}

/** Sentences that state a position in prose: "… og NITO mener derfor at det bør …". */
function statementsIn(text: string): string[] {
  return (text.match(/[^.!?]*\bNITO mener\b[^.!?]*[.!?]/g) ?? []).map((s) => clean(s));
}

export function parseLetter(input: string): LetterProposal {
  let lines = input
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\s+$/, (ws) => (ws.includes(" ") ? " " : "")));
  // Double line spacing from PDF text: every other line empty, paragraphs broken by lines with a space in them. Then
  // only those break paragraphs.
  const empty = lines.filter((l) => l === "").length;
  const spaced = lines.some((l) => l !== "" && l.trim() === "");
  if (spaced && empty / Math.max(1, lines.length) > 0.35) lines = lines.filter((l) => l !== "");
  // A PDF text layer with no blank lines at all: every line stands alone (wrapped lines are joined again below), and
  // page numbers go.
  if (lines.length > 5 && !lines.some((l) => l.trim() === ""))
    lines = lines.filter((l) => !/^\s*\d{1,3}\s*$/.test(l)).flatMap((l) => [l, ""]);

  // 1. Footnotes (a numbered line after a blank line, numbers in sequence) and the link addresses printed after them.
  const footnotes: ImportedFootnote[] = [];
  const body: string[] = [];
  let inNotes = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const fn = /^(\d{1,2}) (\S.*)$/.exec(line);
    if (URL_LINE.test(line) && (inNotes || footnotes.some((f) => !f.url))) {
      const open = footnotes.find((f) => f.url === null);
      if (open) open.url = line;
      continue;
    }
    if (fn && Number(fn[1]) === footnotes.length + 1 && (i === 0 || blank(lines[i - 1]!) || inNotes)) {
      let text = fn[2]!;
      while (
        i + 1 < lines.length &&
        !blank(lines[i + 1]!) &&
        !/^(\d{1,2} \S|https?:\/\/)/.test(lines[i + 1]!.trim())
      )
        text += ` ${lines[++i]!.trim()}`;
      text = clean(text);
      footnotes.push(
        URL_LINE.test(text)
          ? { number: Number(fn[1]), text, url: text }
          : { number: Number(fn[1]), text, url: null },
      );
      inNotes = true;
      continue;
    }
    inNotes = inNotes && blank(lines[i]!);
    body.push(lines[i]!);
  }

  // 2. Paragraph groups between blank lines; a group cut by a page break is joined with its continuation.
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of body) {
    if (blank(line)) {
      if (current.length) groups.push(current);
      current = [];
    } else current.push(clean(line));
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

  // 3. Place and date, then the title (the first line after them); the rest of its group is the introduction.
  let place: string | null = null;
  let date: string | null = null;
  let g = 0;
  for (; g < Math.min(groups.length, 4); g++) {
    const pd = groups[g]!.length === 1 ? parsePlaceDate(groups[g]![0]!) : null;
    if (pd) {
      ({ place, date } = pd);
      g++;
      break;
    }
  }
  if (date === null) g = 0;
  const title = groups[g]?.[0] ?? "";
  const rest = [groups[g]!.slice(1), ...groups.slice(g + 1)].filter((x) => x.length);

  // 4. Closing and signatories.
  const closingAt = rest.findIndex((x) => CLOSING.test(x[0]!));
  const content = closingAt >= 0 ? rest.slice(0, closingAt) : rest;
  const closing = closingAt >= 0 ? clean(rest[closingAt]![0]!) : null;
  const signatories: LetterProposal["signatories"] = [];
  const signature = closingAt >= 0 ? rest.slice(closingAt + 1).flat() : [];
  if (signature.length) {
    const raw = body.find((l) => clean(l) === signature[0]) ?? signature[0]!;
    const names = raw
      .trim()
      .split(/\s{2,}/)
      .map(clean);
    const titleRaw = signature[1] ? (body.find((l) => clean(l) === signature[1]) ?? signature[1]) : null;
    const titles = titleRaw
      ? titleRaw
          .trim()
          .split(/\s{2,}/)
          .map(clean)
      : [];
    const notes = signature.slice(2).join(" ") || null;
    names.forEach((name, i) =>
      signatories.push({ name, title: titles[i] ?? null, note: i === 0 ? notes : null }),
    );
  }

  // 5. Sections: a short first line without closing punctuation is a heading.
  const sections: ImportedSection[] = [];
  const isHeading = (l: string) =>
    l.length <= 90 && !/[.!?:,;]$/.test(l) && /^[\p{Lu}\d]/u.test(l) && !BULLET.test(l);
  let marker = 0;
  const paragraph = (lines: string[]): ImportedParagraph => {
    const bullet = BULLET.test(lines[0]!);
    const joined = joinLines(bullet ? [lines[0]!.replace(BULLET, ""), ...lines.slice(1)] : lines);
    const { text, found } = extractMarkers(joined, footnotes.length, marker);
    if (found.length) marker = found.at(-1)!;
    return { text, bullet, footnotes: found };
  };
  for (const group of content) {
    // A heading's text starts on the next line with a capital; a wrapped line continues in lower case.
    if (group.length > 1 && isHeading(group[0]!) && !/^\p{Ll}/u.test(group[1]!)) {
      sections.push({ heading: group[0]!, paragraphs: [paragraph(group.slice(1))] });
    } else if (group.length === 1 && isHeading(group[0]!) && group[0]!.split(" ").length <= 12) {
      sections.push({ heading: group[0]!, paragraphs: [] });
    } else {
      if (!sections.length) sections.push({ heading: null, paragraphs: [] });
      // Bullets inside a group each start a paragraph.
      let item: string[] = [];
      for (const line of group) {
        if (BULLET.test(line) && item.length) {
          sections.at(-1)!.paragraphs.push(paragraph(item));
          item = [];
        }
        item.push(line);
      }
      if (item.length) sections.at(-1)!.paragraphs.push(paragraph(item));
    }
  }

  const statements = sections.flatMap((s) =>
    s.paragraphs.flatMap((p) => (p.bullet ? [p.text] : statementsIn(p.text))),
  );
  return {
    place,
    date,
    title: clean(title),
    sections: sections.filter((s) => s.heading !== null || s.paragraphs.length),
    statements,
    footnotes,
    closing,
    signatories,
  };
}
