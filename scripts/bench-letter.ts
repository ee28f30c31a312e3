/**
 * The letter the documents benchmark renders: the size of the fixture letter (about 12 000 characters, six sections,
 * four footnotes, two signatories), as a snapshot for Innspill and as Markdown for pandoc.
 */
import type { SubmissionSnapshot } from "@innspill/documents";
import type { BlockBody } from "@innspill/domain/shared";

const WORDS = (
  "helsetjenesten bioingeniører ingeniører teknologer kompetanse laboratorier analyser pasientsikkerhet sykehus " +
  "utdanning rekruttering behovet øker teknologi automatisering kvalitet helseforetakene kommunene samarbeid " +
  "spesialisthelsetjenesten primærhelsetjenesten digitale løsninger beredskap innovasjon medisinsk utstyr viktig"
).split(" ");
let seed = 7;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const sentence = () => {
  const w = Array.from({ length: 14 }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(" ");
  return `${w[0]!.toUpperCase()}${w.slice(1)}.`;
};
const paragraph = () => Array.from({ length: 6 }, sentence).join(" ");

let footnote = 0;
const sections = Array.from({ length: 6 }, (_, i) => {
  const content: BlockBody["content"] = Array.from({ length: 2 }, (_, j) => ({
    type: "paragraph" as const,
    content: [
      { type: "text" as const, text: paragraph() },
      ...(j === 0 && footnote < 4
        ? [{ type: "footnote" as const, attrs: { text: `Kilde ${++footnote}: ${sentence()}` } }]
        : []),
    ],
  }));
  return { heading: i === 0 ? null : `Tema ${i}: ${WORDS[i]}`, body: { type: "doc" as const, content } };
});
export const snapshot: SubmissionSnapshot = {
  letterhead: {
    organisation: "NITO – Norges Ingeniør- og Teknologorganisasjon",
    unit: "NITO BFI",
    address: "Postboks 9100 Grønland, 0133 Oslo",
  },
  place: "Oslo",
  date: "2025-11-20",
  dateText: "20. november 2025",
  recipient: "Helsereformutvalget",
  theirReference: null,
  ourReference: null,
  closing: "Med vennlig hilsen",
  title: "Innspill til Helsereformutvalget",
  sections,
  signatories: [
    { name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI" },
    { name: "Heidi Andersen", title: "Instituttleder, NITO BFI" },
  ],
  facts: {},
  positions: {},
};

/** The same letter as Markdown (footnotes as pandoc's inline notes). */
export function letterMarkdown(): string {
  return [
    snapshot.letterhead.organisation,
    "",
    `Oslo, 20. november 2025`,
    "",
    `# ${snapshot.title}`,
    ...sections.flatMap((s) => [
      ...(s.heading ? [`## ${s.heading}`, ""] : []),
      ...s.body.content.map((p) =>
        "content" in p && p.content
          ? p.content
              .map((r) =>
                "text" in r ? r.text : `^[${"attrs" in r ? (r.attrs as { text: string }).text : ""}]`,
              )
              .join("")
          : "",
      ),
      "",
    ]),
    "Med vennlig hilsen",
    "",
    "Kaja Marienborg, Fagstyreleder, NITO BFI — Heidi Andersen, Instituttleder, NITO BFI",
  ].join("\n");
}
