/**
 * The status workflow of a hearing as a state machine: which transitions exist, who may make them, and what must
 * hold first. Who may take a transition is its action's entry in `access/permissions.ts`; what the hearing page
 * offers is `workflowActions`. registrert → vurderes → under arbeid → til gjennomgang → til godkjenning → til
 * signering → sendt → arkivert, plus «svarer ikke». Some steps can go back one step (a review sends the draft back to
 * work). No hearing transition is a leader's: leaders approve and sign the letter, and the hearing follows it.
 *
 * «Til godkjenning», «Til signering» and «Sendt» follow the letter: only its own workflow (approval, signatures,
 * recorded sending) moves the hearing there, so Oversikt never reports a letter as sent that was not signed. A letter
 * written and sent outside Innspill is recorded as «Sendt utenfor Innspill», with a reason and the sent document.
 */
import type { HearingDecision, HearingStatus, Role } from "@innspill/db/enums";
import { roleMay, type Action } from "../access/permissions";

const STATUS_ORDER: readonly HearingStatus[] = [
  "REGISTRERT",
  "VURDERES",
  "UNDER_ARBEID",
  "TIL_GJENNOMGANG",
  "TIL_GODKJENNING",
  "TIL_SIGNERING",
  "SENDT",
  "ARKIVERT",
];

/** How far along the chain a status is; «svarer ikke» is off the chain. */
export const statusRank = (s: HearingStatus): number => STATUS_ORDER.indexOf(s);

export interface WorkflowFacts {
  status: HearingStatus;
  decision: HearingDecision | null;
  responsibleId: string | null;
  /** The hearing has a letter in Innspill: its workflow moves the hearing on. */
  hasLetter?: boolean;
  /** The hearing's documents (the sent letter, for a sending outside Innspill, is one of them). */
  documentIds?: readonly string[];
}

export interface TransitionInput {
  reason?: string | null;
  /** For «Sendt utenfor Innspill»: the hearing document that was sent. */
  documentId?: string | null;
}

export interface Transition {
  from: HearingStatus;
  to: HearingStatus;
  /** The permission it takes (`PERMISSIONS` in access/permissions.ts). */
  action: Action;
  /** Returns a message key when the transition is not allowed for this hearing. */
  guard?: (h: WorkflowFacts, input: TransitionInput) => string | null;
}

const needsResponsible = (h: WorkflowFacts) => (h.responsibleId ? null : "transitionNeedsResponsible");
const needsAnswerDecision = (h: WorkflowFacts) =>
  h.decision === "SVARER" ? null : "transitionNeedsDecision";
const needsReason = (_h: WorkflowFacts, input: TransitionInput) =>
  input.reason?.trim() ? null : "transitionNeedsReason";
/** «Sendt utenfor Innspill»: no letter in Innspill (that one moves the hearing itself), a reason, the sent document. */
const sentOutside = (h: WorkflowFacts, input: TransitionInput) =>
  h.hasLetter
    ? "transitionFollowsLetter"
    : !input.reason?.trim()
      ? "transitionNeedsReason"
      : !input.documentId || !h.documentIds?.includes(input.documentId)
        ? "transitionNeedsSentDocument"
        : null;

export const TRANSITIONS: readonly Transition[] = [
  { from: "REGISTRERT", to: "VURDERES", action: "hearing.transition" },
  // Deciding to answer or not (decideHearing) moves the hearing on; these are the same edges.
  { from: "REGISTRERT", to: "UNDER_ARBEID", action: "hearing.decide", guard: needsAnswerDecision },
  { from: "VURDERES", to: "UNDER_ARBEID", action: "hearing.decide", guard: needsAnswerDecision },
  { from: "REGISTRERT", to: "SVARER_IKKE", action: "hearing.decide", guard: needsReason },
  { from: "VURDERES", to: "SVARER_IKKE", action: "hearing.decide", guard: needsReason },
  { from: "UNDER_ARBEID", to: "TIL_GJENNOMGANG", action: "hearing.transition", guard: needsResponsible },
  { from: "TIL_GJENNOMGANG", to: "UNDER_ARBEID", action: "hearing.transition" },
  // Til godkjenning, til signering and sendt follow the letter's workflow; a letter from outside Innspill:
  { from: "UNDER_ARBEID", to: "SENDT", action: "hearing.recordSentOutside", guard: sentOutside },
  { from: "TIL_GJENNOMGANG", to: "SENDT", action: "hearing.recordSentOutside", guard: sentOutside },
  { from: "SENDT", to: "ARKIVERT", action: "hearing.transition" },
  // A declined hearing can be taken up again.
  { from: "SVARER_IKKE", to: "VURDERES", action: "hearing.decide", guard: needsReason },
];

export function findTransition(from: HearingStatus, to: HearingStatus): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.to === to);
}

/** The transitions a role can take from a status. */
export function transitionsFrom(from: HearingStatus, role: Role): Transition[] {
  return TRANSITIONS.filter((t) => t.from === from && roleMay(role, t.action));
}

/** What the hearing page offers this user for the workflow now; the page renders exactly this. */
export interface WorkflowActions {
  /** «Svarer» / «Svarer ikke» (`decideHearing`): offered while the hearing waits for a decision. */
  decide: boolean;
  /** Plain status steps, each with whether it asks for a reason. The decision's own edges are not repeated here. */
  transitions: { to: HearingStatus; needsReason: boolean }[];
  /** «Sendt utenfor Innspill» (its own form: a reason and the sent document); never while a letter in Innspill leads. */
  sentOutside: boolean;
}

const DECISION_TARGETS: readonly HearingStatus[] = ["UNDER_ARBEID", "SVARER_IKKE"];

export function workflowActions(h: Pick<WorkflowFacts, "status" | "hasLetter">, role: Role): WorkflowActions {
  const offered = transitionsFrom(h.status, role);
  const isDecision = (t: Transition) => t.action === "hearing.decide" && DECISION_TARGETS.includes(t.to);
  const isOutside = (t: Transition) => t.action === "hearing.recordSentOutside";
  return {
    decide: offered.some(isDecision),
    transitions: offered
      .filter((t) => !isDecision(t) && !isOutside(t))
      .map((t) => ({ to: t.to, needsReason: t.guard === needsReason })),
    sentOutside: !h.hasLetter && offered.some(isOutside),
  };
}

export type TransitionCheck =
  { ok: true } | { ok: false; code: "BAD_REQUEST" | "FORBIDDEN"; message: string };

/** Whether `role` may move a hearing from its status to `to`; the reason when not. */
export function checkTransition(
  h: WorkflowFacts,
  to: HearingStatus,
  role: Role,
  input: TransitionInput = {},
): TransitionCheck {
  const t = findTransition(h.status, to);
  if (!t) return { ok: false, code: "BAD_REQUEST", message: "transitionNotAllowed" };
  if (!roleMay(role, t.action)) return { ok: false, code: "FORBIDDEN", message: "transitionForbidden" };
  const problem = t.guard?.(h, input);
  return problem ? { ok: false, code: "BAD_REQUEST", message: problem } : { ok: true };
}
