import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  bombPdf,
  deepXmlDocx,
  hugeDocumentDocx,
  manyEntriesDocx,
  manyPagesPdf,
  nestedZipDocx,
  plainDocx,
  plainPdf,
  zip64TwoDirectoriesDocx,
  zipBombDocx,
  zipOf,
} from "./hostile-files";
import { ChildRefusal, docxText, EXTRACT_LIMITS, PARSE_SLOTS, pdfText, runBounded } from "./extract";

const here = path.dirname(fileURLToPath(import.meta.url));
const keyOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: Error) => e.message,
  );

// Generous: each file is a child process, and the machine may be busy.
describe("reading uploaded letters in a child process, within limits", { timeout: 90_000 }, () => {
  it(
    "refuses zip bombs, zip64 tricks and 60 000 entries, and never grows this process",
    { timeout: 30_000 },
    async () => {
      const files = [
        zipBombDocx(1024),
        zip64TwoDirectoriesDocx(1024),
        manyEntriesDocx(60_000),
        hugeDocumentDocx(1024),
      ];
      const before = process.memoryUsage().rss;
      // Read by the classic end record the zip64 one is an honest letter; JSZip would follow its zip64 record to a
      // gigabyte.
      expect(await Promise.all(files.map((f) => keyOf(docxText(f))))).toEqual([
        "importTooLarge",
        "importUnreadable",
        "importTooLarge",
        "importTooLarge",
      ]);
      // The files are read in the child: this process holds the files and the answers, nothing unpacked.
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    },
  );

  it("refuses XML nested deeper than a Word file, and reads one nested 500 deep", async () => {
    expect(await keyOf(docxText(deepXmlDocx(1_000_000)))).toBe("importTooLarge");
    // Deep, but within what a Word file may hold: read.
    expect(await keyOf(docxText(deepXmlDocx(500)))).toBe("OK");
  });

  it("reads an honest DOCX, and one that carries a zip bomb as an embedded object it never unpacks", async () => {
    expect(await docxText(plainDocx(["Oslo, 1. desember 2026", "Høringssvar – prøve"]))).toBe(
      "Oslo, 1. desember 2026\n\nHøringssvar – prøve\n\n",
    );
    expect(await docxText(nestedZipDocx(["Et brev med vedlegg."]))).toBe("Et brev med vedlegg.\n\n");
  });

  it("refuses a broken zip as unreadable", async () => {
    expect(await keyOf(docxText(Buffer.from("PK nothing here")))).toBe("importUnreadable");
    expect(await keyOf(docxText(zipOf([{ name: "a.xml", data: Buffer.from("<a/>") }])))).toBe(
      "importUnreadable",
    );
  });

  it("keeps the child's own words on a file it could not read, for the operator's log", async () => {
    const err = (await runBounded({ kind: "pdf" }, Buffer.from("%PDF-1.7\nno objects here\n"), {
      ...EXTRACT_LIMITS,
      outputBytes: 1024 * 1024,
    }).catch((e: unknown) => e)) as ChildRefusal;
    expect(err).toBeInstanceOf(ChildRefusal);
    expect(err.reason).toBe("unreadable");
    // pdf.js's error and where it was thrown: what an operator needs, and the user never sees.
    expect(err.diagnostic).toMatch(/PDF/);
    expect(err.detail).toBeUndefined();
  });

  it("refuses a PDF whose content stream unpacks to a gigabyte, in one Flate layer or two", async () => {
    expect(await keyOf(pdfText(bombPdf(1024)))).toBe("importTooLarge");
    expect(await keyOf(pdfText(bombPdf(1024, 2)))).toBe("importTooLarge");
  });

  it("refuses a PDF with more pages than a letter, and reads a short one", async () => {
    expect(await keyOf(pdfText(manyPagesPdf(10_000)))).toBe("importTooManyPages");
    expect(await pdfText(plainPdf(["Oslo, 1. desember 2026", "Høringssvar (prøve)"]))).toBe(
      "Oslo, 1. desember 2026\nHøringssvar (prøve)",
    );
  });

  it("kills a parser past its memory or its time, and says so", async () => {
    const letter = readFileSync(
      path.join(here, "../../../../fixtures/documents/report-bioingeniorene-2022-excerpt.txt"),
    );
    const docx = zipOf([{ name: "word/document.xml", data: letter }]);
    expect(await keyOf(docxText(docx, { ...EXTRACT_LIMITS, timeoutMs: 1 }))).toBe("importTooLarge");
    expect(await keyOf(docxText(plainDocx(["x"]), { ...EXTRACT_LIMITS, rssMb: 1 }))).toBe("importTooLarge");
  });

  it("reads two files at once and refuses the ones past the queue at once", async () => {
    const { size, queue } = PARSE_SLOTS;
    const results = await Promise.all(
      Array.from({ length: size + queue + 3 }, () => keyOf(docxText(plainDocx(["Kø."])))),
    );
    expect(results.filter((r) => r === "OK")).toHaveLength(size + queue);
    expect(results.filter((r) => r === "importBusy")).toHaveLength(3);
    expect(PARSE_SLOTS.load).toEqual({ running: 0, waiting: 0 });
  });
});
