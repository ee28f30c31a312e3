/**
 * A deposit that is complete and final (issue 31): an ordinary PDF and a Word attachment reach the package as
 * PDF/A-2b; journal numbers are stored and do not move; a period not ended is refused or marked interim; the
 * journals' dates are the first and last registration; a screened title stays out of the public journal; Arkade's
 * N5.29 and N5.60 hold on the package; and a case of ten 20 MB documents exports as a streamed zip.
 */
import { execFileSync } from "node:child_process";
import {
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { NodeCompiler } from "@myriaddreamin/typst-ts-node-compiler";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { osloDate } from "../dates/dates";
import { addHearingDocument } from "../hearings/attachments";
import { createHearing } from "../hearings/register";
import { decideHearing } from "../hearings/decisions";
import { archivePendingDocuments } from "./archive-copies";
import { setHearingScreening } from "./screening";
import {
  PACKAGE_FOLDER,
  exportNoark,
  exportNoarkPeriod,
  noarkZipStream,
  writeNoarkZip,
  type NoarkPackage,
} from "./export";

const SCHEMAS = path.resolve(__dirname, "schemas");
const tmp = mkdtempSync(path.join(tmpdir(), "innspill-deposit-"));
let t: TestDatabase;
let a: Record<string, Actor>;

async function write(pkg: NoarkPackage): Promise<string> {
  const dir = path.join(tmp, pkg.name + Math.random().toString(36).slice(2, 6));
  for (const f of pkg.files) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), await f.load());
  }
  return dir;
}

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

/** An ordinary PDF, as a ministry publishes its hearing letter: PDF 1.7, not PDF/A. */
function ordinaryPdf(text: string): Buffer {
  const c = NodeCompiler.create({ workspace: "/ordinary" });
  return Buffer.from(
    c.pdf({
      mainFileContent: `#set document(title: "Høringsbrev om helseberedskap")\n= Høringsbrev\n${text}\n#pagebreak()\nSide to.`,
    }),
  );
}

async function wordFile(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Vedlegg: Kostnadsberegning", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("Tiltakene koster 12 millioner kroner i året."),
          new Paragraph({ text: "Første punkt", bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

async function registerHearing(title: string) {
  const body = await t.db.issuingBody.findFirstOrThrow();
  return createHearing(
    t.db,
    {
      title,
      issuingBodyId: body.id,
      kind: "HORING",
      deadline: osloDate(new Date(Date.now() + 30 * 86_400_000)),
      responsibleId: a.ingrid!.id,
    },
    a.ingrid!,
  );
}

async function close(h: { id: string }) {
  const row = await t.db.hearing.findUniqueOrThrow({ where: { id: h.id } });
  await decideHearing(
    t.db,
    { id: h.id, version: row.version, decision: "SVARER_IKKE", reason: "Ikke vårt område" },
    a.ingrid!,
  );
}

let hearingId: string;
let pkg: NoarkPackage;
let dir: string;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  const h = await registerHearing("Høring om helseberedskap");
  hearingId = h.id;
  await addHearingDocument(
    t.db,
    {
      hearingId,
      filename: "hoeringsbrev.pdf",
      bytes: ordinaryPdf("Departementet sender forslaget på høring."),
    },
    a.ingrid!,
  );
  await addHearingDocument(t.db, { hearingId, filename: "vedlegg.docx", bytes: await wordFile() }, a.ingrid!);
  await archivePendingDocuments(t.db);
  await close(h);
  pkg = await exportNoark(t.db, { id: hearingId }, a.ingrid!);
  dir = await write(pkg);
}, 180_000);

afterAll(async () => {
  await t?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("every document in an archive format", () => {
  it("converts an ordinary PDF and a Word attachment to PDF/A-2b, recording the originals", async () => {
    const docs = await t.db.hearingDocument.findMany({ where: { hearingId }, orderBy: { createdAt: "asc" } });
    expect(docs.map((d) => d.archiveStatus)).toEqual(["CONVERTED", "CONVERTED"]);
    expect(docs.map((d) => d.originalFormat)).toEqual(["fmt/276", "fmt/412"]);
    // Titles from the documents: the PDF's metadata, the Word file's first heading.
    expect(docs.map((d) => d.title)).toEqual(["Høringsbrev om helseberedskap", "Vedlegg: Kostnadsberegning"]);

    const files = pkg.files.filter((f) => f.path.startsWith("DOKUMENT/"));
    expect(files).toHaveLength(2);
    expect(pkg.notArchived).toEqual([]);
    for (const f of files) {
      const file = path.join(dir, f.path);
      const meta = execFileSync("pdfinfo", ["-meta", file], { encoding: "utf8" });
      expect(meta, f.path).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      expect(meta, f.path).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Pages:\s+[12]\b/);
    }
    // The first is the two-page letter, page for page.
    expect(execFileSync("pdfinfo", [path.join(dir, files[0]!.path)], { encoding: "utf8" })).toMatch(
      /Pages:\s+2\b/,
    );
    const xml = read(dir, "arkivstruktur.xml");
    expect(values(xml, "konvertertFraFormat")).toEqual(["fmt/276", "fmt/412"]);
    expect(values(xml, "konverteringskommentar")).toEqual(
      docs.map((d) => `Originalfilens SHA-256: ${d.sha256}`),
    );
    expect(values(xml, "tittel")).toContain("Vedlegg: Kostnadsberegning");
    expect(xml).not.toContain("vedlegg.docx");
    validate(dir);
  });

  it("reproduces Arkade's N5.29: every document object's format is its file's extension", () => {
    const xml = read(dir, "arkivstruktur.xml");
    const objects = [...xml.matchAll(/<dokumentobjekt>([\s\S]*?)<\/dokumentobjekt>/g)].map((m) => m[1]!);
    expect(objects.length).toBe(2);
    for (const o of objects) {
      const format = values(o, "format")[0]!;
      const file = values(o, "referanseDokumentfil")[0]!;
      expect(path.extname(file).toLowerCase()).toBe(`.${format.toLowerCase()}`);
      expect(values(o, "formatDetaljer")[0]).toBe("fmt/477");
    }
  });

  it("lies under the folder the standard names, and the zip streams it", async () => {
    const zip = path.join(tmp, "case.zip");
    await writeNoarkZip(pkg, PACKAGE_FOLDER, createWriteStream(zip));
    const list = execFileSync("unzip", ["-Z1", zip], { encoding: "utf8" }).trim().split("\n");
    expect(list.every((l) => l.startsWith("avleveringspakke/"))).toBe(true);
    expect(list).toContain("avleveringspakke/arkivstruktur.xml");
    execFileSync("unzip", ["-tq", zip]);
  });

  it("shows a document that cannot be converted, with the reason, before the case is closed", async () => {
    const h = await registerHearing("Høring med skadet vedlegg");
    await addHearingDocument(
      t.db,
      { hearingId: h.id, filename: "skadet.pdf", bytes: Buffer.from("%PDF-1.4\nikke en pdf") },
      a.ingrid!,
    );
    await archivePendingDocuments(t.db);
    const doc = await t.db.hearingDocument.findFirstOrThrow({ where: { hearingId: h.id } });
    expect(doc.archiveStatus).toBe("FAILED");
    expect(doc.archiveError).toMatch(/PDF-en kunne ikke leses/);
  });
});

describe("journal numbers", () => {
  it("are assigned at registration, survive a later case and give the same numbers in two exports", async () => {
    const before = await t.db.hearing.findUniqueOrThrow({
      where: { id: hearingId },
      include: { journalEntries: true },
    });
    expect(before.caseYear).toBe(Number(osloDate(before.createdAt).slice(0, 4)));
    expect(before.journalEntries.map((e) => e.direction)).toEqual(["INN"]);
    const first = read(dir, "arkivstruktur.xml");

    const later = await registerHearing("Senere registrert høring");
    const laterRow = await t.db.hearing.findUniqueOrThrow({ where: { id: later.id } });
    expect(laterRow.caseYear).toBe(before.caseYear);
    expect(laterRow.caseSeq).toBeGreaterThan(before.caseSeq!);

    const again = await write(await exportNoark(t.db, { id: hearingId }, a.ingrid!));
    const second = read(again, "arkivstruktur.xml");
    for (const field of [
      "mappeID",
      "saksaar",
      "sakssekvensnummer",
      "journalaar",
      "journalsekvensnummer",
      "registreringsID",
    ])
      expect(values(second, field), field).toEqual(values(first, field));
    expect(values(first, "mappeID")).toEqual([`${before.caseYear}/${before.caseSeq}`]);
    expect(values(first, "journalsekvensnummer")).toEqual([String(before.journalEntries[0]!.seq)]);
    // journaldato is the day the case was registered.
    expect(values(first, "journaldato")).toEqual([osloDate(before.createdAt)]);
  });
});

describe("honest periods", () => {
  it("refuses a period that has not ended, and marks an interim extract as such", async () => {
    const today = osloDate(new Date());
    const year = today.slice(0, 4);
    await expect(
      exportNoarkPeriod(t.db, { from: `${year}-01-01`, to: `${year}-12-31` }, a.admin!),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "noarkPeriodNotEnded" });

    const interim = await exportNoarkPeriod(
      t.db,
      { from: `${year}-01-01`, to: `${year}-12-31`, interim: true },
      a.admin!,
    );
    expect(interim.kind).toBe("interim");
    const d = await write(interim);
    validate(d);
    const xml = read(d, "arkivstruktur.xml");
    expect(values(xml, "arkivdelstatus")).toEqual(["Aktiv periode"]);
    expect(xml).toContain("(foreløpig uttrekk)");
    expect(values(xml, "arkivperiodeSluttDato")).toEqual([today]);
  });

  it("reproduces Arkade's N5.60: with a sharp boundary the journals span exactly the registrations", async () => {
    const year = osloDate(new Date()).slice(0, 4);
    const d = await write(
      await exportNoarkPeriod(t.db, { from: `${year}-01-01`, to: `${year}-12-31`, interim: true }, a.admin!),
    );
    const addml = read(d, "arkivuttrekk.xml");
    expect(addml).toMatch(/name="inngaaendeSkille">\s*<value>skarpt<\/value>/);
    const days = values(read(d, "arkivstruktur.xml"), "journaldato").sort();
    expect(days.length).toBeGreaterThan(1);
    for (const journal of ["loependeJournal.xml", "offentligJournal.xml"]) {
      const xml = read(d, journal);
      expect(values(xml, "journalStartDato"), journal).toEqual([days[0]]);
      expect(values(xml, "journalSluttDato"), journal).toEqual([days.at(-1)]);
    }
  });
});

describe("screening", () => {
  it("keeps a screened title out of the public journal, with its legal basis", async () => {
    const h = await registerHearing("Høring om varsling i sak mot Ola Nordmann");
    await close(h);
    await expect(
      setHearingScreening(t.db, { id: h.id, basis: "Offl. § 13", publicTitle: "" }, a.ingrid!),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await setHearingScreening(
      t.db,
      { id: h.id, basis: "Offl. § 13 jf. fvl. § 13", publicTitle: "Høring om varsling i sak mot ******" },
      a.ingrid!,
    );
    const d = await write(await exportNoark(t.db, { id: h.id }, a.ingrid!));
    validate(d);
    const pub = read(d, "offentligJournal.xml");
    expect(pub).not.toContain("Ola Nordmann");
    expect(pub).toContain("Høring om varsling i sak mot ******");
    expect(pub).toContain("<skjermingshjemmel>Offl. § 13 jf. fvl. § 13</skjermingshjemmel>");
    expect(read(d, "loependeJournal.xml")).toContain("Ola Nordmann");
    const xml = read(d, "arkivstruktur.xml");
    expect(values(xml, "tilgangsrestriksjon")[0]).toBe("Unntatt offentlighet");
    expect(values(xml, "offentligTittel")).toContain("Høring om varsling i sak mot ******");
    expect(read(d, "arkivuttrekk.xml")).toMatch(
      /name="inneholderSkjermetInformasjon">\s*<value>true<\/value>/,
    );
  });
});

describe("a large case", () => {
  it("exports ten 20 MB documents as a streamed zip, one document in memory at a time", async () => {
    const h = await registerHearing("Høring med store vedlegg");
    const pdfa = readFileSync(path.join(dir, pkg.files.find((f) => f.path.startsWith("DOKUMENT/"))!.path));
    const size = 20 * 1024 * 1024;
    // Ten 20 MB PDF/A documents, made in the database (the upload path is not what is measured here): a PDF/A
    // padded after its end, each different, marked as its own archive copy.
    for (let i = 0; i < 10; i++)
      await t.db.$executeRaw`
        INSERT INTO "HearingDocument" (id, "hearingId", filename, "mimeType", size, sha256, content, "uploadedById")
        SELECT gen_random_uuid(), ${h.id}::uuid, ${`vedlegg-${i}.pdf`}, 'application/pdf', length(c),
               encode(sha256(c), 'hex'), c, ${a.ingrid!.id}::uuid
          FROM (SELECT ${pdfa} || convert_to(${`\n%${i}`}, 'UTF8')
                       || decode(repeat('20', ${size - pdfa.length - 3}), 'hex') AS c) x`;
    await archivePendingDocuments(t.db);
    await close(h);
    const big = await exportNoark(t.db, { id: h.id }, a.ingrid!);
    // Documents are read one at a time: when a document's read starts, every document before it is already in the
    // zip (PDFs are stored uncompressed, so the zip's bytes so far are at least theirs).
    let written = 0;
    const lag: number[] = [];
    const before = (f: NoarkPackage["files"][number]) =>
      big.files.slice(0, big.files.indexOf(f)).filter((g) => g.path.startsWith("DOKUMENT/"));
    for (const f of big.files) {
      const load = f.load;
      f.load = async () => {
        lag.push(before(f).reduce((n, g) => n + g.size, 0) - written);
        return load();
      };
    }
    const zip = path.join(tmp, "large.zip");
    const out = createWriteStream(zip);
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        written += chunk.length;
        done(null, chunk);
      },
    });
    let peak = 0;
    const start = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - start)), 20);
    await pipeline(noarkZipStream(big, PACKAGE_FOLDER), count, out);
    clearInterval(timer);
    expect(lag.length).toBe(big.files.length);
    expect(Math.max(...lag)).toBeLessThanOrEqual(0);
    expect(statSync(zip).size).toBeGreaterThan(10 * size);
    const list = execFileSync("unzip", ["-Z1", zip], { encoding: "utf8" }).trim().split("\n");
    expect(list.filter((l) => l.includes("/DOKUMENT/"))).toHaveLength(10);
    execFileSync("unzip", ["-tq", zip]);
    console.log(
      `large export: zip ${statSync(zip).size} bytes, peak RSS growth ${Math.round(peak / 1e6)} MB`,
    );
    // A liveness bound: the package is 200 MB, and the old export read it all at once through a JSON aggregation.
    expect(peak).toBeLessThan(1024 * 1024 * 1024);
  }, 600_000);
});
