/**
 * What a document file is, for the archive: its PRONOM format (what Arkade, Arkivverket's test tool, identifies with
 * Siegfried) and whether it is an archive format. Noark 5 (6.4.9) takes only documents in an archive format into an
 * extract; production formats such as DOCX stay out.
 */

export interface ArchiveFormat {
  /** What `format` says in arkivstruktur.xml: the file's extension in capitals (Arkade's N5.29 compares the two). */
  format: string;
  /** PRONOM identifier, e.g. `fmt/477`. */
  pronom: string;
  /** For people: e.g. `PDF/A-2b (ISO 19005-2:2011)`. */
  name: string;
  extension: string;
  archival: boolean;
}

const PDFA: Record<string, { pronom: string; iso: string }> = {
  "1A": { pronom: "fmt/95", iso: "ISO 19005-1:2005" },
  "1B": { pronom: "fmt/354", iso: "ISO 19005-1:2005" },
  "2A": { pronom: "fmt/476", iso: "ISO 19005-2:2011" },
  "2B": { pronom: "fmt/477", iso: "ISO 19005-2:2011" },
  "2U": { pronom: "fmt/478", iso: "ISO 19005-2:2011" },
  "3A": { pronom: "fmt/479", iso: "ISO 19005-3:2012" },
  "3B": { pronom: "fmt/480", iso: "ISO 19005-3:2012" },
  "3U": { pronom: "fmt/481", iso: "ISO 19005-3:2012" },
};

/**
 * The PDF/A part and conformance a PDF declares in its XMP metadata (`pdfaid:part`, `pdfaid:conformance`), as
 * attributes or elements. Null for a PDF that does not claim PDF/A.
 */
export function pdfaLevel(bytes: Uint8Array): string | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const part = /pdfaid:part(?:="|>)\s*([1-4])/.exec(text)?.[1];
  const conformance = /pdfaid:conformance(?:="|>)\s*([ABUabu])/.exec(text)?.[1];
  return part && conformance ? `${part}${conformance.toUpperCase()}` : null;
}

/** The format of a stored file, from its bytes first and its MIME type second. */
export function archiveFormat(bytes: Uint8Array, mimeType: string): ArchiveFormat {
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  if (head === "%PDF-") {
    const level = pdfaLevel(bytes);
    const pdfa = level ? PDFA[level] : undefined;
    if (pdfa)
      return {
        pronom: pdfa.pronom,
        name: `PDF/A-${level![0]}${level![1]!.toLowerCase()} (${pdfa.iso})`,
        format: "PDF",
        extension: "pdf",
        archival: true,
      };
    return { format: "PDF", pronom: "fmt/276", name: "PDF (ikke PDF/A)", extension: "pdf", archival: false };
  }
  if (mimeType.includes("wordprocessingml"))
    return {
      format: "DOCX",
      pronom: "fmt/412",
      name: "Microsoft Word (DOCX)",
      extension: "docx",
      archival: false,
    };
  if (mimeType === "text/plain")
    return { format: "TXT", pronom: "x-fmt/111", name: "Ren tekst", extension: "txt", archival: true };
  return {
    format: "BIN",
    pronom: "UNKNOWN",
    name: mimeType || "ukjent format",
    extension: "bin",
    archival: false,
  };
}

/** PDF/A-2b: what Innspill renders, and what an archive copy is. */
export const PDFA_2B: ArchiveFormat = {
  format: "PDF",
  pronom: "fmt/477",
  name: "PDF/A-2b (ISO 19005-2:2011)",
  extension: "pdf",
  archival: true,
};
