import type { Db } from "@innspill/db";
import { archivePendingDocuments } from "@innspill/domain/worker";

/** Archive copies (PDF/A-2b) of uploaded documents that have none yet: see noark/archive-copies.ts. */
export async function processArchiveDocuments(db: Db) {
  const done = await archivePendingDocuments(db, { limit: 20 });
  const failed = done.filter((d) => d.status === "FAILED");
  // Each failure in the job's log line: the reason the hearing page shows, and for the operator what the child said.
  return {
    documents: done.length,
    failed: failed.length,
    failures: failed.map(({ id, reason, diagnostic }) => ({ id, reason, diagnostic })),
  };
}
