/**
 * Uploads to a case: a closed case (sent, archived, declined) takes no new documents and loses none, and the documents
 * of one case stay under the stated cap (MAX_CASE_DOCUMENTS_MB), also when two uploads arrive at once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { AppError } from "../common/errors";
import { domainMessages } from "../i18n/messages";
import { addHearingDocument, MAX_CASE_DOCUMENTS_BYTES, removeHearingDocument } from "./attachments";
import { MAX_CASE_DOCUMENTS_MB } from "./constants";
import { createHearing } from "./register";
import { transitionHearing } from "./decisions";

let t: TestDatabase;
let a: Record<string, Actor>;
let bodyId: string;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase());
  bodyId = (await t.db.issuingBody.findFirstOrThrow({ where: { name: "Helsedirektoratet" } })).id;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (err: unknown) => {
      if (err instanceof AppError) return `${err.code}:${err.message}`;
      throw err;
    },
  );
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n${text}\n`);
const upload = (hearingId: string, bytes: Uint8Array, filename = "vedlegg.pdf") =>
  addHearingDocument(t.db, { hearingId, filename, bytes }, a.ingrid!);

const newHearing = () =>
  createHearing(
    t.db,
    {
      title: `Høring ${Math.random().toString(36).slice(2, 8)}`,
      issuingBodyId: bodyId,
      kind: "HORING",
      deadline: "2027-09-01",
      responsibleId: a.ingrid!.id,
    },
    a.ingrid!,
  );

describe("a closed case", () => {
  it("refuses new uploads and removals with a clear Norwegian message, and takes them again when reopened", async () => {
    const h = await newHearing();
    const kept = await upload(h.id, pdf("før"));
    const declined = await transitionHearing(
      t.db,
      { id: h.id, version: h.version, to: "SVARER_IKKE", reason: "Ikke relevant for oss" },
      a.ingrid!,
    );
    expect(await codeOf(upload(h.id, pdf("etter")))).toBe("BAD_REQUEST:caseClosedForDocuments");
    expect(await codeOf(removeHearingDocument(t.db, { id: kept.id }, a.ingrid!))).toBe(
      "BAD_REQUEST:caseClosedForDocuments",
    );
    expect(domainMessages.nb.caseClosedForDocuments).toMatch(/^Saken er avsluttet/);
    expect(await t.db.hearingDocument.count({ where: { hearingId: h.id } })).toBe(1);

    // Taken up again, it is open again.
    await transitionHearing(
      t.db,
      { id: h.id, version: declined.version, to: "VURDERES", reason: "Likevel relevant" },
      a.ingrid!,
    );
    expect(await codeOf(upload(h.id, pdf("gjenåpnet")))).toBe("OK");
  });

  it("is closed when sent or archived", async () => {
    for (const status of ["SENDT", "ARKIVERT"] as const) {
      const h = await newHearing();
      await t.db.hearing.update({ where: { id: h.id }, data: { status } });
      expect(await codeOf(upload(h.id, pdf(status)))).toBe("BAD_REQUEST:caseClosedForDocuments");
    }
  });
});

describe("the size cap of a case", () => {
  /**
   * Documents already in the case, `bytes` in all. The cap adds up the documents' recorded sizes (what an upload
   * records from its bytes), so the fixture records that size over a short content instead of writing 200 MB.
   */
  async function filled(hearingId: string, bytes: number) {
    await t.db.hearingDocument.create({
      data: {
        hearingId,
        filename: "tidligere vedlegg.pdf",
        mimeType: "application/pdf",
        size: bytes,
        sha256: "0".repeat(64),
        content: Buffer.from("%PDF-1.7\n"),
        uploadedById: a.ingrid!.id,
      },
    });
  }

  it(`is ${MAX_CASE_DOCUMENTS_MB} MB together: an upload past it is refused, one that fits is stored`, async () => {
    expect(MAX_CASE_DOCUMENTS_BYTES).toBe(200 * 1024 * 1024);
    const h = await newHearing();
    // Nine and a half files of 20 MB: a real 20 MB upload on top is refused.
    await filled(h.id, MAX_CASE_DOCUMENTS_BYTES - 10 * 1024 * 1024);
    const big = new Uint8Array(20 * 1024 * 1024);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    expect(await codeOf(upload(h.id, big))).toBe("BAD_REQUEST:caseDocumentsTooLarge");
    expect(domainMessages.nb.caseDocumentsTooLarge).toContain("200 MB");
    // What fits is stored, up to the last byte.
    const fits = new Uint8Array(10 * 1024 * 1024);
    fits.set(new TextEncoder().encode("%PDF-1.7\n"));
    expect(await codeOf(upload(h.id, fits))).toBe("OK");
    expect(await codeOf(upload(h.id, pdf("én byte for mye")))).toBe("BAD_REQUEST:caseDocumentsTooLarge");
    const { _sum } = await t.db.hearingDocument.aggregate({
      where: { hearingId: h.id },
      _sum: { size: true },
    });
    expect(_sum.size).toBe(MAX_CASE_DOCUMENTS_BYTES);
  }, 60_000);

  it("holds when two uploads arrive at once: only one of two that together pass the cap is stored", async () => {
    const h = await newHearing();
    const room = 1000;
    await filled(h.id, MAX_CASE_DOCUMENTS_BYTES - room);
    const half = (n: number) => {
      const bytes = new Uint8Array(600);
      bytes.set(new TextEncoder().encode(`%PDF-1.7\n${n}`));
      return bytes;
    };
    const results = await Promise.all([codeOf(upload(h.id, half(1))), codeOf(upload(h.id, half(2)))]);
    expect(results.sort()).toEqual(["BAD_REQUEST:caseDocumentsTooLarge", "OK"]);
    expect(await t.db.hearingDocument.count({ where: { hearingId: h.id } })).toBe(2);
  });
});
