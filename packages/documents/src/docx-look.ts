/**
 * The DOCX of template version 3: the letter as the PDF draws it, from the same values (`LETTER_LOOK`, look.ts). The
 * look lives in the document's named styles (styles.xml), so text typed or pasted in Word takes it: Normal (through
 * the document defaults), Title, Heading 1 (a section's heading), Heading 2 («NITO mener:»), List Bullet, Date,
 * Closing, Signature, Letterhead, Footer and Footnote Text; all black, Calibri (Carlito in the PDF), exact line
 * heights. The letterhead is a borderless table of fixed height at the top of the first page, as in the PDF; the
 * signatories stand side by side in a borderless table of equal columns.
 *
 * Spacing follows the template's rules: Word adds a paragraph's space after to the next one's space before, so
 * space is given after (a blank line, `gapEm`), and the few places where the PDF has none, or more, say so here.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  HeightRule,
  ImageRun,
  LevelFormat,
  LineRuleType,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import { cmToTwips, LETTER_LOOK as L, lineHeight, mmToTwips, pt, twips } from "./look";
import type { DocBlock, DocumentModel, Run } from "./model";

const half = (points: number) => Math.round(points * 2);
/** Exact line height for a font size. */
const exactLine = (size: number) => ({ line: twips(lineHeight(size)), lineRule: LineRuleType.EXACT });
const GAP = twips(pt(L.gapEm));
const LINE = twips(lineHeight(L.size.body));
const font = { ascii: L.font.word, hAnsi: L.font.word, cs: L.font.word, eastAsia: L.font.word };
const PAGE_WIDTH = mmToTwips(L.page.widthMm);
const MARGIN = cmToTwips(L.page.marginCm);
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;

/** A zero-width space after each slash and punctuation mark of a URL, as the PDF: where it may break. */
const breakable = (url: string) =>
  url.replace(/[/.?&=#_,;+-]|%/g, (m) => (m === "%" ? "\u200B%" : `${m}\u200B`));

const bold = (on: boolean) => ({ bold: on, boldComplexScript: on });
const headingStyle = (size: number) => ({
  run: { font, size: half(size), color: L.colour, ...bold(true) },
  paragraph: { spacing: { before: 0, after: 0, ...exactLine(size) }, keepNext: true, keepLines: true },
});

/** The letter's own styles, beside the ones Word knows by id (Title, Heading1 …) that `docx` writes. */
const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: "ListBullet",
    name: "List Bullet",
    basedOn: "Normal",
    quickFormat: true,
    // Items follow each other without a gap; the list keeps the blank line after it.
    paragraph: { contextualSpacing: true, numbering: { reference: "bullets", level: 0 } },
  },
  {
    id: "Letterhead",
    name: "Letterhead",
    basedOn: "Normal",
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
  },
  {
    id: "Date",
    name: "Date",
    basedOn: "Normal",
    // The title's space before holds the blank line: Word and LibreOffice do not agree on adding both.
    paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
  },
  {
    id: "Closing",
    name: "Closing",
    basedOn: "Normal",
    // A blank line, then room for the signatures.
    paragraph: { spacing: { after: GAP + L.signaturesBeforeLines * LINE }, keepNext: true },
  },
  { id: "Signature", name: "Signature", basedOn: "Normal", paragraph: { spacing: { after: 0 } } },
  {
    id: "Footer",
    name: "footer",
    basedOn: "Normal",
    run: { size: half(L.size.footer) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, ...exactLine(L.size.footer) } },
  },
];

function runs(rs: Run[]): ParagraphChild[] {
  return rs.map((r) => {
    if (r.kind === "footnote")
      // Word has one reference per footnote: a repeated citation is the same number, superscript (as the PDF).
      return r.repeat
        ? new TextRun({ text: String(r.number), superScript: true })
        : new FootnoteReferenceRun(r.number);
    if (r.kind === "break") return new TextRun({ break: 1 });
    const run = new TextRun({ text: r.text, bold: r.bold, italics: r.italic });
    // A link is a link, its text as the PDF prints it.
    return r.href ? new ExternalHyperlink({ link: r.href, children: [run] }) : run;
  });
}

/** Text over several lines as one paragraph's runs, a line break between them. */
function lineRuns(text: string, style: IRunOptions = {}): TextRun[] {
  return text
    .split("\n")
    .map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

const bullets = (items: Run[][]) =>
  items.map((i) => new Paragraph({ style: "ListBullet", children: runs(i) }));

function blocks(b: DocBlock): Paragraph[] {
  switch (b.kind) {
    case "paragraph":
      return [new Paragraph({ children: runs(b.runs) })];
    case "bullets":
      return bullets(b.items);
    case "positions":
      return [new Paragraph({ heading: "Heading2", children: [new TextRun(b.intro)] }), ...bullets(b.items)];
  }
}

const noBorders = TableBorders.NONE;
const noMargins = { top: 0, bottom: 0, left: 0, right: 0 };

/** The letterhead zone: the logo on the left, the sender on the right, one fixed height, as the PDF's. */
function letterhead(m: DocumentModel): Table {
  const logo = m.letterhead.logo;
  const sender = new Paragraph({
    style: "Letterhead",
    children: [
      new TextRun({ text: m.letterhead.organisation, bold: true }),
      ...(m.letterhead.unit ? [new TextRun({ text: m.letterhead.unit, break: 1 })] : []),
      ...(m.letterhead.address ? [new TextRun({ text: m.letterhead.address, break: 1 })] : []),
    ],
  });
  const logoWidth = Math.round(TEXT_WIDTH * 0.4);
  const cells = logo?.data
    ? [
        new TableCell({
          width: { size: logoWidth, type: WidthType.DXA },
          children: [
            new Paragraph({
              style: "Letterhead",
              alignment: AlignmentType.LEFT,
              children: [
                new ImageRun({
                  type: logo.mediaType === "image/png" ? "png" : "jpg",
                  data: Buffer.from(logo.data, "base64"),
                  // As high as in the PDF (96 px to the inch).
                  transformation: {
                    height: Math.round((L.letterhead.logoHeightCm / 2.54) * 96),
                    width: Math.round(((L.letterhead.logoHeightCm / 2.54) * 96 * logo.width) / logo.height),
                  },
                }),
              ],
            }),
          ],
        }),
        new TableCell({ width: { size: TEXT_WIDTH - logoWidth, type: WidthType.DXA }, children: [sender] }),
      ]
    : [new TableCell({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, children: [sender] })];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: logo?.data ? [logoWidth, TEXT_WIDTH - logoWidth] : [TEXT_WIDTH],
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    margins: noMargins,
    rows: [
      new TableRow({
        height: { value: cmToTwips(L.letterhead.heightCm), rule: HeightRule.EXACT },
        cantSplit: true,
        children: cells,
      }),
    ],
  });
}

/** The signatories side by side: equal columns, `signatureGutterEm` apart (a right cell margin), no borders. */
function signatures(m: DocumentModel): Table {
  const n = Math.max(1, m.signatories.length);
  const gutter = twips(pt(L.signatureGutterEm));
  const column = (TEXT_WIDTH - (n - 1) * gutter) / n;
  const widths = Array.from({ length: n }, (_, i) => Math.round(i < n - 1 ? column + gutter : column));
  const people = m.signatories.length ? m.signatories : [{ name: "", title: null, note: null }];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: noBorders,
    margins: noMargins,
    rows: [
      new TableRow({
        cantSplit: true,
        children: people.map(
          (s, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              margins: { ...noMargins, right: i < n - 1 ? gutter : 0 },
              children: [
                new Paragraph({
                  style: "Signature",
                  children: [
                    new TextRun(s.name),
                    ...(s.title ? [new TextRun({ text: s.title, break: 1 })] : []),
                    ...(s.note ? [new TextRun({ text: s.note, break: 1 })] : []),
                  ],
                }),
              ],
            }),
        ),
      }),
    ],
  });
}

/** The first page's paragraphs before the title: recipient, references and contact person, place and date. */
function opening(m: DocumentModel): Paragraph[] {
  const refs = [
    ...m.references.map((r) => `${r.label}: ${r.value}`),
    ...(m.contact
      ? [`Kontaktperson: ${m.contact.name}${m.contact.email ? `, ${m.contact.email}` : ""}`]
      : []),
  ];
  const paragraphs = [
    ...(m.recipient ? [lineRuns(m.recipient)] : []),
    ...(refs.length ? [lineRuns(refs.join("\n"))] : []),
  ].map(
    // The first one keeps the PDF's blank line below the letterhead (Word adds no space after a table).
    (children, i) => new Paragraph({ children, ...(i === 0 ? { spacing: { before: GAP } } : {}) }),
  );
  return [
    ...paragraphs,
    new Paragraph({
      style: "Date",
      ...(paragraphs.length ? {} : { spacing: { before: GAP } }),
      children: [new TextRun(m.placeAndDate)],
    }),
  ];
}

function body(m: DocumentModel): Paragraph[] {
  return m.sections.flatMap((s, i) => [
    ...(s.heading
      ? [
          new Paragraph({
            heading: "Heading1",
            // Right after the title the PDF keeps its blank line above a heading; Word has no space after the title.
            ...(i === 0 ? { spacing: { before: GAP } } : {}),
            children: [new TextRun(s.heading)],
          }),
        ]
      : []),
    ...s.blocks.flatMap(blocks),
  ]);
}

export function letterDocument(m: DocumentModel): Document {
  const footerText = m.letterhead.footer;
  return new Document({
    creator: m.letterhead.organisation,
    title: m.title,
    styles: {
      default: {
        document: {
          // Kerned, as Typst sets the PDF (Word kerns only when told).
          run: { font, size: half(L.size.body), color: L.colour, kern: 2, language: { value: "nb-NO" } },
          paragraph: { spacing: { before: 0, after: GAP, ...exactLine(L.size.body) } },
        },
        title: {
          run: { font, size: half(L.size.title), color: L.colour, ...bold(L.bold.title) },
          paragraph: {
            // A blank line below the place and date, then two more lines: as the PDF.
            spacing: { before: GAP + L.titleBeforeLines * LINE, after: 0, ...exactLine(L.size.title) },
            keepNext: true,
          },
        },
        heading1: headingStyle(L.size.heading),
        heading2: headingStyle(L.size.body),
        heading3: headingStyle(L.size.body),
        heading4: headingStyle(L.size.body),
        heading5: headingStyle(L.size.body),
        heading6: headingStyle(L.size.body),
        footnoteText: {
          run: { size: half(L.size.footnote) },
          paragraph: { spacing: { before: 0, after: 0, ...exactLine(L.size.footnote) } },
        },
        hyperlink: { run: { color: L.colour } },
        caption: { run: { italics: true, size: half(L.size.footnote), color: L.colour } },
      },
      paragraphStyles,
    },
    numbering: {
      config: [
        {
          reference: "bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              alignment: AlignmentType.LEFT,
              style: {
                paragraph: {
                  indent: {
                    left: cmToTwips(L.bullet.indentCm + L.bullet.bodyIndentCm),
                    hanging: cmToTwips(L.bullet.bodyIndentCm),
                  },
                },
              },
            },
          ],
        },
      ],
    },
    footnotes: Object.fromEntries(
      m.footnotes.map((f) => [
        f.number,
        {
          children: [
            new Paragraph({
              style: "FootnoteText",
              children: [
                new TextRun(` ${f.text}`),
                ...(f.url
                  ? [
                      new TextRun(" "),
                      new ExternalHyperlink({ link: f.url, children: [new TextRun(breakable(f.url))] }),
                    ]
                  : []),
              ],
            }),
          ],
        },
      ]),
    ),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: mmToTwips(L.page.heightMm) },
            margin: {
              top: MARGIN,
              bottom: MARGIN,
              left: MARGIN,
              right: MARGIN,
              header: MARGIN,
              footer: twips(L.footerFromEdgePt),
              gutter: 0,
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: "Footer",
                children: [
                  ...(footerText ? [...lineRuns(footerText), new TextRun({ break: 1 })] : []),
                  // Without the organisation's lines the number is in the body's size, as in the PDF.
                  new TextRun({
                    children: [PageNumber.CURRENT],
                    ...(footerText ? {} : { size: half(L.size.body) }),
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          letterhead(m),
          ...opening(m),
          new Paragraph({ heading: "Title", children: [new TextRun(m.title)] }),
          ...body(m),
          new Paragraph({ style: "Closing", children: [new TextRun(m.closing)] }),
          signatures(m),
        ],
      },
    ],
  });
}
