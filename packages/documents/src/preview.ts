/**
 * The light entry: assembly, the HTML preview and canonical JSON, without the DOCX and PDF engines. The domain and
 * the web import this; only the worker needs the full package.
 */
export * from "./model";
export { assemble, type BodyJson, type SubmissionSnapshot } from "./assemble";
export { renderHtml } from "./html";
export { canonicalJson } from "./canonical";
export { modelToText } from "./text";
export { isSafeLink } from "./links";
