/**
 * PDF/A-2b through Typst. The template below is fixed; the document model reaches it only as JSON input
 * (`sys.inputs.doc`), so user text is always text: a title like "#set page(width: 1cm)" is printed, not run.
 * A fixed creation timestamp (the letter's date) makes the bytes, and so the SHA-256, reproducible.
 */
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import type { DocumentModel } from "./model";

export const LETTER_TEMPLATE = String.raw`
#let d = json(bytes(sys.inputs.doc))
#set document(title: d.title)
#set page(paper: "a4", margin: (x: 2.5cm, top: 2.2cm, bottom: 2.5cm), numbering: "1", number-align: center)
#set text(lang: "nb", size: 11pt)
#set par(leading: 0.62em, spacing: 0.95em)
#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))

#let run(r) = {
  if r.kind == "text" {
    let c = [#r.text]
    if r.at("bold", default: false) { c = strong(c) }
    if r.at("italic", default: false) { c = emph(c) }
    if r.at("href", default: none) != none { link(r.href, c) } else { c }
  } else if r.kind == "footnote" {
    let name = label("fn-" + str(r.number))
    if r.at("repeat", default: false) { footnote(name) }
    else if r.at("url", default: none) != none [#footnote[#r.text #link(r.url)]#name]
    else [#footnote[#r.text]#name]
  } else if r.kind == "break" { linebreak() }
}
#let runs(rs) = rs.map(run).join()
#let items(b) = list(..b.items.map(i => runs(i)))

#align(right)[
  #strong(d.letterhead.organisation)
  #if d.letterhead.unit != none { linebreak(); d.letterhead.unit }
  #if d.letterhead.address != none { linebreak(); d.letterhead.address }
]
#v(1.2em)
#if d.recipient != none [#d.recipient \ ]
#for r in d.references [#r.label #r.value \ ]
#align(right)[#d.placeAndDate]
#v(0.8em)
#text(size: 15pt, weight: "bold")[#d.title]

#for s in d.sections {
  if s.heading != none { v(0.4em); strong(s.heading); parbreak() }
  for b in s.blocks {
    if b.kind == "paragraph" { par(runs(b.runs)) }
    else if b.kind == "bullets" { items(b) }
    else if b.kind == "positions" { par(strong(b.intro)); items(b) }
  }
}

#v(1.2em)
#d.closing
#v(3em)
#grid(
  columns: (1fr,) * calc.max(1, d.signatories.len()),
  gutter: 1.5em,
  ..d.signatories.map(s => [#s.name #if s.title != none [\ #s.title] #if s.note != none [\ #s.note]]),
)
`;

let compiler: NodeCompiler | undefined;

export function renderPdf(m: DocumentModel): Buffer {
  compiler ??= NodeCompiler.create();
  const creationTimestamp = Math.floor(Date.parse(`${m.date}T12:00:00Z`) / 1000);
  const pdf = compiler.pdf(
    { mainFileContent: LETTER_TEMPLATE, inputs: { doc: JSON.stringify(m) } },
    { pdfStandard: "a-2b", creationTimestamp },
  );
  return Buffer.from(pdf);
}
