import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { manyPagesPdf, plainDocx, zipBombDocx, zipOf } from "./hostile-files";
import { checkZip, docxText, EXTRACT_LIMITS, pdfText } from "./extract";

const here = path.dirname(fileURLToPath(import.meta.url));
const keyOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: Error) => e.message,
  );

describe("reading uploaded letters within limits", () => {
  it("refuses a zip bomb whatever its headers claim, without unpacking more than the limit", async () => {
    const bomb = zipBombDocx(1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await keyOf(docxText(bomb))).toBe("importTooLarge");
    // The check held at most the limit, never the gigabyte.
    expect(process.memoryUsage().rss - before).toBeLessThan(EXTRACT_LIMITS.docxUnpackedBytes * 1.5);
  });

  it("reads an honest DOCX in its own thread", async () => {
    expect(await docxText(plainDocx(["Oslo, 1. desember 2026", "Høringssvar – prøve"]))).toBe(
      "Oslo, 1. desember 2026\n\nHøringssvar – prøve\n\n",
    );
  });

  it("refuses a broken zip as unreadable, and passes an honest one", () => {
    expect(() => checkZip(Buffer.from("PK nothing here"))).toThrow("importUnreadable");
    expect(() => checkZip(zipOf([{ name: "a.xml", data: Buffer.from("<a/>".repeat(1000)) }]))).not.toThrow();
  });

  it("refuses a PDF with more pages than a letter, and reads a short one", async () => {
    expect(await keyOf(pdfText(manyPagesPdf(10_000)))).toBe("importTooManyPages");
    expect(await keyOf(pdfText(manyPagesPdf(2)))).toBe("OK");
  });

  it("stops a parser that runs out of its heap or time, and says so", async () => {
    const letter = readFileSync(
      path.join(here, "../../../../fixtures/documents/report-bioingeniorene-2022-excerpt.txt"),
    );
    const docx = zipOf([{ name: "word/document.xml", data: letter }]);
    expect(await keyOf(docxText(docx, { ...EXTRACT_LIMITS, timeoutMs: 1 }))).toBe("importTooLarge");
  });
});
