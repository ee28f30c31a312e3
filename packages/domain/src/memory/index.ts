/** Memory while writing, and outcomes: what the API, the web and the command line may use (`@innspill/domain`). */
export {
  exportOutcomes,
  getOutcomeInsight,
  listHearingOutcomes,
  listPositionOutcomes,
  outcomePeriodInput,
  outcomesCsv,
  recordOutcome,
  recordOutcomeInput,
} from "./outcomes";
export { getMemoryWarnings, linesOf, recogniseInput, recogniseLetterText } from "./recognise";
export { getOutcomeReport, outcomeReportInput } from "./report";
export {
  linkRestatement,
  linkRestatementInput,
  unlinkRestatement,
  unlinkRestatementInput,
} from "./restatements";
export { suggestForLetter } from "./suggestions";
export { getOutcomeReportFile, getOutcomeReportRender, requestOutcomeReport } from "./report-files";
