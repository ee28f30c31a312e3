/**
 * The Word file is the letter: the DOCX of a three-page letter, opened by LibreOffice and printed to PDF, has the same
 * lines on the same pages as the letter's own PDF (Typst), and its styles (styles.xml) have the template's sizes and
 * colours. LibreOffice is found as `soffice`; without it the test is skipped here, but on CI (.ci/run installs it) it
 * is required. The letter font comes from the package (Carlito), handed to LibreOffice through a fontconfig file of
 * the test's own, so the result does not depend on the machine's fonts.
 *
 * Lines are compared after normalising what differs in the text layer only: spaces (pdftotext -layout places words by
 * their position, so a superscript footnote number 0.4 pt after a full stop is «. 3» in one file and «.3» in the
 * other; the words themselves and where the lines break are compared), the zero-width spaces the PDF puts in URLs as
 * break points, and compatibility characters (ligatures, superscript digits) by NFKC. Nothing else is tolerated.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childProcessEnv, testEnv } from "./env";
import { letterFonts } from "./fonts";
import { assemble, LETTER_TEMPLATES, renderDocx, renderPdf, type SubmissionSnapshot } from "./index";
import { LETTER_LOOK } from "./look";
import { pngImage } from "./testing";

function has(tool: string) {
  try {
    execFileSync("sh", ["-c", `command -v ${tool}`], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}
const soffice = has("soffice");
if (!soffice && testEnv.ci) throw new Error("LibreOffice (soffice) is required on CI: .ci/run installs it");
if (!soffice)
  console.warn(
    "docx-look.int.test.ts skipped: LibreOffice is not installed (sudo apt-get install -y libreoffice-writer-nogui)",
  );

const P1 = "6c1b3a52-6a0b-4d4e-9a2e-1f1d2c3b4a59";
const P2 = "0e9d7c61-2b3a-4c5d-8e7f-9a0b1c2d3e4f";
const text = (t: string, marks?: string[]) => ({
  type: "text",
  text: t,
  ...(marks ? { marks: marks.map((type) => ({ type })) } : {}),
});
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const note = (t: string, url?: string) => ({ type: "footnote", attrs: { text: t, ...(url ? { url } : {}) } });
const bullets = (...items: string[]) => ({
  type: "bulletList",
  content: items.map((i) => ({ type: "listItem", content: [para(text(i))] })),
});

const S = [
  "Bioingeniører er en forutsetning for et forsvarlig helsevesen, og behovet for dem øker år for år.",
  "Utvalget peker på at laboratoriene allerede i dag har vanskelig for å rekruttere kvalifisert personell.",
  "NITO mener at utdanningskapasiteten må økes, og at praksisplasser må finansieres særskilt.",
  "En nasjonal plan for laboratoriemedisin vil gi forutsigbarhet for både sykehus og kommuner.",
  "Digitalisering kan frigjøre tid, men forutsetter at fagfolk er med fra starten av hvert prosjekt.",
];
const prose = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => S[(from + i) % S.length]).join(" ");

const snapshot: SubmissionSnapshot = {
  templateVersion: 3,
  letterhead: {
    organisation: "NITO – Norges Ingeniør- og Teknologorganisasjon",
    unit: "NITO BFI",
    address: "Postboks 9100 Grønland, 0133 Oslo",
    footer: "NITO, Postboks 9100 Grønland, 0133 Oslo\nTelefon 22 05 35 00 – post@nito.no – nito.no",
    logo: { sha256: "0".repeat(64), mediaType: "image/png", width: 240, height: 60 },
  },
  place: "Oslo",
  date: "2026-03-12",
  dateText: "12. mars 2026",
  recipient: "Helse- og omsorgsdepartementet\nPostboks 8011 Dep\n0030 Oslo",
  theirReference: "26/3107-1",
  ourReference: "26/00873",
  contact: { name: "Ingrid Solberg", email: "ingrid@nito.test" },
  title: "Høringssvar – NOU 2026: 4 Et helsevesen for fremtiden",
  sections: [
    {
      body: {
        type: "doc",
        content: [
          para(
            text("NITO viser til høringsbrevet og takker for muligheten til å gi innspill. "),
            text(prose(3)),
            note("NITOs medlemsregister per 1. januar 2026", "https://www.nito.no/om-nito/medlemstall/"),
          ),
          para(text(prose(2, 3)), text(" Dette er "), text("avgjørende", ["bold"]), text(" for pasientene.")),
        ],
      },
    },
    {
      heading: "Utdanning og rekruttering",
      body: {
        type: "doc",
        content: [
          para(text(prose(4, 1)), note("SSB, Helsemod 2024")),
          bullets(
            "Flere studieplasser i bioingeniørfag ved universitetene i Bergen, Trondheim og Tromsø",
            S[4]! + " " + S[2]!,
            "Finansiering av praksisplasser",
          ),
          para(text(prose(3, 2)), text(" Se også "), {
            type: "text",
            text: "regjeringens nettsider",
            marks: [{ type: "link", attrs: { href: "https://www.regjeringen.no/no/dokumenter/" } }],
          }),
          { type: "positionList", attrs: { positionIds: [P1, P2] } },
        ],
      },
    },
    {
      heading: "Organisering av laboratoriene",
      body: {
        type: "doc",
        content: [
          para(text(prose(5, 3)), note("SSB, Helsemod 2024")),
          para(text(prose(4, 0), ["italic"])),
          para(
            text(prose(3, 4)),
            note(
              "Helsedirektoratet, rapport om laboratorietjenester",
              "https://www.helsedirektoratet.no/rapporter/laboratorietjenester-i-norge/Laboratorietjenester%20i%20Norge.pdf",
            ),
          ),
        ],
      },
    },
    {
      heading: "Økonomiske og administrative konsekvenser",
      body: {
        type: "doc",
        content: [
          para(text(prose(6, 2))),
          para(text(prose(5, 1))),
          bullets(S[0]!, S[1]!),
          para(text(prose(8, 4))),
          para(text(prose(7, 3)), note("Prop. 1 S (2025–2026)")),
          para(text(prose(6, 0))),
        ],
      },
    },
    {
      heading: "Avslutning",
      body: { type: "doc", content: [para(text(prose(3, 0))), para(text(prose(2, 2)))] },
    },
  ],
  closing: "Med vennlig hilsen",
  signatories: [
    { name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI" },
    { name: "Heidi Andersen", title: "Instituttleder, NITO BFI", note: "Sign." },
  ],
  facts: {},
  positions: {
    [P1]: "Det må utdannes flere bioingeniører, og praksisplassene må finansieres.",
    [P2]: "Laboratoriene må ha bioingeniørfaglig ledelse.",
  },
};

const model = () => {
  const m = assemble(snapshot);
  return {
    ...m,
    letterhead: {
      ...m.letterhead,
      logo: { ...m.letterhead.logo!, data: pngImage(240, 60).toString("base64") },
    },
  };
};

/** The lines of each page as pdftotext lays them out, normalised (see the top of the file). */
function pageLines(pdf: string): string[][] {
  const out = execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  const pages = out.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages.map((p) =>
    p
      .split("\n")
      .map((l) =>
        l
          .normalize("NFKC")
          .replace(/\u200B/g, "")
          .replace(/\s+/g, " ")
          .trim(),
      )
      .filter(Boolean),
  );
}

let dir: string;
let docx: Buffer;
let typstLines: string[][];
let wordLines: string[][];

beforeAll(() => {
  if (!soffice) return;
  dir = mkdtempSync(path.join(tmpdir(), "innspill-docx-"));
  const fonts = path.join(dir, "fonts");
  mkdirSync(fonts);
  letterFonts().forEach((f, i) => writeFileSync(path.join(fonts, `carlito-${i}.ttf`), f));
  const fontsConf = path.join(dir, "fonts.conf");
  writeFileSync(
    fontsConf,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
      `<include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${fonts}</dir>` +
      `<cachedir>${path.join(dir, "fc-cache")}</cachedir></fontconfig>`,
  );
  const m = model();
  writeFileSync(path.join(dir, "letter.pdf"), renderPdf(m));
  return renderDocx(m).then((bytes) => {
    docx = bytes;
    mkdirSync(path.join(dir, "word"));
    writeFileSync(path.join(dir, "word", "letter.docx"), bytes);
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(dir, "profile")}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        path.join(dir, "word"),
        path.join(dir, "word", "letter.docx"),
      ],
      { stdio: "pipe", timeout: 50_000, env: childProcessEnv({ FONTCONFIG_FILE: fontsConf }) },
    );
    typstLines = pageLines(path.join(dir, "letter.pdf"));
    wordLines = pageLines(path.join(dir, "word", "letter.pdf"));
  });
}, 60_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!soffice)("the Word file, printed by LibreOffice, and the PDF", () => {
  it("have the same lines on the same pages", () => {
    expect(typstLines.length).toBeGreaterThanOrEqual(3);
    expect(wordLines.length).toBe(typstLines.length);
    const compact = (lines: string[] | undefined) => lines?.map((l) => l.replace(/ /g, ""));
    typstLines.forEach((lines, i) =>
      expect({ page: i + 1, lines: compact(wordLines[i]) }).toEqual({ page: i + 1, lines: compact(lines) }),
    );
  });

  it("print the reference lines, the contact person and the signatories side by side", () => {
    for (const all of [typstLines.flat(), wordLines.flat()]) {
      expect(all).toContain("Deres ref.: 26/3107-1");
      expect(all).toContain("Vår ref.: 26/00873");
      expect(all).toContain("Kontaktperson: Ingrid Solberg, ingrid@nito.test");
      // Side by side: both names on one line, then both titles.
      expect(all).toContain("Kaja Marienborg Heidi Andersen");
      expect(all).toContain("Fagstyreleder, NITO BFI Instituttleder, NITO BFI");
      expect(all).toContain("• Finansiering av praksisplasser");
    }
  });
});

describe.skipIf(!soffice)("the Word file's styles", () => {
  const style = (xml: string, id: string) => {
    const s = xml.match(new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`, "s"))?.[0];
    if (!s) throw new Error(`no style ${id}`);
    return {
      points: Number(s.match(/<w:sz w:val="(\d+)"/)?.[1]) / 2,
      colour: s.match(/<w:color w:val="([0-9A-Fa-f]{6})"/)?.[1],
      bold: /<w:b\/>/.test(s),
    };
  };
  const template = LETTER_TEMPLATES[3];
  const typst = {
    body: Number(template.match(/#set text\([^)]*size: ([\d.]+)pt/)?.[1]),
    fill: template.match(/#set text\(.*fill: rgb\("#([0-9A-Fa-f]{6})"\)/)?.[1],
    title: Number(template.match(/text\(size: ([\d.]+)pt, weight: "bold"\)\[#d\.title\]/)?.[1]),
    heading: Number(template.match(/text\(size: ([\d.]+)pt, weight: "bold", s\.heading\)/)?.[1]),
    margin: template.match(/margin: ([\d.]+)cm/)?.[1],
  };

  it("give the title and headings the template's sizes and colour, bold, and no other colour", async () => {
    const xml = await (await JSZip.loadAsync(docx)).file("word/styles.xml")!.async("string");
    expect(typst).toEqual({ body: 10, fill: "000000", title: 12, heading: 10, margin: "2.5" });
    expect(style(xml, "Title")).toEqual({ points: typst.title, colour: typst.fill, bold: true });
    expect(style(xml, "Heading1")).toEqual({ points: typst.heading, colour: typst.fill, bold: true });
    expect(style(xml, "Heading2")).toMatchObject({ colour: typst.fill, bold: true });
    const defaults = xml.match(/<w:docDefaults>.*<\/w:docDefaults>/s)![0];
    expect(Number(defaults.match(/<w:sz w:val="(\d+)"/)![1]) / 2).toBe(typst.body);
    expect(defaults).toContain(`w:ascii="${LETTER_LOOK.font.word}"`);
    expect(defaults).toContain(`<w:color w:val="${typst.fill}"/>`);
    // docx's default blue headings are gone: every colour in the styles is the letter's.
    const colours = new Set(
      [...xml.matchAll(/<w:color w:val="([0-9A-Fa-f]{6})"/g)].map((c) => c[1]!.toUpperCase()),
    );
    expect([...colours].filter((c) => c !== typst.fill)).toEqual([]);
    for (const id of ["Signature", "Closing", "Date", "ListBullet", "FootnoteText", "Footer"])
      expect(xml).toContain(`w:styleId="${id}"`);
  });

  it("give the page the template's size and margins", async () => {
    const xml = await (await JSZip.loadAsync(docx)).file("word/document.xml")!.async("string");
    const cm = (twips: number) => Math.round((twips / 1440) * 2.54 * 100) / 100;
    const size = xml.match(/<w:pgSz w:w="(\d+)" w:h="(\d+)"/)!;
    expect([cm(Number(size[1])) * 10, cm(Number(size[2])) * 10]).toEqual([210, 297]);
    const margins = [...xml.match(/<w:pgMar [^>]*\/>/)![0].matchAll(/w:(top|right|bottom|left)="(\d+)"/g)];
    expect(margins.map(([, side, v]) => [side, cm(Number(v))])).toEqual(
      ["top", "right", "bottom", "left"].map((side) => [side, Number(typst.margin)]),
    );
  });
});
