import type { DbTx } from "@innspill/db";
import { sha256 } from "./hash";

/** The media types of the documents Innspill makes. */
export const DOCUMENT_MEDIA_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/**
 * Stores files in `StoredFile`, which is addressed by content: a file whose hash is there already is not written
 * again. Their hashes, by the same keys.
 */
export async function storeFiles<K extends string>(
  tx: DbTx,
  files: Record<K, { bytes: Uint8Array; mediaType: string }>,
): Promise<Record<K, string>> {
  const entries = Object.entries(files) as [K, { bytes: Uint8Array; mediaType: string }][];
  const hashes = Object.fromEntries(entries.map(([key, f]) => [key, sha256(f.bytes)])) as Record<K, string>;
  await tx.storedFile.createMany({
    data: entries.map(([key, f]) => ({
      sha256: hashes[key],
      mediaType: f.mediaType,
      size: f.bytes.byteLength,
      content: Buffer.from(f.bytes),
    })),
    skipDuplicates: true,
  });
  return hashes;
}
