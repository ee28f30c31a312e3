/**
 * Files made to hurt a parser, for tests: zip bombs that look like a DOCX (plain, with a second central directory
 * behind a zip64 end record, with 60 000 entries, nested), a huge and a deeply nested document.xml, a PDF whose
 * content stream unpacks to a gigabyte, a PDF with more pages than any letter, a Word letter whose picture unpacks
 * to gigabytes, and the radar's hostile pages (HTML and XML nested 100 000 deep, HTML of half a million elements).
 * Built here, byte by byte, so no such file lives in the repository; each is at most a few megabytes.
 */
import { constants, deflateRawSync, deflateSync } from "node:zlib";

const MB = 1024 * 1024;

/**
 * A raw deflate stream of `mb` MB made of `chunk` repeated, built from one compressed chunk: each piece is flushed
 * to a byte boundary (Z_FULL_FLUSH), so pieces can follow each other, and an empty final block ends the stream.
 */
function deflateRepeated(chunk: Buffer, mb: number): Buffer {
  const piece = deflateRawSync(Buffer.concat(Array(Math.ceil((16 * MB) / chunk.length)).fill(chunk)), {
    finishFlush: constants.Z_FULL_FLUSH,
    level: 9,
  });
  return Buffer.concat([...Array(Math.ceil(mb / 16)).fill(piece), deflateRawSync(Buffer.alloc(0))]);
}

/** The same as a zlib stream (what a PDF's FlateDecode holds): header, the raw stream, any checksum (unchecked). */
const zlibRepeated = (chunk: Buffer, mb: number) =>
  Buffer.concat([Buffer.from([0x78, 0xda]), deflateRepeated(chunk, mb), Buffer.alloc(4)]);

/** A zip of `entries`, each stored deflated, with a correct central directory. */
export function zipOf(entries: { name: string; data: Buffer; deflated?: Buffer; size?: number }[]): Buffer {
  return zipParts(entries).zip;
}

type ZipEntry = { name: string; data: Buffer; deflated?: Buffer; size?: number };

/** A zip's pieces: local records, central directory, end record (for the files that lie about their structure). */
function zipParts(entries: ZipEntry[]) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const body = e.deflated ?? deflateRawSync(e.data);
    const size = e.size ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  const body = Buffer.concat(locals);
  return { zip: Buffer.concat([body, dir, end]), body, dir, centrals, count: entries.length };
}

/**
 * A «DOCX» of a few hundred KB that unpacks to `unpackedMb` MB of zeros (in 16 MB entries), and whose headers claim
 * each entry is 1 KB.
 */
export function zipBombDocx(unpackedMb = 1024): Buffer {
  const chunk = 16;
  const deflated = deflateRawSync(Buffer.alloc(chunk * 1024 * 1024));
  const entries = Array.from({ length: Math.ceil(unpackedMb / chunk) }, (_, i) => ({
    name: i === 0 ? "word/document.xml" : `word/part${i}.xml`,
    data: Buffer.alloc(0),
    deflated,
    size: 1024,
  }));
  return zipOf([{ name: "[Content_Types].xml", data: Buffer.from("<Types/>") }, ...entries]);
}

/** A valid PDF with `pages` empty pages. */
export function manyPagesPdf(pages: number): Buffer {
  const objects: string[] = [];
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(" ");
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i++) objects.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const docxFrame = [
  { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
  { name: "_rels/.rels", data: Buffer.from(RELS) },
];
const documentXml = (paragraphs: string[]) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${paragraphs
      .map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`)
      .join("")}</w:body></w:document>`,
  );
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The attack of issue 29: an honest DOCX as its classic end record reads, with a second central directory behind a
 * zip64 end record, where word/document.xml unpacks to `unpackedMb` MB. A reader of the classic record sees a letter;
 * JSZip (in mammoth) follows the zip64 record (the classic one says its directory size is 0xFFFFFFFF) to the bomb.
 */
export function zip64TwoDirectoriesDocx(unpackedMb = 1024): Buffer {
  const honest = zipParts([
    ...docxFrame,
    { name: "word/document.xml", data: documentXml(["Et ærlig brev."]) },
  ]);
  const bombData = deflateRepeated(Buffer.from("<w:p/>"), unpackedMb);
  const name = Buffer.from("word/document.xml");
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(bombData.length, 18);
  local.writeUInt32LE(1024, 22);
  local.writeUInt16LE(name.length, 26);
  const bombAt = honest.body.length;
  const body = Buffer.concat([honest.body, local, name, bombData]);
  // Directory B: the honest frame, and document.xml pointing at the bomb.
  const b = honest.centrals.map((c) => Buffer.from(c));
  const docIndex = b.findIndex((c, i) => i % 2 === 1 && c.toString() === "word/document.xml") - 1;
  const central = Buffer.from(b[docIndex]!);
  central.writeUInt32LE(bombData.length, 20);
  central.writeUInt32LE(1024, 24);
  central.writeUInt32LE(bombAt, 42);
  b[docIndex] = central;
  const dirA = honest.dir;
  const dirB = Buffer.concat(b);
  const dirAAt = body.length;
  const dirBAt = dirAAt + dirA.length;
  const zip64EndAt = dirBAt + dirB.length;
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(0x06064b50, 0);
  zip64End.writeBigUInt64LE(44n, 4);
  zip64End.writeUInt16LE(45, 12);
  zip64End.writeUInt16LE(45, 14);
  zip64End.writeBigUInt64LE(BigInt(honest.count), 24);
  zip64End.writeBigUInt64LE(BigInt(honest.count), 32);
  zip64End.writeBigUInt64LE(BigInt(dirB.length), 40);
  zip64End.writeBigUInt64LE(BigInt(dirBAt), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(zip64EndAt), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(honest.count, 8);
  end.writeUInt16LE(honest.count, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(dirAAt, 16);
  return Buffer.concat([body, dirA, dirB, zip64End, locator, end]);
}

/** A DOCX of `entries` tiny parts (a zip may hold 65 535). */
export function manyEntriesDocx(entries = 60_000): Buffer {
  const tiny = deflateRawSync(Buffer.from("<a/>"));
  return zipOf([
    ...docxFrame,
    { name: "word/document.xml", data: documentXml(["Mange deler."]) },
    ...Array.from({ length: entries }, (_, i) => ({
      name: `p${i}.xml`,
      data: Buffer.from("<a/>"),
      deflated: tiny,
    })),
  ]);
}

/** An honest letter that carries a zip bomb as an embedded object (never to be unpacked). */
export function nestedZipDocx(paragraphs: string[]): Buffer {
  return zipOf([
    ...docxFrame,
    { name: "word/document.xml", data: documentXml(paragraphs) },
    { name: "word/embeddings/oleObject1.bin", data: zipBombDocx(1024) },
  ]);
}

/** A DOCX whose document.xml is valid XML of `mb` MB: one paragraph after another. */
export function hugeDocumentDocx(mb: number): Buffer {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`);
  const para = Buffer.from("<w:p><w:r><w:t>Et avsnitt som gjentas.</w:t></w:r></w:p>");
  // head, then the paragraphs (one raw deflate stream, pieces flushed to byte boundaries), then the tail.
  const start = deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH });
  const middle = deflateRepeated(para, mb);
  const tail = deflateRawSync(Buffer.from("</w:body></w:document>"));
  const deflated = Buffer.concat([start, middle.subarray(0, middle.length - 2), tail]);
  return zipOf([...docxFrame, { name: "word/document.xml", data: Buffer.alloc(0), deflated, size: 1024 }]);
}

/** A DOCX whose document.xml nests `depth` elements inside each other. */
export function deepXmlDocx(depth = 1_000_000): Buffer {
  const xml = Buffer.concat([
    Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>`),
    Buffer.from("<w:p>".repeat(depth)),
    Buffer.from("</w:p>".repeat(depth)),
    Buffer.from("</w:body></w:document>"),
  ]);
  return zipOf([...docxFrame, { name: "word/document.xml", data: xml }]);
}

/** A PDF of the given objects (dictionaries, or a dictionary and a stream), with a correct cross-reference table. */
function pdfOf(objects: (string | { dict: string; stream: Buffer })[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    const piece =
      typeof o === "string"
        ? Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`, "latin1")
        : Buffer.concat([
            Buffer.from(
              `${i + 1} 0 obj\n${o.dict.replace(">>", ` /Length ${o.stream.length} >>`)}\nstream\n`,
              "latin1",
            ),
            o.stream,
            Buffer.from("\nendstream\nendobj\n", "latin1"),
          ]);
    parts.push(piece);
    length += piece.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) xref += `${String(off).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

/** A one-page PDF with the given lines of text (Helvetica), readable by any PDF reader. */
export function plainPdf(lines: string[]): Buffer {
  const text = lines
    .map((l, i) => `BT /F1 12 Tf 72 ${780 - i * 18} Td (${l.replace(/[\\()]/g, (c) => `\\${c}`)}) Tj ET`)
    .join("\n");
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    { dict: "<< /Filter /FlateDecode >>", stream: deflateSync(Buffer.from(text, "latin1")) },
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ]);
}

/**
 * A one-page PDF of about a megabyte whose content stream unpacks to `unpackedMb` MB (text operators, repeated);
 * `layers: 2` wraps it in a second FlateDecode, so the file holds only a small stream that unpacks to the bomb.
 */
export function bombPdf(unpackedMb = 1024, layers: 1 | 2 = 1): Buffer {
  let stream = zlibRepeated(Buffer.from("BT /F1 12 Tf 72 700 Td (Bombe) Tj ET\n"), unpackedMb);
  if (layers === 2) stream = deflateSync(stream);
  const filter = layers === 2 ? "[/FlateDecode /FlateDecode]" : "/FlateDecode";
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
    { dict: `<< /Filter ${filter} >>`, stream },
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ]);
}

/** A small, valid DOCX of the given paragraphs: what a harmless upload looks like, for the other side of a test. */
export function plainDocx(paragraphs: string[]): Buffer {
  return zipOf([...docxFrame, { name: "word/document.xml", data: documentXml(paragraphs) }]);
}

/**
 * A «hearing page» of regjeringen.no that is a whole HTML page nesting `depth` elements inside each other (half a
 * megabyte at 100 000): the parser's tree and every walk of it (its text, its selectors) go that deep.
 */
export function deepHtmlPage(depth = 100_000): Buffer {
  return Buffer.from(
    `<!DOCTYPE html><html><head><title>Høring</title></head><body><main><h1>Høring</h1>${"<div>".repeat(depth)}x${"</div>".repeat(depth)}</main></body></html>`,
  );
}

/** A whole HTML page of `elements` small paragraphs side by side (5 MB at 500 000): a tree of half a million nodes. */
export function wideHtmlPage(elements = 500_000): Buffer {
  return Buffer.from(
    `<!DOCTYPE html><html><body><main><h1>Høring</h1>${"<p>ab</p>".repeat(elements)}</main></body></html>`,
  );
}

/** An answer of Stortinget's export service (its namespace and root) that nests `depth` elements inside each other. */
export function deepStortingetXml(root: string, depth = 500_000): Buffer {
  return Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><${root} xmlns="http://data.stortinget.no">${"<a>".repeat(depth)}x${"</a>".repeat(depth)}</${root}>`,
  );
}

/**
 * A Word letter with one picture, word/media/image1.png, that unpacks to `unpackedMb` MB (its headers claim 1 KB).
 * The DOCX check never reads media, so the letter passes it; whoever then reads the picture (mammoth, for the
 * archive copy) unpacks the bomb.
 */
export function imageBombDocx(unpackedMb = 1024): Buffer {
  const ns = (p: string, uri: string) => `xmlns:${p}="http://schemas.openxmlformats.org/${uri}"`;
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" ${ns("wp", "drawingml/2006/wordprocessingDrawing")} ${ns("a", "drawingml/2006/main")} ${ns("pic", "drawingml/2006/picture")} ${ns("r", "officeDocument/2006/relationships")}><w:body><w:p><w:r><w:t>Et brev med bilde.</w:t></w:r></w:p><w:p><w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Bilde"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p></w:body></w:document>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>`;
  const types = CONTENT_TYPES.replace(
    '<Default Extension="xml"',
    '<Default Extension="png" ContentType="image/png"/><Default Extension="xml"',
  );
  return zipOf([
    { name: "[Content_Types].xml", data: Buffer.from(types) },
    { name: "_rels/.rels", data: Buffer.from(RELS) },
    { name: "word/document.xml", data: Buffer.from(document) },
    { name: "word/_rels/document.xml.rels", data: Buffer.from(rels) },
    {
      name: "word/media/image1.png",
      data: Buffer.alloc(0),
      deflated: deflateRepeated(Buffer.from([0x89, 0x50, 0x4e, 0x47]), unpackedMb),
      size: 1024,
    },
  ]);
}
