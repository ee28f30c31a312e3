import { afterAll, describe, expect, it } from "vitest";
import { PdfProcess, assemble, renderPdf, type SubmissionSnapshot } from "./index";

const letter = (title: string): SubmissionSnapshot => ({
  letterhead: { organisation: "NITO", unit: null, address: "Postboks 9100 Grønland, 0133 Oslo" },
  place: "Oslo",
  date: "2025-11-20",
  dateText: "20. november 2025",
  recipient: "Helsereformutvalget",
  theirReference: null,
  ourReference: null,
  closing: "Med vennlig hilsen",
  title,
  sections: [
    {
      body: {
        type: "doc",
        content: [{ type: "paragraph", content: [{ type: "text", text: "NITO mener." }] }],
      },
    },
  ],
  signatories: [{ name: "Kaja Marienborg", title: "Fagstyreleder" }],
  facts: {},
  positions: {},
});

const pdfs = new PdfProcess(2);
afterAll(() => pdfs.close());

describe("PdfProcess", () => {
  it("makes renderPdf's bytes in a child it replaces every few letters, and after a crash", async () => {
    const first = assemble(letter("Innspill 1"));
    expect((await pdfs.render(first)).equals(renderPdf(first))).toBe(true);
    const child = pdfs.pid;
    expect(child).not.toBeNull();
    expect(child).not.toBe(process.pid);
    // The second letter is the child's last: the third starts a new one.
    await pdfs.render(assemble(letter("Innspill 2")));
    expect(pdfs.pid).toBeNull();
    const third = assemble(letter("Innspill 3"));
    const [a, b] = await Promise.all([pdfs.render(third), pdfs.render(assemble(letter("Innspill 4")))]);
    expect(a.equals(renderPdf(third))).toBe(true);
    expect(b.subarray(0, 5).toString()).toBe("%PDF-");
    // A child that dies fails its letter, and the next letter gets a new child.
    await pdfs.render(third);
    process.kill(pdfs.pid!, "SIGKILL");
    await new Promise((r) => setTimeout(r, 200));
    expect((await pdfs.render(third)).equals(a)).toBe(true);
  });
});
