import { describe, expect, it } from "vitest";
import { HEARING_STATUSES } from "./constants";
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
    expect(checkTransition(ready("SENDT"), "ARKIVERT", "ADVISER")).toEqual({ ok: true });
    expect(checkTransition(ready("SENDT"), "ARKIVERT", "LEADER")).toMatchObject({ code: "FORBIDDEN" });
  });

  it("leaves til godkjenning, til signering and sendt to the letter, but for a sending outside Innspill", () => {
    // Nobody moves a hearing into the letter's statuses by hand: only the letter's own workflow does.
    for (const [from, to] of [
      ["TIL_GJENNOMGANG", "TIL_GODKJENNING"],
      ["TIL_GODKJENNING", "TIL_SIGNERING"],
      ["TIL_SIGNERING", "SENDT"],
      ["TIL_GODKJENNING", "SENDT"],
    ] as const)
      for (const role of ["ADVISER", "LEADER", "ADMIN"] as const)
        expect(checkTransition(ready(from), to, role), `${from} → ${to} ${role}`).toMatchObject({
          message: "transitionNotAllowed",
        });
    const outside = { ...ready("UNDER_ARBEID"), documentIds: ["d1"] };
    expect(
      checkTransition({ ...outside, hasLetter: true }, "SENDT", "ADVISER", { reason: "x", documentId: "d1" }),
    ).toMatchObject({
      message: "transitionFollowsLetter",
    });
    expect(checkTransition(outside, "SENDT", "ADVISER", { documentId: "d1" })).toMatchObject({
      message: "transitionNeedsReason",
    });
    expect(
      checkTransition(outside, "SENDT", "ADVISER", { reason: "Skrevet i Word", documentId: "d2" }),
    ).toMatchObject({
      message: "transitionNeedsSentDocument",
    });
    expect(
      checkTransition(outside, "SENDT", "ADVISER", { reason: "Skrevet i Word", documentId: "d1" }),
    ).toEqual({
      ok: true,
    });
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
