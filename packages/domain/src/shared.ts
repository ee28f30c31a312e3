/**
 * The browser-safe part of the domain: schemas, messages, dates and constants, with no database or Node imports.
 * Forms validate with the same schemas as the server.
 */
export { ROLES, type Actor } from "./access/actor";
export * from "./access/permissions";
export * from "./dates/dates";
export * from "./common/errors";
export * from "./i18n/messages";
export * from "./common/validation";
export * from "./hearings/constants";
export * from "./hearings/schemas";
export * from "./users/schemas";
export * from "./hearings/workflow";
export {
  HearingDecision,
  HearingKind,
  HearingStatus,
  IssuingBodyType,
  MilestoneKind,
  Role,
} from "@innspill/db/enums";
export * from "./library/body";
export { HIGHLIGHT_END, HIGHLIGHT_START } from "./library/highlight";
export { FactFormat, PositionStatus } from "@innspill/db/enums";
export * from "./submissions/schemas";
export {
  RenderStatus,
  SectionKind,
  SubmissionStatus,
  SigningOrder,
  SendingChannel,
} from "@innspill/db/enums";
export { wordDiff, type WordDiffPart } from "./library/diff";
export type { SubmissionView } from "./submissions/submissions";
export type { SubmissionWarning } from "./submissions/snapshot";
export * from "./i18n/labels";
