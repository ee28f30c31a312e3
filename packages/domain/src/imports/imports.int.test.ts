/**
 * Reuse detection against a library imported from the policy-platform fixture: platform statements reworded in the
 * four ways letters do it, and sentences from the fixture letters' sections on other matters. The measured
 * evaluation on the labelled set is in @innspill/demo (reuse-evaluation).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "../access/actor";
import { commitPlatformImport, proposePlatformImport } from "../library/platform";
import { getPosition } from "../library/positions";
import { createDemoDatabase } from "@innspill/demo/testing";
import { commitLetterImport } from "./commit";
import { detectReuse } from "./reuse";
import { listBlockUsages } from "./usages";
import { parseLetter, type LetterProposal } from "./letter";
import { proposeLetterImport } from "./propose";

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, "../../../../fixtures/documents", name), "utf8");
const reuseLetter = (name: string) =>
  readFileSync(path.resolve(__dirname, "../../../../fixtures/reuse/letters", name), "utf8");

let t: TestDatabase;
let a: Record<string, Actor>;
let org: string;
let positions: { id: string; statement: string }[];

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase());
  org = a.ingrid!.organisationId;
  const proposal = proposePlatformImport(
    { text: fixture("policy-platform-helse.txt"), source: "Helsepolitisk plattform" },
    a.ingrid!,
  );
  await commitPlatformImport(t.db, { source: "Helsepolitisk plattform", blocks: proposal.blocks }, a.ingrid!);
  positions = await t.db.position.findMany({ select: { id: true, statement: true } });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const stripDot = (s: string) => s.replace(/[.\s]+$/, "");
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
/** The four ways a statement is reworded in letters. */
const REWORDINGS: Record<string, (s: string) => string> = {
  folded: (s) => `NITO mener det bør sikres at ${lowerFirst(stripDot(s))}.`,
  wordsAdded: (s) => {
    const [first, ...rest] = stripDot(s).split(" ");
    return `${first} etter vårt syn ${rest.join(" ")} i årene som kommer.`;
  },
  reordered: (s) => {
    const body = stripDot(s);
    const at = body.indexOf(" og ") > 10 ? body.indexOf(" og ") : body.indexOf(", ");
    if (at > 10) return `${body.slice(at).replace(/^,? ?(og )?/, "")}, og ${lowerFirst(body.slice(0, at))}.`;
    const words = body.split(" ");
    return `${words.slice(-3).join(" ")}: ${lowerFirst(words.slice(0, -3).join(" "))}.`;
  },
  prose: (s) => `Vi vil peke på at ${lowerFirst(stripDot(s))}, og dette er viktig for pasientene.`,
};

/** Sentences about other matters, from the letters' own sections. */
function negatives(): string[] {
  const pick = (file: string, headings: string[]) =>
    parseLetter(fixture(file))
      .sections.filter((s) => s.heading && headings.includes(s.heading))
      .flatMap((s) => s.paragraphs.flatMap((p) => p.text.match(/[^.!?]+[.!?]/g) ?? []))
      .map((x) => x.trim())
      .filter((x) => x.split(" ").length >= 8);
  return [
    ...pick("submission-2025-helsereformutvalget.txt", [
      "Arealbehovet for høyteknologisk utstyr og organisering",
      "Overforbruk og riktig kompetanse på riktig sted",
      "Organisering av oppgavedeling og ansvarsfordeling",
    ]),
    ...pick("submission-2020-statsbudsjett-2021.txt", [
      "Bioingeniørene en viktig ressurs i det nasjonale program for screening av tarmkreft",
    ]),
  ];
}

const letterOf = (sections: { heading: string | null; texts: string[] }[]): LetterProposal => ({
  place: null,
  date: null,
  title: "Konstruert brev",
  sections: sections.map((s) => ({
    heading: s.heading,
    paragraphs: s.texts.map((text) => ({ text, bullet: false, footnotes: [] })),
    subsections: [],
  })),
  statements: [],
  footnotes: [],
  closing: null,
  signatories: [],
});

describe("reuse detection", () => {
  it.each(Object.keys(REWORDINGS))(
    "finds ten platform positions %s in prose, each where it is, and nothing in sentences about other matters",
    async (how) => {
      const sources = positions.filter((p) => p.statement.split(" ").length >= 9).slice(0, 10);
      const others = negatives();
      expect(others.length).toBeGreaterThanOrEqual(10);
      const letter = letterOf([
        { heading: "Våre standpunkter", texts: sources.map((p) => REWORDINGS[how]!(p.statement)) },
        { heading: "Andre forhold", texts: others },
      ]);
      const { positions: links } = await detectReuse(t.db, letter, org);
      expect(links.map((l) => [l.positionId, l.where.section, l.where.paragraph])).toEqual(
        sources.map((p, i) => [p.id, 0, i]),
      );
    },
  );

  it("links a position once per letter, to its best restatement", async () => {
    const p = positions.find((x) =>
      x.statement.startsWith("Helsesektoren trenger en nasjonal plan for rekruttering"),
    )!;
    const letter = letterOf([
      { heading: "Først", texts: [REWORDINGS.prose!(p.statement)] },
      { heading: "Så", texts: [`Innledningsvis. ${p.statement} Det haster.`] },
    ]);
    const { positions: links } = await detectReuse(t.db, letter, org);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({
      positionId: p.id,
      label: "same",
      wording: p.statement,
      where: { section: 1, subsection: null, paragraph: 0, sentence: 1, sentences: 1 },
    });
  });

  it("finds two lightly reworded blocks and their positions, and links nothing to new sections", async () => {
    const platform = proposePlatformImport({ text: fixture("policy-platform-helse.txt") }, a.ingrid!);
    const reworded = ["Nok personell", "Etisk kompetanse"].map((heading) => {
      const b = platform.blocks.find((x) => x.heading === heading)!;
      const texts = b.parts.flatMap((p) =>
        p.kind === "paragraph"
          ? // Sentences reordered, and a few words added.
            [`${p.text.split(". ").reverse().join(". ")} Dette gjelder i hele landet.`]
          : // One statement folded into prose, the rest bullets turned into sentences.
            p.statements.map((s, i) => (i === 0 ? REWORDINGS.folded!(s) : REWORDINGS.prose!(s))),
      );
      const statements = b.parts.flatMap((p) => (p.kind === "positions" ? p.statements : []));
      return { heading, texts, statements };
    });
    const fresh = parseLetter(fixture("submission-2025-helsereformutvalget.txt")).sections.filter((s) =>
      [
        "Arealbehovet for høyteknologisk utstyr og organisering",
        "Organisering av oppgavedeling og ansvarsfordeling",
        "Overforbruk og riktig kompetanse på riktig sted",
      ].includes(s.heading ?? ""),
    );
    expect(fresh).toHaveLength(3);
    const letter = letterOf(reworded);
    letter.sections.push(...fresh);
    const result = await detectReuse(t.db, letter, org);
    expect(result.units.map((u) => [u.heading, u.match?.title ?? null])).toEqual([
      ["Nok personell", "Nok personell"],
      ["Etisk kompetanse", "Etisk kompetanse"],
      ...fresh.map((s) => [s.heading, null]),
    ]);
    expect(result.positions.map((l) => l.statement)).toEqual(reworded.flatMap((r) => r.statements));
  });

  it("proposes as new positions only what the letter states as positions, and not what it already links", async () => {
    const known = positions.find((x) =>
      x.statement.startsWith("Helsesektoren trenger en nasjonal plan for kompetanseutvikling"),
    )!;
    const letter = letterOf([
      {
        heading: "Utdanning",
        texts: [
          "Sykehusene har i dag få lærlinger. Søkningen til fagskolene øker.",
          `NITO mener at fagskolene må få egne studieplasser i medisinsk teknikk. Videre må ${known.statement.charAt(0).toLowerCase()}${known.statement.slice(1)} Dette er et langsiktig arbeid.`,
        ],
      },
    ]);
    const { positions: links, newStatements } = await detectReuse(t.db, letter, org);
    expect(links.map((l) => l.positionId)).toEqual([known.id]);
    expect(newStatements).toEqual([
      {
        text: "NITO mener at fagskolene må få egne studieplasser i medisinsk teknikk.",
        where: { section: 0, subsection: null, paragraph: 1, sentence: 0, sentences: 1 },
      },
    ]);
  });
});

describe("importing a letter", () => {
  it("proposes without saving, then saves the confirmed links as provenance", async () => {
    const before = await t.db.hearing.count();
    const {
      proposal,
      positions: links,
      newStatements,
    } = await proposeLetterImport(
      t.db,
      { text: reuseLetter("2024-helsepersonellkommisjonen.txt") },
      a.ingrid!,
    );
    expect(await t.db.hearing.count()).toBe(before);
    expect(proposal.title).toBe("Innspill til oppfølgingen av Helsepersonellkommisjonens rapport");
    // A heading right above a heading is a chapter; the headings after it are its sub-sections (plain text says no
    // more than that).
    expect(proposal.sections.map((s) => [s.heading, s.subsections.map((x) => x.heading)])).toEqual([
      [null, []],
      [
        "Rekruttering og utdanning",
        ["Bioingeniører", "Ortopediingeniører", "Kompetanse i tjenesten", "Kvalitet og utstyr"],
      ],
    ]);
    const linked = links.find((l) =>
      l.statement.startsWith("Helsesektoren trenger en nasjonal plan for rekruttering"),
    );
    expect(linked).toMatchObject({
      wording: "Helsesektoren trenger en nasjonal plan for rekruttering av ingeniører og teknologer.",
      where: { section: 1, subsection: 0, paragraph: 0, sentence: 0, sentences: 1 },
    });
    const fresh = newStatements.find((s) => s.text.startsWith("NITO mener at ortopediske hjelpemidler"));
    expect(fresh).toBeTruthy();

    const body = await t.db.issuingBody.findFirstOrThrow({ where: { name: "Finansdepartementet" } });
    const saved = await commitLetterImport(
      t.db,
      {
        proposal: { ...proposal, date: "2024-02-05" },
        newHearing: { title: "Helsepersonellkommisjonen", issuingBodyId: body.id },
        positionLinks: [{ positionId: linked!.positionId, wording: linked!.wording }],
        blockLinks: [],
        newPositions: [fresh!.text],
      },
      a.ingrid!,
    );
    const position = await getPosition(t.db, { id: linked!.positionId }, a.ingrid!);
    expect(position.usages).toContainEqual(
      expect.objectContaining({
        origin: "imported",
        usedOn: "2024-02-05",
        recipient: "Finansdepartementet",
        wording: linked!.wording,
      }),
    );
    const created = await t.db.position.findUniqueOrThrow({ where: { id: saved.newPositionIds[0]! } });
    expect(created.status).toBe("DRAFT");
    expect((await t.db.hearing.findUniqueOrThrow({ where: { id: saved.hearingId } })).status).toBe(
      "ARKIVERT",
    );
    // The sub-sections are kept in the imported letter.
    const letter = await t.db.importedLetter.findUniqueOrThrow({
      where: {
        id: (await t.db.importedLetter.findFirstOrThrow({ where: { hearingId: saved.hearingId } })).id,
      },
    });
    expect(JSON.stringify(letter.content)).toContain('"subsections":[{"heading":"Bioingeniører"');
    expect(
      await listBlockUsages(t.db, { id: (await t.db.textBlock.findFirstOrThrow()).id }, a.ingrid!),
    ).toEqual([]);
  });

  it("reads a DOCX (mammoth) and a PDF's text layer (unpdf)", async () => {
    const { assemble, renderDocx, renderPdf } = await import("@innspill/documents");
    const model = assemble({
      letterhead: { organisation: "NITO", unit: null, address: null },
      place: "Oslo",
      date: "2024-03-05",
      dateText: "5. mars 2024",
      recipient: null,
      theirReference: null,
      ourReference: null,
      closing: "Med vennlig hilsen",
      title: "Innspill til Kunnskapsdepartementet",
      sections: [
        {
          heading: "Studieplasser",
          body: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [
                  {
                    type: "text",
                    text: "Det må opprettes flere studieplasser i bioingeniørfag over hele landet.",
                  },
                ],
              },
            ],
          },
        },
      ],
      signatories: [{ name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI" }],
      facts: {},
      positions: {},
    });
    for (const [name, bytes] of [
      ["brev.docx", await renderDocx(model)],
      ["brev.pdf", renderPdf(model)],
    ] as const) {
      const { proposal } = await proposeLetterImport(
        t.db,
        { file: { name, content: Buffer.from(bytes).toString("base64") } },
        a.ingrid!,
      );
      expect(proposal.title, name).toBe("Innspill til Kunnskapsdepartementet");
      expect(
        proposal.sections.map((s) => s.heading),
        name,
      ).toContain("Studieplasser");
      expect(JSON.stringify(proposal.sections), name).toContain("flere studieplasser i bioingeniørfag");
      expect(proposal.date, name).toBe("2024-03-05");
      expect(proposal.signatories, name).toEqual([
        { name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI", note: null },
      ]);
    }
  });

  it("refuses a letter with no hearing, and saves nothing", async () => {
    const { proposal } = await proposeLetterImport(
      t.db,
      { text: fixture("submission-2025-helsereformutvalget.txt") },
      a.ingrid!,
    );
    const letters = await t.db.importedLetter.count();
    await expect(
      commitLetterImport(t.db, { proposal, positionLinks: [], blockLinks: [], newPositions: [] }, a.ingrid!),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { hearingId: ["importNeedsHearing"] } });
    expect(await t.db.importedLetter.count()).toBe(letters);
  });
});

describe("a letter Innspill wrote (template 3), imported back", () => {
  it("is read from its DOCX and its PDF with the signatories that stand side by side", async () => {
    const { assemble, renderDocx, renderPdf } = await import("@innspill/documents");
    const model = assemble({
      templateVersion: 3,
      letterhead: { organisation: "NITO", unit: null, address: null },
      place: "Oslo",
      date: "2024-03-05",
      dateText: "5. mars 2024",
      recipient: "Kunnskapsdepartementet",
      theirReference: "24/1187-3",
      ourReference: "2024/12",
      contact: { name: "Ingrid Solberg", email: "ingrid@nito.test" },
      closing: "Med vennlig hilsen",
      title: "Innspill til Kunnskapsdepartementet",
      sections: [
        {
          heading: "Studieplasser",
          body: {
            type: "doc",
            content: [
              {
                type: "paragraph",
                content: [{ type: "text", text: "Det må opprettes flere studieplasser i bioingeniørfag." }],
              },
            ],
          },
        },
      ],
      signatories: [
        { name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI" },
        { name: "Heidi Andersen", title: "Instituttleder, NITO BFI" },
      ],
      facts: {},
      positions: {},
    });
    for (const [name, bytes] of [
      ["brev.docx", await renderDocx(model)],
      ["brev.pdf", renderPdf(model)],
    ] as const) {
      const { proposal } = await proposeLetterImport(
        t.db,
        { file: { name, content: Buffer.from(bytes).toString("base64") } },
        a.ingrid!,
      );
      expect(proposal.title, name).toBe("Innspill til Kunnskapsdepartementet");
      expect(proposal.date, name).toBe("2024-03-05");
      expect(
        proposal.sections.map((s) => s.heading),
        name,
      ).toEqual(["Studieplasser"]);
      expect(proposal.signatories, name).toEqual([
        { name: "Kaja Marienborg", title: "Fagstyreleder, NITO BFI", note: null },
        { name: "Heidi Andersen", title: "Instituttleder, NITO BFI", note: null },
      ]);
    }
  });
});
