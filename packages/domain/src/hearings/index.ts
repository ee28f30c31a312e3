/** Hearings: what the API, the web and the command line may use (`@innspill/domain`). */
export {
  addHearingDocument,
  addHearingLink,
  addLinkInput,
  checkHearingUpload,
  getHearingDocument,
  removeDocumentInput,
  removeHearingDocument,
  removeHearingLink,
} from "./attachments";
export { getCalendarFeed, issueCalendarToken, revokeCalendarToken } from "./calendar";
export { decideHearing, transitionHearing } from "./decisions";
export { exportHearingHistory } from "./history";
export { updateMilestone } from "./milestone-updates";
export { calendarMonthInput, getCalendarMonth, getOverview } from "./overview";
export { getHearing, getHearingFormOptions, listHearings } from "./queries";
export { createHearing, updateHearing } from "./register";
export {
  createHearingInput,
  decideHearingInput,
  hearingIdInput,
  listHearingsInput,
  transitionHearingInput,
  updateHearingInput,
  updateMilestoneInput,
} from "./schemas";
