import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { radarConfig } from "./config";
import { isAllowedAddress, SourceError } from "./fetch";
import { norwegianDate, readHearingPage, readList, regjeringenRefFromAddress } from "./regjeringen";
import {
  currentSession,
  parseStortingetXml,
  readCaseTopics,
  readHearings,
  stortingetDate,
  stortingetIdFromPage,
} from "./stortinget";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const config = radarConfig({ enabled: true });

describe("Stortinget's export format", () => {
  it("reads the current session, the hearings with their deadline, committee and cases, and a case's subjects", async () => {
    expect(
      currentSession(await parseStortingetXml(fixture("stortinget-sesjoner.xml"), "sesjoner_oversikt", "x")),
    ).toBe("2026-2027");
    const hearings = readHearings(
      await parseStortingetXml(fixture("stortinget-horinger.xml"), "horinger_oversikt", "x"),
      "x",
    );
    expect(hearings.map((h) => h.id)).toEqual(["11001", "11002", "11003", "10950"]);
    expect(hearings[0]).toMatchObject({
      committeeId: "HELSEOMS",
      committeeName: "Helse- og omsorgskomiteen",
      deadline: "2027-01-15",
      written: true,
      status: "varslet",
    });
    expect(hearings[0]!.cases[0]).toMatchObject({ id: "101001", reference: "Prop. 31 L (2026–2027)" });
    expect(
      readCaseTopics(await parseStortingetXml(fixture("stortinget-sak-101001.xml"), "detaljert_sak", "x")),
    ).toEqual(["Helse", "Utdanning"]);
  });

  it("takes the service's year one as «no date», and refuses XML of another namespace or broken XML", async () => {
    expect(stortingetDate("0001-01-01T00:00:00")).toBeNull();
    expect(stortingetDate("2027-01-15T12:00:00")).toBe("2027-01-15");
    const other = fixture("stortinget-horinger.xml")
      .toString()
      .replace('xmlns="http://data.stortinget.no"', 'xmlns="urn:x"');
    await expect(parseStortingetXml(other, "horinger_oversikt", "x")).rejects.toThrow(/namespace/);
    await expect(
      parseStortingetXml("<horinger_oversikt><a></horinger_oversikt>", "horinger_oversikt", "x"),
    ).rejects.toThrow(SourceError);
  });
});

describe("regjeringen.no's pages", () => {
  it("reads the list and a hearing's page: department, deadline, status, documents, invited bodies", async () => {
    const list = await readList(
      fixture("regjeringen-liste.html"),
      "https://www.regjeringen.no/no/dokument/hoyringar/id1763/",
    );
    expect(list.map((l) => [l.ref, l.deadline, l.department])).toEqual([
      ["id3170001", "2027-03-02", "Kunnskapsdepartementet"],
      ["id3170002", "2027-02-15", "Nærings- og fiskeridepartementet"],
    ]);
    const page = await readHearingPage(
      fixture("regjeringen-id3170001.html"),
      "https://www.regjeringen.no/no/dokumenter/horing-ingeniorutdanning/id3170001/",
      config,
    );
    expect(page).toMatchObject({
      issuer: "Kunnskapsdepartementet",
      deadline: "2027-03-02",
      status: "På høring",
      issuerType: "DEPARTEMENT",
    });
    expect(page.documents.map((d) => d.url)).toEqual([
      "https://www.regjeringen.no/contentassets/ab12cd34/horingsbrev-rammeplan.pdf",
      "https://www.regjeringen.no/contentassets/ab12cd34/horingsnotat-rammeplan.pdf",
    ]);
    expect(page.invited).toHaveLength(5);
    expect(page.invited).toContain("NITO – Norges Ingeniør- og Teknologorganisasjon");
    expect(norwegianDate("Høringsfrist: 2.3.2027")).toBe("2027-03-02");
    await expect(readList("<html><body>Beklager", "x")).rejects.toThrow(/not a whole HTML page/);
  });
});

describe("addresses", () => {
  it("fetches only the configured hosts, and knows hearing pages when pasted", () => {
    expect(isAllowedAddress("https://data.stortinget.no/eksport/sesjoner", config)).toBe(true);
    expect(isAllowedAddress("https://www.regjeringen.no/no/x/id1/", config)).toBe(true);
    expect(isAllowedAddress("https://www.regjeringen.no@evil.example/no/x/id1/", config)).toBe(false);
    expect(isAllowedAddress("http://169.254.169.254/latest/meta-data", config)).toBe(false);
    expect(isAllowedAddress("file:///etc/passwd", config)).toBe(false);
    expect(
      stortingetIdFromPage(
        "https://www.stortinget.no/no/Hva-skjer-pa-Stortinget/Horing/horing/?h=11002",
        config,
      ),
    ).toBe("11002");
    expect(stortingetIdFromPage("https://evil.example/?h=11002", config)).toBeNull();
    expect(
      regjeringenRefFromAddress("https://www.regjeringen.no/no/dokumenter/horing/id3170001/", config),
    ).toBe("id3170001");
    expect(
      regjeringenRefFromAddress("https://www.regjeringen.no.evil.example/no/id3170001/", config),
    ).toBeNull();
  });
});
