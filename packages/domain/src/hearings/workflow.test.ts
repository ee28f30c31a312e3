import { describe, expect, it } from "vitest";
import { HEARING_STATUSES } from "./constants";
import {
  checkTransition,
  findTransition,
  TRANSITIONS,
  transitionsFrom,
  workflowActions,
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

  describe("what the hearing page offers (workflowActions), per role and status", () => {
    const none = { decide: false, transitions: [], sentOutside: false };
    const step = (to: WorkflowFacts["status"], needsReason = false) => ({ to, needsReason });

    it("offers advisers and admins the decision, the steps and «Sendt utenfor Innspill» by status", () => {
      for (const role of ["ADVISER", "ADMIN"] as const) {
        const at = (status: WorkflowFacts["status"], hasLetter = false) =>
          workflowActions({ status, hasLetter }, role);
        expect(at("REGISTRERT")).toEqual({
          decide: true,
          transitions: [step("VURDERES")],
          sentOutside: false,
        });
        expect(at("VURDERES")).toEqual({ decide: true, transitions: [], sentOutside: false });
        expect(at("UNDER_ARBEID")).toEqual({
          decide: false,
          transitions: [step("TIL_GJENNOMGANG")],
          sentOutside: true,
        });
        // A letter in Innspill moves the hearing to «Sendt» itself: no sending outside it.
        expect(at("UNDER_ARBEID", true).sentOutside).toBe(false);
        expect(at("TIL_GJENNOMGANG")).toEqual({
          decide: false,
          transitions: [step("UNDER_ARBEID")],
          sentOutside: true,
        });
        // Approval and signing follow the letter: nothing to click on the hearing.
        expect(at("TIL_GODKJENNING")).toEqual(none);
        expect(at("TIL_SIGNERING")).toEqual(none);
        expect(at("SENDT")).toEqual({ decide: false, transitions: [step("ARKIVERT")], sentOutside: false });
        expect(at("ARKIVERT")).toEqual(none);
        // Taking a declined hearing up again asks why.
        expect(at("SVARER_IKKE")).toEqual({
          decide: false,
          transitions: [step("VURDERES", true)],
          sentOutside: false,
        });
      }
    });

    it("offers leaders nothing on any status (they approve and sign the letter)", () => {
      for (const status of HEARING_STATUSES)
        expect(workflowActions({ status, hasLetter: false }, "LEADER")).toEqual(none);
    });

    it("offers only steps the server would take (checkTransition agrees with every offered step)", () => {
      for (const status of HEARING_STATUSES)
        for (const role of ["ADVISER", "LEADER", "ADMIN"] as const)
          for (const { to } of workflowActions({ status, hasLetter: false }, role).transitions)
            expect(checkTransition(ready(status), to, role, { reason: "fordi" })).toEqual({ ok: true });
    });
  });
});
