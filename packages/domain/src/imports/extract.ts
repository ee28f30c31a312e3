/**
 * The text of an uploaded letter (DOCX through mammoth, PDF text layer through unpdf), read so that no file can take
 * the server down. Every file is read in a separate Node process (`parse-child.ts`), never in the web server:
 * - the child's memory is bounded by the operating system (`ulimit -v`, the address space) and by the parent, which
 *   reads its resident memory from /proc and kills it past `rssMb`; its V8 heap by `--max-old-space-size`; its time
 *   by `timeoutMs`; it runs at a lower priority than the server (`niceness`). A thread would not do: a worker's heap limit does not cover ArrayBuffers or native memory;
 * - the child checks the zip the way it hands it to the parser (mammoth gets a new zip of the XML parts the check
 *   inflated under `docxUnpackedBytes`), and inflates a PDF's Flate streams under `pdfDecodedBytes` before pdf.js;
 * - at most `parallel` children run at once in this process, `queued` more wait (up to `maxWaitMs`); past that an
 *   import is refused at once with `importBusy` (429).
 * The web process itself holds the file and the text that comes back (at most `textBytes`), nothing more.
 *
 * `runBounded` is the one way any hostile bytes are read, under the same limits (each caller its own values): the
 * worker's archive copies of PDFs (`noark/archive-copies.ts`, kind `pdfa`) and the radar's pages
 * (`radar/read.ts`, kinds `xml` and `html`). Its failures are `ChildRefusal`s: `tooLarge`, `tooSlow`, `busy`,
 * `unreadable` or the job's own; `childFailureText` says them in Norwegian.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { setPriority } from "node:os";
import { pathToFileURL } from "node:url";
import { AppError } from "../common/errors";
import { Slots } from "../common/slots";
import { PARSE_CHILD } from "./parse-child";

export const EXTRACT_LIMITS = {
  /** What a DOCX's XML parts may hold unpacked, together. A long report's document.xml is a few MB. */
  docxUnpackedBytes: 32 * 1024 * 1024,
  docxEntries: 5_000,
  /** How deep a DOCX's XML may nest elements. */
  xmlDepth: 1_000,
  /** Far more pages than a letter; a 10 000-page PDF is refused before its text is read. */
  pdfPages: 300,
  /** What a PDF's Flate streams may unpack to, together. */
  pdfDecodedBytes: 100 * 1024 * 1024,
  /** The child's V8 heap, its resident memory (killed past it) and its address space (the OS refuses more). */
  heapMb: 256,
  rssMb: 512,
  addressSpaceMb: 2048,
  timeoutMs: 30_000,
  /** The child's scheduling priority (nice): below the web server's. */
  niceness: 10,
  /** The most text a letter gives back. */
  textBytes: 4 * 1024 * 1024,
};

export type ExtractLimits = typeof EXTRACT_LIMITS;

/** How many files this process reads at once, how many wait, and how long. */
export const PARSE_SLOTS = new Slots(2, 8, 60_000);

const refuse = (key: string) => new AppError("BAD_REQUEST", key, { fieldErrors: { file: [key] } });
const busy = () => new AppError("TOO_MANY_REQUESTS", "importBusy", { fieldErrors: { file: ["importBusy"] } });

/**
 * Where the child looks the parsers up: from this module's own location, then from the working directory. The
 * lookup happens in the child, by plain Node: a bundler (Next.js) rewrites `require.resolve` in this module.
 */
const lookupFrom = () => [import.meta.url, pathToFileURL(`${process.cwd()}/`).href];

/** The child's resident memory in bytes, from /proc (Linux); null elsewhere or once it has gone. */
function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "latin1"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** What a bounded child may be asked to do (`parse-child.ts` does it). */
export type ChildJob =
  | { kind: "docx" }
  | { kind: "pdf" }
  /** An archive copy: `@innspill/documents`' `pdfToPdfA`, its PDF/A as the answer's payload. */
  | { kind: "pdfa"; title: string; timestamp: number; maxPages: number }
  /** A Word file's archive copy: its zip checked as an import's, then `module`'s `docxToPdfA` (noark/docx-archive.ts). */
  | { kind: "docxa"; module: string; filename: string; timestamp: number }
  /** XML as fast-xml-parser reads it (elements named in `arrays` always as lists). */
  | { kind: "xml"; arrays: string[] }
  /** A regjeringen.no page, read with node-html-parser into the strings the radar interprets. */
  | { kind: "html"; page: "list" | "hearing" };

/** The limits a child runs under (a job's own, such as `pdfDecodedBytes`, ride along). */
export type ChildLimits = Pick<
  ExtractLimits,
  "heapMb" | "rssMb" | "addressSpaceMb" | "timeoutMs" | "niceness" | "pdfDecodedBytes"
> &
  Partial<ExtractLimits> & {
    /** The most the child may write back (its answer and any payload). */
    outputBytes: number;
  };

/**
 * Why a child gave no answer: `tooLarge` (past its memory or its output), `tooSlow` (past its time), `busy` (no
 * slot), `unreadable`, or the job's own refusal (`tooManyPages`, `conversion`, `malformed`) with its detail.
 */
export class ChildRefusal extends Error {
  constructor(
    readonly reason: string,
    /** Said to the user (a converter's own words). */
    readonly detail?: string,
    /** For the operator's log: the child's exit, its error or the end of its stderr. Never shown to a user. */
    readonly diagnostic?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = "ChildRefusal";
  }
}

/** Said plainly for a person (Norwegian): what became of a file a child could not read. */
export function childFailureText(err: ChildRefusal, what = "Filen"): string {
  if (err.reason === "tooLarge") return `${what} kunne ikke leses: for stor (over minnegrensen).`;
  if (err.reason === "tooSlow") return `${what} kunne ikke leses: tok for lang tid.`;
  if (err.reason === "busy") return `${what} kunne ikke leses nå: for mange filer leses samtidig.`;
  return `${what} kunne ikke leses${err.detail ? ` (${err.detail.slice(0, 200)})` : ""}.`;
}

function runInChild<T>(
  job: ChildJob,
  bytes: Uint8Array,
  limits: ChildLimits,
): Promise<{ answer: T; payload: Buffer }> {
  return new Promise((resolve, reject) => {
    const node = [`--max-old-space-size=${limits.heapMb}`, "--max-semi-space-size=16", "-e", PARSE_CHILD];
    // `ulimit -v` through the shell: the kernel refuses the child any address space past the limit.
    const shell = process.platform === "linux" && existsSync("/bin/sh");
    const [command, args]: [string, string[]] = shell
      ? [
          "/bin/sh",
          ["-c", `ulimit -v ${limits.addressSpaceMb * 1024} && exec "$0" "$@"`, process.execPath, ...node],
        ]
      : [process.execPath, node];
    const child: ChildProcessWithoutNullStreams = spawn(command, args, {
      stdio: ["pipe", "pipe", "pipe"],
      env: childEnv(job, limits),
    });
    // Lower priority than the server: on a busy machine the parser waits, not the pages.
    if (child.pid)
      try {
        setPriority(child.pid, limits.niceness);
      } catch {
        // not permitted here: the limits above still hold
      }
    const out: Buffer[] = [];
    let outBytes = 0;
    let settled = false;
    let verdict: ChildRefusal | null = null;
    const stop = (why: ChildRefusal) => {
      verdict ??= why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => stop(new ChildRefusal("tooSlow")), limits.timeoutMs);
    const watch = setInterval(() => {
      const rss = child.pid ? rssOf(child.pid) : null;
      if (rss !== null && rss > limits.rssMb * 1024 * 1024) stop(new ChildRefusal("tooLarge"));
    }, 20);
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      fn();
    };
    child.stdout.on("data", (d: Buffer) => {
      outBytes += d.length;
      if (outBytes > limits.outputBytes) return stop(new ChildRefusal("tooLarge"));
      out.push(d);
    });
    // The end of what the child says on stderr (libraries' warnings, a crash), for the operator's log.
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr = (stderr + d.toString("utf8")).slice(-2000);
    });
    child.stdin.on("error", () => {});
    child.on("error", (err) => done(() => reject(new ChildRefusal("unreadable", undefined, err.message))));
    child.on("close", (code, signal) =>
      done(() => {
        const exit = `exit ${signal ?? code}${stderr.trim() ? `; stderr: ${stderr.trim()}` : ""}`;
        if (verdict) return reject(verdict);
        // The answer: one line of JSON, then the payload's bytes (an archive copy), if any.
        const all = Buffer.concat(out);
        const nl = all.indexOf(10);
        let m: { ok: boolean; error?: string; detail?: string; diagnostic?: string } & T;
        try {
          m = JSON.parse(all.subarray(0, nl < 0 ? all.length : nl).toString("utf8")) as typeof m;
        } catch {
          // No answer: the child died. Out of memory (V8 aborts, the kernel refuses) is the likely cause.
          return reject(new ChildRefusal(signal || code ? "tooLarge" : "unreadable", undefined, exit));
        }
        if (!m.ok) return reject(new ChildRefusal(m.error ?? "unreadable", m.detail, m.diagnostic ?? exit));
        resolve({ answer: m, payload: nl < 0 ? Buffer.alloc(0) : all.subarray(nl + 1) });
      }),
    );
    child.stdin.end(bytes);
  });
}

/** The child's whole environment: the job, and nothing of the server's (no secrets, no NODE_OPTIONS). */
const childEnv = (job: ChildJob, limits: ChildLimits) => ({
  NODE_ENV: "production" as const,
  INNSPILL_PARSE_JOB: JSON.stringify({ ...job, limits, lookupFrom: lookupFrom() }),
});

/**
 * Runs `job` on `bytes` in a bounded child process, in one of this process's parse slots: the one way in which
 * hostile bytes (an upload, an archive copy, a page of the radar's sources) are read. Throws a `ChildRefusal`.
 */
export function runBounded<T>(
  job: ChildJob,
  bytes: Uint8Array,
  limits: ChildLimits,
): Promise<{ answer: T; payload: Buffer }> {
  return PARSE_SLOTS.run(
    () => runInChild<T>(job, bytes, limits),
    () => new ChildRefusal("busy"),
  );
}

type Parsed = { html?: string; pages?: string[] };

/** Reads an uploaded letter in a child, its refusals as the import's errors. */
async function parse(kind: "docx" | "pdf", bytes: Uint8Array, limits: ExtractLimits): Promise<Parsed> {
  try {
    return (await runBounded<Parsed>({ kind }, bytes, { ...limits, outputBytes: limits.textBytes * 2 }))
      .answer;
  } catch (err) {
    if (!(err instanceof ChildRefusal)) throw err;
    if (err.reason === "busy") throw busy();
    if (err.reason === "tooManyPages") throw refuse("importTooManyPages");
    throw refuse(
      err.reason === "tooLarge" || err.reason === "tooSlow" ? "importTooLarge" : "importUnreadable",
    );
  }
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

/** A DOCX as letter text. Through mammoth's HTML, since its raw text drops both line breaks and bullets. */
export async function docxText(bytes: Uint8Array, limits: ExtractLimits = EXTRACT_LIMITS): Promise<string> {
  const { html } = await parse("docx", bytes, limits);
  return htmlToLetterText(html ?? "");
}

/** A PDF's text layer, page by page, as letter text. */
export async function pdfText(bytes: Uint8Array, limits: ExtractLimits = EXTRACT_LIMITS): Promise<string> {
  const { pages } = await parse("pdf", bytes, limits);
  return (pages ?? []).join("\n\n");
}
