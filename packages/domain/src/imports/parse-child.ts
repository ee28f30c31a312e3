/**
 * The program that reads an uploaded letter, run as a separate Node process by `extract.ts` (`node -e`), so that
 * what a hostile file costs (heap, ArrayBuffers, native memory, time) is the child's and never the web server's.
 * It is a string of plain JavaScript because it runs outside any bundle: Next.js rewrites `require` in bundled
 * modules. The parent passes the job in the environment (`INNSPILL_PARSE_JOB`: kind, limits, where to look the
 * parsers up) and the file on stdin; the answer is one line of JSON on stdout, then the payload's bytes if any.
 *
 * - DOCX: the zip is read here, strictly (no zip64, the central directory ending where the end record says, no
 *   duplicate names, no encryption), and only its XML parts are inflated, each under the shared cap and no deeper
 *   than `xmlDepth` elements. mammoth then
 *   gets a new zip made of exactly those bytes, stored uncompressed: what the check read is all the parser sees.
 * - PDF: every FlateDecode stream (and each further Flate layer) is inflated once under a cap on the total before
 *   pdf.js sees the file; more pages than a letter has are refused before the text is read.
 * - PDF/A (the worker's archive copy): `@innspill/documents/archive`'s `pdfToPdfA`, loaded through tsx (TypeScript,
 *   as the worker runs it), so the copy's bytes are what the worker would make; the copy is the payload. A Word
 *   file's copy likewise (`noark/docx-archive.ts`), once its zip passed the DOCX check above.
 * - XML (Stortinget): validated and parsed with fast-xml-parser, the radar's options; the answer is the parsed data.
 * - HTML (regjeringen.no): parsed with node-html-parser; the answer is the strings the radar's selectors pick out.
 */
export const PARSE_CHILD = String.raw`
"use strict";
const zlib = require("node:zlib");
const { createRequire } = require("node:module");
const { pathToFileURL } = require("node:url");
// Libraries log warnings on the console; stdout carries the answer only.
for (const m of ["log", "info", "warn", "error", "debug", "trace"]) console[m] = () => {};
const job = JSON.parse(process.env.INNSPILL_PARSE_JOB);
const L = job.limits;
const refusal = (key) => Object.assign(new Error(key), { refusal: key });

function resolve(name) {
  for (const from of job.lookupFrom) {
    try { return createRequire(from).resolve(name); } catch {}
  }
  throw new Error("cannot find " + name);
}

function inflateCapped(fn, data, budget) {
  try {
    return fn(data, { maxOutputLength: Math.max(1, budget), finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch (err) {
    if (err && (err.code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError)) throw refusal("tooLarge");
    return null;
  }
}

/** The XML parts of a DOCX, inflated under the cap; throws a refusal for anything a Word file never is. */
function docxParts(buf) {
  const bad = () => refusal("unreadable");
  if (buf.length < 22) throw bad();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  if (eocd < 0) throw bad();
  // A zip64 locator: its end record may point another reader at another central directory. A letter never needs it.
  if (eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50) throw bad();
  const disk = buf.readUInt16LE(eocd + 4), cdDisk = buf.readUInt16LE(eocd + 6);
  const onDisk = buf.readUInt16LE(eocd + 8), count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12), cdOffset = buf.readUInt32LE(eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count || count === 0xffff) throw bad();
  // The central directory ends where the end record begins: no room for a second one, nor for prepended bytes that
  // a reader would shift its offsets by.
  if (cdOffset + cdSize !== eocd) throw bad();
  if (count > L.docxEntries) throw refusal("tooLarge");
  const names = new Set();
  const parts = [];
  let budget = L.docxUnpackedBytes;
  let at = cdOffset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== 0x02014b50) throw bad();
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (at + 46 + nameLength > eocd) throw bad();
    const name = buf.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    if (flags & 1) throw bad();
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw bad();
    if (names.has(name)) throw bad();
    names.add(name);
    // Media, embedded objects and nested zips are never read: the text is in the XML.
    if (!/\.(xml|rels)$/i.test(name)) continue;
    if (local + 30 > cdOffset || buf.readUInt32LE(local) !== 0x04034b50) throw bad();
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > cdOffset) throw bad();
    const data = buf.subarray(start, start + compressed);
    let content;
    if (method === 0) content = data;
    else if (method === 8) content = inflateCapped(zlib.inflateRawSync, data, budget + 1);
    else throw bad();
    if (!content) throw bad();
    budget -= content.length;
    if (budget < 0) throw refusal("tooLarge");
    checkDepth(content);
    parts.push({ name, content });
  }
  if (at !== eocd) throw bad();
  return parts;
}

/**
 * Refuses XML nested deeper than any Word file (tables in tables are tens deep): a million nested elements would
 * cost the parser its whole time and memory. Counted over the tags, cheaply; attribute values holding ">" are rare
 * enough to be ignored here.
 */
function checkDepth(xml) {
  const text = xml.toString("latin1");
  const tag = /<([/?!]?)[^>]*?(\/?)>/g;
  let depth = 0;
  let m;
  while ((m = tag.exec(text))) {
    if (m[1] === "/") depth--;
    else if (m[1] === "" && m[2] !== "/" && ++depth > L.xmlDepth) throw refusal("tooLarge");
  }
}

/** A zip of the parts, stored: the bytes the check read, and nothing else. */
function storedZip(parts) {
  const out = [];
  const central = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const crc = zlib.crc32(p.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(p.content.length, 18);
    local.writeUInt32LE(p.content.length, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(p.content.length, 20);
    c.writeUInt32LE(p.content.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    out.push(local, name, p.content);
    central.push(c, name);
    offset += 30 + name.length + p.content.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, dir, end]);
}

/**
 * Inflates every Flate stream of a PDF once, layer after layer, under a cap on the total: a small file whose
 * content stream unpacks to a gigabyte is refused here, before pdf.js holds it. (Streams under other filters, or
 * encrypted ones, are left to the process's memory limit.)
 */
function checkPdfStreams(buf) {
  const text = buf.toString("latin1");
  let budget = L.pdfDecodedBytes;
  const re = /stream(?:\r\n|\n|\r)/g;
  let m;
  while ((m = re.exec(text))) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === "end") continue;
    const dictStart = Math.max(text.lastIndexOf(" obj", m.index), m.index - 65536, 0);
    const dict = text.slice(dictStart, m.index);
    const filter = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
    if (!filter) continue;
    const layers = filter[1].match(/\/[A-Za-z0-9]+/g) || [];
    const start = m.index + m[0].length;
    let end = text.indexOf("endstream", start);
    if (end < 0) end = text.length;
    let data = buf.subarray(start, end);
    for (const layer of layers) {
      if (layer !== "/FlateDecode" && layer !== "/Fl") break;
      const out = inflateCapped(zlib.inflateSync, data, budget + 1);
      if (!out) break;
      budget -= out.length;
      if (budget < 0) throw refusal("tooLarge");
      data = out;
    }
    re.lastIndex = end;
  }
}

function readStdin() {
  return new Promise((res, rej) => {
    const chunks = [];
    process.stdin.on("data", (d) => chunks.push(d));
    process.stdin.on("end", () => res(Buffer.concat(chunks)));
    process.stdin.on("error", rej);
  });
}

/** The answer: one line of JSON, then the payload's bytes (an archive copy) when there is one. */
const answer = (value, payload) =>
  process.stdout.write(
    payload ? Buffer.concat([Buffer.from(JSON.stringify(value) + "\n"), payload]) : JSON.stringify(value),
    () => process.exit(0),
  );

const importModule = async (name) => import(pathToFileURL(resolve(name)).href);

/** The strings the radar reads off regjeringen.no's list of hearings (interpreted in regjeringen.ts). */
function htmlList(root) {
  const items = root.querySelectorAll("li.listItem");
  const textOf = (el) => (el ? el.text : "");
  return {
    listing: items.length > 0 || !!root.querySelector("ul.listing"),
    items: items.map((li) => {
      const a = li.querySelector(".title a") || li.querySelector("a");
      return {
        href: (a && a.getAttribute("href")) || null,
        title: textOf(a),
        details: (li.querySelector(".event-details") || li).text,
        open: textOf(li.querySelector(".event-details-open")),
        department: textOf(li.querySelector(".department")),
      };
    }),
  };
}

/** The strings the radar reads off a hearing's page on regjeringen.no (interpreted in regjeringen.ts). */
function htmlHearing(root) {
  const textOf = (el) => (el ? el.text : "");
  const facts = [];
  for (const dl of root.querySelectorAll("dl")) {
    const dds = dl.querySelectorAll("dd");
    dl.querySelectorAll("dt").forEach((dt, i) => facts.push([dt.text, textOf(dds[i])]));
  }
  const links = (id) => {
    const box = root.querySelector("#" + id);
    return (box ? box.querySelectorAll("a[href]") : []).map((a) => ({
      href: a.getAttribute("href"),
      title: a.getAttribute("title") || "",
      text: a.text,
    }));
  };
  const invited = root.querySelector("#horingsinstanser");
  return {
    title: textOf(root.querySelector("h1.article-title") || root.querySelector("h1")),
    departments: [textOf(root.querySelector(".content-owner-dep a")), textOf(root.querySelector(".article-source"))],
    facts,
    text: (root.querySelector("main") || root).text,
    horingsbrev: links("horingsbrev"),
    horingsnotater: links("horingsnotater"),
    invited: invited ? [...invited.querySelectorAll("p"), ...invited.querySelectorAll("li")].map((p) => p.text) : null,
    summary: textOf(root.querySelector(".article-ingress")),
  };
}

(async () => {
  const bytes = await readStdin();
  if (job.kind === "docx") {
    const zip = storedZip(docxParts(bytes));
    const mammoth = require(resolve("mammoth"));
    const { value } = await mammoth.convertToHtml(
      { buffer: zip },
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    answer({ ok: true, html: value });
  } else if (job.kind === "pdf") {
    checkPdfStreams(bytes);
    const { extractText, getDocumentProxy } = await importModule("unpdf");
    const pdf = await getDocumentProxy(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    if (pdf.numPages > L.pdfPages) return answer({ ok: false, error: "tooManyPages" });
    const { text } = await extractText(pdf, { mergePages: false });
    answer({ ok: true, pages: text });
  } else if (job.kind === "pdfa") {
    // The worker's own converter, the same code and fonts, so the copy's bytes are those it would make itself.
    // It is TypeScript: read through tsx, which the worker runs with.
    (await importModule("tsx/esm/api")).register();
    const archive = await importModule("@innspill/documents/archive");
    let made;
    try {
      made = archive.pdfToPdfA(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
        title: job.title,
        timestamp: job.timestamp,
        maxPages: job.maxPages,
      });
    } catch (err) {
      if (err instanceof archive.ArchiveConversionError)
        return answer({ ok: false, error: "conversion", detail: err.message });
      throw err;
    }
    answer({ ok: true, pages: made.pages }, made.pdf);
  } else if (job.kind === "docxa") {
    // The zip is read as an import's first (strict, its XML capped); only a Word file that passes is converted.
    try {
      docxParts(bytes);
    } catch (err) {
      if (err && err.refusal) return answer({ ok: false, error: "refused" });
      throw err;
    }
    (await importModule("tsx/esm/api")).register();
    const archive = await importModule("@innspill/documents/archive");
    const word = await import(job.module);
    let made;
    try {
      made = await word.docxToPdfA(bytes, { filename: job.filename, timestamp: job.timestamp });
    } catch (err) {
      if (err instanceof archive.ArchiveConversionError)
        return answer({ ok: false, error: "conversion", detail: err.message });
      throw err;
    }
    answer({ ok: true, title: made.title }, made.pdf);
  } else if (job.kind === "xml") {
    const { XMLParser, XMLValidator } = require(resolve("fast-xml-parser"));
    const text = bytes.toString("utf8");
    const valid = XMLValidator.validate(text);
    if (valid !== true)
      return answer({ ok: false, error: "malformed", detail: "XML: " + valid.err.msg + " (line " + valid.err.line + ")" });
    const arrays = new Set(job.arrays);
    const parser = new XMLParser({
      ignoreAttributes: true,
      removeNSPrefix: true,
      parseTagValue: false,
      trimValues: true,
      processEntities: true,
      isArray: (name) => arrays.has(name),
    });
    let doc;
    try {
      doc = parser.parse(text);
    } catch (err) {
      // The parser's own refusals (more nested tags than it allows) say what is wrong with the XML.
      if (err instanceof RangeError) throw err;
      return answer({ ok: false, error: "malformed", detail: "XML: " + String(err && err.message).slice(0, 200) });
    }
    answer({ ok: true, doc });
  } else if (job.kind === "html") {
    const text = bytes.toString("utf8");
    if (!/<html[\s>]/i.test(text) || !/<\/html>\s*$/i.test(text.trim()))
      return answer({ ok: false, error: "malformed", detail: "not a whole HTML page" });
    const { parse } = require(resolve("node-html-parser"));
    const root = parse(text, { comment: false });
    answer({ ok: true, page: job.page === "list" ? htmlList(root) : htmlHearing(root) });
  } else answer({ ok: false, error: "unreadable" });
})().catch((err) => {
  // Past the stack (a page nested a million deep) or the heap: too large, said as such.
  const memory = err instanceof RangeError && /alloc|memory|length|stack/i.test(String(err.message));
  // What went wrong, for the operator's log (never shown to a user).
  const diagnostic = String((err && (err.stack || err.message)) || err).slice(0, 1000);
  answer({ ok: false, error: (err && err.refusal) || (memory ? "tooLarge" : "unreadable"), diagnostic });
});
`;
