/**
 * A Word document as PDF/A-2b, for its archive copy: its text, headings, bullets, tables and pictures read with
 * mammoth, set by `@innspill/documents`' `textToPdfA`. Run only in the bounded child process (`imports/extract.ts`,
 * kind `docxa`), which checks the zip strictly under the import's caps (`parse-child.ts`, `docxParts`) before this
 * reads it; what mammoth then costs (its pictures, unpacked) is the child's. Imports nothing that needs the
 * server's environment: the child has none.
 */
import {
  ArchiveConversionError,
  textToPdfA,
  type ArchiveBlock,
  type ArchiveRun,
} from "@innspill/documents/archive";

/** The copy and the title the document gives itself (its first heading), or null. */
export async function docxToPdfA(
  bytes: Buffer,
  o: { filename: string; timestamp: number },
): Promise<{ pdf: Buffer; title: string | null }> {
  const doc = await readDocx(bytes);
  return {
    pdf: textToPdfA({ title: doc.title ?? o.filename, blocks: doc.blocks }, { timestamp: o.timestamp }),
    title: doc.title,
  };
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
