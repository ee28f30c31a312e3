import type { HearingStatus, MilestoneKind } from "@innspill/db/enums";
import type { DateOnly } from "../dates/dates";
import { subtractWorkingDays } from "../dates/workdays";

/** The internal chain before the deadline, in order. */
export const MILESTONE_KINDS = [
  "UTKAST",
  "GJENNOMGANG",
  "GODKJENNING",
  "SIGNERING",
] as const satisfies readonly MilestoneKind[];

/**
 * The status a hearing should have reached when a milestone is due: the draft is done when it goes to review, and
 * so on. A hearing is at risk when a milestone's date has passed and its status is still behind this.
 */
export const MILESTONE_TARGET_STATUS: Record<MilestoneKind, HearingStatus> = {
  UTKAST: "TIL_GJENNOMGANG",
  GJENNOMGANG: "TIL_GODKJENNING",
  GODKJENNING: "TIL_SIGNERING",
  SIGNERING: "SENDT",
};

export type MilestoneOffsets = Record<MilestoneKind, number>;

export interface PlannedMilestone {
  kind: MilestoneKind;
  offsetDays: number;
  dueDate: DateOnly;
}

/** Milestone dates counted back from the deadline in working days. */
export function planMilestones(deadline: DateOnly, offsets: MilestoneOffsets): PlannedMilestone[] {
  return MILESTONE_KINDS.map((kind) => ({
    kind,
    offsetDays: offsets[kind],
    dueDate: subtractWorkingDays(deadline, offsets[kind]),
  }));
}

export interface MilestoneState {
  id: string;
  kind: MilestoneKind;
  offsetDays: number;
  dueDate: DateOnly;
  done: boolean;
}

export interface MilestoneMove {
  id: string;
  kind: MilestoneKind;
  from: DateOnly;
  to: DateOnly;
}

/** When the deadline changes, the milestones that are not done follow it; done ones stay where they were. */
export function planMilestoneMoves(milestones: MilestoneState[], newDeadline: DateOnly): MilestoneMove[] {
  return milestones
    .filter((m) => !m.done)
    .map((m) => ({
      id: m.id,
      kind: m.kind,
      from: m.dueDate,
      to: subtractWorkingDays(newDeadline, m.offsetDays),
    }))
    .filter((m) => m.from !== m.to);
}
