import { afterAll, describe, expect, it } from "vitest";
import { PdfProcess, PdfProcessError, assemble, renderPdf, type SubmissionSnapshot } from "./index";

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

const pdfs = new PdfProcess({ maxRenders: 2 });
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
    // Its end is noticed when the process is gone (a moment later, on a busy machine later still).
    await expect.poll(() => pdfs.pid, { timeout: 15_000 }).toBeNull();
    expect((await pdfs.render(third)).equals(a)).toBe(true);
  });

  it("stops a render past its time: the letter fails with the reason, and its process is gone", async () => {
    // Shorter than a child's start: the render cannot be done in time, as a stuck one would not be.
    const slow = new PdfProcess({ timeoutMs: 5 });
    const pending = slow.render(assemble(letter("Innspill 5")));
    await new Promise((r) => setImmediate(r));
    const pid = slow.pid!;
    expect(pid).not.toBeNull();
    const err = await pending.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfProcessError);
    expect((err as PdfProcessError).reason).toBe("pdfTimeout");
    expect(slow.pid).toBeNull();
    const alive = () => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 5_000 }).toBe(false);
    await slow.close();
  });
});
