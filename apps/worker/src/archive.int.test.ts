/**
 * The worker's `documents.archive` job through the real queue: an uploaded PDF that is not PDF/A gets its PDF/A-2b
 * copy, made in the worker (never on the web server), and a file that cannot be read is marked with the reason.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { silentLogger } from "@innspill/log";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import { seedDemoData } from "@innspill/demo";
import { archiveDocumentsJob, queueName } from "@innspill/jobs";
import { pdfaLevel } from "@innspill/domain";
import { startWorker, type RunningWorker } from "./worker";

let t: TestDatabase;
let worker: RunningWorker;
const queue = queueName(archiveDocumentsJob);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { now: new Date("2026-11-23T12:00:00Z") });
  worker = await startWorker({
    db: t.db,
    databaseUrl: t.url,
    port: 0,
    schedules: false,
    pollingIntervalSeconds: 0.5,
    logger: silentLogger,
  });
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

it("makes a PDF/A-2b copy of an ordinary PDF, and marks an unreadable one with the reason", async () => {
  const h = await t.db.hearing.findFirstOrThrow();
  const ordinary = minimalPdf();
  expect(pdfaLevel(ordinary)).toBeNull();
  const doc = (filename: string, bytes: Buffer) =>
    t.db.hearingDocument.create({
      data: {
        hearingId: h.id,
        filename,
        mimeType: "application/pdf",
        size: bytes.length,
        sha256: "x",
        content: new Uint8Array(bytes),
      },
    });
  const good = await doc("brev.pdf", ordinary);
  const bad = await doc("skadet.pdf", Buffer.from("%PDF-1.4\nikke en pdf"));

  const id = await worker.boss.send(queue, {});
  let state = "";
  for (let i = 0; i < 150 && state !== "completed" && state !== "failed"; i++) {
    await new Promise((r) => setTimeout(r, 200));
    state = (await worker.boss.getJobById(queue, id!, { includeArchive: true }))?.state ?? "";
  }
  expect(state).toBe("completed");
  const copy = await t.db.hearingDocument.findUniqueOrThrow({ where: { id: good.id } });
  expect(copy.archiveStatus).toBe("CONVERTED");
  expect(pdfaLevel(copy.archiveContent!)).toBe("2B");
  expect(Buffer.from(copy.content).equals(ordinary)).toBe(true); // the original stays as it was
  const failed = await t.db.hearingDocument.findUniqueOrThrow({ where: { id: bad.id } });
  expect(failed.archiveStatus).toBe("FAILED");
  expect(failed.archiveError).toMatch(/PDF-en kunne ikke leses/);
});

/** A small, ordinary PDF 1.4 (one A4 page with a filled box), written by hand with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const content = "0.2 0.3 0.6 rg 72 700 200 60 re f";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
