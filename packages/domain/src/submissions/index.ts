export * from "./schemas";
export * from "./signatories";
export * from "./submissions";
export {
  RENDER_MEDIA_TYPES,
  fileNameOf,
  getRender,
  getRenderFile,
  latestRender,
  requestRender,
  type RenderFileKind,
} from "./renders";
export * from "./review";
export * from "./approval";
export { REAUTH_WINDOW_MS, reauthenticate, reauthenticateInput, signSubmission } from "./signing";
export * from "./sending";
export * from "./approval-view";
export { HEARING_STATUS_FOR, idVersionInput, type ClientInfo } from "./lock";
export { LOCAL_DIVERGENCE_THRESHOLD, type SubmissionWarning } from "./snapshot";
export { getSignedDocument, verifyDocument, verifyDocumentHash } from "./signed";
export { COLLAB_TICKET_MS, collabTicketInput, issueCollabTicket } from "./collab";
