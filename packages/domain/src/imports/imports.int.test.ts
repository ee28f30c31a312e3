/**
 * Reuse detection against a library imported from the policy-platform fixture. The labelled set is built here from
 * the fixtures: platform statements reworded in the four ways letters do it (positives), and sentences from the two
 * fixture letters' sections on other matters (negatives).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "../actor";
import { commitPlatformImport, proposePlatformImport } from "../library/platform";
import { getPosition } from "../library/positions";
import { createDemoDatabase } from "@innspill/demo/testing";
import {
  commitLetterImport,
  detectReuse,
  listBlockUsages,
  matchText,
  parseLetter,
  proposeLetterImport,
} from "./index";

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, "../../../../fixtures/documents", name), "utf8");

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

describe("reuse detection", () => {
  it("matches statements with precision and recall of at least 0.9 on a labelled set from the fixtures", async () => {
    // Ten platform statements of some length, each reworded four ways; the negatives from the letters.
    const sources = positions.filter((p) => p.statement.split(" ").length >= 9).slice(0, 10);
    const labelled: { text: string; expected: string | null; how: string }[] = [
      ...sources.flatMap((p) =>
        Object.entries(REWORDINGS).map(([how, f]) => ({ text: f(p.statement), expected: p.id, how })),
      ),
      ...negatives().map((text) => ({ text, expected: null, how: "new" })),
    ];
    expect(labelled.length).toBeGreaterThanOrEqual(40);
    expect(labelled.filter((x) => !x.expected).length).toBeGreaterThanOrEqual(10);

    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const item of labelled) {
      const best = (await matchText(t.db, org, item.text, "position"))[0];
      const predicted = best?.id ?? null;
      if (predicted && predicted === item.expected) tp++;
      else if (predicted || item.expected) {
        if (predicted) fp++;
        if (item.expected) fn++;
        misses.push(
          `${item.how}: ${item.text.slice(0, 70)} → ${best ? `${best.score} ${best.text.slice(0, 40)}` : "none"}`,
        );
      }
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `reuse: ${labelled.length} labelled statements (${sources.length * 4} reworded, ${labelled.length - sources.length * 4} new): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    if (misses.length) console.log(misses.join("\n"));
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it("finds two lightly reworded blocks and their positions, and links nothing to new sections", async () => {
    const blocks = await t.db.textBlockVersion.findMany({
      where: { heading: { in: ["Nok personell", "Etisk kompetanse"] } },
    });
    expect(blocks).toHaveLength(2);
    const platform = proposePlatformImport({ text: fixture("policy-platform-helse.txt") }, a.ingrid!);
    const reworded = ["Nok personell", "Etisk kompetanse"].map((heading) => {
      const b = platform.blocks.find((x) => x.heading === heading)!;
      const paragraphs = b.parts.flatMap((p) =>
        p.kind === "paragraph"
          ? // Sentences reordered, and a few words added.
            [
              {
                text: `${p.text.split(". ").reverse().join(". ")} Dette gjelder i hele landet.`,
                bullet: false,
                footnotes: [],
              },
            ]
          : p.statements.map((s, i) => ({
              // One statement folded into prose, the rest bullets turned into sentences.
              text: i === 0 ? REWORDINGS.folded!(s) : REWORDINGS.prose!(s),
              bullet: false,
              footnotes: [],
            })),
      );
      const originals = b.parts.flatMap((p) => (p.kind === "positions" ? p.statements : []));
      return {
        heading,
        paragraphs,
        statements: originals,
        reworded: paragraphs.slice(-originals.length).map((p) => p.text),
      };
    });
    const fresh = parseLetter(fixture("submission-2025-helsereformutvalget.txt")).sections.filter((s) =>
      [
        "Arealbehovet for høyteknologisk utstyr og organisering",
        "Organisering av oppgavedeling og ansvarsfordeling",
        "Overforbruk og riktig kompetanse på riktig sted",
      ].includes(s.heading ?? ""),
    );
    expect(fresh).toHaveLength(3);
    const statements = reworded.flatMap((r) => r.reworded);
    const result = await detectReuse(
      t.db,
      {
        place: null,
        date: null,
        title: "Konstruert brev",
        sections: [...reworded.map((r) => ({ heading: r.heading, paragraphs: r.paragraphs })), ...fresh],
        statements,
        footnotes: [],
        closing: null,
        signatories: [],
      },
      org,
    );
    expect(result.sections.slice(0, 2).map((s) => [s.matches[0]?.title, s.matches[0]?.label])).toEqual([
      ["Nok personell", "reworded"],
      ["Etisk kompetanse", "reworded"],
    ]);
    expect(result.sections.slice(2).map((s) => s.matches)).toEqual([[], [], []]);
    const expected = reworded.flatMap((r) => r.statements);
    const found = result.statements.map((s) => s.matches[0]?.text);
    expect(found).toEqual(expected.map((s) => positions.find((p) => p.statement === s)!.statement));
  });
});

describe("importing a letter", () => {
  it("proposes without saving, then saves the confirmed links as provenance", async () => {
    const before = await t.db.hearing.count();
    const { proposal, statements } = await proposeLetterImport(
      t.db,
      { text: fixture("submission-2020-statsbudsjett-2021.txt") },
      a.ingrid!,
    );
    expect(await t.db.hearing.count()).toBe(before);
    expect(proposal.title).toBe("NITOs innspill til statsbudsjett 2021");
    const linked = statements.find((s) => s.matches[0]);
    expect(linked).toBeTruthy();

    const body = await t.db.issuingBody.findFirstOrThrow({ where: { name: "Finansdepartementet" } });
    const saved = await commitLetterImport(
      t.db,
      {
        proposal: { ...proposal, date: "2020-10-15" },
        newHearing: { title: "Statsbudsjettet 2021", issuingBodyId: body.id },
        positionLinks: [{ positionId: linked!.matches[0]!.id, wording: linked!.text }],
        blockLinks: [],
        newPositions: [statements.at(-1)!.text],
      },
      a.ingrid!,
    );
    const position = await getPosition(t.db, { id: linked!.matches[0]!.id }, a.ingrid!);
    expect(position.usages).toContainEqual(
      expect.objectContaining({
        origin: "imported",
        usedOn: "2020-10-15",
        recipient: "Finansdepartementet",
        wording: linked!.text,
      }),
    );
    const created = await t.db.position.findUniqueOrThrow({ where: { id: saved.newPositionIds[0]! } });
    expect(created.status).toBe("DRAFT");
    expect((await t.db.hearing.findUniqueOrThrow({ where: { id: saved.hearingId } })).status).toBe(
      "ARKIVERT",
    );
    expect(
      await listBlockUsages(t.db, { id: (await t.db.textBlock.findFirstOrThrow()).id }, a.ingrid!),
    ).toEqual([]);
  });

  it("reads a DOCX (mammoth) and a PDF's text layer (unpdf)", async () => {
    const { assemble, renderDocx, renderPdf } = await import("@innspill/documents");
    const model = assemble({
      letterhead: { organisation: "NITO" },
      place: "Oslo",
      date: "2024-03-05",
      dateText: "5. mars 2024",
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
      closing: "Med vennlig hilsen",
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
