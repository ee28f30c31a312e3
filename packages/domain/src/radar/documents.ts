import { MAX_DOCUMENT_BYTES, detectDocumentType } from "../hearings/attachments";
import type { RadarConfig } from "./config";
import { SourceError, fetchSource, isAllowedAddress } from "./fetch";

export interface Downloaded {
  url: string;
  filename: string;
  mimeType: string;
  bytes: Buffer;
}

const docName = (label: string, url: string) => {
  const base = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "") || label;
  return base.replace(/[/\\]/g, "_").slice(0, 200);
};

/**
 * A hearing's documents on a configured host, downloaded (PDF or DOCX, by their first bytes; at most ten). One the
 * source does not give now is counted as failed and stays a link: registering or updating does not wait for it.
 */
export async function downloadDocuments(documents: { label: string; url: string }[], config: RadarConfig) {
  const downloaded: Downloaded[] = [];
  let failed = 0;
  for (const d of documents.slice(0, 10)) {
    if (!isAllowedAddress(d.url, config)) continue;
    try {
      const got = await fetchSource(d.url, {
        ...config,
        maxBytes: Math.min(config.maxBytes * 4, MAX_DOCUMENT_BYTES),
      });
      if (got.notModified) continue;
      const filename = docName(d.label, d.url);
      const mimeType = detectDocumentType(filename, got.body);
      if (mimeType && got.body.byteLength > 0)
        downloaded.push({ filename, mimeType, bytes: got.body, url: d.url });
    } catch (err) {
      if (!(err instanceof SourceError)) throw err;
      failed++;
    }
  }
  return { downloaded, failed };
}
