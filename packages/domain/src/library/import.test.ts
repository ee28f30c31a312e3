import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countProposedPositions, parsePolicyPlatform } from "./import";

const fixture = readFileSync(
  path.resolve(__dirname, "../../../../fixtures/documents/policy-platform-helse.txt"),
  "utf8",
);

describe("policy platform import", () => {
  const proposal = parsePolicyPlatform(fixture, { source: "Helsepolitisk plattform" });
  const positions = (i: number) =>
    proposal.blocks[i]!.parts.flatMap((p) => (p.kind === "positions" ? p.statements : []));

  it("proposes exactly 8 blocks and 34 positions, in document order", () => {
    expect(proposal.blocks.map((b) => b.heading)).toEqual([
      "Nok personell",
      "Riktig kompetanse",
      "Persontilpasset medisin og genteknologi",
      "Etisk kompetanse",
      "Samarbeid og forståelse på tvers av fag",
      "Helseteknologi er en god investering",
      "Kontinuerlig forbedring og kvalitet",
      "Hjemmetester og raskere svar på analyser",
    ]);
    expect(countProposedPositions(proposal)).toBe(34);
    expect(proposal.blocks.map((_, i) => positions(i).length)).toEqual([2, 4, 3, 2, 3, 10, 6, 4]);
    expect(proposal.source).toBe("Helsepolitisk plattform");
  });

  it("keeps the first and last position of each block", () => {
    const firstLast = proposal.blocks.map((_, i) => [positions(i)[0], positions(i).at(-1)]);
    expect(firstLast).toEqual([
      [
        "Helsesektoren trenger en nasjonal plan for rekruttering av ulike ingeniører og teknologer.",
        "Det bør sikres tilgang på medisinsk tekniske ingeniører, bioingeniører, ortopediingeniører og IKT-ingeniører gjennom å utdanne flere.",
      ],
      [
        "Helsesektoren trenger en nasjonal plan for kompetanseutvikling.",
        "Samarbeid mellom universiteter, høyskoler og arbeidsliv må styrkes for å sikre tilstrekkelig antall eksterne praksisplasser av god kvalitet.",
      ],
      [
        "Teknologikompetanse er et viktig premiss for implementering av persontilpasset medisin og avansert genteknologi.",
        "Bioteknologi, gentesting og persontilpasset medisin tvinger fram nye etiske diskusjoner.",
      ],
      [
        "Arbeidsgivere må legge til rette for opplæring og bruk av etiske verktøy.",
        "Ingeniører og teknologer må bruke sin faglige og etiske kompetanse for å ta godt overveide beslutninger ved utvikling og bruk av ny teknologi.",
      ],
      [
        "Hospitering er et viktig virkemiddel for å oppnå tverrfaglig forståelse og økt kompetanse. Det er behov for flere hospiteringsplasser. Primær- og spesialisthelsetjenesten må i høyere grad hospitere hos hverandre, og dette må settes i system og dokumenteres.",
        "Det må opprettes flere stillinger for bioingeniører som diagnostisk samarbeidspartner ved helseforetakene og i kommunene.",
      ],
      [
        "Alle helseforetak bør ha en langsiktig innovasjonsstrategi som sikrer implementering av ny teknologi, innovasjon i tjenester og etablering av innovative miljøer. Det er viktig med gode rammebetingelser, tydelige ansvarslinjer og desentralisert samarbeid.",
        // Verbatim from the fixture, including its missing full stop.
        "Ortopediske hjelpemidler må finansieres gjennom lov om folketrygd for å sikre lik tilgang til helsefremmende tjenester Tredelingen av ansvar og kompetanse mellom legespesialist, ortopediingeniør og NAV må tydeliggjøres.",
      ],
      [
        "Den offentlige helsetjenesten må ta ansvar for kvaliteten på tvers av primær- og spesialisthelsetjeneste. I helsefellesskapene må det diagnostiske samarbeidet gis større plass for å sikre rett behandling til rett tid.",
        "Strukturerte og standardiserte kodeverk er en viktig premiss for digitale løsninger.",
      ],
      [
        "Kommunehelsetjenesten bør ansette bioingeniører som skal drifte laboratorier i primærhelsetjenesten og lære opp andre helsepersonellgrupper til å utføre korrekt prøvetaking og laboratorieanalyser.",
        "Det offentlige må ta kontroll med og legge til rette for trygg og kvalitetssikret bruk av hjemmetesting.",
      ],
    ]);
  });

  it("keeps the context, and both lists of «Helseteknologi er en god investering» with the text between them", () => {
    const h = proposal.blocks[5]!;
    expect(h.parts.map((p) => p.kind)).toEqual([
      "paragraph",
      "paragraph",
      "positions",
      "paragraph",
      "positions",
    ]);
    expect(proposal.blocks[0]!.parts[0]).toMatchObject({
      kind: "paragraph",
      text: expect.stringMatching(/^Helsesektoren er avhengig/),
    });
  });

  it("does not make the closing link section a block", () => {
    expect(proposal.blocks.some((b) => /politikk/i.test(b.heading))).toBe(false);
  });

  it("keeps a last block that only explains, and a page cut short after its context", () => {
    const page = [
      "Nok personell",
      "Helsesektoren mangler ingeniører.",
      "NITO mener:",
      "• Det må utdannes flere bioingeniører.",
      "Om helseteknologi",
      "Teknologien endrer hvordan helsetjenesten arbeider. Ingeniørene står midt i den endringen.",
      "Persontilpasset medisin",
      "Genteknologien gir nye muligheter for diagnostikk.",
      "NITO mener:",
    ].join("\n");
    const p = parsePolicyPlatform(page);
    expect(p.blocks.map((b) => [b.heading, b.parts.map((x) => x.kind)])).toEqual([
      ["Nok personell", ["paragraph", "positions"]],
      ["Om helseteknologi", ["paragraph"]],
      ["Persontilpasset medisin", ["paragraph"]],
    ]);
  });
});
