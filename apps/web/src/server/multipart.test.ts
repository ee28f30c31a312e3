import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readMultipartFile } from "./multipart";

/** A multipart body as a browser sends it, streamed in the given chunk sizes. */
function request(
  parts: { name: string; filename?: string; data: Buffer }[],
  chunks: number[],
  boundary: string,
) {
  const body = Buffer.concat([
    ...parts.flatMap((p) => [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"\r\nContent-Type: application/pdf` : ""}\r\n\r\n`,
      ),
      p.data,
      Buffer.from("\r\n"),
    ]),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  let at = 0;
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= body.length) return controller.close();
      const n = Math.max(1, chunks[i++ % chunks.length]!);
      controller.enqueue(new Uint8Array(body.subarray(at, at + n)));
      at += n;
    },
  });
  return new Request("http://localhost/api/verifiser", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body: stream,
    ...({ duplex: "half" } as object),
  });
}

const sha = (b: Buffer) => createHash("sha256").update(b).digest("hex");

describe("hashing an uploaded file as it streams", () => {
  it("gives the file's SHA-256 whatever the chunks, other fields and bytes that look like a boundary", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        async (bytes, chunks, before) => {
          const boundary = "----WebKitFormBoundaryAbC123";
          // The file holds the boundary's text without the CRLF in front: still data.
          const file = Buffer.concat([Buffer.from(bytes), Buffer.from(`--${boundary}`), Buffer.from(bytes)]);
          const other = { name: "note", data: Buffer.from("\r\n--x\r\n") };
          const parts = [{ name: "file", filename: "brev.pdf", data: file }];
          const req = request(before ? [other, ...parts] : [...parts, other], chunks, boundary);
          const pieces: Buffer[] = [];
          expect(await readMultipartFile(req, "file", 1024 * 1024, (p) => pieces.push(p))).toEqual({
            sha256: sha(file),
            size: file.length,
            filename: "brev.pdf",
          });
          expect(Buffer.concat(pieces).equals(file)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("refuses a body past the limit as it streams, and answers null without the field", async () => {
    const big = randomBytes(300_000);
    expect(
      await readMultipartFile(request([{ name: "file", data: big }], [4096], "b"), "file", 100_000),
    ).toBe("tooLarge");
    expect(
      await readMultipartFile(request([{ name: "other", data: big }], [4096], "b"), "file", 1e6),
    ).toBeNull();
  });
});
