import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseLetter, parsePlaceDate, sentencesOf, statedIn } from "./letter";

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, "../../../../fixtures/documents", name), "utf8");

describe("parseLetter", () => {
  it("reads signatories side by side from a table read cell after cell (Innspill's own DOCX)", () => {
    const l = parseLetter(
      [
        "Innspill til Kunnskapsdepartementet",
        "",
        "Det må opprettes flere studieplasser.",
        "",
        "Med vennlig hilsen",
        "",
        "Kaja Marienborg",
        "Fagstyreleder, NITO BFI",
        "Medlem av referansegruppen",
        "Heidi Andersen",
        "Instituttleder, NITO BFI",
        "Per Ås-Olsen",
      ].join("\n"),
    );
    expect(l.signatories).toEqual([
      { name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI", note: "Medlem av referansegruppen" },
      { name: "Heidi Andersen", title: "Instituttleder, NITO BFI", note: null },
      { name: "Per Ås-Olsen", title: null, note: null },
    ]);
    // One signatory with a title and a note is read as before.
    expect(
      parseLetter(
        [
          "Tittel",
          "",
          "Tekst her.",
          "",
          "Med vennlig hilsen",
          "",
          "Kaja Marienborg",
          "Fagstyreleder",
          "Sign.",
        ].join("\n"),
      ).signatories,
    ).toEqual([{ name: "Kaja Marienborg", title: "Fagstyreleder", note: "Sign." }]);
  });

  it("finds the place and date under a letterhead and recipient without blank lines (a PDF's text layer)", () => {
    const l = parseLetter(
      [
        "NITO – Norges Ingeniør- og Teknologorganisasjon",
        "NITO BFI",
        "Postboks 9100 Grønland, 0133 Oslo",
        "Helsereformutvalget",
        "Oslo, 14. mars 2023",
        "",
        "Høringssvar – Kompetansereformen",
        "",
        "NITO mener at reformen må omfatte ingeniører.",
      ].join("\n"),
    );
    expect([l.place, l.date, l.title]).toEqual(["Oslo", "2023-03-14", "Høringssvar – Kompetansereformen"]);
    expect(l.sections[0]!.paragraphs[0]!.text).toBe("NITO mener at reformen må omfatte ingeniører.");
  });

  it("and when every line of the letterhead is a group of its own", () => {
    const head = [
      "NITO",
      "NITO BFI",
      "Postboks 9100 Grønland, 0133 Oslo",
      "Helsedirektoratet",
      "Postboks 220 Skøyen",
    ];
    const l = parseLetter(
      [...head, "Oslo, 2. oktober 2025", "Tittel på brevet", "Første avsnitt."].join("\n\n"),
    );
    expect([l.date, l.title]).toEqual(["2025-10-02", "Tittel på brevet"]);
  });

  it("reads the 2025 letter to Helsereformutvalget", () => {
    const l = parseLetter(fixture("submission-2025-helsereformutvalget.txt"));
    expect(l.place).toBe("Oslo");
    expect(l.date).toBe("2025-11-20");
    expect(l.title).toBe("Innspill til Helsereformutvalget");
    expect(l.sections.map((s) => s.heading)).toEqual([
      null,
      "Nok personell med riktig kompetanse",
      "Bioingeniører",
      "Ortopediingeniører",
      "Medisinsk teknisk og annet teknologisk personell",
      "Organisering av oppgavedeling og ansvarsfordeling",
      "Helseteknologi og digital samhandling",
      "Arealbehovet for høyteknologisk utstyr og organisering",
      "Overforbruk og riktig kompetanse på riktig sted",
    ]);
    expect(l.footnotes.map((f) => [f.number, f.url?.slice(0, 20)])).toEqual([
      [1, "https://www.nito.no/"],
      [2, "https://hkdir.no/rap"],
      [3, "https://www.cihi.ca/"],
      [4, "https://nito.sharepo"],
    ]);
    expect(l.closing).toBe("Med vennlig hilsen");
    expect(l.signatories).toEqual([
      {
        name: "Kaja Marienborg",
        title: "Fagstyreleder, NITO BFI",
        note: "Medlem av referansegruppe for Helsereformutvalget",
      },
      { name: "Heidi Andersen", title: "Instituttleder, NITO BFI", note: null },
    ]);
    const text = l.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join("\n");
    // Markers glued to words are gone, and noted on their paragraphs; page breaks are joined.
    expect(text).toContain("behovene for bioingeniører, men også");
    expect(text).toContain("En rapport fra Helsetilsynet viser");
    expect(text).toContain("viktig for å gi nyutdannede nødvendig klinisk erfaring");
    expect(text).not.toMatch(/\p{L}\d\b/u);
    expect(l.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.footnotes))).toEqual([1, 2, 2, 3, 4]);
  });

  it("reads the 2020 letter on the 2021 budget, with double line spacing and markers glued to years", () => {
    const l = parseLetter(fixture("submission-2020-statsbudsjett-2021.txt"));
    expect(l.date).toBeNull();
    expect(l.place).toBeNull();
    expect(l.title).toBe("NITOs innspill til statsbudsjett 2021");
    expect(l.sections.map((s) => s.heading)).toEqual([
      null,
      "Rekruttering av ingeniører, bioingeniører og teknologer til sykehusene",
      "Bioingeniørene en viktig ressurs i det nasjonale program for screening av tarmkreft",
    ]);
    expect(l.footnotes.map((f) => f.number)).toEqual([1, 2, 3]);
    expect(l.footnotes[2]!.url).toMatch(/^https:\/\/www\.bioingenioren\.no\//);
    expect(l.signatories).toEqual([
      { name: "Trond Markussen", title: null, note: null },
      { name: "Steinar Sørlie", title: null, note: null },
    ]);
    const text = l.sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join("\n");
    expect(text).toContain("sykehusplan 2016-2019 identifiserte");
    expect(text).toContain("planen for 2020-2023 har fokus");
    expect(text).toContain("bare opprettet 10 nye plasser.");
    expect(l.statements).toHaveLength(5);
    expect(l.statements[0]).toMatch(/NITO mener derfor at det bør satses mer/);
    expect(l.sections[1]!.paragraphs.filter((p) => p.bullet)).toHaveLength(4);
  });

  it("reads place and date in the forms letters use", () => {
    expect(parsePlaceDate("Oslo, 20.11 2025")).toEqual({ place: "Oslo", date: "2025-11-20" });
    expect(parsePlaceDate("Oslo, 3. mars 2024")).toEqual({ place: "Oslo", date: "2024-03-03" });
    expect(parsePlaceDate("Oslo, 31.13.2024")).toBeNull();
  });

  it("reads a text with nothing after the letterhead as an empty letter, not an error", () => {
    // A lone number is read as a page number; a lone place and date leaves no title.
    for (const text of ["0", "3\n\n4", "Oslo, 3. mars 2024", "NITO\nOslo, 3. mars 2024\n\n"]) {
      const l = parseLetter(text);
      expect(l.title).toBe("");
      expect(l.sections).toEqual([]);
    }
  });

  it("reads any text built of a letter's kinds of lines without throwing", () => {
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        "",
        " ",
        "3",
        "NITO",
        "Oslo, 3. mars 2024",
        "Med vennlig hilsen",
        "NITO mener at dette må endres.",
        "Kari Nordmann  Ola Nordmann",
        "- et punkt",
        "1. Innledning",
        "fortsettelse av setningen",
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const l = parseLetter(lines.join("\n"));
        expect(typeof l.title).toBe("string");
      }),
      { numRuns: 3_000 },
    );
  });
});

describe("letter structure and stated positions", () => {
  it("splits sentences, not at abbreviations, initials or ordinals", () => {
    expect(
      sentencesOf(
        "Dette gjelder bl.a. bioingeniører, jf. rapporten. Fra 1. januar 2025 må det skje. Vi mener f.eks. at NITO må være med! «Neste» setning.",
      ),
    ).toEqual([
      "Dette gjelder bl.a. bioingeniører, jf. rapporten.",
      "Fra 1. januar 2025 må det skje.",
      "Vi mener f.eks. at NITO må være med!",
      "«Neste» setning.",
    ]);
  });

  it("reads a heading right above a heading as a chapter with sub-sections, and numbered headings by their number", () => {
    const l = parseLetter(
      [
        "Oslo, 3. mars 2024",
        "",
        "Innspill om utdanning",
        "",
        "Innledning her.",
        "",
        "Utdanning",
        "",
        "Studieplasser",
        "",
        "Det må bli flere.",
        "",
        "Praksis",
        "",
        "Praksis er viktig.",
        "",
        "Lønn",
        "",
        "Arbeidsgivere",
        "",
        "Lønn betyr noe.",
        "",
        "3 Helse",
        "",
        "Helse er viktig.",
        "",
        "3.1 Laboratorier",
        "",
        "Laboratoriene trenger folk.",
      ].join("\n"),
    );
    expect(
      l.sections.map((s) => [s.heading, s.paragraphs.length, s.subsections.map((x) => x.heading)]),
    ).toEqual([
      [null, 1, []],
      ["Utdanning", 0, ["Studieplasser", "Praksis"]],
      ["Lønn", 0, ["Arbeidsgivere"]],
      ["3 Helse", 1, ["3.1 Laboratorier"]],
    ]);
    expect(l.sections[1]!.subsections[1]!.paragraphs[0]!.text).toBe("Praksis er viktig.");
  });

  it("joins a sentence cut by a page break and its page number", () => {
    const l = parseLetter(
      "Tittel\n\nKvalitet\n\nFor å få refusjon fra Helfo må det vises til\n\n2\n\nakseptable resultater fra ekstern kvalitetsvurdering.\n\nSide 3 av 4\n\nNeste avsnitt.",
    );
    expect(l.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.text)])).toEqual([
      [
        "Kvalitet",
        [
          "For å få refusjon fra Helfo må det vises til akseptable resultater fra ekstern kvalitetsvurdering.",
          "Neste avsnitt.",
        ],
      ],
    ]);
  });

  it("states positions in bullets, in «NITO mener» or «Vi mener» sentences, and in the demands that follow them", () => {
    const p = (text: string, bullet = false) => ({ text, bullet, footnotes: [] });
    expect(statedIn(p("Det må utdannes flere. Og mer.", true)).map((s) => s.text)).toEqual([
      "Det må utdannes flere. Og mer.",
    ]);
    expect(
      statedIn(
        p(
          "Søkningen er høy. NITO mener at studieplassene må økes. Videre må praksis styrkes. Dette er viktig. I tillegg bør lønnen opp.",
        ),
      ).map((s) => [s.text, s.sentence]),
    ).toEqual([
      ["NITO mener at studieplassene må økes.", 1],
      ["Videre må praksis styrkes.", 2],
      ["I tillegg bør lønnen opp.", 4],
    ]);
    // Background sentences, even with «må», are not positions without an opening.
    expect(statedIn(p("Kommunene må i dag kjøpe tjenester. Det koster mye."))).toEqual([]);
    expect(statedIn(p("Vi mener fagskolene er viktige.")).map((s) => s.text)).toEqual([
      "Vi mener fagskolene er viktige.",
    ]);
  });
});
