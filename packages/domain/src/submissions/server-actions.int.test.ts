/**
 * What the server tells each role it may do now, per status: the hearing's workflow (decision, steps, sending
 * outside Innspill), whether an edit voids the approvals, and whether the signed PDF may be downloaded. The pages
 * render exactly these answers, so they are tested here against what the use-cases then do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { inlineJobs } from "../common/jobs";
import { renderSignedDocument } from "../worker";
import { getHearing } from "../hearings/queries";
import { approveSubmission, requestApproval } from "./approval";
import { getApprovalView } from "./approval-view";
import { getSignedDocument, recordSignedDocumentFailure } from "./signed";
import { recordSending } from "./sending";
import { getSubmission, saveSubmission } from "./submissions";
import { reauthenticate, signSubmission } from "./signing";
import { saveInputOf } from "./schemas";
import { sendForReview } from "./review";

let t: TestDatabase;
let a: Record<string, Actor>;
let id: string;
let hearingId: string;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  ({ id, hearingId } = await t.db.submission.findFirstOrThrow());
});
afterAll(async () => {
  await t?.close();
});

const roles = () => ({ adviser: a.ingrid!, leader: a.kaja!, admin: a.admin! });
const version = async () => (await getSubmission(t.db, { id }, a.ingrid!)).version;
const voids = async () =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(roles()).map(async ([r, who]) => [
        r,
        (await getSubmission(t.db, { id }, who)).editVoidsApprovals,
      ]),
    ),
  );
const downloads = async () =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(roles()).map(async ([r, who]) => [
        r,
        (await getApprovalView(t.db, { id }, who)).download?.state ?? null,
      ]),
    ),
  );
/** Per role: whether the letter's view offers «Marker som sendt», and the signed PDF it says the sending waits for. */
const sendings = async () =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(roles()).map(async ([r, who]) => {
        const v = await getSubmission(t.db, { id }, who);
        return [r, { offered: v.actions.includes("submission.recordSending"), signedPdf: v.signedPdf }];
      }),
    ),
  );
const sending = () =>
  ({
    id,
    sentOn: "2026-11-24",
    channel: "REGJERINGEN_SKJEMA",
    recipient: "Helse- og omsorgsdepartementet",
  }) as const;

describe("the hearing's workflow, as the server offers it", () => {
  it("offers a hearing without a letter the decision or sending outside Innspill by status; leaders nothing", async () => {
    const withoutLetter = (status: "REGISTRERT" | "UNDER_ARBEID") =>
      t.db.hearing.findFirstOrThrow({ where: { status, submissions: { none: {} } } });
    const registered = await withoutLetter("REGISTRERT");
    const working = await withoutLetter("UNDER_ARBEID");
    for (const who of [a.ingrid!, a.admin!]) {
      expect((await getHearing(t.db, { id: registered.id }, who)).workflow).toEqual({
        decide: true,
        transitions: [{ to: "VURDERES", needsReason: false }],
        sentOutside: false,
      });
      expect((await getHearing(t.db, { id: working.id }, who)).workflow).toEqual({
        decide: false,
        transitions: [{ to: "TIL_GJENNOMGANG", needsReason: false }],
        sentOutside: true,
      });
    }
    for (const h of [registered, working])
      expect((await getHearing(t.db, { id: h.id }, a.kaja!)).workflow).toEqual({
        decide: false,
        transitions: [],
        sentOutside: false,
      });
  });

  it("offers no sending outside Innspill while the hearing's letter is in Innspill", async () => {
    const h = await t.db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    const w = (await getHearing(t.db, { id: hearingId }, a.ingrid!)).workflow;
    expect(w.sentOutside).toBe(false);
    // The letter's hearing is in a status where a hearing without a letter could be sent outside.
    expect(["UNDER_ARBEID", "TIL_GJENNOMGANG"]).toContain(h.status);
  });
});

describe("a letter through its statuses: edits that void approvals, and the signed PDF", () => {
  it("says per role and status, and the use-cases do what it said", async () => {
    // Draft and review: nothing is frozen, nothing to void, nothing signed.
    expect(await voids()).toEqual({ adviser: false, leader: false, admin: false });
    expect(await downloads()).toEqual({ adviser: null, leader: null, admin: null });
    await sendForReview(t.db, { id, version: await version() }, a.ingrid!);
    expect(await voids()).toEqual({ adviser: false, leader: false, admin: false });

    // Awaiting approval: an adviser's or admin's edit voids; a leader cannot edit at all.
    let { snapshotSha256 } = await requestApproval(
      t.db,
      { id, version: await version() },
      a.ingrid!,
      inlineJobs,
    );
    expect(await voids()).toEqual({ adviser: true, leader: false, admin: true });
    await approveSubmission(t.db, { id, snapshotSha256 }, a.kaja!);
    expect((await getSubmission(t.db, { id }, a.ingrid!)).status).toBe("APPROVED");
    expect(await voids()).toEqual({ adviser: true, leader: false, admin: true });

    // As it said: the edit voids the approval and returns the letter to review, where edits void nothing.
    const s = await getSubmission(t.db, { id }, a.ingrid!);
    const saved = await saveSubmission(
      t.db,
      { ...saveInputOf(s, id, s.version), title: `${s.title} (endret)` },
      a.ingrid!,
    );
    expect(saved.status).toBe("IN_REVIEW");
    expect(saved.editVoidsApprovals).toBe(false);
    expect(await t.db.submissionApproval.count({ where: { submissionId: id, voidedAt: null } })).toBe(0);

    // Approved and signed by both: being made, then ready for every role; no edit any more.
    ({ snapshotSha256 } = await requestApproval(
      t.db,
      { id, version: await version() },
      a.ingrid!,
      inlineJobs,
    ));
    await approveSubmission(t.db, { id, snapshotSha256 }, a.kaja!);
    expect(await downloads()).toEqual({ adviser: null, leader: null, admin: null });
    await expect(getSignedDocument(t.db, { id }, a.kaja!)).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const leader of [a.kaja!, a.heidi!]) {
      await reauthenticate(t.db, { password: "innspill-demo" }, leader);
      await signSubmission(t.db, { id, snapshotSha256 }, leader, { ip: null, userAgent: null }, inlineJobs);
    }
    expect((await getSubmission(t.db, { id }, a.ingrid!)).status).toBe("SIGNED");
    expect(await voids()).toEqual({ adviser: false, leader: false, admin: false });
    expect(await downloads()).toEqual({ adviser: "making", leader: "making", admin: "making" });
    // No «Marker som sendt» before the signed PDF exists: the letter's view says it is being made instead, and the
    // use-case refuses as it said.
    expect(await sendings()).toEqual({
      adviser: { offered: false, signedPdf: { state: "making" } },
      leader: { offered: false, signedPdf: null },
      admin: { offered: false, signedPdf: { state: "making" } },
    });
    await expect(recordSending(t.db, sending(), a.ingrid!)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "sendingNeedsSignedDocument",
    });
    // When the making failed, the view says why (and still offers no sending).
    await recordSignedDocumentFailure(t.db, id, "signedDocumentMismatch");
    expect((await sendings()).adviser).toEqual({
      offered: false,
      signedPdf: { state: "failed", error: "signedDocumentMismatch" },
    });

    await renderSignedDocument(
      t.db,
      { submissionId: id, snapshotSha256 },
      { publicUrl: "http://localhost:3000" },
    );
    expect(await downloads()).toEqual({ adviser: "ready", leader: "ready", admin: "ready" });
    expect(await sendings()).toEqual({
      adviser: { offered: true, signedPdf: { state: "ready" } },
      leader: { offered: false, signedPdf: null },
      admin: { offered: true, signedPdf: { state: "ready" } },
    });
    const view = await getApprovalView(t.db, { id }, a.kaja!);
    const doc = await t.db.signedDocument.findUniqueOrThrow({ where: { submissionId: id } });
    expect(view.download).toEqual({ state: "ready", pdfSha256: doc.pdfSha256 });
    expect((await getSignedDocument(t.db, { id }, a.kaja!)).sha256).toBe(doc.pdfSha256);

    // As it said: the sending is recorded, and then no longer offered.
    expect(await recordSending(t.db, sending(), a.ingrid!)).toEqual({ status: "SENT" });
    await expect(recordSending(t.db, sending(), a.ingrid!)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "submissionWrongStatus",
    });
    expect(await sendings()).toEqual({
      adviser: { offered: false, signedPdf: null },
      leader: { offered: false, signedPdf: null },
      admin: { offered: false, signedPdf: null },
    });
  });
});
