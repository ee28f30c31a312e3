import { describe, expect, it } from "vitest";
import { restatement } from "./similarity";

const P = "Alle ingeniørstudenter må tilbys relevant praksis i arbeidslivet som del av utdanningen.";

describe("restatement", () => {
  it("finds a position said again: verbatim, folded, reordered, inflected, with words added", () => {
    expect(restatement(P, P)?.coverage).toBe(1);
    for (const window of [
      "NITO mener det bør sikres at alle ingeniørstudenter må tilbys relevant praksis i arbeidslivet som del av utdanningen, og at dette haster.",
      "Som del av utdanningen må alle ingeniørstudenter tilbys relevant praksis i arbeidslivet.",
      "Alle ingeniørstudentene må tilbys relevant praksis i arbeidslivet som en del av utdanningen sin.",
    ])
      expect(restatement(P, window), window).not.toBeNull();
  });

  it("does not link a sentence that shares the words but says something else", () => {
    for (const window of [
      // Another subject of the same kind.
      "Alle sykepleierstudenter må tilbys relevant praksis i kommunene som del av utdanningen.",
      // Negated.
      "Alle ingeniørstudenter må ikke tilbys relevant praksis i arbeidslivet som del av utdanningen.",
      // The organisation's everyday words only.
      "Ingeniørstudenter og arbeidslivet har mye å lære av hverandre.",
      // Another subject, in a shorter sentence.
      "Alle lærerstudenter må tilbys relevant praksis som del av utdanningen.",
    ])
      expect(restatement(P, window), window).toBeNull();
  });

  it("accepts a shortened restatement that keeps the words together and in order, and Norwegian compounds", () => {
    expect(
      restatement(
        "Helsedirektoratet bør etablere en valgfri og subsidiert objektiv/uavhengig instans for vurdering av alle typer helseapper.",
        "Helsedirektoratet bør etablere en subsidiert og uavhengig instans for vurdering av helseapper.",
      ),
    ).not.toBeNull();
    expect(
      restatement(
        "Ved utforming av kravspesifikasjoner og innkjøp av helseteknologi må helsetjenesten benytte tilgjengelig teknologikompetanse hos sine ansatte.",
        "Når helsetjenesten utformer kravspesifikasjoner og kjøper inn helseteknologi, må den benytte tilgjengelig teknologikompetanse hos sine ansatte.",
      ),
    ).not.toBeNull();
    // An explanation in parentheses in the library may be left out.
    expect(
      restatement(
        "Alle virksomheter som tar biologisk prøvemateriale eller utfører laboratorieundersøkelser må være deltakere i Noklus (Norsk kvalitetsforbedring av laboratorieundersøkelser)",
        "Alle virksomheter som tar biologisk prøvemateriale eller utfører laboratorieundersøkelser, må være deltakere i Noklus.",
      ),
    ).not.toBeNull();
  });
});
