/**
 * Who may do what: the one table that decides (`PERMISSIONS`). Use-cases authorize by action (`authorize`, then `can`
 * with the subject's state), tRPC procedures declare their action (`permissionProcedure`), the hearing workflow's
 * transitions name one, navigation and the admin area ask `can`, and queries return `actions` computed with it, so
 * the UI shows a button only when its action is listed. Browser-safe: no database, no Node.
 *
 * To add a permission: one entry here, its line in `access.test.ts`, and the action on the use-case and procedure.
 */
import type { HearingStatus, Role, SubmissionStatus } from "@innspill/db/enums";

/** Where a hearing case ends: answered and sent, archived, or declined. Only closed cases go to the archive. */
export const CLOSED_STATUSES = [
  "SENDT",
  "ARKIVERT",
  "SVARER_IKKE",
] as const satisfies readonly HearingStatus[];

export interface Subject {
  hearingStatus?: HearingStatus;
  submissionStatus?: SubmissionStatus;
  /** The user is among the letter's approvers (or it names none, and any leader approves). */
  isApprover?: boolean;
  approvedByMe?: boolean;
  /** The user is one of the letter's signatories. */
  isSignatory?: boolean;
  signedByMe?: boolean;
  /** The signed PDF of the letter exists (the worker has made it): what a letter is sent as. */
  signedDocumentReady?: boolean;
}

interface Permission {
  /** The roles that may do it at all (what a procedure checks before the subject is read). */
  roles: readonly Role[];
  /** When set, only a hearing in one of these statuses. */
  hearingStatuses?: readonly HearingStatus[];
  /** When set, only a letter in one of these statuses. */
  submissionStatuses?: readonly SubmissionStatus[];
  /** What else must hold of the subject. */
  when?: (s: Subject) => boolean;
}

const EVERYONE = ["ADVISER", "LEADER", "ADMIN"] as const satisfies readonly Role[];
/** Advisers and administrators: who registers hearings, keeps the library and composes letters. */
const STAFF = ["ADVISER", "ADMIN"] as const satisfies readonly Role[];
const ADMINS = ["ADMIN"] as const satisfies readonly Role[];
/** Approving and signing are a leader's own acts: not an adviser's, and no admin signs on anyone's behalf. */
const LEADERS = ["LEADER"] as const satisfies readonly Role[];

/** Statuses in which a letter can still be edited (an edit to a frozen one voids its approvals). */
const EDITABLE = [
  "DRAFT",
  "IN_REVIEW",
  "AWAITING_APPROVAL",
  "APPROVED",
  "SIGNING",
] as const satisfies readonly SubmissionStatus[];

export const PERMISSIONS = {
  // The admin area and what is done there.
  admin: { roles: ADMINS },
  "user.manage": { roles: ADMINS },
  "issuingBody.edit": { roles: ADMINS },
  "settings.edit": { roles: ADMINS },
  "outbox.read": { roles: ADMINS },
  "system.manage": { roles: ADMINS },
  "archive.exportPeriod": { roles: ADMINS },
  "signatory.edit": { roles: ADMINS },
  // Hearings and their workflow (`hearings/workflow.ts` names these per transition).
  "hearing.create": { roles: STAFF },
  "hearing.edit": { roles: STAFF },
  "hearing.decide": { roles: STAFF },
  "hearing.transition": { roles: STAFF },
  "hearing.recordSentOutside": { roles: STAFF },
  "hearing.exportArchive": { roles: EVERYONE, hearingStatuses: CLOSED_STATUSES },
  // Milestones: the plan (offsets, owners) and ticking them off; anyone may tick off a milestone they own.
  "milestone.plan": { roles: STAFF },
  "milestone.markDone": { roles: STAFF },
  "milestone.markOwnDone": { roles: EVERYONE },
  // The policy library: positions, blocks, facts, and the imports of letters and platforms.
  "library.edit": { roles: STAFF },
  // Letters.
  "submission.edit": { roles: STAFF, submissionStatuses: EDITABLE },
  "submission.sendForReview": { roles: STAFF, submissionStatuses: ["DRAFT"] },
  "submission.returnToDraft": { roles: STAFF, submissionStatuses: ["IN_REVIEW"] },
  "submission.requestApproval": { roles: STAFF, submissionStatuses: ["IN_REVIEW"] },
  "submission.openApproval": {
    roles: EVERYONE,
    submissionStatuses: ["AWAITING_APPROVAL", "APPROVED", "SIGNING", "SIGNED", "SENT"],
  },
  // Offered once the signed PDF exists; a subject that does not say (the approval page, which shows the PDF's own
  // making/ready state, and the download itself, which answers 404 until then) is not refused for it.
  "submission.downloadSigned": {
    roles: EVERYONE,
    submissionStatuses: ["SIGNED", "SENT"],
    when: (s) => s.signedDocumentReady !== false,
  },
  // A letter is sent as it was signed: not before the worker has made the signed PDF.
  "submission.recordSending": {
    roles: STAFF,
    submissionStatuses: ["SIGNED"],
    when: (s) => !!s.signedDocumentReady,
  },
  "submission.createRevision": { roles: STAFF, submissionStatuses: ["SIGNED", "SENT"] },
  "submission.approve": {
    roles: LEADERS,
    submissionStatuses: ["AWAITING_APPROVAL", "APPROVED"],
    when: (s) => !!s.isApprover && !s.approvedByMe,
  },
  "submission.sign": {
    roles: LEADERS,
    submissionStatuses: ["APPROVED", "SIGNING"],
    when: (s) => !!s.isSignatory && !s.signedByMe,
  },
  "submission.returnForChanges": {
    roles: EVERYONE,
    submissionStatuses: ["AWAITING_APPROVAL", "APPROVED", "SIGNING"],
  },
  // The organisation's memory: a sentence linked to the position it restates, and what came of a sent letter.
  "submission.linkRestatement": { roles: STAFF, submissionStatuses: EDITABLE },
  "submission.recordOutcome": { roles: STAFF, submissionStatuses: ["SENT"] },
  // The yearly report «Politiske gjennomslag <år>» made and downloaded from Innsikt: the leaders print it too.
  "insight.reportOutcomes": { roles: EVERYONE },
  // The hearing radar: registering or dismissing a suggestion, and its sources' schedule.
  "radar.review": { roles: STAFF },
  "radar.manage": { roles: ADMINS },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

export const isAction = (name: string): name is Action => Object.hasOwn(PERMISSIONS, name);

type Who = { role: Role };

/** Whether the role may do the action at all, whatever the subject: what a procedure checks. */
export function roleMay(role: Role, action: Action): boolean {
  return (PERMISSIONS[action].roles as readonly Role[]).includes(role);
}

/** Whether `actor` may do `action` (on a subject in the given state). */
export function can(actor: Who | null | undefined, action: Action, subject: Subject = {}): boolean {
  if (!actor || !roleMay(actor.role, action)) return false;
  const p: Permission = PERMISSIONS[action];
  if (p.hearingStatuses && !(subject.hearingStatus && p.hearingStatuses.includes(subject.hearingStatus)))
    return false;
  if (
    p.submissionStatuses &&
    !(subject.submissionStatus && p.submissionStatuses.includes(subject.submissionStatus))
  )
    return false;
  return p.when ? p.when(subject) : true;
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
