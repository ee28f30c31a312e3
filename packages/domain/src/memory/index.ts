/**
 * The organisation's memory: positions recognised in the composer's own text (with the import's matching), links
 * from sentences to positions, warnings, and the outcomes of each position a sent letter argued.
 */
export * from "./recognise";
export * from "./restatements";
export * from "./outcomes";
export * from "./report";
export * from "./suggestions";
export { getOutcomeReportFile, getOutcomeReportRender, requestOutcomeReport } from "./report-files";
