/**
 * DOCX through `docx`: real Word footnotes, bullet lists, headings and page numbers. The package is rewritten with a
 * fixed timestamp (the letter's date) in the zip entries and core properties, so the same model gives the same bytes.
 */
import {
  AlignmentType,
  Document,
  Footer,
  ImageRun,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { DocBlock, DocumentModel, Run } from "./model";

function runs(rs: Run[]): (TextRun | FootnoteReferenceRun)[] {
  return rs.map((r) => {
    if (r.kind === "footnote")
      // Word has one reference per footnote: a repeated citation is the same number, superscript.
      return r.repeat
        ? new TextRun({ text: String(r.number), superScript: true })
        : new FootnoteReferenceRun(r.number);
    if (r.kind === "break") return new TextRun({ break: 1 });
    // Links are written as text followed by the address: the letter is printed and archived as much as clicked.
    const text = r.href && r.href !== r.text ? `${r.text} (${r.href})` : r.text;
    return new TextRun({ text, bold: r.bold, italics: r.italic });
  });
}

function blocks(b: DocBlock): Paragraph[] {
  switch (b.kind) {
    case "paragraph":
      return [new Paragraph({ children: runs(b.runs), spacing: { after: 160 } })];
    case "bullets":
      return b.items.map(
        (i) => new Paragraph({ children: runs(i), numbering: { reference: "bullets", level: 0 } }),
      );
    case "positions":
      return [
        new Paragraph({
          children: [new TextRun({ text: b.intro, bold: true })],
          spacing: { before: 120, after: 80 },
        }),
        ...b.items.map(
          (i) => new Paragraph({ children: runs(i), numbering: { reference: "bullets", level: 0 } }),
        ),
      ];
  }
}

/** Text over several lines as one paragraph's runs, a line break between them. */
function lineRuns(text: string, style: { size?: number } = {}): TextRun[] {
  return text
    .split("\n")
    .map((line, i) => new TextRun({ text: line, ...style, ...(i > 0 ? { break: 1 } : {}) }));
}

export async function renderDocx(m: DocumentModel): Promise<Buffer> {
  const doc = new Document({
    creator: m.letterhead.organisation,
    title: m.title,
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
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
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    footnotes: Object.fromEntries(
      m.footnotes.map((f) => [
        f.number,
        { children: [new Paragraph({ children: [new TextRun(f.url ? `${f.text} ${f.url}` : f.text)] })] },
      ]),
    ),
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              ...(m.letterhead.logo?.data
                ? [
                    new Paragraph({
                      children: [
                        new ImageRun({
                          type: m.letterhead.logo.mediaType === "image/png" ? "png" : "jpg",
                          data: Buffer.from(m.letterhead.logo.data, "base64"),
                          // 1.8 cm high, as in the PDF (96 px to the inch).
                          transformation: {
                            height: 68,
                            width: Math.round((68 * m.letterhead.logo.width) / m.letterhead.logo.height),
                          },
                        }),
                      ],
                    }),
                  ]
                : []),
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({ text: m.letterhead.organisation, bold: true }),
                  ...(m.letterhead.unit ? [new TextRun({ text: m.letterhead.unit, break: 1 })] : []),
                  ...(m.letterhead.address ? [new TextRun({ text: m.letterhead.address, break: 1 })] : []),
                ],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              ...(m.letterhead.footer
                ? [
                    new Paragraph({
                      alignment: AlignmentType.CENTER,
                      children: lineRuns(m.letterhead.footer, { size: 16 }),
                    }),
                  ]
                : []),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          ...(m.recipient ? [new Paragraph({ children: lineRuns(m.recipient) })] : []),
          ...m.references.map((r) => new Paragraph({ children: [new TextRun(`${r.label} ${r.value}`)] })),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 240, after: 240 },
            children: [new TextRun(m.placeAndDate)],
          }),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            children: [new TextRun({ text: m.title, bold: true })],
          }),
          ...m.sections.flatMap((s) => [
            ...(s.heading
              ? [
                  new Paragraph({
                    heading: HeadingLevel.HEADING_2,
                    children: [new TextRun({ text: s.heading, bold: true })],
                  }),
                ]
              : []),
            ...s.blocks.flatMap(blocks),
          ]),
          new Paragraph({ spacing: { before: 360, after: 720 }, children: [new TextRun(m.closing)] }),
          ...m.signatories.map(
            (s) =>
              new Paragraph({
                spacing: { after: 240 },
                children: [
                  new TextRun({ text: s.name, bold: true }),
                  ...(s.title ? [new TextRun({ text: s.title, break: 1 })] : []),
                  ...(s.note ? [new TextRun({ text: s.note, break: 1 })] : []),
                ],
              }),
          ),
        ],
      },
    ],
  });
  return reproducible(await Packer.toBuffer(doc), m.date);
}

/**
 * Fixed timestamps in the zip entries and in docProps/core.xml, files in name order, DEFLATE level 6. With fflate
 * (what docx zips with itself) rather than a second pure-JS zip library: unzipping and zipping again costs about as
 * much as making the document.
 */
function reproducible(buffer: Uint8Array, date: string): Buffer {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  // fflate writes a zip entry's time from the local-time fields of the Date: these fields are noon on the letter's
  // date in whatever time zone the worker runs, so the bytes do not depend on it.
  const mtime = new Date(y, m - 1, d, 12, 0, 0);
  const iso = `${date}T12:00:00Z`;
  const files = unzipSync(buffer);
  const core = files["docProps/core.xml"];
  if (core) {
    files["docProps/core.xml"] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
        `$1${iso}$2`,
      ),
    );
  }
  const sorted: Zippable = {};
  for (const name of Object.keys(files).sort()) {
    if (!name.endsWith("/")) sorted[name] = [files[name]!, { mtime, level: 6, os: 3 }];
  }
  return Buffer.from(zipSync(sorted));
}
