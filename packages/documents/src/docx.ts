/**
 * DOCX through `docx`: real Word footnotes, bullet lists, headings and page numbers. The package carries a fixed
 * timestamp (the letter's date) in its zip entries and core properties, so the same model gives the same bytes.
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
  // The core properties say when the letter was dated, not when the file was made; the zip entries likewise.
  const core = { path: "docProps/core.xml", data: coreProperties(m) };
  return withFixedTimes(await Packer.toBuffer(doc, undefined, [core]), m.date);
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

/**
 * Writes the letter's date (noon) as every entry's modification time in the package `docx` zipped, in place: the
 * time and date fields of each local header and central directory entry (APPNOTE 4.3.7, 4.3.12). `docx` zips its
 * files in a fixed order with fixed options, so with the times fixed the same model gives the same bytes, without
 * unzipping and compressing everything a second time (a third of the DOCX's cost).
 */
function withFixedTimes(zip: Uint8Array, date: string): Buffer {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const dosTime = 12 << 11;
  const dosDate = ((y - 1980) << 9) | (mo << 5) | d;
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("DOCX: no end of central directory");
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error("DOCX: broken central directory");
    buf.writeUInt16LE(dosTime, at + 12);
    buf.writeUInt16LE(dosDate, at + 14);
    const local = buf.readUInt32LE(at + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("DOCX: broken local header");
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return buf;
}
