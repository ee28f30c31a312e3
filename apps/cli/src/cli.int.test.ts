/**
 * The `innspill` command run as a real process against a real (embedded) database: exit codes, the --json shape, and
 * that dry runs write nothing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { recordOutcome, type Actor } from "@innspill/domain";
import { createDemoDatabase, sendDemoLetter } from "@innspill/demo/testing";

const here = path.dirname(fileURLToPath(import.meta.url));
const BIN = path.resolve(here, "../bin/innspill.mjs");
const FIXTURES = path.resolve(here, "../../../fixtures/documents");
const fixture = (name: string) => path.join(FIXTURES, name);

let t: TestDatabase;
let a: Record<string, Actor>;
const tmp = mkdtempSync(path.join(tmpdir(), "innspill-cli-"));
// Ours: as root, the `postgres` user that runs the embedded server must pass through it (mkdtemp makes it 0700).
chmodSync(tmp, 0o711);

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
}, 60_000);
afterAll(async () => {
  await t?.close();
});

interface Run {
  code: number;
  json: {
    ok: boolean;
    command: string;
    result?: Record<string, unknown>;
    error?: { code: string; message: string };
  };
  stdout: string;
}

function innspill(...args: string[]): Run {
  return run({ DATABASE_URL: t.url }, args);
}

function run(env: Record<string, string>, args: string[]): Run {
  const res = spawnSync(process.execPath, [BIN, ...args], {
    // Only what the command needs: the database, and a PATH for child tools.
    env: { ...env, PATH: "/usr/bin:/bin" },
    encoding: "utf8",
    timeout: 60_000,
  });
  const line = res.stdout.trim().split("\n").at(-1) ?? "";
  return { code: res.status ?? -1, json: line.startsWith("{") ? JSON.parse(line) : null, stdout: res.stdout };
}

const counts = async () => ({
  hearings: await t.db.hearing.count(),
  letters: await t.db.importedLetter.count(),
  positions: await t.db.position.count(),
  blocks: await t.db.textBlock.count(),
  usages: await t.db.positionUsage.count(),
});

describe("innspill", () => {
  it("starts the embedded database of a data directory and bootstraps an empty installation", () => {
    const dataDir = path.join(tmp, "data");
    const first = run({}, [
      "users",
      "add",
      "--data-dir",
      dataDir,
      "--organisation",
      "Testforbundet",
      "--name",
      "Første Admin",
      "--email",
      "admin@test.no",
      "--role",
      "ADMIN",
      "--password",
      "et-langt-passord",
      "--json",
    ]);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({
      ok: true,
      result: { email: "admin@test.no", organisation: { name: "Testforbundet" } },
    });
    // The cluster has a generated password of its own, readable by its owner only; the old fixed one does not work.
    const passwordFile = path.join(dataDir, "postgres-password");
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(passwordFile, "utf8").trim()).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Now there is an administrator: the next user is added by them, in the same directory.
    const second = run({}, [
      "users",
      "add",
      "--data-dir",
      dataDir,
      "--name",
      "Rådgiver",
      "--email",
      "r@test.no",
      "--role",
      "ADVISER",
      "--password",
      "et-langt-passord",
      "--json",
    ]);
    expect(second.json).toMatchObject({ ok: true, result: { email: "r@test.no", role: "ADVISER" } });
  }, 120_000);

  it("answers bad usage with exit code 2 and a JSON error", () => {
    const r = innspill("frobnicate", "--json");
    expect(r.code).toBe(2);
    expect(r.json).toMatchObject({ ok: false, command: "frobnicate", error: { code: "USAGE" } });
    expect(innspill("render", "--json").code).toBe(2);
  });

  it("answers an unknown option in Norwegian with the command's usage, and refuses another command's option", () => {
    const r = innspill("backup", "--out", path.join(tmp, "x.gz"), "--frobnicate", "--json");
    expect(r.code).toBe(2);
    expect(r.json.error).toMatchObject({ code: "USAGE", message: "Ukjent valg: --frobnicate." });
    expect((r.json.error as { usage?: string }).usage).toMatch(/^Bruk: innspill backup --out FIL\.gz/);
    const text = spawnSync(process.execPath, [BIN, "backup", "--frobnicate"], {
      env: { DATABASE_URL: t.url, PATH: "/usr/bin:/bin" },
      encoding: "utf8",
    });
    expect(text.status).toBe(2);
    expect(text.stderr).toMatch(/^Ukjent valg: --frobnicate\.\n\nBruk: innspill backup --out FIL\.gz/);
    expect(text.stderr).not.toMatch(/Unknown option|positional/);
    // A missing value, and an option that is real but not this command's (a restore has no dry run).
    expect(innspill("backup", "--out", "--json").json.error!.message).toMatch(
      /^Valget --out mangler en verdi/,
    );
    const dry = innspill("restore", path.join(tmp, "x.gz"), "--dry-run", "--json");
    expect(dry.code).toBe(2);
    expect(dry.json.error!.message).toBe("--dry-run gjelder ikke for «restore».");
    expect((dry.json.error as { usage?: string }).usage).toMatch(/^Bruk: innspill restore FIL\.gz --yes/);
  }, 120_000);

  it("imports both fixture letters as a dry run, with their parts, and writes nothing", async () => {
    const before = await counts();
    const r = innspill(
      "import",
      "letter",
      fixture("submission-2025-helsereformutvalget.txt"),
      fixture("submission-2020-statsbudsjett-2021.txt"),
      "--dry-run",
      "--json",
    );
    expect(r.code).toBe(0);
    const files = r.json.result!.files as { ok: boolean; parts: Record<string, unknown>; links: unknown[] }[];
    // How long each letter took, for an administrator importing an archive.
    expect(files.map((f) => typeof (f as { ms?: unknown }).ms)).toEqual(["number", "number"]);
    expect(files.map((f) => f.parts)).toEqual([
      {
        title: "Innspill til Helsereformutvalget",
        place: "Oslo",
        date: "2025-11-20",
        sections: [
          null,
          "Nok personell med riktig kompetanse",
          "Bioingeniører",
          "Ortopediingeniører",
          "Medisinsk teknisk og annet teknologisk personell",
          "Organisering av oppgavedeling og ansvarsfordeling",
          "Helseteknologi og digital samhandling",
          "Arealbehovet for høyteknologisk utstyr og organisering",
          "Overforbruk og riktig kompetanse på riktig sted",
        ],
        footnotes: 4,
        statements: 0,
        newStatements: 0,
        signatories: [
          {
            name: "Kaja Marienborg",
            title: "Fagstyreleder, NITO BFI",
            note: "Medlem av referansegruppe for Helsereformutvalget",
          },
          { name: "Heidi Andersen", title: "Instituttleder, NITO BFI", note: null },
        ],
      },
      {
        title: "NITOs innspill til statsbudsjett 2021",
        place: null,
        date: null,
        sections: [
          null,
          "Rekruttering av ingeniører, bioingeniører og teknologer til sykehusene",
          "Bioingeniørene en viktig ressurs i det nasjonale program for screening av tarmkreft",
        ],
        footnotes: 3,
        statements: 5,
        newStatements: 5,
        signatories: [
          { name: "Trond Markussen", title: null, note: null },
          { name: "Steinar Sørlie", title: null, note: null },
        ],
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("imports the platform (dry run first), then a batch of letters past a bad file", async () => {
    const before = await counts();
    const dry = innspill("import", "platform", fixture("policy-platform-helse.txt"), "--dry-run", "--json");
    expect(dry.code).toBe(0);
    expect((dry.json.result!.blocks as unknown[]).length).toBe(8);
    expect(await counts()).toEqual(before);
    const real = innspill("import", "platform", fixture("policy-platform-helse.txt"), "--json");
    expect(real.json).toMatchObject({ ok: true, result: { dryRun: false, blocks: 8, positions: 34 } });
    expect((await counts()).positions).toBe(before.positions + 34);

    const bad = path.join(tmp, "broken.docx");
    writeFileSync(bad, "this is not a docx");
    const batch = innspill(
      "import",
      "letter",
      bad,
      path.resolve(__dirname, "../../../fixtures/reuse/letters/2024-helsepersonellkommisjonen.txt"),
      "--issuing-body",
      "Finansdepartementet",
      "--json",
    );
    expect(batch.code).toBe(1);
    expect(batch.json).toMatchObject({
      ok: false,
      error: { code: "SOME_FAILED" },
      result: { imported: 1, failed: 1 },
    });
    const files = batch.json.result!.files as { ok: boolean; error?: { message: string } }[];
    expect(files[0]).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining("importUnreadable") },
    });
    expect(files[1]).toMatchObject({ ok: true });
    const after = await counts();
    expect(after.letters).toBe(before.letters + 1);
    expect(after.usages).toBeGreaterThan(before.usages);
  });

  it("renders a letter; verification calls it a draft, and a byte flipped unknown", async () => {
    const id = (await t.db.submission.findFirstOrThrow()).id;
    const out = path.join(tmp, "render");
    const r = innspill("render", id, "--out", out, "--json");
    expect(r.code).toBe(0);
    const pdf = r.json.result!.pdf as { path: string; sha256: string };
    const docx = r.json.result!.docx as { path: string; sha256: string };
    const bytes = readFileSync(pdf.path);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(pdf.sha256);
    expect(createHash("sha256").update(readFileSync(docx.path)).digest("hex")).toBe(docx.sha256);

    // A rendered letter that was never signed is a draft: said so, and nothing of it is named.
    const draft = innspill("verify", pdf.path, "--json");
    expect(draft.code).toBe(1);
    expect(draft.json).toMatchObject({
      ok: false,
      error: { code: "DRAFT" },
      result: { status: "draft", valid: false },
    });
    expect(draft.json.result).not.toHaveProperty("title");
    expect(draft.json.result).not.toHaveProperty("hearing");
    const flipped = Buffer.from(bytes);
    const at = flipped.length >> 1;
    flipped[at] = flipped[at]! ^ 1;
    const badPath = path.join(tmp, "flipped.pdf");
    writeFileSync(badPath, flipped);
    const no = innspill("verify", badPath, "--json");
    expect(no.code).toBe(1);
    expect(no.json).toMatchObject({
      ok: false,
      error: { code: "NOT_GENUINE" },
      result: { status: "unknown" },
    });
  });

  it("exports a sent hearing case as Noark 5 that validates against its XSD, with matching checksums", async () => {
    const s = await t.db.submission.findFirstOrThrow({ include: { hearing: true } });
    await sendDemoLetter(t.db, a, "2026-11-24");

    const r = innspill("export", "noark", s.hearingId, "--out", path.join(tmp, "noark"), "--json");
    // The package lies in the folder the standard names (Noark 5, krav 6.4.15).
    const out = path.join(tmp, "noark", "avleveringspakke");
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({
      ok: true,
      command: "export noark",
      result: { cases: 1, registrations: 2, kind: "case", out },
    });
    // A real schema validator (xmllint, libxml2) against the official schemas the package carries unchanged.
    for (const [xml, xsd] of [
      ["arkivstruktur.xml", "arkivstruktur.xsd"],
      ["loependeJournal.xml", "loependeJournal.xsd"],
      ["offentligJournal.xml", "offentligJournal.xsd"],
      ["endringslogg.xml", "endringslogg.xsd"],
      ["arkivuttrekk.xml", "addml.xsd"],
    ])
      execFileSync("xmllint", ["--noout", "--schema", path.join(out, xsd!), path.join(out, xml!)], {
        stdio: "pipe",
      });

    const xml = readFileSync(path.join(out, "arkivstruktur.xml"), "utf8");
    const objects = [
      ...xml.matchAll(
        /<referanseDokumentfil>([^<]+)<\/referanseDokumentfil>\s*<sjekksum>([0-9a-f]+)<\/sjekksum>\s*<sjekksumAlgoritme>SHA256<\/sjekksumAlgoritme>\s*<filstoerrelse>(\d+)<\/filstoerrelse>/g,
      ),
    ];
    // The signed PDF/A and its log of approval and signing; the DOCX is a production format and stays out.
    expect(objects.length).toBe(2);
    for (const [, file, sum, size] of objects) {
      const bytes = readFileSync(path.join(out, file!));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(sum);
      expect(bytes.length).toBe(Number(size));
    }
    expect(xml).toContain(`<forfallsdato>${s.hearing.deadline.toISOString().slice(0, 10)}</forfallsdato>`);
    expect(xml).toContain("<journalposttype>Inngående dokument</journalposttype>");
    expect(xml).toContain("<journalposttype>Utgående dokument</journalposttype>");
    expect(xml).toContain("<avskrivningsmaate>Besvart med e-post</avskrivningsmaate>"); // sent by e-mail
    expect(xml).toContain("<format>PDF</format>");
    expect(xml).toContain("<formatDetaljer>fmt/477</formatDetaljer>");
    expect(xml).not.toContain("<variantformat>Produksjonsformat</variantformat>");
    expect(xml).toContain("<sendtDato>2026-11-24T00:00:00+01:00</sendtDato>"); // the day it was sent, in Oslo

    // The period the records office deposits: this year has not ended, so it is refused, or made as an interim
    // extract that says so.
    const thisYear = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Oslo" }).slice(0, 4);
    const notEnded = innspill("export", "noark", "--year", thisYear, "--out", path.join(tmp, "ny"), "--json");
    expect(notEnded.code).not.toBe(0);
    expect(JSON.stringify(notEnded.json)).toContain("noarkPeriodNotEnded");
    const year = innspill(
      "export",
      "noark",
      "--year",
      thisYear,
      "--interim",
      "--out",
      path.join(tmp, "noark-year"),
      "--json",
    );
    expect(year.code).toBe(0);
    expect(year.json.result).toMatchObject({ kind: "interim" });
    expect((year.json.result as { cases: number }).cases).toBeGreaterThanOrEqual(2);
    expect(innspill("export", "noark", s.hearingId, "--year", thisYear, "--out", out, "--json").code).toBe(2);
  });

  it("manages users without the web UI", async () => {
    const add = innspill(
      "users",
      "add",
      "--name",
      "Ny Rådgiver",
      "--email",
      "ny@nito.test",
      "--role",
      "ADVISER",
      "--password",
      "et-langt-passord",
      "--json",
    );
    expect(add.code).toBe(0);
    expect(add.json).toMatchObject({ ok: true, result: { email: "ny@nito.test", role: "ADVISER" } });
    const bad = innspill(
      "users",
      "add",
      "--name",
      "X",
      "--email",
      "x@nito.test",
      "--role",
      "KONGE",
      "--password",
      "kort",
      "--json",
    );
    expect(bad.code).toBe(1);
    expect(bad.json).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    expect(
      innspill(
        "users",
        "reset-password",
        "--email",
        "ny@nito.test",
        "--password",
        "enda-lengre-passord",
        "--json",
      ).code,
    ).toBe(0);
    expect(innspill("users", "deactivate", "--email", "ny@nito.test", "--json").json).toMatchObject({
      ok: true,
      result: { active: false },
    });
    expect((await t.db.user.findFirstOrThrow({ where: { email: "ny@nito.test" } })).active).toBe(false);
  });

  it("exports the outcomes of a period as CSV and JSON, and writes «Politiske gjennomslag» as PDF/A and DOCX", async () => {
    const s = await t.db.submission.findFirstOrThrow({ where: { status: "SENT" } });
    const used = await t.db.positionUsage.findFirstOrThrow({
      where: { submissionId: s.id },
      include: { position: true },
    });
    await recordOutcome(
      t.db,
      {
        submissionId: s.id,
        positionId: used.positionId,
        result: "ADOPTED",
        sourceTitle: "Prop. 1 S (2026–2027)",
        sourceUrl: "https://www.regjeringen.no/prop-1-s",
        sourceDate: "2026-10-07",
      },
      a.ingrid!,
    );
    const csvFile = path.join(tmp, "utfall.csv");
    const csv = innspill(
      "outcomes",
      "export",
      "--from",
      "2026-01-01",
      "--to",
      "2026-12-31",
      "--format",
      "csv",
      "--out",
      csvFile,
      "--json",
    );
    expect(csv.code).toBe(0);
    expect(csv.json).toMatchObject({ ok: true, command: "outcomes export", result: { count: 1 } });
    const lines = readFileSync(csvFile, "utf8").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"ADOPTED"');
    expect(lines[1]).toContain('"Prop. 1 S (2026–2027)"');
    const json = innspill(
      "outcomes",
      "export",
      "--from",
      "2026-01-01",
      "--to",
      "2026-12-31",
      "--format",
      "json",
      "--json",
    );
    expect(
      (json.json.result as { outcomes: { statement: string }[] }).outcomes.map((o) => o.statement),
    ).toEqual([used.position.statement]);
    // Another period has none; a format not offered is bad usage.
    const none = innspill(
      "outcomes",
      "export",
      "--from",
      "2025-01-01",
      "--to",
      "2025-12-31",
      "--format",
      "json",
      "--json",
    );
    expect(none.json.result).toMatchObject({ count: 0 });
    expect(innspill("outcomes", "export", "--format", "xml", "--json").code).toBe(2);

    const dir = path.join(tmp, "gjennomslag");
    const report = innspill("outcomes", "report", "--year", "2026", "--out", dir, "--json");
    expect(report.code).toBe(0);
    expect(report.json.result).toMatchObject({ year: 2026, positions: 1 });
    expect(readFileSync(path.join(dir, "politiske-gjennomslag-2026.pdf")).toString("latin1")).toMatch(
      /pdfaid:part(>|=")2/,
    );
    expect(statSync(path.join(dir, "politiske-gjennomslag-2026.docx")).size).toBeGreaterThan(1000);
  }, 120_000);
});
