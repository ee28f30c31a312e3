import type { Db } from "@innspill/db";
import { archivePendingDocuments } from "@innspill/domain/worker";

/** Archive copies (PDF/A-2b) of uploaded documents that have none yet: see noark/archive-copies.ts. */
export async function processArchiveDocuments(db: Db) {
  const done = await archivePendingDocuments(db, { limit: 20 });
  return { documents: done.length, failed: done.filter((d) => d.status === "FAILED").length };
}
