/**
 * `npm run bench:documents`: assembles a letter the size of the fixture letter (about 12 000 characters, six
 * sections, four footnotes, two signatories) to DOCX and PDF N times in this process, and reports letters/s and
 * p50/p95. In the same run it measures what a user would otherwise do with the same text: pandoc (text → DOCX),
 * then LibreOffice headless (DOCX → PDF). Installs pandoc and libreoffice-writer-nogui with apt when missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { assemble, renderDocx, renderPdf, type SubmissionSnapshot } from "@innspill/documents";
import type { BlockBody } from "@innspill/domain/shared";

const N = 200;
const BASELINE_N = 5;
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
const snapshot: SubmissionSnapshot = {
  letterhead: {
    organisation: "NITO – Norges Ingeniør- og Teknologorganisasjon",
    unit: "NITO BFI",
    address: "Postboks 9100 Grønland, 0133 Oslo",
  },
  place: "Oslo",
  date: "2025-11-20",
  dateText: "20. november 2025",
  recipient: "Helsereformutvalget",
  title: "Innspill til Helsereformutvalget",
  sections,
  signatories: [
    { name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI" },
    { name: "Heidi Andersen", title: "Instituttleder, NITO BFI" },
  ],
  facts: {},
  positions: {},
};

const pct = (s: number[], p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
const have = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

// Innspill: assemble + DOCX + PDF per letter.
await renderDocx(assemble(snapshot));
renderPdf(assemble(snapshot)); // warm-up (font loading)
const ours: number[] = [];
const start = performance.now();
for (let i = 0; i < N; i++) {
  const t0 = performance.now();
  const model = assemble(snapshot);
  await renderDocx(model);
  renderPdf(model);
  ours.push(performance.now() - t0);
}
const oursRate = N / ((performance.now() - start) / 1000);
ours.sort((a, b) => a - b);
const chars = JSON.stringify(assemble(snapshot)).length;
console.log(`letter: ~${Math.round(chars / 1000)} kB of model JSON, ${footnote} footnotes, 2 signatories`);
console.log(
  `innspill (assemble + DOCX + PDF/A):  ${oursRate.toFixed(1)} letters/s   p50 ${pct(ours, 50).toFixed(1)} ms   p95 ${pct(ours, 95).toFixed(1)} ms`,
);

// Baseline: pandoc text → DOCX, then LibreOffice DOCX → PDF, on the same text.
if (!have("pandoc") || !have("soffice")) {
  console.log("installing pandoc and libreoffice-writer-nogui with apt …");
  execFileSync(
    "sh",
    ["-c", "DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pandoc libreoffice-writer-nogui"],
    { stdio: "inherit" },
  );
}
const dir = mkdtempSync(path.join(tmpdir(), "innspill-bench-docs-"));
try {
  const md = [
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
  writeFileSync(path.join(dir, "letter.md"), md);
  const base: number[] = [];
  for (let i = 0; i < BASELINE_N; i++) {
    const t0 = performance.now();
    execFileSync("pandoc", ["letter.md", "-o", "letter.docx"], { cwd: dir });
    execFileSync("soffice", ["--headless", "--convert-to", "pdf", "--outdir", dir, "letter.docx"], {
      cwd: dir,
      stdio: "ignore",
    });
    base.push(performance.now() - t0);
  }
  base.sort((a, b) => a - b);
  const baseRate = 1000 / (base.reduce((a, b) => a + b, 0) / base.length);
  console.log(
    `baseline (pandoc + LibreOffice):     ${baseRate.toFixed(2)} letters/s   p50 ${pct(base, 50).toFixed(0)} ms   p95 ${pct(base, 95).toFixed(0)} ms`,
  );
  console.log(
    `ratio: ${(oursRate / baseRate).toFixed(0)}× the baseline's throughput; p50 ${(pct(base, 50) / pct(ours, 50)).toFixed(0)}× faster`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
