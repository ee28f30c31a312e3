/**
 * Who may do what: the one place that decides. Use-cases enforce it (`requireRole`, or `can` with the subject's
 * state); queries return `actions` computed with it, and the UI shows a button only when its action is listed.
 * Browser-safe: no database, no Node.
 */
import type { HearingStatus, Role, SubmissionStatus } from "@innspill/db/enums";

/** Who registers and edits hearings, and plans their milestones. */
export const HEARING_EDITORS = ["ADVISER", "ADMIN"] as const satisfies readonly Role[];
/** Who edits the policy library (positions, blocks, facts) and imports letters and platforms. */
export const LIBRARY_EDITORS = ["ADVISER", "ADMIN"] as const satisfies readonly Role[];
/** Who composes letters. Leaders read, render, approve and sign them. */
export const SUBMISSION_EDITORS = ["ADVISER", "ADMIN"] as const satisfies readonly Role[];
/** Who keeps the register of signatories. */
export const SIGNATORY_EDITORS = ["ADMIN"] as const satisfies readonly Role[];

/** Where a hearing case ends: answered and sent, archived, or declined. Only closed cases go to the archive. */
export const CLOSED_STATUSES = [
  "SENDT",
  "ARKIVERT",
  "SVARER_IKKE",
] as const satisfies readonly HearingStatus[];

/** Statuses in which a letter can still be edited (an edit to a frozen one voids its approvals). */
const EDITABLE: readonly SubmissionStatus[] = [
  "DRAFT",
  "IN_REVIEW",
  "AWAITING_APPROVAL",
  "APPROVED",
  "SIGNING",
];

export type Action =
  | "admin"
  | "hearing.create"
  | "hearing.edit"
  | "hearing.exportArchive"
  | "library.edit"
  | "signatory.edit"
  | "submission.edit"
  | "submission.sendForReview"
  | "submission.returnToDraft"
  | "submission.requestApproval"
  | "submission.openApproval"
  | "submission.downloadSigned"
  | "submission.recordSending"
  | "submission.createRevision"
  | "submission.approve"
  | "submission.sign"
  | "submission.returnForChanges"
  | "submission.linkRestatement"
  | "submission.recordOutcome";

export interface Subject {
  hearingStatus?: HearingStatus;
  submissionStatus?: SubmissionStatus;
  /** The user is among the letter's approvers (or it names none, and any leader approves). */
  isApprover?: boolean;
  approvedByMe?: boolean;
  /** The user is one of the letter's signatories. */
  isSignatory?: boolean;
  signedByMe?: boolean;
}

type Who = { role: Role };
const isOneOf = (role: Role, roles: readonly Role[]) => roles.includes(role);

/** Whether `actor` may do `action` (on a subject in the given state). */
export function can(actor: Who | null | undefined, action: Action, subject: Subject = {}): boolean {
  if (!actor) return false;
  const s = subject.submissionStatus;
  const composer = isOneOf(actor.role, SUBMISSION_EDITORS);
  switch (action) {
    case "admin":
    case "signatory.edit":
      return isOneOf(actor.role, SIGNATORY_EDITORS);
    case "hearing.create":
    case "hearing.edit":
      return isOneOf(actor.role, HEARING_EDITORS);
    case "hearing.exportArchive":
      return (
        !!subject.hearingStatus && (CLOSED_STATUSES as readonly string[]).includes(subject.hearingStatus)
      );
    case "library.edit":
      return isOneOf(actor.role, LIBRARY_EDITORS);
    case "submission.edit":
      return composer && (!s || EDITABLE.includes(s));
    case "submission.sendForReview":
      return composer && s === "DRAFT";
    case "submission.returnToDraft":
    case "submission.requestApproval":
      return composer && s === "IN_REVIEW";
    case "submission.openApproval":
      return !!s && ["AWAITING_APPROVAL", "APPROVED", "SIGNING", "SIGNED", "SENT"].includes(s);
    case "submission.downloadSigned":
      return s === "SIGNED" || s === "SENT";
    case "submission.recordSending":
      return composer && s === "SIGNED";
    case "submission.createRevision":
      return composer && (s === "SIGNED" || s === "SENT");
    case "submission.approve":
      return (
        actor.role === "LEADER" &&
        !!subject.isApprover &&
        !subject.approvedByMe &&
        (s === "AWAITING_APPROVAL" || s === "APPROVED")
      );
    case "submission.sign":
      return (
        actor.role === "LEADER" &&
        !!subject.isSignatory &&
        !subject.signedByMe &&
        (s === "APPROVED" || s === "SIGNING")
      );
    case "submission.returnForChanges":
      return s === "AWAITING_APPROVAL" || s === "APPROVED" || s === "SIGNING";
    case "submission.linkRestatement":
      return composer && (!s || EDITABLE.includes(s));
    case "submission.recordOutcome":
      return composer && s === "SENT";
  }
}

/** The actions of `candidates` that `actor` may do on the subject: what a query returns as `actions`. */
export function availableActions<A extends Action>(
  actor: Who | null | undefined,
  candidates: readonly A[],
  subject: Subject = {},
): A[] {
  return candidates.filter((a) => can(actor, a, subject));
}

export const SUBMISSION_ACTIONS = [
  "submission.edit",
  "submission.sendForReview",
  "submission.returnToDraft",
  "submission.requestApproval",
  "submission.openApproval",
  "submission.downloadSigned",
  "submission.recordSending",
  "submission.createRevision",
] as const satisfies readonly Action[];

export const APPROVAL_ACTIONS = [
  "submission.approve",
  "submission.sign",
  "submission.returnForChanges",
] as const satisfies readonly Action[];

export const HEARING_ACTIONS = ["hearing.edit", "hearing.exportArchive"] as const satisfies readonly Action[];
