import { assemble, type DocumentModel, type SubmissionSnapshot } from "@innspill/documents/preview";
import type { DbTx } from "@innspill/db";

/**
 * A snapshot as the document model the renderers take, with what the snapshot names by hash loaded from the stored
 * files (the organisation's logo). Every render of a letter (PDF, DOCX, preview) goes through here.
 */
export async function letterModel(db: DbTx, snapshot: SubmissionSnapshot): Promise<DocumentModel> {
  const model = assemble(snapshot);
  const logo = snapshot.letterhead.logo;
  if (logo && model.letterhead.logo) {
    const file = await db.storedFile.findUnique({
      where: { sha256: logo.sha256 },
      select: { content: true },
    });
    // A logo file that is gone (never, as stored files are immutable) leaves the letterhead without it.
    model.letterhead.logo = file
      ? { ...model.letterhead.logo, data: Buffer.from(file.content).toString("base64") }
      : null;
  }
  return model;
}
