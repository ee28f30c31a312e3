/**
 * PDF/A-2b through Typst. The template below is fixed; the document model reaches it only as JSON input
 * (`sys.inputs.doc`), so user text is always text: a title like "#set page(width: 1cm)" is printed, not run.
 * A fixed creation timestamp (the letter's date) makes the bytes, and so the SHA-256, reproducible.
 *
 * The page follows the organisation's Word letters: A4, 2.5 cm margins, Calibri-metric Carlito at 10 pt, single
 * line spacing with a blank line between paragraphs, footnotes at the foot of the page.
 *
 * The template is versioned: a letter is rendered with the version its snapshot names (`templateVersion`, absent:
 * 1), so a letter approved under one version still renders to the approved bytes when a later one is released, and
 * the finalize job can sign it. A released version is never edited (documents.test.ts pins each one's SHA-256);
 * an improvement is a new version here and `LATEST_TEMPLATE_VERSION` in model.ts, which new letters get.
 */
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { letterFonts } from "./fonts";
import { LETTER_LOOK, lineHeight, pt } from "./look";
import type { DocumentModel, TemplateVersion } from "./model";

/** Version 1: the template as it was until template versions (every letter created before them). */
const TEMPLATE_V1 = String.raw`
#let d = json(bytes(sys.inputs.doc))
#set document(title: d.title)
#set page(paper: "a4", margin: 2.5cm, numbering: "1", number-align: center)
// Word's single line spacing: lines as tall as the font's ascender + descender, a blank line between paragraphs.
#set text(lang: "nb", size: 10pt, font: ("Carlito", "Libertinus Serif"), top-edge: "ascender", bottom-edge: "descender")
#let line-height = 1.318em
#set par(leading: line-height - 1.22em, spacing: line-height)
#set list(spacing: 0pt)
#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt), gap: 0.2em)
#show footnote.entry: it => {
  let n = counter(footnote).at(it.note.location()).first()
  text(size: 9pt)[#super(str(n)) #it.note.body]
}

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
#let lines(s) = s.split("\n").join(linebreak())

// The organisation's contact line(s) above the page number, when the letter settings have them.
#let footer = d.letterhead.at("footer", default: none)
#set page(footer: context align(center, text(size: 8pt)[#lines(footer) \ #counter(page).display("1")])) if footer != none
#let items(b) = list(..b.items.map(i => runs(i)))

// The letterhead zone: the organisation's logo (letter settings) on the left, its name and address on the right.
#let logo = d.letterhead.at("logo", default: none)
#let sender = align(right)[
  #strong(d.letterhead.organisation)
  #if d.letterhead.unit != none { linebreak(); d.letterhead.unit }
  #if d.letterhead.address != none { linebreak(); d.letterhead.address }
]
#if logo == none {
  block(height: 4cm, width: 100%, sender)
} else {
  block(height: 4cm, width: 100%, grid(columns: (1fr, auto), image(logo.path, height: 1.8cm), sender))
}
#if d.recipient != none [#lines(d.recipient) \ ]
#for r in d.references [#r.label #r.value \ ]
#align(right)[#d.placeAndDate]
#v(2 * line-height)
#block(below: 0pt, text(size: 12pt, weight: "bold")[#d.title])

#for s in d.sections {
  // A heading sits right above its text, as in the letters: one paragraph gap before it, none after.
  if s.heading != none { block(sticky: true, above: line-height, below: 0pt, strong(s.heading)) }
  for b in s.blocks {
    if b.kind == "paragraph" { par(runs(b.runs)) }
    else if b.kind == "bullets" { items(b) }
    else if b.kind == "positions" { par(strong(b.intro)); items(b) }
  }
}

#block(above: line-height, below: 3 * line-height, d.closing)
// Signatories side by side: name, title, any extra line, and in the signed document the approval line.
#let signing = d.at("signing", default: none)
#grid(
  columns: (1fr,) * calc.max(1, d.signatories.len()),
  column-gutter: 1.5em,
  ..d.signatories.enumerate().map(((i, s)) => [
    #s.name
    #if s.title != none [\ #s.title]
    #if s.note != none [\ #s.note]
    #if signing != none [\ #emph(signing.lines.at(i))]
  ]),
)
#if signing != none {
  let ver = signing.verification
  pagebreak()
  text(size: 12pt, weight: "bold")[#ver.heading]
  par(ver.intro)
  table(
    columns: (auto, 1fr),
    stroke: 0.4pt + gray,
    ..ver.facts.map(f => (strong(f.label), text(size: 8.5pt, f.value))).flatten(),
  )
}
`;

/** A released template's text with one change; refuses a change that no longer applies. */
function changed(template: string, from: string, to: string): string {
  if (!template.includes(from)) throw new Error(`Template change does not apply: ${from}`);
  return template.replace(from, to);
}

/**
 * Version 2: bullets indented as in the organisation's Word letters (and the DOCX: the bullet at 0.63 cm, the text at
 * 1.27 cm), and a long URL in a footnote wraps at its slashes and punctuation instead of running off the page.
 */
const TEMPLATE_V2 = [
  ["#set list(spacing: 0pt)", "#set list(spacing: 0pt, indent: 0.63cm, body-indent: 0.5cm)"],
  [
    "#let run(r) = {",
    // A zero-width space after each slash and punctuation mark, and before an escape (%2F): where a URL may break.
    // The link target is unchanged.
    '#let breakable(url) = url.replace(regex("[/.?&=#_,;+-]|%"), m => if m.text == "%" { "\\u{200B}%" } else { m.text + "\\u{200B}" })\n#let run(r) = {',
  ],
  [
    'else if r.at("url", default: none) != none [#footnote[#r.text #link(r.url)]#name]',
    'else if r.at("url", default: none) != none [#footnote[#r.text #link(r.url, breakable(r.url))]#name]',
  ],
].reduce((t, [from, to]) => changed(t, from!, to!), TEMPLATE_V1);

const L = LETTER_LOOK;
const len = (points: number) => `${points}pt`;
const GAP = len(pt(L.gapEm));

/**
 * Version 3: the look of `LETTER_LOOK` (look.ts), which the DOCX reads too, so Word shows the same lines on the same
 * pages: every line is `lineEm` high (no leading, a list's items and a heading's line included), a blank line between
 * paragraphs and around lists. The letter gets a reference paragraph: «Deres ref.», «Vår ref.» and the contact
 * person (the responsible adviser's name and e-mail).
 */
const TEMPLATE_V3 = String.raw`
#let d = json(bytes(sys.inputs.doc))
#set document(title: d.title)
#set page(width: ${L.page.widthMm}mm, height: ${L.page.heightMm}mm, margin: ${L.page.marginCm}cm, numbering: "1", number-align: center)
#set text(lang: "nb", size: ${len(L.size.body)}, font: ("${L.font.pdf}", "Libertinus Serif"), fill: rgb("#${L.colour}"), top-edge: ${L.ascenderEm + L.lineEm - 1}em, bottom-edge: -${1 - L.ascenderEm}em)
#set par(leading: 0pt, spacing: ${GAP})
#set block(spacing: ${GAP})
#set list(spacing: 0pt, indent: ${L.bullet.indentCm}cm, body-indent: ${L.bullet.bodyIndentCm}cm)
#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt), gap: 0pt)
#show footnote.entry: it => {
  let n = counter(footnote).at(it.note.location()).first()
  text(size: ${len(L.size.footnote)})[#super(str(n)) #it.note.body]
}

#let breakable(url) = url.replace(regex("[/.?&=#_,;+-]|%"), m => if m.text == "%" { "\u{200B}%" } else { m.text + "\u{200B}" })
#let run(r) = {
  if r.kind == "text" {
    let c = [#r.text]
    if r.at("bold", default: false) { c = strong(c) }
    if r.at("italic", default: false) { c = emph(c) }
    if r.at("href", default: none) != none { link(r.href, c) } else { c }
  } else if r.kind == "footnote" {
    let name = label("fn-" + str(r.number))
    if r.at("repeat", default: false) { footnote(name) }
    else if r.at("url", default: none) != none [#footnote[#r.text #link(r.url, breakable(r.url))]#name]
    else [#footnote[#r.text]#name]
  } else if r.kind == "break" { linebreak() }
}
#let runs(rs) = rs.map(run).join()
#let lines(s) = s.split("\n").join(linebreak())

#let footer = d.letterhead.at("footer", default: none)
#set page(footer: context align(center, text(size: ${len(L.size.footer)})[#lines(footer) \ #counter(page).display("1")])) if footer != none
// A list is a block of its own: a blank line around it, none after a heading or the «NITO mener:» line above it.
#let items(b, above) = block(above: above, below: ${GAP}, list(..b.items.map(i => runs(i))))

#let logo = d.letterhead.at("logo", default: none)
#let sender = align(right)[
  #strong(d.letterhead.organisation)
  #if d.letterhead.unit != none { linebreak(); d.letterhead.unit }
  #if d.letterhead.address != none { linebreak(); d.letterhead.address }
]
#block(height: ${L.letterhead.heightCm}cm, width: 100%, below: ${GAP}, if logo == none { sender } else {
  grid(columns: (1fr, auto), image(logo.path, height: ${L.letterhead.logoHeightCm}cm), sender)
})
#if d.recipient != none { par(lines(d.recipient)) }
#let refs = d.references.map(r => [#r.label: #r.value])
#let contact = d.at("contact", default: none)
#if contact != none { refs.push([Kontaktperson: #contact.name#if contact.email != none [, #contact.email]]) }
#if refs.len() > 0 { par(refs.join(linebreak())) }
#align(right, par(d.placeAndDate))
#block(above: ${len(pt(L.gapEm) + L.titleBeforeLines * lineHeight(L.size.body))}, below: 0pt, text(size: ${len(L.size.title)}, weight: "bold")[#d.title])

// The first block after the title or a heading sits right below it.
#let after-heading = true
#for s in d.sections {
  if s.heading != none {
    block(sticky: true, above: ${GAP}, below: 0pt, text(size: ${len(L.size.heading)}, weight: "bold", s.heading))
  }
  for (i, b) in s.blocks.enumerate() {
    let above = if i == 0 and (s.heading != none or after-heading) { 0pt } else { ${GAP} }
    if b.kind == "paragraph" { par(runs(b.runs)) }
    else if b.kind == "bullets" { items(b, above) }
    else if b.kind == "positions" {
      block(sticky: true, above: above, below: 0pt, strong(b.intro))
      items(b, 0pt)
    }
  }
  after-heading = false
}

// The closing stays with the signatures (Word: keep with next).
#block(sticky: true, above: ${GAP}, below: ${len(pt(L.gapEm) + L.signaturesBeforeLines * lineHeight(L.size.body))}, d.closing)
#let signing = d.at("signing", default: none)
#grid(
  columns: (1fr,) * calc.max(1, d.signatories.len()),
  column-gutter: ${L.signatureGutterEm}em,
  ..d.signatories.enumerate().map(((i, s)) => [
    #s.name
    #if s.title != none [\ #s.title]
    #if s.note != none [\ #s.note]
    #if signing != none [\ #emph(signing.lines.at(i))]
  ]),
)
#if signing != none {
  let ver = signing.verification
  pagebreak()
  text(size: ${len(L.size.title)}, weight: "bold")[#ver.heading]
  par(ver.intro)
  table(
    columns: (auto, 1fr),
    stroke: 0.4pt + gray,
    ..ver.facts.map(f => (strong(f.label), text(size: 8.5pt, f.value))).flatten(),
  )
}
`;

/** Every released template by version. */
export const LETTER_TEMPLATES: Record<TemplateVersion, string> = {
  1: TEMPLATE_V1,
  2: TEMPLATE_V2,
  3: TEMPLATE_V3,
};

let compiler: NodeCompiler | undefined;
const WORKSPACE = "/innspill-letter";

export function renderPdf(m: DocumentModel): Buffer {
  // A workspace of its own, never read from disk: the only file besides the template is the logo, mapped in below.
  const template = LETTER_TEMPLATES[m.templateVersion];
  if (!template) throw new Error(`Unknown letter template version ${String(m.templateVersion)}`);
  compiler ??= NodeCompiler.create({ workspace: WORKSPACE, fontArgs: [{ fontBlobs: letterFonts() }] });
  const creationTimestamp = Math.floor(Date.parse(`${m.date}T12:00:00Z`) / 1000);
  // The logo reaches Typst as a file of its own (never through the JSON), under a fixed path.
  const logo = m.letterhead.logo;
  const path = logo ? `/letter-logo.${logo.mediaType === "image/png" ? "png" : "jpg"}` : null;
  const doc = logo ? { ...m, letterhead: { ...m.letterhead, logo: { ...logo, data: undefined, path } } } : m;
  if (logo && path) {
    if (!logo.data) throw new Error("The letter's logo was not loaded before rendering");
    compiler.mapShadow(`${WORKSPACE}${path}`, Buffer.from(logo.data, "base64"));
  }
  try {
    const pdf = compiler.pdf(
      { mainFileContent: template, inputs: { doc: JSON.stringify(doc) } },
      { pdfStandard: "a-2b", creationTimestamp },
    );
    return Buffer.from(pdf);
  } finally {
    if (path) compiler.unmapShadow(`${WORKSPACE}${path}`);
    // Typst memoizes what it compiled and forgets it only when told: without this, every letter's text stayed in
    // the worker's memory (about 2 MB a render). What the last ten renders used stays, so the template and fonts are
    // not compiled again.
    compiler.evictCache(10);
  }
}
