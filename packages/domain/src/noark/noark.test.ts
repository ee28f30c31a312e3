import { describe, expect, it } from "vitest";
import { sha256 } from "../common/hash";
import { party } from "./cases";
import { startOfOsloDay } from "./model";
import { archiveFormat, pdfaLevel } from "./formats";
import { SCHEMA_FILES, addmlTemplate, officialSchema, publishedChecksums } from "./schemas";
import { uuidFrom, xmlText } from "./xml";

describe("official schemas", () => {
  it("are byte for byte the files Arkivverket published (SHA256SUMS)", () => {
    const sums = publishedChecksums();
    for (const f of SCHEMA_FILES) expect(sha256(officialSchema(f)), f).toBe(sums.get(f));
    expect(sha256(addmlTemplate())).toBe(sums.get("arkivuttrekk_v5_0.xml"));
  });
});

describe("xmlText", () => {
  it("drops what XML 1.0 cannot carry and keeps everything else", () => {
    expect(xmlText("a\u0000b\u0007c\u001Fd")).toBe("abcd");
    expect(xmlText("linje\u000Bneste")).toBe("linje\nneste");
    expect(xmlText("tab\tlf\ncr\r")).toBe("tab\tlf\ncr\r");
    expect(xmlText("R&D <x> «æøå» 🚀")).toBe("R&D <x> «æøå» 🚀");
    expect(xmlText("lone \uD800 and \uDC00 surrogates")).toBe("lone  and  surrogates");
    expect(xmlText("\uFFFE\uFFFF")).toBe("");
  });
});

describe("uuidFrom", () => {
  it("gives the same UUID for the same seed, in the form Noark's systemID requires", () => {
    expect(uuidFrom("a")).toBe(uuidFrom("a"));
    expect(uuidFrom("a")).not.toBe(uuidFrom("b"));
    expect(uuidFrom("a")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});

describe("archiveFormat", () => {
  const pdf = (xmp: string) => Buffer.from(`%PDF-1.7\n${xmp}\n%%EOF`, "latin1");
  it("reads the PDF/A level from XMP, as attribute or element", () => {
    expect(pdfaLevel(pdf('<rdf:Description pdfaid:part="2" pdfaid:conformance="B"/>'))).toBe("2B");
    expect(pdfaLevel(pdf("<pdfaid:part>1</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>"))).toBe(
      "1A",
    );
    expect(pdfaLevel(pdf("no metadata"))).toBeNull();
  });
  it("names PRONOM formats, and takes only archive formats", () => {
    expect(archiveFormat(pdf('pdfaid:part="2" pdfaid:conformance="B"'), "application/pdf")).toMatchObject({
      pronom: "fmt/477",
      name: "PDF/A-2b (ISO 19005-2:2011)",
      archival: true,
    });
    expect(archiveFormat(pdf('pdfaid:part="1" pdfaid:conformance="A"'), "application/pdf").pronom).toBe(
      "fmt/95",
    );
    expect(archiveFormat(pdf(""), "application/pdf")).toMatchObject({ archival: false, pronom: "fmt/276" });
    expect(
      archiveFormat(
        Buffer.from("PK\x03\x04", "latin1"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ),
    ).toMatchObject({ pronom: "fmt/412", archival: false });
  });
});

describe("startOfOsloDay", () => {
  it("is midnight in Oslo, winter and summer", () => {
    expect(startOfOsloDay("2026-11-24")).toBe("2026-11-24T00:00:00+01:00");
    expect(startOfOsloDay("2026-06-24")).toBe("2026-06-24T00:00:00+02:00");
  });
});

describe("korrespondansepart", () => {
  it("names the body and puts an e-mail address in its own field", () => {
    expect(party("postmottak@hod.dep.no", "Helse- og omsorgsdepartementet")).toEqual({
      type: "Mottaker",
      name: "Helse- og omsorgsdepartementet",
      email: "postmottak@hod.dep.no",
    });
    expect(party("Stortingets helse- og omsorgskomité", "Stortinget")).toEqual({
      type: "Mottaker",
      name: "Stortingets helse- og omsorgskomité",
      email: null,
    });
  });
});
