/**
 * Archive copies of a hearing's documents, made by the worker (`documents.archive`, every minute): a PDF/A is its
 * own copy; any other PDF and a Word document are made into PDF/A-2b (`@innspill/documents`' archive converters) and
 * stored beside the original, whose checksum and PRONOM format stay recorded. A file that cannot be converted is
 * marked FAILED with the reason, which the hearing page shows before the case is closed.
 *
 * A hostile file never reaches the web server's converter: this runs only in the worker, and a PDF is converted in a
 * bounded child process (`pdfToPdfABounded`: address space, memory, time and output capped), so a decompression bomb
 * costs a child, not the worker: the document is marked FAILED with «PDF-en kunne ikke leses: for stor …» or «… tok
 * for lang tid». Should the worker die all the same, a document is claimed again at most `MAX_ATTEMPTS` times (the
 * attempt is counted and committed before converting), then marked FAILED. A Word file is converted in the same
 * bounded child (`docxToPdfABounded`), its zip read strictly (capped XML) before mammoth reads it.
 */
import type { Db } from "@innspill/db";
import { ArchiveConversionError } from "@innspill/documents";
import { sha256 } from "../common/hash";
import {
  childFailureText,
  ChildRefusal,
  EXTRACT_LIMITS,
  runBounded,
  type ChildLimits,
} from "../imports/extract";
import { archiveFormat } from "./formats";

const MAX_ATTEMPTS = 3;

/**
 * What converting one PDF may cost its child process. More than reading a letter's text (Typst draws every page, and
 * keeps them until the copy is written), far less than would hurt the worker; the copy itself is the payload.
 */
export const ARCHIVE_LIMITS: ChildLimits = {
  ...EXTRACT_LIMITS,
  heapMb: 256,
  rssMb: 1536,
  addressSpaceMb: 4096,
  timeoutMs: 120_000,
  outputBytes: 256 * 1024 * 1024,
};

/**
 * A PDF as PDF/A-2b, made by `@innspill/documents`' `pdfToPdfA` in a bounded child process (`imports/extract.ts`):
 * a file that would take its memory or its time is refused with the reason, and the worker goes on.
 */
export async function pdfToPdfABounded(
  bytes: Uint8Array,
  o: { title: string; timestamp: number; maxPages: number },
  limits: ChildLimits = ARCHIVE_LIMITS,
): Promise<Buffer> {
  try {
    return (await runBounded({ kind: "pdfa", ...o }, bytes, limits)).payload;
  } catch (err) {
    // No slot free now (`busy`) is no verdict on the file: it is tried again.
    if (!(err instanceof ChildRefusal) || err.reason === "busy") throw err;
    if (err.reason === "conversion" && err.detail)
      throw new ArchiveConversionError(err.detail, { cause: err });
    throw new ArchiveConversionError(childFailureText(err, "PDF-en"), { cause: err });
  }
}

/** A worker that took a document and died leaves it CONVERTING; after this it is taken again. */
const STALE_MS = 10 * 60_000;

interface Claimed {
  id: string;
  filename: string;
  mimeType: string;
  createdAt: Date;
  archiveAttempts: number;
}

/** Takes one document waiting for its archive copy, counting the attempt (committed before any conversion). */
async function claim(db: Db): Promise<Claimed | null> {
  const rows = await db.$queryRaw<Claimed[]>`
    UPDATE "HearingDocument" d
       SET "archiveStatus" = 'CONVERTING', "archiveAttempts" = d."archiveAttempts" + 1, "archivedAt" = now()
     WHERE d.id = (SELECT id FROM "HearingDocument"
                    WHERE "archiveStatus" = 'PENDING'
                       OR ("archiveStatus" = 'CONVERTING' AND "archivedAt" < ${new Date(Date.now() - STALE_MS)})
                    ORDER BY "createdAt", id
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
 RETURNING d.id::text, d.filename, d."mimeType", d."createdAt", d."archiveAttempts"`;
  return rows[0] ?? null;
}

/** What became of one document: a failure with its reason (as the hearing page says it) and, for the log, why. */
interface Outcome {
  status: string;
  reason?: string;
  diagnostic?: string;
}

/** Makes the archive copies of up to `limit` waiting documents, one at a time. Returns what became of each. */
export async function archivePendingDocuments(db: Db, o: { limit?: number } = {}) {
  const done: ({ id: string } & Outcome)[] = [];
  for (let i = 0; i < (o.limit ?? 20); i++) {
    const c = await claim(db);
    if (!c) break;
    const outcome = await archiveOne(db, c);
    done.push({ id: c.id, ...outcome });
    // No child slot free: the next tick goes on.
    if (outcome.status === "PENDING") break;
  }
  return done;
}

/** The module the child runs for a Word document (TypeScript, through tsx: only the worker converts). */
const DOCX_MODULE = new URL("./docx-archive.ts", import.meta.url).href;

/**
 * A Word document as PDF/A-2b (`docx-archive.ts`) in a bounded child process: its zip checked strictly under the
 * import's caps first, then read with mammoth and set with Typst, all the child's cost.
 */
export async function docxToPdfABounded(
  bytes: Uint8Array,
  o: { filename: string; timestamp: number },
  limits: ChildLimits = ARCHIVE_LIMITS,
): Promise<{ pdf: Buffer; title: string | null }> {
  try {
    const { answer, payload } = await runBounded<{ title: string | null }>(
      { kind: "docxa", module: DOCX_MODULE, ...o },
      bytes,
      limits,
    );
    return { pdf: payload, title: answer.title };
  } catch (err) {
    if (!(err instanceof ChildRefusal) || err.reason === "busy") throw err;
    if (err.reason === "conversion" && err.detail)
      throw new ArchiveConversionError(err.detail, { cause: err });
    // The strict reading refused the zip: malformed, zip64, or too large unpacked.
    if (err.reason === "refused")
      throw new ArchiveConversionError("Word-filen er skadet eller for stor utpakket.", { cause: err });
    throw new ArchiveConversionError(childFailureText(err, "Word-filen"), { cause: err });
  }
}

async function archiveOne(db: Db, c: Claimed): Promise<Outcome> {
  const fail = async (reason: string, diagnostic?: string): Promise<Outcome> => {
    await db.hearingDocument.update({
      where: { id: c.id },
      data: { archiveStatus: "FAILED", archiveError: reason.slice(0, 500), archivedAt: new Date() },
    });
    return { status: "FAILED", reason, diagnostic };
  };
  if (c.archiveAttempts > MAX_ATTEMPTS) return fail("Konverteringen stoppet gjentatte ganger uten resultat.");
  const { content } = await db.hearingDocument.findUniqueOrThrow({
    where: { id: c.id },
    select: { content: true },
  });
  const bytes = Buffer.from(content);
  const format = archiveFormat(bytes, c.mimeType);
  const timestamp = Math.floor(c.createdAt.getTime() / 1000);
  try {
    if (format.archival && format.extension === "pdf") {
      await db.hearingDocument.update({
        where: { id: c.id },
        data: {
          archiveStatus: "ARCHIVAL",
          archiveSha256: sha256(bytes),
          archiveSize: bytes.byteLength,
          archiveError: null,
          archivedAt: new Date(),
          originalFormat: format.pronom,
          title: pdfTitle(bytes),
        },
      });
      return { status: "ARCHIVAL" };
    }
    let pdf: Buffer;
    let title: string | null;
    if (format.extension === "pdf") {
      title = pdfTitle(bytes);
      pdf = await pdfToPdfABounded(bytes, {
        title: title ?? c.filename,
        timestamp,
        maxPages: EXTRACT_LIMITS.pdfPages,
      });
    } else if (format.extension === "docx") {
      ({ pdf, title } = await docxToPdfABounded(bytes, { filename: c.filename, timestamp }));
    } else {
      return fail(`${format.name} kan ikke gjøres om til PDF/A.`);
    }
    await db.hearingDocument.update({
      where: { id: c.id },
      data: {
        archiveStatus: "CONVERTED",
        archiveContent: new Uint8Array(pdf),
        archiveSha256: sha256(pdf),
        archiveSize: pdf.byteLength,
        archiveError: null,
        archivedAt: new Date(),
        originalFormat: format.pronom,
        title,
      },
    });
    return { status: "CONVERTED" };
  } catch (err) {
    if (err instanceof ChildRefusal && err.reason === "busy") {
      // Every child slot of this process is taken: waiting again, the attempt not counted.
      await db.hearingDocument.update({
        where: { id: c.id },
        data: { archiveStatus: "PENDING", archiveAttempts: { decrement: 1 } },
      });
      return { status: "PENDING" };
    }
    const reason =
      err instanceof ArchiveConversionError
        ? err.message
        : `Filen kunne ikke leses (${String((err as Error)?.message ?? err).slice(0, 200)}).`;
    return fail(reason, diagnosticOf(err));
  }
}

/** For the worker's log: what the child said of a file it refused, or the stack of any other error. */
function diagnosticOf(err: unknown): string | undefined {
  if (err instanceof ArchiveConversionError)
    return err.cause instanceof ChildRefusal ? err.cause.diagnostic : undefined;
  return String((err as Error)?.stack ?? err).slice(0, 1000);
}

/** The title a PDF carries in its XMP (`dc:title`) or its Info dictionary, when it has one worth using. */
export function pdfTitle(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const xmp = /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]{2,300})<\/rdf:li>/.exec(text)?.[1];
  let title = xmp ? Buffer.from(xmp, "latin1").toString("utf8") : null;
  if (!title) {
    const info = /\/Title\s*\(((?:\\.|[^\\)]){2,600})\)/.exec(text)?.[1];
    if (info) {
      const raw = Buffer.from(info.replace(/\\([()\\])/g, "$1"), "latin1");
      title =
        raw[0] === 0xfe && raw[1] === 0xff
          ? raw.subarray(2).swap16().toString("utf16le")
          : raw.toString("latin1");
    }
  }
  title = title
    ? title.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim()
    : null;
  // Producers' placeholders are not titles.
  if (!title || /^(untitled|microsoft word - .*|dokument\d*|document\d*)$/i.test(title)) return null;
  return title.slice(0, 300);
}
