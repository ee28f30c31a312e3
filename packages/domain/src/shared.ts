/**
 * The browser-safe part of the domain: schemas, messages, dates and constants, with no database or Node imports.
 * Forms validate with the same schemas as the server. An explicit list: what client code imports, nothing more.
 */
export { ROLES } from "./access/actor";
export { type Action, can, CLOSED_STATUSES } from "./access/permissions";
export {
  daysBetween,
  formatDate,
  formatDateTime,
  isValidDateOnly,
  type Locale,
  osloDate,
} from "./dates/dates";
export {
  HEARING_COLUMN_FIELDS,
  HEARING_KINDS,
  HEARING_SORTS,
  HEARING_STATUSES,
  MAX_CASE_DOCUMENTS_MB,
  MAX_DOCUMENT_MB,
} from "./hearings/constants";
export { hearingFields, type HearingFields, type HearingFieldsInput } from "./hearings/schemas";
export { localizeParams, milestoneLabelKey } from "./i18n/labels";
export { domainMessages } from "./i18n/messages";
export { type BlockBody, bodyPositionIds, bodyToPlainText, emptyBody, MAX_BODY_BYTES } from "./library/body";
export { wordDiff } from "./library/diff";
export { HIGHLIGHT_END, HIGHLIGHT_START } from "./library/highlight";
export {
  type LetterFields,
  letterFieldsOf,
  replacePositionInBody,
  saveInputOf,
  type SaveSubmissionInput,
  titleOn,
} from "./submissions/schemas";
export { type SubmissionWarning } from "./submissions/snapshot";
export { type SubmissionView } from "./submissions/submissions";
export {
  FactFormat,
  HearingStatus,
  IssuingBodyType,
  MilestoneKind,
  PositionStatus,
  RenderStatus,
  SubmissionStatus,
} from "@innspill/db/enums";
