/**
 * DOCX through `docx`: real Word footnotes, bullet lists, headings and page numbers. The package carries a fixed
 * timestamp (the letter's date) in its zip entries and core properties, so the same model gives the same bytes.
 * `docx` writes the parts; zip.ts packs them. Template version 3 on: docx-look.ts.
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
import { letterDocument } from "./docx-look";
import type { DocBlock, DocumentModel, Run } from "./model";
import { zipPackage } from "./zip";

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
  // From template version 3 the Word file is drawn in the PDF's look (docx-look.ts); letters of versions 1 and 2
  // keep the file they had.
  const doc = m.templateVersion >= 3 ? letterDocument(m) : legacyDocument(m);
  // The core properties say when the letter was dated, not when the file was made; the zip entries likewise.
  const core = { path: "docProps/core.xml", data: coreProperties(m) };
  return zipPackage(packageParts(doc, [core]), m.date);
}

/** The DOCX of template versions 1 and 2: `docx`'s default styles, the sender in the page header. */
function legacyDocument(m: DocumentModel): Document {
  return new Document({
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
}

/**
 * The package's parts as `Packer` would zip them, from its compiler: `Packer` has no option for the zip's times or its
 * DEFLATE (see zip.ts). `docx` is pinned to one version, whose compiler is checked here.
 */
function packageParts(doc: Document, overrides: { path: string; data: string }[]) {
  const compiler = (Packer as unknown as { compiler?: PackageCompiler }).compiler;
  if (typeof compiler?.compile !== "function") throw new Error("DOCX: docx has no package compiler");
  return compiler.compile(doc, undefined, overrides);
}

interface PackageCompiler {
  compile(
    doc: Document,
    prettify: undefined,
    overrides: { path: string; data: string }[],
  ): Map<string, string | ArrayBufferView | ArrayBuffer>;
}

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** docProps/core.xml as `docx` writes it, with the letter's date (noon UTC) instead of the time of rendering. */
function coreProperties(m: DocumentModel): string {
  const when = `<dcterms:created xsi:type="dcterms:W3CDTF">${m.date}T12:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${m.date}T12:00:00Z</dcterms:modified>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(m.title)}</dc:title><dc:creator>${xmlText(m.letterhead.organisation)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlText(m.letterhead.organisation)}</cp:lastModifiedBy><cp:revision>1</cp:revision>${when}` +
    "</cp:coreProperties>"
  );
}
