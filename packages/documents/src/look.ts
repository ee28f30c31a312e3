/**
 * The letter's look from template version 3: one set of values that both renderers read, the Typst template (pdf.ts,
 * `TEMPLATE_V3`) and the DOCX (docx-look.ts, its styles.xml), so the Word file is the same letter as the PDF: the
 * same page, font, sizes, colour, line pitch and spacing, hence the same lines on the same pages.
 *
 * Every line is `lineEm` of its font size high (Word's «exact» line spacing; in Typst the text's top and bottom edges
 * with no leading), and a blank line between paragraphs is `gapEm` of the body size. 10 pt × 1.1 = 11 pt = 220
 * twentieths of a point: the values are whole twips, so Word and LibreOffice keep them exactly.
 *
 * A released template never changes (documents.test.ts pins its SHA-256): changing a value here changes
 * `TEMPLATE_V3`'s text, which that test refuses. A new look is a new version with values of its own.
 */
export const LETTER_LOOK = {
  /** A4, as the organisation's letters. */
  page: { widthMm: 210, heightMm: 297, marginCm: 2.5 },
  /** The page footer's bottom edge above the paper's edge (Word's footer distance). */
  footerFromEdgePt: 24,
  /** Carlito is metric-compatible with Calibri: the PDF embeds Carlito, the Word file names Calibri. */
  font: { pdf: "Carlito", word: "Calibri" },
  /** Sizes in points. */
  size: { body: 10, title: 12, heading: 10, footnote: 9, footer: 8 },
  /** Text, headings and the title: the organisation's black (RGB hex, no «#»). */
  colour: "000000",
  bold: { title: true, heading: true },
  /** A line's height in em of its font: the font's ascender and descender (1 em in Carlito) and 0.1 em leading. */
  lineEm: 1.1,
  /** Carlito's ascender (OS/2 typo metrics) in em: where the baseline sits in a line. */
  ascenderEm: 0.75,
  /** The space between paragraphs in em of the body size (Word's single line for Calibri: a blank line). */
  gapEm: 1.22,
  /** The letterhead zone at the top of the first page: logo left, the sender right. */
  letterhead: { heightCm: 4, logoHeightCm: 1.8 },
  /** Blank lines between the place and date and the title, and between the closing and the signatures. */
  titleBeforeLines: 2,
  signaturesBeforeLines: 3,
  /** Signatories side by side in equal columns, this far apart (em of the body size). */
  signatureGutterEm: 1.5,
  /** Bullets: the bullet at 0.63 cm, the text at 1.13 cm (0.63 + 0.5), as in v2. */
  bullet: { indentCm: 0.63, bodyIndentCm: 0.5 },
} as const;

/** Points for a size in em of the body text. */
export const pt = (em: number, size: number = LETTER_LOOK.size.body) => Math.round(em * size * 100) / 100;
/** Twentieths of a point (Word's twips). */
export const twips = (points: number) => Math.round(points * 20);
export const cmToTwips = (cm: number) => Math.round((cm / 2.54) * 1440);
export const mmToTwips = (mm: number) => cmToTwips(mm / 10);
/** A line's height in points for a font size. */
export const lineHeight = (size: number) => pt(LETTER_LOOK.lineEm, size);
