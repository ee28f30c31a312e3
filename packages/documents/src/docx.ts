/**
 * DOCX through `docx`: real Word footnotes, bullet lists, headings and page numbers. The package is rewritten with a
 * fixed timestamp (the letter's date) in the zip entries and core properties, so the same model gives the same bytes.
 */
import {
  AlignmentType,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from "docx";
import JSZip from "jszip";
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
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [PageNumber.CURRENT] })],
              }),
            ],
          }),
        },
        children: [
          ...(m.recipient ? [new Paragraph({ children: [new TextRun(m.recipient)] })] : []),
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

/** Fixed timestamps in the zip entries and in docProps/core.xml. */
async function reproducible(buffer: Buffer, date: string): Promise<Buffer> {
  const fixed = new Date(`${date}T12:00:00.000Z`);
  const zip = await JSZip.loadAsync(buffer);
  const core = zip.file("docProps/core.xml");
  if (core) {
    const xml = (await core.async("string")).replace(
      /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g,
      `$1${fixed.toISOString().replace(/\.\d{3}Z$/, "Z")}$2`,
    );
    zip.file("docProps/core.xml", xml);
  }
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (entry.dir) continue;
    out.file(name, await entry.async("uint8array"), { date: fixed, createFolders: false });
  }
  return out.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    platform: "UNIX",
  });
}
