/**
 * The Noark 5 extract against Arkivverket's official schemas (xmllint, libxml2) and the metadata catalogue: a sent
 * case with a signed letter and attachments, a declined case, a case answered outside Innspill, and a period.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "../access/actor";
import { osloDate } from "../dates/dates";
import { addHearingDocument } from "../hearings/attachments";
import { createHearing } from "../hearings/register";
import { decideHearing, transitionHearing } from "../hearings/decisions";
import { createDemoDatabase, sendDemoLetter } from "@innspill/demo/testing";
import { exportNoark, exportNoarkPeriod, type NoarkPackage } from "./export";
import { archivePendingDocuments, pdfTitle } from "./archive-copies";

const SCHEMAS = path.resolve(__dirname, "schemas");
const tmp = mkdtempSync(path.join(tmpdir(), "innspill-noark-"));
let t: TestDatabase;
let a: Record<string, Actor>;
let sentHearingId: string;
let signedPdf: Buffer;

async function write(pkg: NoarkPackage): Promise<string> {
  const dir = path.join(tmp, pkg.name + Math.random().toString(36).slice(2, 6));
  for (const f of pkg.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), await f.load());
  }
  return dir;
}

/** Validates each XML file of the package with xmllint against Arkivverket's schema (from the repository's copy). */
function validate(dir: string) {
  for (const [xml, xsd] of [
    ["arkivstruktur.xml", "arkivstruktur.xsd"],
    ["loependeJournal.xml", "loependeJournal.xsd"],
    ["offentligJournal.xml", "offentligJournal.xsd"],
    ["endringslogg.xml", "endringslogg.xsd"],
    ["arkivuttrekk.xml", "addml.xsd"],
  ])
    execFileSync("xmllint", ["--noout", "--schema", path.join(SCHEMAS, xsd!), path.join(dir, xml!)], {
      stdio: "pipe",
    });
}

const read = (dir: string, f: string) => readFileSync(path.join(dir, f), "utf8");
const values = (xml: string, el: string) =>
  [...xml.matchAll(new RegExp(`<${el}>([^<]*)</${el}>`, "g"))].map((m) => m[1]!);

/**
 * The code list of a field in the metadata catalogue (Vedlegg 1): the quoted values after «Obligatoriske verdier»,
 * narrowed to what its comment says an extract («som avleveres») may carry.
 */
function catalogue(field: string): string[] {
  const text = readFileSync(path.join(SCHEMAS, "vedlegg1-metadatakatalog-v5.txt"), "utf8");
  const start = text.search(new RegExp(`Navn\\s+${field}\\s*\\n`));
  expect(start, field).toBeGreaterThan(0);
  const block = text.slice(start, text.indexOf("\nNr ", start + 10));
  const [conditions, comment = ""] = block.split(/\nKommentarer/);
  const list = [...conditions!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const forExtract = /avleve\w*\s+skal\s+ha\s+status\s+((?:"[^"]+"(?:\s*(?:eller|,)\s*)?)+)/.exec(
    comment.replace(/\s+/g, " "),
  );
  return forExtract ? [...forExtract[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!) : list;
}

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  // The demo letter is approved, signed, rendered and sent; the case's documents are attached before the sending
  // closes it (a closed case takes no new documents).
  await sendDemoLetter(t.db, a, osloDate(new Date()), {
    beforeSending: async (signed) => {
      sentHearingId = signed.hearingId;
      signedPdf = signed.signedPdf;
      // The hearing letter (a PDF/A) and two attachments: a PDF/A and a Word file (not an archive format).
      await addHearingDocument(
        t.db,
        { hearingId: sentHearingId, filename: "høringsbrev.pdf", bytes: signedPdf },
        a.ingrid!,
      );
      await addHearingDocument(
        t.db,
        {
          hearingId: sentHearingId,
          filename: "vedlegg.pdf",
          bytes: Buffer.concat([signedPdf, Buffer.from("\n")]),
        },
        a.ingrid!,
      );
      // A Word file (a ZIP container): the production format, which the extract leaves out.
      await addHearingDocument(
        t.db,
        {
          hearingId: sentHearingId,
          filename: "utkast.docx",
          bytes: Buffer.from("PK\x03\x04 word/document.xml", "latin1"),
        },
        a.ingrid!,
      );
    },
  });
  // The worker's archive copies: the PDF/As are their own, the broken «Word file» cannot be converted.
  await archivePendingDocuments(t.db);
}, 120_000);

afterAll(async () => {
  await t?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("Noark 5 extract of one case", () => {
  let dir: string;
  let pkg: NoarkPackage;
  beforeAll(async () => {
    pkg = await exportNoark(t.db, { id: sentHearingId }, a.ingrid!);
    dir = await write(pkg);
  });

  it("is a complete package whose XML files all validate against Arkivverket's official schemas", () => {
    const names = pkg.files.map((f) => f.path);
    for (const f of [
      "arkivuttrekk.xml",
      "arkivstruktur.xml",
      "loependeJournal.xml",
      "offentligJournal.xml",
      "endringslogg.xml",
      "arkivstruktur.xsd",
      "metadatakatalog.xsd",
      "loependeJournal.xsd",
      "offentligJournal.xsd",
      "endringslogg.xsd",
      "addml.xsd",
    ])
      expect(names).toContain(f);
    validate(dir);
  });

  it("ships the official schemas byte for byte", () => {
    for (const f of pkg.files.filter((f) => f.path.endsWith(".xsd")))
      expect(
        readFileSync(path.join(dir, f.path)).equals(readFileSync(path.join(SCHEMAS, f.path))),
        f.path,
      ).toBe(true);
  });

  it("describes itself: checksums in arkivuttrekk.xml match the files, counts match the content", () => {
    const addml = read(dir, "arkivuttrekk.xml");
    const sums = [
      ...addml.matchAll(
        /<property name="name">\s*<value>([\w.]+\.(?:xml|xsd))<\/value>(?:(?!<property name="name">)[\s\S])*?<property name="checksum">[\s\S]*?<property name="value">\s*<value>([0-9a-f]{64})<\/value>/g,
      ),
    ];
    // Every XML file and schema except arkivuttrekk.xml and addml.xsd (Noark 5, 6.4.4 point 13).
    expect(sums.map((m) => m[1]).sort()).toEqual(
      [
        "arkivstruktur.xml",
        "arkivstruktur.xsd",
        "endringslogg.xml",
        "endringslogg.xsd",
        "loependeJournal.xml",
        "loependeJournal.xsd",
        "metadatakatalog.xsd",
        "offentligJournal.xml",
        "offentligJournal.xsd",
      ].sort(),
    );
    for (const [, file, sum] of sums)
      expect(
        createHash("sha256")
          .update(readFileSync(path.join(dir, file!)))
          .digest("hex"),
        file,
      ).toBe(sum);
    expect(addml).not.toMatch(/Oppgi |true\/false|mykt\/skarpt|Arkivskaper A|System X|Sakarkiv \(Noark-5\)/);
    expect(addml).toMatch(
      /name="systemType">\s*<value>Fagsystem for høringssaker \(Noark 5-uttrekk\)<\/value>/,
    );

    const structure = read(dir, "arkivstruktur.xml");
    const count = (name: string) =>
      Number(
        new RegExp(
          `<value>${name}</value>\\s*<properties>\\s*<property name="elementPath">\\s*<value>//${name}</value>\\s*</property>\\s*<property dataType="integer" name="value">\\s*<value>(\\d+)</value>`,
        ).exec(addml)![1],
      );
    expect(count("mappe")).toBe((structure.match(/<mappe /g) ?? []).length);
    expect(count("registrering")).toBe((structure.match(/<registrering /g) ?? []).length);
    expect(count("registrering")).toBe(2);
    expect(count("endring")).toBe((read(dir, "endringslogg.xml").match(/<endring>/g) ?? []).length);
    expect(count("journalregistrering")).toBe(2);
    const files = /name="antallDokumentfiler">\s*<value>(\d+)<\/value>/.exec(addml)![1];
    expect(Number(files)).toBe(pkg.files.filter((f) => f.path.startsWith("DOKUMENT/")).length);
  });

  it("has every document object's file, with its checksum and size, and nothing else under DOKUMENT", () => {
    const xml = read(dir, "arkivstruktur.xml");
    const objects = [
      ...xml.matchAll(
        /<referanseDokumentfil>([^<]+)<\/referanseDokumentfil>\s*<sjekksum>([0-9a-f]+)<\/sjekksum>\s*<sjekksumAlgoritme>SHA256<\/sjekksumAlgoritme>\s*<filstoerrelse>(\d+)<\/filstoerrelse>/g,
      ),
    ];
    // The hearing letter and the PDF/A attachment, the signed letter and its log of approval and signing; the DOCX
    // stays out.
    expect(objects.length).toBe(4);
    expect(xml).toContain("<tittel>Logg for godkjenning og signering</tittel>");
    for (const [, file, sum, size] of objects) {
      const bytes = readFileSync(path.join(dir, file!));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(sum);
      expect(bytes.length).toBe(Number(size));
      expect(file).toMatch(/^DOKUMENT\/\d{4}\/[\w-]+\/[0-9a-f-]{36}\.pdf$/);
    }
    expect(
      pkg.files
        .filter((f) => f.path.startsWith("DOKUMENT/"))
        .map((f) => f.path)
        .sort(),
    ).toEqual(objects.map((o) => o[1]).sort());
    expect(values(xml, "variantformat")).toEqual(Array(4).fill("Arkivformat"));
    expect(values(xml, "format")).toEqual(Array(4).fill("PDF"));
    expect(values(xml, "formatDetaljer")).toEqual(Array(4).fill("fmt/477"));
    // A «Word file» that is not one cannot be converted: named, with the reason (the hearing page shows it too).
    expect(pkg.notArchived).toEqual([expect.objectContaining({ hearing: expect.any(String) })]);
    expect(xml).toContain("«utkast.docx» har ingen kopi i arkivformat");
    // The signing log is described as what it is, and not counted as an attachment.
    expect(xml).toContain("<dokumenttype>Logg for godkjenning og signering</dokumenttype>");
  });

  it("writes off the incoming letter with the outgoing one that answered it", () => {
    const xml = read(dir, "arkivstruktur.xml");
    const [incoming, outgoing] = xml.split(/<registrering /).slice(1);
    expect(incoming).toContain("<journalposttype>Inngående dokument</journalposttype>");
    expect(incoming).toContain("<avskrivningsmaate>Besvart med e-post</avskrivningsmaate>");
    const outgoingId = /<systemID>([^<]+)<\/systemID>/.exec(outgoing!)![1];
    expect(incoming).toContain(
      `<referanseAvskrivesAvJournalpost>${outgoingId}</referanseAvskrivesAvJournalpost>`,
    );
    expect(outgoing).toContain("<journalposttype>Utgående dokument</journalposttype>");
    expect(outgoing).not.toContain("<avskrivning>");
    expect(incoming).toContain(`<antallVedlegg>2</antallVedlegg>`);
    expect(outgoing).not.toContain("<antallVedlegg>");
    // Names from the case's own history: who signed, who recorded the sending.
    expect(values(outgoing!, "forfatter")).toEqual(["Kaja Marienborg", "Heidi Andersen"]);
    expect(outgoing).toContain("<arkivertAv>Ingrid Solberg</arkivertAv>");
    expect(outgoing).toContain(
      "<korrespondansepartNavn>Helse- og omsorgsdepartementet</korrespondansepartNavn>",
    );
  });

  it("writes only codes the metadata catalogue lists, and those an extract may carry", () => {
    const xml = read(dir, "arkivstruktur.xml");
    // An extract of one case is not a deposit of a closed period.
    expect(values(xml, "arkivdelstatus")).toEqual(["Aktiv periode"]);
    expect(values(xml, "tittel")[1]).toMatch(/^Utdrag av sak \d{4}\/\d+: /);
    for (const field of [
      "arkivstatus",
      "saksstatus",
      "journalstatus",
      "dokumentstatus",
      "journalposttype",
      "korrespondanseparttype",
      "avskrivningsmaate",
      "variantformat",
      "tilknyttetRegistreringSom",
    ]) {
      const written = values(xml, field);
      expect(written.length, field).toBeGreaterThan(0);
      const allowed = catalogue(field);
      for (const v of written) expect(allowed, field).toContain(v);
    }
    expect(catalogue("journalstatus")).toEqual(["Arkivert", "Utgår"]);
  });

  it("refuses a case that is still open, and a hearing of another organisation's id", async () => {
    const open = await t.db.hearing.findFirstOrThrow({ where: { status: "UNDER_ARBEID" } });
    await expect(exportNoark(t.db, { id: open.id }, a.ingrid!)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "noarkCaseOpen",
    });
  });
});

describe("Noark 5 extract of a period", () => {
  it("holds every case closed in the period, declined and answered outside Innspill included, and validates", async () => {
    // A declined hearing whose title has what XML must escape, an emoji and a control character.
    const body = await t.db.issuingBody.findFirstOrThrow();
    const h = await createHearing(
      t.db,
      {
        title: 'R&D <høring> "tester" 🚀\u0007 slutt',
        issuingBodyId: body.id,
        kind: "HORING",
        deadline: osloDate(new Date(Date.now() + 30 * 86_400_000)),
        responsibleId: a.ingrid!.id,
      },
      a.ingrid!,
    );
    await decideHearing(
      t.db,
      { id: h.id, version: h.version, decision: "SVARER_IKKE", reason: "Utenfor vårt område & <annet>" },
      a.ingrid!,
    );
    // A hearing answered by a letter written and sent outside Innspill: the sent document is its own journalpost.
    const answered = await createHearing(
      t.db,
      {
        title: "Høring besvart i Word",
        issuingBodyId: body.id,
        kind: "HORING",
        deadline: osloDate(new Date(Date.now() + 30 * 86_400_000)),
        responsibleId: a.ingrid!.id,
      },
      a.ingrid!,
    );
    const decided = await decideHearing(
      t.db,
      { id: answered.id, version: answered.version, decision: "SVARER" },
      a.ingrid!,
    );
    const letter = await addHearingDocument(
      t.db,
      {
        hearingId: answered.id,
        filename: "svar-fra-word.pdf",
        bytes: Buffer.concat([signedPdf, Buffer.from("\n\n")]),
      },
      a.ingrid!,
    );
    await transitionHearing(
      t.db,
      {
        id: answered.id,
        version: decided.version,
        to: "SENDT",
        reason: "Skrevet i Word",
        documentId: letter.id,
      },
      a.ingrid!,
    );

    await archivePendingDocuments(t.db);
    const today = osloDate(new Date());
    const pkg = await exportNoarkPeriod(
      t.db,
      { from: `${Number(today.slice(0, 4)) - 4}-01-01`, to: today, interim: true },
      a.admin!,
    );
    expect(pkg.kind).toBe("interim");
    const dir = await write(pkg);
    validate(dir);
    const xml = read(dir, "arkivstruktur.xml");
    const closed = await t.db.hearing.count({
      where: { status: { in: ["SENDT", "ARKIVERT", "SVARER_IKKE"] } },
    });
    expect(closed).toBeGreaterThanOrEqual(4);
    expect(pkg.cases).toBe(closed);
    expect((xml.match(/<mappe /g) ?? []).length).toBe(closed);
    expect(values(xml, "tittel")).toContain(
      'R&D <høring> "tester" 🚀 slutt'.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    );
    expect(xml).toContain("<avskrivningsmaate>Tatt til orientering</avskrivningsmaate>");
    const outsideCase = xml
      .split("<mappe ")
      .find((m) => m.includes("<tittel>Høring besvart i Word</tittel>"))!;
    const outgoingWord = outsideCase.split(/<registrering /)[2]!;
    expect(outgoingWord).toContain("<journalposttype>Utgående dokument</journalposttype>");
    // Its title is the document's own (the PDF's metadata), not its file name.
    expect(outgoingWord).toContain(`<tittel>${pdfTitle(signedPdf)}</tittel>`);
    expect(outgoingWord).not.toContain("svar-fra-word.pdf");
    expect(outgoingWord).toContain("Sendt utenfor Innspill: Skrevet i Word");
    expect(xml).toContain("Svarer ikke: Utenfor vårt område &amp; &lt;annet&gt;");
    // Case numbers are unique, and journal numbers unique per year.
    const mappeIds = values(xml, "mappeID");
    expect(new Set(mappeIds).size).toBe(mappeIds.length);
    const journal = read(dir, "loependeJournal.xml");
    const keys = [...journal.matchAll(/<journalaar>(\d+)<\/journalaar>\s*<journalsekvensnummer>(\d+)</g)].map(
      (m) => `${m[1]}/${m[2]}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(pkg.registrations);
  });

  it("is for admins, and refuses a reversed or empty period", async () => {
    await expect(
      exportNoarkPeriod(t.db, { from: "2025-01-01", to: "2025-12-31" }, a.ingrid!),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      exportNoarkPeriod(t.db, { from: "2025-12-31", to: "2025-01-01" }, a.admin!),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { to: ["periodReversed"] },
    });
    await expect(
      exportNoarkPeriod(t.db, { from: "1990-01-01", to: "1990-12-31" }, a.admin!),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "noarkPeriodEmpty",
    });
  });
});
