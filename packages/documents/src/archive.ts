/**
 * Archive copies: a received PDF that is not PDF/A, or a Word document, made into PDF/A-2b with Typst, so that every
 * document of a case reaches the Noark deposit in an archive format (Noark 5, 6.4.9).
 *
 * - A PDF: Typst 0.14 draws each page of it (hayro) as SVG; the SVG pages are placed, one per page at the page's own
 *   size, in a document compiled as PDF/A-2b. (Typst refuses to embed a PDF page directly under a PDF/A standard.)
 *   The page looks as it did; its text is drawn, not searchable.
 * - A Word document: its text, headings, lists, tables and pictures (read by the caller with mammoth) as a plain
 *   document model, set in the letter font on A4.
 *
 * The Typst sources are fixed strings; the model reaches them only as JSON (`sys.inputs.doc`) and files under fixed
 * names, so nothing of the user's file is ever Typst source. Run in the worker, never on the web server.
 */
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { letterFonts } from "./fonts";

export interface ArchiveRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export type ArchiveBlock =
  | { kind: "heading"; level: number; runs: ArchiveRun[] }
  | { kind: "paragraph"; runs: ArchiveRun[] }
  | { kind: "bullets"; items: ArchiveRun[][] }
  | { kind: "table"; rows: ArchiveRun[][][] }
  | { kind: "image"; mediaType: "image/png" | "image/jpeg"; data: Uint8Array };

export interface ArchiveTextDocument {
  title: string;
  blocks: ArchiveBlock[];
}

export class ArchiveConversionError extends Error {}

const WORKSPACE = "/innspill-archive";
let compiler: NodeCompiler | undefined;
const typst = () =>
  (compiler ??= NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs: letterFonts() }] }));

const PAGES_TEMPLATE = String.raw`
#let d = json(bytes(sys.inputs.doc))
#set document(title: d.title)
#set page(width: auto, height: auto, margin: 0pt)
#for i in range(d.pages) {
  if i > 0 { pagebreak() }
  image("/page-" + str(i + 1) + ".svg")
}
`;

const message = (err: unknown) =>
  String((err as { code?: unknown })?.code ?? (err as Error)?.message ?? err).slice(0, 300);

/**
 * A PDF as PDF/A-2b, page by page. Refuses a PDF Typst cannot read, and one with more than `maxPages` pages.
 * `timestamp` (seconds) is the creation date written into the copy, so the same file gives the same bytes.
 */
export function pdfToPdfA(
  pdf: Uint8Array,
  o: { title: string; timestamp: number; maxPages: number },
): { pdf: Buffer; pages: number } {
  const c = typst();
  const mapped: string[] = [];
  const map = (path: string, bytes: Uint8Array) => {
    c.mapShadow(`${WORKSPACE}${path}`, Buffer.from(bytes));
    mapped.push(`${WORKSPACE}${path}`);
  };
  try {
    map("/original.pdf", pdf);
    let pages = 0;
    for (let n = 1; ; n++) {
      let svg: string;
      try {
        svg = c.plainSvg({
          mainFileContent: `#set page(width: auto, height: auto, margin: 0pt)\n#image("/original.pdf", format: "pdf", page: ${n})`,
        });
      } catch (err) {
        if (n > 1 && /does not exist/.test(message(err))) break;
        throw new ArchiveConversionError(`PDF-en kunne ikke leses: ${message(err)}`);
      }
      if (n > o.maxPages) throw new ArchiveConversionError(`PDF-en har over ${o.maxPages} sider.`);
      map(`/page-${n}.svg`, Buffer.from(svg, "utf8"));
      pages = n;
    }
    const out = c.pdf(
      { mainFileContent: PAGES_TEMPLATE, inputs: { doc: JSON.stringify({ title: o.title, pages }) } },
      { pdfStandard: "a-2b", creationTimestamp: o.timestamp },
    );
    return { pdf: Buffer.from(out), pages };
  } catch (err) {
    if (err instanceof ArchiveConversionError) throw err;
    throw new ArchiveConversionError(`PDF/A kunne ikke lages: ${message(err)}`);
  } finally {
    for (const p of mapped) c.unmapShadow(p);
    c.evictCache(0);
  }
}

const TEXT_TEMPLATE = String.raw`
#let d = json(bytes(sys.inputs.doc))
#set document(title: d.title)
#set page(paper: "a4", margin: 2.5cm, numbering: "1", number-align: center)
#set text(lang: "nb", size: 10pt, font: ("Carlito", "Libertinus Serif"))
#set par(spacing: 1em)
#let run(r) = {
  let c = [#r.text]
  if r.at("bold", default: false) { c = strong(c) }
  if r.at("italic", default: false) { c = emph(c) }
  c
}
#let runs(rs) = rs.map(run).join()
#for b in d.blocks {
  if b.kind == "heading" {
    block(sticky: true, above: 1.4em, below: 0.6em, text(size: if b.level <= 1 { 14pt } else if b.level == 2 { 12pt } else { 10.5pt }, weight: "bold", runs(b.runs)))
  } else if b.kind == "paragraph" { par(runs(b.runs)) }
  else if b.kind == "bullets" { list(..b.items.map(i => runs(i))) }
  else if b.kind == "table" {
    let n = calc.max(1, ..b.rows.map(r => r.len()))
    table(columns: n, stroke: 0.4pt + gray, ..b.rows.map(r => {
      let cells = r.map(c => runs(c))
      cells + ([],) * (n - cells.len())
    }).flatten())
  } else if b.kind == "image" { image(b.path, width: 100%, fit: "contain") }
}
`;

/** A Word document's content (as the caller read it) as PDF/A-2b on A4. */
export function textToPdfA(doc: ArchiveTextDocument, o: { timestamp: number }): Buffer {
  const c = typst();
  const mapped: string[] = [];
  try {
    let n = 0;
    const blocks = doc.blocks.map((b) => {
      if (b.kind !== "image") return b;
      const path = `/image-${++n}.${b.mediaType === "image/png" ? "png" : "jpg"}`;
      c.mapShadow(`${WORKSPACE}${path}`, Buffer.from(b.data));
      mapped.push(`${WORKSPACE}${path}`);
      return { kind: "image", path };
    });
    const out = c.pdf(
      { mainFileContent: TEXT_TEMPLATE, inputs: { doc: JSON.stringify({ title: doc.title, blocks }) } },
      { pdfStandard: "a-2b", creationTimestamp: o.timestamp },
    );
    return Buffer.from(out);
  } catch (err) {
    throw new ArchiveConversionError(`PDF/A kunne ikke lages: ${message(err)}`);
  } finally {
    for (const p of mapped) c.unmapShadow(p);
    c.evictCache(0);
  }
}
