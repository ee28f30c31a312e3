/**
 * Reads a sent letter from its text (pasted, from a DOCX through mammoth, or a PDF's text layer) and proposes its
 * parts: place and date, title, introduction, sections, "NITO mener" statements, footnotes, closing and signatories.
 * Pure: nothing is saved here. It cleans up what PDF text does to letters: page breaks in the middle of a paragraph,
 * footnotes and their link addresses at the foot of each page, double line spacing, and footnote markers glued to
 * words ("bioingeniører1") or years ("2016-20191").
 */

interface ImportedFootnote {
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
  /** A chapter's sub-sections: a heading followed directly by a sub-heading. One level deep. */
  subsections: ImportedSection[];
}

/** Where a text is in a letter: section, sub-section (null for the section's own paragraphs), paragraph, sentence. */
export interface Where {
  section: number;
  subsection: number | null;
  paragraph: number;
  /** The first sentence, and how many sentences from it. */
  sentence: number;
  sentences: number;
}

export interface LetterProposal {
  place: string | null;
  /** "YYYY-MM-DD" */
  date: string | null;
  title: string;
  /** The introduction is the first section (heading null) when the letter has one. */
  sections: ImportedSection[];
  /**
   * Positions the letter states: bullets, sentences that say «NITO mener …» or «Vi mener …», and the sentences with
   * «må», «bør» or «skal» that follow such an opening in its paragraph («Videre må …»).
   */
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
    // A zero-width space is where a line may break (a URL in Innspill's own letters): not a space.
    .replace(/\u200b/g, "")
    .replace(/[\u00a0\u2000-\u200a\u202f]/g, " ")
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

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    "bl.a f.eks jf ca nr mv osv dvs pga iht evt ev m.m o.l kr mill mrd pst prop meld st tlf t.o.m f.o.m ref " +
    "mht vedr ang ifm inkl ekskl dr prof adm avd hhv kap pkt s ff"
  ).split(" "),
);

/**
 * The sentences of a paragraph, in order. A full stop ends a sentence when a capital, a digit or a quote follows,
 * unless it closes an abbreviation («bl.a.», «f.eks.», «jf.»), an initial, or an ordinal («1. januar»).
 */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /([.!?…]+)["»”')]*\s+(?=[\p{Lu}\d«"“(])/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (m[1] === ".") {
      const word = /(\S+)$/.exec(text.slice(start, m.index))?.[1]?.toLowerCase() ?? "";
      const bare = word.replace(/^[(«"“]+/, "");
      if (ABBREVIATIONS.has(bare) || /^\p{L}$/u.test(bare) || /^\d{1,2}$/.test(bare)) continue;
    }
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

const OPENING = /\b(NITO|vi)\s+(mener|vil\s+understreke|anbefaler|foreslår|krever|forventer)\b/i;
const DEMAND = /(?<!\p{L})(må|bør|skal)(?!\p{L})/iu;

/** Positions a paragraph states, with the index of their first sentence (-1 for a whole bullet). */
export function statedIn(p: ImportedParagraph): { text: string; sentence: number; sentences: number }[] {
  const sentences = sentencesOf(p.text);
  if (p.bullet) return [{ text: p.text, sentence: 0, sentences: sentences.length }];
  const out: { text: string; sentence: number; sentences: number }[] = [];
  let opened = false;
  sentences.forEach((s, i) => {
    if (OPENING.test(s)) opened = true;
    else if (!opened || !DEMAND.test(s)) return;
    out.push({ text: s, sentence: i, sentences: 1 });
  });
  return out;
}

/** Every section and sub-section with its place in the letter, in reading order. */
export function unitsOf(sections: ImportedSection[]) {
  return sections.flatMap((s, section) => [
    { section, subsection: null as number | null, heading: s.heading, paragraphs: s.paragraphs },
    ...s.subsections.map((sub, subsection) => ({
      section,
      subsection: subsection as number | null,
      heading: sub.heading,
      paragraphs: sub.paragraphs,
    })),
  ]);
}

/** «Kaja Marienborg», «Heidi Andersen-Lie»: two to four capitalised words, nothing else. */
const PERSON_NAME = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?: \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,3}$/u;

/**
 * Signatories side by side as a table gives them (a DOCX read as text, Innspill's own letters among them): name,
 * title and any note of the first, then of the next. A line that is a person's name starts the next signatory. Null
 * when the lines after the first hold no second name (one signatory, read as before).
 */
function signatoriesInSequence(lines: string[]): LetterProposal["signatories"] | null {
  const starts = lines.flatMap((l, i) => (i === 0 || PERSON_NAME.test(clean(l)) ? [i] : []));
  if (starts.length < 2) return null;
  return starts.map((start, k) => {
    const own = lines.slice(start, starts[k + 1] ?? lines.length).map(clean);
    return { name: own[0]!, title: own[1] ?? null, note: own.slice(2).join(" ") || null };
  });
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

  // Page numbers on lines of their own («2», «Side 2 av 4», «- 2 -») go, so a sentence cut by a page break is joined.
  const edge = (i: number) => i < 0 || i >= lines.length || blank(lines[i]!);
  lines = lines.filter(
    (l, i) =>
      !(
        /^\s*(side\s+)?[-–]?\s*\d{1,3}\s*[-–]?(\s*(av|\/)\s*\d{1,3})?\s*$/i.test(l) &&
        edge(i - 1) &&
        edge(i + 1)
      ),
  );

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
  // It comes after the letterhead and the recipient (up to ten groups: a PDF's text layer may give each line its own),
  // and may share a group with them (a text layer without blank lines): what comes before it is not the letter.
  let g = 0;
  found: for (let gi = 0; gi < Math.min(groups.length, 10); gi++) {
    for (const [li, line] of groups[gi]!.entries()) {
      const pd = parsePlaceDate(line);
      if (!pd) continue;
      ({ place, date } = pd);
      const after = groups[gi]!.slice(li + 1);
      if (after.length) groups[gi] = after;
      g = after.length ? gi : gi + 1;
      break found;
    }
  }
  // A text of only a letterhead, a page number or a place and date has no group left for the title.
  const title = groups[g]?.[0] ?? "";
  const rest = [groups[g]?.slice(1) ?? [], ...groups.slice(g + 1)].filter((x) => x.length);

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
    const people = names.length === 1 ? signatoriesInSequence(signature) : null;
    if (people) signatories.push(...people);
    else {
      const notes = signature.slice(2).join(" ") || null;
      names.forEach((name, i) =>
        signatories.push({ name, title: titles[i] ?? null, note: i === 0 ? notes : null }),
      );
    }
  }

  // 5. Sections: a short first line without closing punctuation is a heading. A heading followed directly by
  // another heading is a chapter; the headings after it are its sub-sections until the next chapter. Numbered
  // headings say their level themselves («2», «2.1»).
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
  // Split groups into heading lines and paragraph groups, so that a heading right under a heading is seen.
  const items: ({ heading: string } | { lines: string[] })[] = [];
  for (const group of content) {
    if (group.length > 1 && isHeading(group[0]!) && !/^\p{Ll}/u.test(group[1]!)) {
      // A heading's text starts on the next line with a capital; a wrapped line continues in lower case.
      items.push({ heading: group[0]! });
      const rest = group.slice(1);
      if (
        rest.length > 1 &&
        isHeading(rest[0]!) &&
        !/^\p{Ll}/u.test(rest[1]!) &&
        rest[0]!.split(" ").length <= 12
      )
        items.push({ heading: rest[0]! }, { lines: rest.slice(1) });
      else items.push({ lines: rest });
    } else if (group.length === 1 && isHeading(group[0]!) && group[0]!.split(" ").length <= 12) {
      items.push({ heading: group[0]! });
    } else items.push({ lines: group });
  }
  const numberedLevel = (h: string) => {
    const m = /^(\d+(?:\.\d+)*)\.?\s+\S/.exec(h);
    return m ? m[1]!.split(".").length : null;
  };
  let chapter: ImportedSection | null = null;
  const target = () => {
    const top = sections.at(-1);
    return top?.subsections.at(-1) ?? top;
  };
  items.forEach((item, i) => {
    if ("heading" in item) {
      const next = items[i + 1];
      const level = numberedLevel(item.heading);
      const opensChapter = level === 1 || (level === null && next !== undefined && "heading" in next);
      const section: ImportedSection = { heading: item.heading, paragraphs: [], subsections: [] };
      if ((level ?? 0) >= 2 || (level === null && chapter && !opensChapter)) {
        (
          chapter ??
          sections.at(-1) ??
          sections[sections.push({ heading: null, paragraphs: [], subsections: [] }) - 1]!
        ).subsections.push(section);
      } else {
        sections.push(section);
        chapter = opensChapter ? section : null;
      }
      return;
    }
    let into = target();
    if (!into) sections.push((into = { heading: null, paragraphs: [], subsections: [] }));
    // Bullets inside a group each start a paragraph.
    let lines: string[] = [];
    for (const line of item.lines) {
      if (BULLET.test(line) && lines.length) {
        into.paragraphs.push(paragraph(lines));
        lines = [];
      }
      lines.push(line);
    }
    if (lines.length) into.paragraphs.push(paragraph(lines));
  });

  const statements = unitsOf(sections).flatMap((u) =>
    u.paragraphs.flatMap((p) => statedIn(p).map((x) => x.text)),
  );
  return {
    place,
    date,
    title: clean(title),
    sections: sections.filter((s) => s.heading !== null || s.paragraphs.length || s.subsections.length),
    statements,
    footnotes,
    closing,
    signatories,
  };
}
