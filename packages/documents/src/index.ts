import { createHash } from "node:crypto";

export * from "./preview";
export { renderDocx } from "./docx";
export { renderPdf, LETTER_TEMPLATES } from "./pdf";
export { PdfProcess, PdfProcessError } from "./pdf-process";
export {
  ArchiveConversionError,
  pdfToPdfA,
  textToPdfA,
  type ArchiveBlock,
  type ArchiveRun,
  type ArchiveTextDocument,
} from "./archive";

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");
