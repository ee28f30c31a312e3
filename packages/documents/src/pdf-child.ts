/** The child of `PdfProcess`: renders each letter it is sent with `renderPdf` and sends the bytes back. */
import type { DocumentModel } from "./model";
import { renderPdf } from "./pdf";

process.on("message", (m: { model: DocumentModel }) => {
  try {
    process.send!({ pdf: renderPdf(m.model) });
  } catch (err) {
    process.send!({ error: (err as Error).message });
  }
});
process.on("disconnect", () => process.exit(0));
