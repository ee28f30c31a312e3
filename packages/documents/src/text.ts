/** The letter as plain text, paragraph by paragraph: for word diffs between two versions of a letter. */
import type { DocBlock, DocumentModel, Run } from "./model";

const runs = (rs: Run[]) =>
  rs.map((r) => (r.kind === "text" ? r.text : r.kind === "footnote" ? `[${r.number}]` : "\n")).join("");

const block = (b: DocBlock): string[] =>
  b.kind === "paragraph"
    ? [runs(b.runs)]
    : b.kind === "bullets"
      ? b.items.map((i) => `• ${runs(i)}`)
      : [b.intro, ...b.items.map((i) => `• ${runs(i)}`)];

export function modelToText(m: DocumentModel): string {
  return [
    m.title,
    ...m.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.blocks.flatMap(block)]),
    m.closing,
    ...m.signatories.map((s) => [s.name, s.title, s.note].filter(Boolean).join(", ")),
    ...m.footnotes.map((f) => `${f.number} ${f.text}${f.url ? ` ${f.url}` : ""}`),
  ].join("\n\n");
}
