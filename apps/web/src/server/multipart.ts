import { createHash } from "node:crypto";

export type HashedFile = { sha256: string; size: number; filename: string | null };

/**
 * One file field of a multipart body, read as the body streams in: its SHA-256 and size, and its bytes handed to
 * `onData` piece by piece (the verifier keeps none of them, an upload collects them: one copy, no form parsing on
 * the event loop). Answers `tooLarge` at the first byte past `limit` (the whole body counts), and `null` when the
 * body is not multipart or has no such field.
 */
export async function readMultipartFile(
  req: Request,
  field: string,
  limit: number,
  onData: (piece: Buffer) => void = () => {},
): Promise<HashedFile | "tooLarge" | null> {
  const type = req.headers.get("content-type") ?? "";
  const boundary = /^multipart\/form-data;.*\bboundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(type);
  if (!boundary || !req.body) return null;
  if (Number(req.headers.get("content-length") ?? 0) > limit) return "tooLarge";
  // Every delimiter, the first too, is CRLF "--" boundary once a CRLF is put in front of the body.
  const delimiter = Buffer.from(`\r\n--${boundary[1] ?? boundary[2]}`);
  const reader = req.body.getReader();
  let pending: Buffer = Buffer.from("\r\n");
  let seen = 0;
  let state: "preamble" | "headers" | "body" | "end" = "preamble";
  let hash: ReturnType<typeof createHash> | null = null;
  let size = 0;
  let filename: string | null = null;
  let found: HashedFile | null = null;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) {
        seen += value.byteLength;
        if (seen > limit) {
          await reader.cancel().catch(() => {});
          return "tooLarge";
        }
        pending = pending.length ? Buffer.concat([pending, value]) : Buffer.from(value);
      }
      // Consume what can be decided with the bytes at hand.
      for (;;) {
        if (state === "end") break;
        if (state === "headers") {
          const end = pending.indexOf("\r\n\r\n");
          if (end < 0) {
            if (pending.length > 16 * 1024) return null;
            break;
          }
          const headers = pending.subarray(0, end).toString("utf8");
          pending = pending.subarray(end + 4);
          const disposition = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers);
          hash = !found && disposition?.[1] === field ? createHash("sha256") : null;
          if (hash) filename = /content-disposition:[^\r\n]*\bfilename="([^"]*)"/i.exec(headers)?.[1] ?? null;
          size = 0;
          state = "body";
          continue;
        }
        const at = pending.indexOf(delimiter);
        // Without a delimiter, all but its length minus one is part data (the rest may begin the next one).
        const upto = at < 0 ? Math.max(0, pending.length - delimiter.length + 1) : at;
        if (state === "body" && hash && upto > 0) {
          const piece = pending.subarray(0, upto);
          hash.update(piece);
          onData(piece);
          size += upto;
        }
        if (at < 0) {
          pending = pending.subarray(upto);
          break;
        }
        // A delimiter: then CRLF before the next part's headers, or "--" at the end.
        if (pending.length < at + delimiter.length + 2) {
          pending = pending.subarray(at);
          break;
        }
        if (state === "body" && hash) found = { sha256: hash.digest("hex"), size, filename };
        hash = null;
        const after = pending.subarray(at + delimiter.length, at + delimiter.length + 2).toString("latin1");
        pending = pending.subarray(at + delimiter.length + 2);
        state = after === "--" ? "end" : "headers";
      }
      if (done) break;
      // Copy the remainder so the chunk it came from can go.
      pending = Buffer.from(pending);
    }
  } catch {
    return null;
  }
  return found;
}
