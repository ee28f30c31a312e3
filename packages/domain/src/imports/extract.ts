/**
 * The text of an uploaded letter (DOCX through mammoth, PDF text layer through unpdf), read so that no file can take
 * the server down:
 * - a DOCX is a zip: every entry is inflated once with a hard output cap before the parser sees it, so a zip bomb
 *   is refused whatever its headers claim;
 * - a PDF with more pages than any letter is refused before its text is read;
 * - the parsing itself runs in a worker thread with its own heap limit and a time limit: a file that needs more is
 *   stopped, with a clear message, and the server goes on serving.
 */
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { inflateRawSync } from "node:zlib";
import { AppError } from "../errors";

export const EXTRACT_LIMITS = {
  /** What a DOCX may hold unpacked, all entries together. A long letter with images is a few MB. */
  docxUnpackedBytes: 100 * 1024 * 1024,
  docxEntries: 5_000,
  /** Far more pages than a letter; a 10 000-page PDF is refused before its text is read. */
  pdfPages: 300,
  /** The parser's heap and time. */
  heapMb: 256,
  timeoutMs: 30_000,
};

export type ExtractLimits = typeof EXTRACT_LIMITS;

const refuse = (key: string) => new AppError("BAD_REQUEST", key, { fieldErrors: { file: [key] } });

/**
 * Checks a zip by inflating every entry once with a cap on the total output (the headers' sizes can lie). Throws
 * `importTooLarge` past the cap, `importUnreadable` for a broken zip.
 */
export function checkZip(bytes: Uint8Array, limits: ExtractLimits = EXTRACT_LIMITS): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: the last signature 0x06054b50 within the final 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw refuse("importUnreadable");
  const entries = buf.readUInt16LE(eocd + 10);
  if (entries > limits.docxEntries) throw refuse("importTooLarge");
  let at = buf.readUInt32LE(eocd + 16);
  let budget = limits.docxUnpackedBytes;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) throw refuse("importUnreadable");
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) throw refuse("importUnreadable");
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(dataStart, dataStart + compressed);
    let size: number;
    if (method === 0) size = data.length;
    else if (method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError)
          throw refuse("importTooLarge");
        throw refuse("importUnreadable");
      }
    } else throw refuse("importUnreadable");
    budget -= size;
    if (budget < 0) throw refuse("importTooLarge");
    at += 46 + nameLength + extra + comment;
  }
}

/** Runs in the worker thread: the parsers, loaded by the paths the parent resolved. */
const PARSER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createRequire } = require("node:module");
const { pathToFileURL } = require("node:url");
function resolve(name) {
  for (const from of workerData.lookupFrom) {
    try { return createRequire(from).resolve(name); } catch {}
  }
  throw new Error("cannot find " + name);
}
(async () => {
  const { kind, bytes, maxPages } = workerData;
  const mammothPath = resolve("mammoth");
  const unpdfUrl = pathToFileURL(resolve("unpdf")).href;
  if (kind === "docx") {
    const mammoth = require(mammothPath);
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    parentPort.postMessage({ ok: true, html: value });
  } else {
    const { extractText, getDocumentProxy } = await import(unpdfUrl);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    if (pdf.numPages > maxPages) return parentPort.postMessage({ ok: false, error: "importTooManyPages" });
    const { text } = await extractText(pdf, { mergePages: false });
    parentPort.postMessage({ ok: true, pages: text });
  }
})().catch((err) => parentPort.postMessage({ ok: false, error: "importUnreadable", detail: String(err && err.message) }));
`;

/**
 * Where the worker thread looks the parsers up: from this module's own location, then from the working directory.
 * The lookup happens in the thread, by plain Node: a bundler (Next.js) rewrites `require.resolve` in this module.
 */
const lookupFrom = () => [import.meta.url, pathToFileURL(`${process.cwd()}/`).href];

function parseInWorker(
  kind: "docx" | "pdf",
  bytes: Uint8Array,
  limits: ExtractLimits,
): Promise<{ html?: string; pages?: string[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PARSER, {
      eval: true,
      workerData: {
        kind,
        bytes,
        lookupFrom: lookupFrom(),
        maxPages: limits.pdfPages,
      },
      resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    // Too slow is refused like too large: the user gets a message, the server its thread back.
    const timer = setTimeout(() => done(() => reject(refuse("importTooLarge"))), limits.timeoutMs);
    worker.on("message", (m: { ok: boolean; error?: string; html?: string; pages?: string[] }) =>
      done(() => (m.ok ? resolve(m) : reject(refuse(m.error ?? "importUnreadable")))),
    );
    worker.on("error", (err: Error & { code?: string }) =>
      done(() =>
        reject(refuse(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? "importTooLarge" : "importUnreadable")),
      ),
    );
    worker.on("exit", () => done(() => reject(refuse("importUnreadable"))));
  });
}

/** mammoth's HTML as letter text: paragraphs apart, line breaks kept (a signatory's name and title), bullets marked. */
function htmlToLetterText(html: string): string {
  return html
    .replace(/<br\s*\/?>/g, "\n")
    .replace(/<li>/g, "• ")
    .replace(/<\/(p|h\d|li)>/g, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/**
 * A DOCX as letter text. Through mammoth's HTML, since its raw text drops both line breaks and bullets.
 */
export async function docxText(bytes: Uint8Array, limits: ExtractLimits = EXTRACT_LIMITS): Promise<string> {
  checkZip(bytes, limits);
  const { html } = await parseInWorker("docx", bytes, limits);
  return htmlToLetterText(html ?? "");
}

/** A PDF's text layer, page by page, as letter text. */
export async function pdfText(bytes: Uint8Array, limits: ExtractLimits = EXTRACT_LIMITS): Promise<string> {
  const { pages } = await parseInWorker("pdf", bytes, limits);
  return (pages ?? []).join("\n\n");
}
