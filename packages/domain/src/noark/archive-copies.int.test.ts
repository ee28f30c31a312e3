/**
 * Hostile files on the archive copy's path: the worker converts an uploaded PDF or Word file into PDF/A in a bounded
 * child process, so a decompression bomb is refused with the reason and costs the worker (here: this test's process)
 * nothing, and the next, honest file is converted as before, to the very bytes the converter makes in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfToPdfA } from "@innspill/documents";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import { seedDemoData } from "@innspill/demo";
import { bombPdf, imageBombDocx, plainDocx, plainPdf } from "../imports/hostile-files";
import { EXTRACT_LIMITS, PARSE_SLOTS } from "../imports/extract";
import {
  ARCHIVE_LIMITS,
  archivePendingDocuments,
  docxToPdfABounded,
  pdfToPdfABounded,
} from "./archive-copies";
import { docxToPdfA } from "./docx-archive";
import { pdfaLevel } from "./formats";

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { now: new Date("2026-11-23T12:00:00Z") });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** How far this process's resident memory rose above where it was while `fn` ran. */
async function peakGrowth(fn: () => Promise<void>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    await fn();
  } finally {
    clearInterval(watch);
  }
  return peak - before;
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const upload = async (filename: string, bytes: Buffer, createdAt: Date, mimeType = "application/pdf") => {
  const h = await t.db.hearing.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
  return t.db.hearingDocument.create({
    data: {
      hearingId: h.id,
      filename,
      mimeType,
      size: bytes.length,
      sha256: "x",
      content: new Uint8Array(bytes),
      createdAt,
    },
  });
};

// Generous: each conversion is a child process, and the machine may be busy.
describe("archive copies of hostile PDFs and Word files", { timeout: 120_000 }, () => {
  it("refuses a PDF that unpacks to gigabytes, with the reason, and converts the honest one after it", async () => {
    // The gigabytes are the child's: this process (the worker) holds the file, nothing unpacked. Measured around
    // the conversion alone: reading a 12 MB row through Prisma costs this process its own copies of it.
    const bombBytes = bombPdf(4096);
    const growth = await peakGrowth(async () => {
      const err = await pdfToPdfABounded(bombBytes, {
        title: "bombe.pdf",
        timestamp: 0,
        maxPages: 300,
      }).catch((e: Error) => e);
      expect(String(err)).toContain("for stor (over minnegrensen)");
    });
    expect(growth).toBeLessThan(200 * 1024 * 1024);

    // Ten minutes apart, oldest first: the worker takes the bomb before the honest file. Both before any demo upload.
    const bomb = await upload("bombe.pdf", bombBytes, new Date("2000-01-01T00:00:00Z"));
    const good = await upload(
      "brev.pdf",
      plainPdf(["Oslo, 1. desember 2026", "Høringssvar"]),
      new Date("2000-01-01T00:10:00Z"),
    );
    // The reason as the hearing page says it comes back too, for the worker's log line.
    expect(await archivePendingDocuments(t.db, { limit: 2 })).toMatchObject([
      { id: bomb.id, status: "FAILED", reason: "PDF-en kunne ikke leses: for stor (over minnegrensen)." },
      { id: good.id, status: "CONVERTED" },
    ]);

    const failed = await t.db.hearingDocument.findUniqueOrThrow({ where: { id: bomb.id } });
    expect(failed.archiveStatus).toBe("FAILED");
    expect(failed.archiveError).toBe("PDF-en kunne ikke leses: for stor (over minnegrensen).");
    expect(failed.archiveAttempts).toBe(1);

    const copy = await t.db.hearingDocument.findUniqueOrThrow({ where: { id: good.id } });
    expect(copy.archiveStatus).toBe("CONVERTED");
    const bytes = Buffer.from(copy.archiveContent!);
    expect(pdfaLevel(bytes)).toBe("2B");
    // The same bytes as the converter makes in this process: the child changes where, not what.
    const inProcess = pdfToPdfA(Buffer.from(good.content), {
      title: "brev.pdf",
      timestamp: Math.floor(good.createdAt.getTime() / 1000),
      maxPages: EXTRACT_LIMITS.pdfPages,
    }).pdf;
    expect(bytes.equals(inProcess)).toBe(true);
  });

  it("refuses a Word letter whose picture unpacks to gigabytes, and converts the honest one after it", async () => {
    // The DOCX check never reads pictures: the letter passes it, and mammoth unpacks the picture, in the child.
    // The gigabytes are the child's, measured around the conversion alone as for the PDF above.
    const bombBytes = imageBombDocx(2048);
    const growth = await peakGrowth(async () => {
      const err = await docxToPdfABounded(bombBytes, { filename: "bilde.docx", timestamp: 0 }).catch(
        (e: Error) => e,
      );
      expect(String(err)).toContain("for stor (over minnegrensen)");
    });
    expect(growth).toBeLessThan(200 * 1024 * 1024);

    const bomb = await upload("bilde.docx", bombBytes, new Date("2000-01-02T00:00:00Z"), DOCX);
    const good = await upload(
      "brev.docx",
      plainDocx(["Høringssvar om rammeplanen", "Et avsnitt."]),
      new Date("2000-01-02T00:10:00Z"),
      DOCX,
    );
    expect(await archivePendingDocuments(t.db, { limit: 2 })).toMatchObject([
      { id: bomb.id, status: "FAILED", reason: "Word-filen kunne ikke leses: for stor (over minnegrensen)." },
      { id: good.id, status: "CONVERTED" },
    ]);
    const failed = await t.db.hearingDocument.findUniqueOrThrow({ where: { id: bomb.id } });
    expect(failed.archiveError).toBe("Word-filen kunne ikke leses: for stor (over minnegrensen).");
    const copy = await t.db.hearingDocument.findUniqueOrThrow({ where: { id: good.id } });
    expect(copy.title).toBe("Høringssvar om rammeplanen");
    const inProcess = await docxToPdfA(Buffer.from(good.content), {
      filename: "brev.docx",
      timestamp: Math.floor(good.createdAt.getTime() / 1000),
    });
    expect(Buffer.from(copy.archiveContent!).equals(inProcess.pdf)).toBe(true);
  });

  it("leaves a document waiting, not failed, while every child slot is taken", async () => {
    const doc = await upload("senere.pdf", plainPdf(["Senere."]), new Date("2000-01-03T00:00:00Z"));
    // Every slot and every place in the queue held for a moment, as by a crowd of imports.
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    const crowd = Array.from({ length: PARSE_SLOTS.size + PARSE_SLOTS.queue }, () =>
      PARSE_SLOTS.run(
        () => held,
        () => new Error("busy"),
      ),
    );
    expect(await archivePendingDocuments(t.db, { limit: 5 })).toEqual([{ id: doc.id, status: "PENDING" }]);
    release();
    await Promise.all(crowd);
    const waiting = await t.db.hearingDocument.findUniqueOrThrow({ where: { id: doc.id } });
    expect(waiting).toMatchObject({ archiveStatus: "PENDING", archiveAttempts: 0 });
    // The next tick converts it.
    expect(await archivePendingDocuments(t.db, { limit: 1 })).toEqual([{ id: doc.id, status: "CONVERTED" }]);
  });

  it("stops a conversion past its time, and says so", async () => {
    const err = await pdfToPdfABounded(
      plainPdf(["Tregt."]),
      { title: "x", timestamp: 0, maxPages: 300 },
      { ...ARCHIVE_LIMITS, timeoutMs: 1 },
    ).catch((e: Error) => e);
    expect(String(err)).toContain("PDF-en kunne ikke leses: tok for lang tid.");
  });
});
