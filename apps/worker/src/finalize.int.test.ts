import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import {
  approveSubmission,
  getSubmission,
  reauthenticate,
  requestApproval,
  sendForReview,
  signSubmission,
  verifyDocument,
  type Actor,
  inlineJobs,
} from "@innspill/domain";
import { createDemoDatabase } from "@innspill/demo/testing";
import { processFinalizeSubmission } from "./processors/submission-finalize";

let t: TestDatabase;
let a: Record<string, Actor>;
let pdf: Buffer;
let letterPdf: Buffer;
let auditPdf: Buffer;

const textOf = (file: Buffer) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: file })
    .toString("utf8")
    .replace(/\s+/g, " ");
const pagesOf = (file: Buffer) =>
  Number(
    /Pages:\s+(\d+)/.exec(
      execFileSync("pdfinfo", ["-"], { input: file, stdio: ["pipe", "pipe", "ignore"] }).toString(),
    )?.[1],
  );
/** A message or event key left untranslated: "submission.saved", "hearing.exported" … */
const RAW_KEY =
  /\b(?:submission|hearing|letter|user|position|block|signatory|fact|library)\.[a-z][A-Za-z]+\b/;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  const id = (await t.db.submission.findFirstOrThrow()).id;
  const version = async () => (await getSubmission(t.db, { id }, a.ingrid!)).version;
  await sendForReview(t.db, { id, version: await version() }, a.ingrid!);
  const { snapshotSha256 } = await requestApproval(
    t.db,
    { id, version: await version() },
    a.ingrid!,
    inlineJobs,
  );
  for (const leader of [a.kaja!, a.heidi!]) {
    await approveSubmission(t.db, { id, snapshotSha256 }, leader);
    await reauthenticate(t.db, { password: "innspill-demo" }, leader);
  }
  for (const leader of [a.kaja!, a.heidi!])
    await signSubmission(
      t.db,
      { id, snapshotSha256 },
      leader,
      { ip: "192.0.2.1", userAgent: "vitest" },
      inlineJobs,
    );

  // Saved twice in a row by the same person: one «Redigert» line in the trail.
  const ctx = { db: t.db, publicUrl: "https://innspill.nito.no" };
  const first = await processFinalizeSubmission(ctx, { submissionId: id, snapshotSha256 });
  expect(first.reused).toBe(false);
  // A repeated job does not make another document.
  expect(await processFinalizeSubmission(ctx, { submissionId: id, snapshotSha256 })).toMatchObject({
    reused: true,
  });
  const doc = await t.db.signedDocument.findUniqueOrThrow({ where: { submissionId: id } });
  const file = async (sha256: string) =>
    Buffer.from((await t.db.storedFile.findUniqueOrThrow({ where: { sha256 } })).content);
  pdf = await file(doc.pdfSha256);
  letterPdf = await file(doc.letterPdfSha256);
  auditPdf = await file(doc.auditPdfSha256!);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("the signed document", () => {
  it("names both signatories with their titles, the approval lines, and a verification page", () => {
    const text = textOf(pdf);
    for (const s of [
      "Kaja Marienborg",
      "Fagstyreleder, NITO BFI",
      "Heidi Andersen",
      "Instituttleder, NITO BFI",
    ])
      expect(text).toContain(s);
    expect(text.match(/Elektronisk godkjent \d{1,2}\. \p{L}+ \d{4}/gu)).toHaveLength(2);
    expect(text).toContain("Verifisering");
    expect(text).toContain("Innhold (SHA-256)");
    expect(text).toMatch(/Signert av Kaja Marienborg, .* Signert av Heidi Andersen, /);
    expect(text).toMatch(/Kontroller det på https:\/\/innspill\.nito\.no\/\s?verifiser/);
  });

  it("is the letter's pages and one verification page, with nothing internal and no untranslated key", () => {
    expect(pagesOf(pdf)).toBe(pagesOf(letterPdf) + 1);
    const text = textOf(pdf);
    expect(text).not.toMatch(RAW_KEY);
    // The internal log is not in the recipient's copy.
    expect(text).not.toContain("Sendt til godkjenning");
    expect(text).not.toContain("Redigert");
  });

  it("has the full audit trail as a separate PDF/A for the archive, every event in words", () => {
    const text = textOf(auditPdf);
    expect(text).toContain("Logg for godkjenning og signering");
    expect(text).toMatch(/Sendt til godkjenning – Ingrid/);
    expect(text).toMatch(/Godkjent – Heidi Andersen/);
    expect(text).toMatch(/Signert – Kaja Marienborg/);
    expect(text).not.toMatch(RAW_KEY);
    expect(auditPdf.toString("latin1")).toMatch(/pdfaid:part(>|=")2/);
  });

  it("keeps the PDF/A marker", () => {
    expect(pdf.toString("latin1")).toMatch(/pdfaid:part(>|=")2/);
  });

  it("is recognised by verification, and a modified copy is not", async () => {
    const genuine = await verifyDocument(t.db, pdf);
    expect(genuine).toMatchObject({
      status: "signed",
      valid: true,
      title: "Høringssvar – Helsepersonellplan 2040",
      signatures: [{ name: "Kaja Marienborg" }, { name: "Heidi Andersen" }],
    });
    // One byte changed anywhere is a different document.
    const modified = Buffer.from(pdf);
    const at = Math.floor(modified.length / 2);
    modified[at] = modified[at]! ^ 0x01;
    expect(await verifyDocument(t.db, modified)).toMatchObject({ status: "unknown", valid: false });
    // The approved letter before its signatures was rendered by Innspill, but it is not the signed document.
    const doc = await t.db.signedDocument.findFirstOrThrow();
    const letter = await t.db.storedFile.findUniqueOrThrow({ where: { sha256: doc.letterPdfSha256 } });
    const draft = await verifyDocument(t.db, letter.content);
    expect(draft).toEqual({ status: "draft", valid: false, sha256: doc.letterPdfSha256 });
  });

  it("cannot be changed or deleted", async () => {
    await expect(t.db.$executeRawUnsafe(`UPDATE "SignedDocument" SET "pdfSha256" = 'x'`)).rejects.toThrow(
      /immutable/,
    );
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "StoredFile"`)).rejects.toThrow(/immutable/);
  });
});
