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
 * attempt is counted and committed before converting), then marked FAILED. A Word file is read once by the import's bounded child process (strict zip, capped XML) before mammoth reads it.
 */
import type { Db } from "@innspill/db";
import { ArchiveConversionError, textToPdfA, type ArchiveBlock, type ArchiveRun } from "@innspill/documents";
import { sha256 } from "../common/hash";
import {
  childFailureText,
  ChildRefusal,
  docxText,
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
    if (!(err instanceof ChildRefusal)) throw err;
    if (err.reason === "conversion" && err.detail) throw new ArchiveConversionError(err.detail);
    throw new ArchiveConversionError(childFailureText(err, "PDF-en"));
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

/** Makes the archive copies of up to `limit` waiting documents, one at a time. Returns what became of each. */
export async function archivePendingDocuments(db: Db, o: { limit?: number } = {}) {
  const done: { id: string; status: string }[] = [];
  for (let i = 0; i < (o.limit ?? 20); i++) {
    const c = await claim(db);
    if (!c) break;
    done.push({ id: c.id, status: await archiveOne(db, c) });
  }
  return done;
}

async function archiveOne(db: Db, c: Claimed): Promise<string> {
  const fail = async (reason: string) => {
    await db.hearingDocument.update({
      where: { id: c.id },
      data: { archiveStatus: "FAILED", archiveError: reason.slice(0, 500), archivedAt: new Date() },
    });
    return "FAILED";
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
      return "ARCHIVAL";
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
      const doc = await readDocx(bytes);
      title = doc.title;
      pdf = textToPdfA({ title: title ?? c.filename, blocks: doc.blocks }, { timestamp });
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
    return "CONVERTED";
  } catch (err) {
    const reason =
      err instanceof ArchiveConversionError
        ? err.message
        : `Filen kunne ikke leses (${String((err as Error)?.message ?? err).slice(0, 200)}).`;
    return fail(reason);
  }
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

// mammoth's document elements (what `transformDocument` is given), as far as this reads them.
interface Element {
  type: string;
  children?: Element[];
  value?: string;
  isBold?: boolean;
  isItalic?: boolean;
  styleName?: string | null;
  numbering?: unknown;
  contentType?: string;
  read?: () => Promise<Buffer>;
}

/** A Word document's text, headings, bullets, tables and pictures, read with mammoth, and its first heading. */
async function readDocx(bytes: Buffer): Promise<{ title: string | null; blocks: ArchiveBlock[] }> {
  // The import's strict reading, in its bounded child process, first: a zip that is malformed, zip64 or too large
  // unpacked is refused there, so mammoth below only reads a file whose XML parts passed the caps.
  try {
    await docxText(bytes);
  } catch {
    throw new ArchiveConversionError("Word-filen er skadet eller for stor utpakket.");
  }
  const mammoth = (await import("mammoth")).default;
  let root: Element | null = null;
  await mammoth.convertToHtml(
    { buffer: bytes },
    {
      transformDocument: (d: Element) => {
        root = d;
        return d;
      },
    },
  );
  if (!root) throw new ArchiveConversionError("Word-filen har ikke noe innhold.");
  const blocks: ArchiveBlock[] = [];
  const images: { block: ArchiveBlock & { kind: "image" }; read: () => Promise<Buffer> }[] = [];
  const runsOf = (e: Element, style: { bold?: boolean; italic?: boolean } = {}): ArchiveRun[] => {
    const out: ArchiveRun[] = [];
    for (const ch of e.children ?? []) {
      if (ch.type === "text" && ch.value) out.push({ text: ch.value, ...style });
      else if (ch.type === "tab") out.push({ text: " ", ...style });
      else if (ch.type === "break") out.push({ text: "\n" });
      else if (ch.type === "image" && ch.read && /^image\/(png|jpeg)$/.test(ch.contentType ?? "")) {
        const block = {
          kind: "image" as const,
          mediaType: ch.contentType as "image/png",
          data: new Uint8Array(),
        };
        images.push({ block, read: ch.read });
      } else if (ch.children)
        out.push(...runsOf(ch, ch.type === "run" ? { bold: !!ch.isBold, italic: !!ch.isItalic } : style));
    }
    return out;
  };
  const walk = (e: Element) => {
    for (const ch of e.children ?? []) {
      if (ch.type === "paragraph") {
        const before = images.length;
        const runs = runsOf(ch);
        const heading = /^(heading|overskrift|title|tittel)\s*(\d?)/i.exec(ch.styleName ?? "");
        if (runs.some((r) => r.text.trim()))
          if (heading) blocks.push({ kind: "heading", level: Number(heading[2] || 1), runs });
          else if (ch.numbering) {
            const last = blocks.at(-1);
            if (last?.kind === "bullets") last.items.push(runs);
            else blocks.push({ kind: "bullets", items: [runs] });
          } else blocks.push({ kind: "paragraph", runs });
        for (const img of images.slice(before)) blocks.push(img.block);
      } else if (ch.type === "table") {
        const rows = (ch.children ?? []).map((row) =>
          (row.children ?? []).map((cell) =>
            (cell.children ?? []).flatMap((p, i) => [...(i ? [{ text: "\n" }] : []), ...runsOf(p)]),
          ),
        );
        blocks.push({ kind: "table", rows });
      } else if (ch.children) walk(ch);
    }
  };
  walk(root);
  for (const img of images) img.block.data = new Uint8Array(await img.read());
  const first = blocks.find((b) => b.kind === "heading") ?? blocks.find((b) => b.kind === "paragraph");
  const firstText =
    first && "runs" in first
      ? first.runs
          .map((r) => r.text)
          .join("")
          .replace(/\s+/g, " ")
          .trim()
      : "";
  return { title: firstText && firstText.length <= 200 ? firstText : null, blocks };
}
