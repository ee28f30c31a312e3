import { describe, expect, it } from "vitest";
import { HEARING_STATUSES } from "./schemas";
import {
  checkTransition,
  findTransition,
  TRANSITIONS,
  transitionsFrom,
  type WorkflowFacts,
} from "./workflow";

const ready = (status: WorkflowFacts["status"]): WorkflowFacts => ({
  status,
  decision: "SVARER",
  responsibleId: "u1",
});

describe("status workflow", () => {
  it("refuses every transition that is not in the table, for every role", () => {
    let refused = 0;
    for (const from of HEARING_STATUSES) {
      for (const to of HEARING_STATUSES) {
        if (findTransition(from, to)) continue;
        for (const role of ["ADVISER", "LEADER", "ADMIN"] as const) {
          expect(checkTransition(ready(from), to, role, { reason: "fordi" })).toEqual({
            ok: false,
            code: "BAD_REQUEST",
            message: "transitionNotAllowed",
          });
          refused++;
        }
      }
    }
    expect(refused).toBe((HEARING_STATUSES.length ** 2 - TRANSITIONS.length) * 3);
  });

  it("allows the main chain for the right roles", () => {
    expect(checkTransition(ready("REGISTRERT"), "VURDERES", "ADVISER")).toEqual({ ok: true });
    expect(checkTransition(ready("TIL_GODKJENNING"), "TIL_SIGNERING", "LEADER")).toEqual({ ok: true });
    expect(checkTransition(ready("TIL_GODKJENNING"), "TIL_SIGNERING", "ADVISER")).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(checkTransition(ready("SENDT"), "ARKIVERT", "ADVISER")).toEqual({ ok: true });
  });

  it("applies the guards", () => {
    const undecided: WorkflowFacts = { status: "VURDERES", decision: null, responsibleId: null };
    expect(checkTransition(undecided, "UNDER_ARBEID", "ADVISER")).toMatchObject({
      message: "transitionNeedsDecision",
    });
    expect(checkTransition(undecided, "SVARER_IKKE", "ADVISER", { reason: " " })).toMatchObject({
      message: "transitionNeedsReason",
    });
    expect(
      checkTransition({ ...ready("UNDER_ARBEID"), responsibleId: null }, "TIL_GJENNOMGANG", "ADVISER"),
    ).toMatchObject({
      message: "transitionNeedsResponsible",
    });
  });

  it("has no way out of ARKIVERT and none into REGISTRERT", () => {
    expect(transitionsFrom("ARKIVERT", "ADMIN")).toEqual([]);
    expect(TRANSITIONS.filter((t) => t.to === "REGISTRERT")).toEqual([]);
  });
});
