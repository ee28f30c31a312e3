import { describe, expect, it } from "vitest";
import { APPROVAL_ACTIONS, PERMISSIONS, SUBMISSION_ACTIONS, availableActions, can } from "./permissions";

const adviser = { role: "ADVISER" as const };
const leader = { role: "LEADER" as const };
const admin = { role: "ADMIN" as const };

const STAFF = ["ADVISER", "ADMIN"];
const ADMIN = ["ADMIN"];
const EVERYONE = ["ADVISER", "LEADER", "ADMIN"];

/**
 * Who may do what, written out: the one table's roles, pinned. A change to the table (say, leaders may register
 * hearings) changes one line here too, deliberately. Procedures and the role matrix (api.int.test.ts) follow the table.
 */
const WHO: Record<string, string[]> = {
  admin: ADMIN,
  "user.manage": ADMIN,
  "issuingBody.edit": ADMIN,
  "settings.edit": ADMIN,
  "outbox.read": ADMIN,
  "system.manage": ADMIN,
  "archive.exportPeriod": ADMIN,
  "signatory.edit": ADMIN,
  "hearing.create": STAFF,
  "hearing.edit": STAFF,
  "hearing.decide": STAFF,
  "hearing.transition": STAFF,
  "hearing.recordSentOutside": STAFF,
  "hearing.exportArchive": EVERYONE,
  "milestone.plan": STAFF,
  "milestone.markDone": STAFF,
  "milestone.markOwnDone": EVERYONE,
  "library.edit": STAFF,
  "submission.edit": STAFF,
  "submission.sendForReview": STAFF,
  "submission.returnToDraft": STAFF,
  "submission.requestApproval": STAFF,
  "submission.openApproval": EVERYONE,
  "submission.downloadSigned": EVERYONE,
  "submission.recordSending": STAFF,
  "submission.createRevision": STAFF,
  "submission.approve": ["LEADER"],
  "submission.sign": ["LEADER"],
  "submission.returnForChanges": EVERYONE,
  "submission.linkRestatement": STAFF,
  "submission.recordOutcome": STAFF,
  "insight.reportOutcomes": EVERYONE,
  "radar.review": STAFF,
  "radar.manage": ADMIN,
};

describe("the permission table", () => {
  it("gives each action the roles written out above", () => {
    const roles = Object.fromEntries(Object.entries(PERMISSIONS).map(([a, p]) => [a, [...p.roles]]));
    expect(roles).toEqual(WHO);
  });
});

describe("can", () => {
  it("gives nothing to nobody", () => {
    expect(can(null, "hearing.edit")).toBe(false);
    expect(can(undefined, "library.edit")).toBe(false);
  });

  it("decides by role where the role is all that matters", () => {
    expect(can(adviser, "hearing.edit")).toBe(true);
    expect(can(leader, "hearing.edit")).toBe(false);
    expect(can(leader, "library.edit")).toBe(false);
    expect(can(admin, "signatory.edit")).toBe(true);
    expect(can(adviser, "signatory.edit")).toBe(false);
  });

  it("follows the letter's status for composing and sending", () => {
    expect(availableActions(adviser, SUBMISSION_ACTIONS, { submissionStatus: "DRAFT" })).toEqual([
      "submission.edit",
      "submission.sendForReview",
    ]);
    // Signed, while the worker makes the signed PDF: neither downloaded nor sent yet; once it exists, both.
    expect(
      availableActions(adviser, SUBMISSION_ACTIONS, {
        submissionStatus: "SIGNED",
        signedDocumentReady: false,
      }),
    ).toEqual(["submission.openApproval", "submission.createRevision"]);
    expect(
      availableActions(adviser, SUBMISSION_ACTIONS, {
        submissionStatus: "SIGNED",
        signedDocumentReady: true,
      }),
    ).toEqual([
      "submission.openApproval",
      "submission.downloadSigned",
      "submission.recordSending",
      "submission.createRevision",
    ]);
    expect(
      can(leader, "submission.recordSending", { submissionStatus: "SIGNED", signedDocumentReady: true }),
    ).toBe(false);
    expect(
      can(admin, "submission.recordSending", { submissionStatus: "SENT", signedDocumentReady: true }),
    ).toBe(false);
    expect(availableActions(leader, SUBMISSION_ACTIONS, { submissionStatus: "IN_REVIEW" })).toEqual([]);
  });

  it("lets only an approver who has not approved approve, and only an unsigned signatory sign", () => {
    const at = { submissionStatus: "APPROVED" as const };
    expect(availableActions(leader, APPROVAL_ACTIONS, { ...at, isApprover: true })).toEqual([
      "submission.approve",
      "submission.returnForChanges",
    ]);
    expect(can(leader, "submission.approve", { ...at, isApprover: true, approvedByMe: true })).toBe(false);
    expect(can(adviser, "submission.approve", { ...at, isApprover: true })).toBe(false);
    expect(can(leader, "submission.sign", { ...at, isSignatory: true })).toBe(true);
    expect(can(leader, "submission.sign", { ...at, isSignatory: true, signedByMe: true })).toBe(false);
    expect(can(leader, "submission.sign", { submissionStatus: "AWAITING_APPROVAL", isSignatory: true })).toBe(
      false,
    );
  });

  it("exports a hearing to the archive only once its case is closed", () => {
    expect(can(adviser, "hearing.exportArchive", { hearingStatus: "UNDER_ARBEID" })).toBe(false);
    expect(can(leader, "hearing.exportArchive", { hearingStatus: "SENDT" })).toBe(true);
    expect(can(adviser, "hearing.exportArchive", { hearingStatus: "SVARER_IKKE" })).toBe(true);
  });
});
