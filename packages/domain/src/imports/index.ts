/**
 * Importing past letters: read the text (pasted, DOCX through mammoth, PDF text layer through unpdf), propose the
 * parts, find what the library already says (reuse detection), and — only when the user confirms — save the letter
 * against a hearing, with provenance links for every confirmed position and block.
 */
export * from "./letter";
export * from "./similarity";
export * from "./reuse";
export * from "./propose";
export * from "./commit";
export * from "./usages";
export * from "./insight";
export { docxText, EXTRACT_LIMITS, PARSE_SLOTS, pdfText } from "./extract";
