/** Letters: what the API, the web and the command line may use (`@innspill/domain`). */
export {
  approveSubmission,
  requestApproval,
  requestApprovalInput,
  returnForChanges,
  returnForChangesInput,
  snapshotHashInput,
} from "./approval";
export { getApprovalView } from "./approval-view";
export { getRender, getRenderFile, latestRender, requestRender } from "./renders";
export {
  addReviewComment,
  listReviewThreads,
  resolveReviewThread,
  returnToDraft,
  reviewCommentInput,
  sendForReview,
} from "./review";
export { createSignatoryInput, saveSubmissionInput, updateSignatoryInput } from "./schemas";
export { createRevision, recordSending, recordSendingInput } from "./sending";
export { createSignatory, listSignatories, updateSignatory } from "./signatories";
export { getSignedDocument, verifyDocument, verifyDocumentHash } from "./signed";
export {
  passkeySigningChallenge,
  reauthenticate,
  reauthenticateInput,
  signSubmission,
  signSubmissionWithPasskey,
  signWithPasskeyInput,
} from "./signing";
export { idVersionInput } from "./steps";
export {
  createSubmission,
  findSubmissionForHearing,
  getSubmission,
  listSubmissions,
  listSubmissionsInput,
  previewSubmission,
  saveSubmission,
} from "./submissions";
export { collabTicketInput, issueCollabTicket } from "./collab";
