import { inlineJobs, type JobQueue, type SubmissionJob } from "../common/jobs";
import { renderSignedDocument, renderSubmissionFiles } from "../worker";
import { LATEST_TEMPLATE_VERSION, renderPdf, sha256, type SubmissionSnapshot } from "@innspill/documents";
import { letterModel } from "./model";
import { buildSnapshot } from "./snapshot";
import { loadSubmission } from "./load";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "../access/actor";
import { hashPassword } from "../users/password";
import { createDemoDatabase, withSession } from "@innspill/demo/testing";
import { addReviewComment, resolveReviewThread, sendForReview } from "./review";
import { approveSubmission, requestApproval } from "./approval";
import { createRevision, recordSending } from "./sending";
import { getApprovalView } from "./approval-view";
import { getSubmission, saveSubmission, type SubmissionView } from "./submissions";
import { reauthenticate, signSubmission } from "./signing";
import { saveInputOf, type SaveSubmissionInput } from "./schemas";
import { getHearing } from "../hearings/queries";

const CLIENT = { ip: "192.0.2.10", userAgent: "vitest" };
let t: TestDatabase;
let a: Record<string, Actor>;
let id: string;

/** Each test gets a fresh demo database with the demo letter (signatories Kaja, then Heidi). */
beforeEach(async () => {
  await t?.close();
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  id = (await t.db.submission.findFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

const view = () => getSubmission(t.db, { id }, a.ingrid!);

function input(s: SubmissionView, changes: Partial<SaveSubmissionInput> = {}): SaveSubmissionInput {
  return { ...saveInputOf(s, s.id, s.version), ...changes };
}
const save = async (changes: Partial<SaveSubmissionInput>) =>
  saveSubmission(t.db, input(await view(), changes), a.ingrid!);

/** Draft → review → awaiting approval; returns the frozen hash. */
async function putUpForApproval() {
  let s = await view();
  if (s.status === "DRAFT") {
    await sendForReview(t.db, { id, version: s.version }, a.ingrid!);
    s = await view();
  }
  return (await requestApproval(t.db, { id, version: s.version }, a.ingrid!, inlineJobs)).snapshotSha256;
}
async function approveAll() {
  const hash = await putUpForApproval();
  await approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!);
  await approveSubmission(t.db, { id, snapshotSha256: hash }, a.heidi!);
  return hash;
}
const hearingStatus = async () =>
  (await t.db.hearing.findFirstOrThrow({ where: { submissions: { some: { id } } } })).status;
const sign = (who: Actor, hash: string) =>
  signSubmission(t.db, { id, snapshotSha256: hash }, who, CLIENT, inlineJobs);
const reauth = (who: Actor) => reauthenticate(t.db, { password: "innspill-demo" }, who);

describe("review and approval", () => {
  it("moves through review to approval, with the hearing following; a second leader may add an approval", async () => {
    await sendForReview(t.db, { id, version: (await view()).version }, a.ingrid!);
    expect(await hearingStatus()).toBe("TIL_GJENNOMGANG");
    const hash = await putUpForApproval();
    expect(await hearingStatus()).toBe("TIL_GODKJENNING");
    const render = await t.db.submissionRender.findUniqueOrThrow({
      where: { submissionId_snapshotSha256: { submissionId: id, snapshotSha256: hash } },
    });
    expect(render.snapshot).toContain("Bioingeniører");

    expect(await approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!)).toMatchObject({
      status: "APPROVED",
      approvals: 1,
    });
    expect(await hearingStatus()).toBe("TIL_SIGNERING");
    await expect(approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!)).rejects.toMatchObject({
      message: "alreadyApproved",
    });
    expect(await approveSubmission(t.db, { id, snapshotSha256: hash }, a.heidi!)).toMatchObject({
      status: "APPROVED",
      approvals: 2,
    });
  });

  it("shows a local copy's changes with the statements of the positions it names", async () => {
    const s = await view();
    const i = s.sections.findIndex((x) => x.kind === "BLOCK");
    const versionId = s.sections[i]!.library!.versionId;
    const position = await t.db.position.findFirstOrThrow({
      where: { organisationId: a.ingrid!.organisationId, status: "ACTIVE" },
    });
    const body = {
      type: "doc" as const,
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Endret for dette brevet." }] },
        { type: "positionList", attrs: { positionIds: [position.id] } },
      ],
    };
    const sections = saveInputOf(s, s.id, s.version).sections.map((x, k) =>
      k === i
        ? {
            kind: "LOCAL" as const,
            blockVersionId: versionId,
            heading: "Lokal kopi",
            showHeading: true,
            body,
          }
        : x,
    );
    await save({ sections });
    await putUpForApproval();
    const v = await getApprovalView(t.db, { id }, a.kaja!);
    expect(v.localChanges).toHaveLength(1);
    expect(v.localChanges[0]).toMatchObject({ section: i, heading: "Lokal kopi" });
    // The local text, as the diff has it: the paragraph, then «NITO mener:» with the statement.
    const local = v.localChanges[0]!.diff.filter((d) => !d.removed)
      .map((d) => d.value)
      .join("");
    expect(local).toContain("Endret for dette brevet.");
    expect(local).toContain(`NITO mener:\n• ${position.statement}`);
  });

  it("shows open threads before approval is asked for", async () => {
    await sendForReview(t.db, { id, version: (await view()).version }, a.ingrid!);
    const { threadId } = await addReviewComment(
      t.db,
      { submissionId: id, sectionIndex: 1, body: "Bør vi nevne Helsemod 2019?" },
      a.martin!,
    );
    const s = await view();
    await expect(
      requestApproval(t.db, { id, version: s.version }, a.ingrid!, inlineJobs),
    ).rejects.toMatchObject({
      message: "openThreads",
      details: { open: 1 },
    });
    await resolveReviewThread(t.db, { threadId }, a.ingrid!);
    await expect(
      requestApproval(t.db, { id, version: s.version }, a.ingrid!, inlineJobs),
    ).resolves.toHaveProperty("snapshotSha256");
  });

  it("voids the approval when the letter is edited afterwards, and refuses the old hash", async () => {
    const hash = await putUpForApproval();
    await approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!);
    await save({ title: "Høringssvar – Helsepersonellplan 2040 (rettet)" });

    const s = await view();
    expect(s.status).toBe("IN_REVIEW");
    expect(s.snapshotSha256).toBeNull();
    expect(await hearingStatus()).toBe("TIL_GJENNOMGANG");
    const approvals = await t.db.submissionApproval.findMany({ where: { submissionId: id } });
    expect(approvals).toHaveLength(1);
    expect(approvals[0]!.voidedAt).not.toBeNull();
    expect(
      await t.db.notification.count({ where: { userId: a.kaja!.id, kind: "submission.approvalVoided" } }),
    ).toBe(1);

    await expect(approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!)).rejects.toMatchObject({
      message: "submissionWrongStatus",
    });
    const fresh = await putUpForApproval();
    expect(fresh).not.toBe(hash);
    await expect(approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "staleSnapshot",
    });
    await expect(approveSubmission(t.db, { id, snapshotSha256: fresh }, a.kaja!)).resolves.toBeTruthy();
  });

  it("does not void anything for a save that leaves the letter as approved", async () => {
    const hash = await putUpForApproval();
    await approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!);
    await save({});
    expect((await view()).status).toBe("APPROVED");
    expect(await t.db.submissionApproval.count({ where: { submissionId: id, voidedAt: null } })).toBe(1);
  });
});

describe("who may approve and sign", () => {
  it("refuses advisers, leaders who are not signatories, and admins", async () => {
    const hash = await putUpForApproval();
    const other = await t.db.user.create({
      data: {
        organisationId: a.kaja!.organisationId,
        name: "Annen Leder",
        email: "annen@nito.test",
        role: "LEADER",
        passwordHash: await hashPassword("innspill-demo"),
      },
    });
    const otherLeader: Actor = await withSession(t.db, {
      id: other.id,
      organisationId: other.organisationId,
      role: "LEADER",
      name: other.name,
    });
    await expect(approveSubmission(t.db, { id, snapshotSha256: hash }, a.ingrid!)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(approveSubmission(t.db, { id, snapshotSha256: hash }, otherLeader)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "notAnApprover",
    });
    await approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!);
    await approveSubmission(t.db, { id, snapshotSha256: hash }, a.heidi!);
    await reauth(otherLeader);
    await expect(sign(otherLeader, hash)).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "notASignatory",
    });
    await expect(sign(a.admin!, hash)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(sign(a.ingrid!, hash)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("signing", () => {
  it("throttles guessing the password to sign like the login form, at the password field", async () => {
    const ctx = (seconds: number) => ({ ip: "203.0.113.50", now: new Date(Date.now() + seconds * 1000) });
    for (let i = 0; i < 5; i++)
      await expect(reauthenticate(t.db, { password: "gjetning" }, a.heidi!, ctx(i))).rejects.toMatchObject({
        message: "reauthFailed",
      });
    await expect(reauthenticate(t.db, { password: "innspill-demo" }, a.heidi!, ctx(5))).rejects.toMatchObject(
      {
        code: "TOO_MANY_REQUESTS",
        fieldErrors: { password: ["tooManyAttempts"] },
      },
    );
    // Counted in that session only: her session on another device re-authenticates at once.
    const elsewhere = await withSession(t.db, a.heidi!);
    await reauthenticate(t.db, { password: "innspill-demo" }, elsewhere, ctx(5));
  });

  it("needs a fresh re-authentication, keeps the order, refuses a second signature, and records where from", async () => {
    const hash = await approveAll();
    await expect(sign(a.kaja!, hash)).rejects.toMatchObject({
      code: "UNAUTHORIZED",
      message: "reauthRequired",
    });
    await expect(reauthenticate(t.db, { password: "feil-passord" }, a.kaja!)).rejects.toMatchObject({
      message: "reauthFailed",
      fieldErrors: { password: ["reauthFailed"] },
    });
    await reauth(a.kaja!);
    await reauth(a.heidi!);

    // Sequential: Heidi is second.
    await expect(sign(a.heidi!, hash)).rejects.toMatchObject({ message: "notYourTurn" });
    expect(await sign(a.kaja!, hash)).toMatchObject({ status: "SIGNING", finalize: false });
    await expect(sign(a.kaja!, hash)).rejects.toMatchObject({ message: "alreadySigned" });

    // An expired re-authentication (older than five minutes) is refused.
    await t.db.session.update({
      where: { id: a.heidi!.sessionId },
      data: { reauthenticatedAt: new Date(Date.now() - 6 * 60_000) },
    });
    await expect(sign(a.heidi!, hash)).rejects.toMatchObject({ message: "reauthRequired" });
    await reauth(a.heidi!);
    expect(await sign(a.heidi!, hash)).toMatchObject({ status: "SIGNED", finalize: true });

    const sigs = await t.db.submissionSignature.findMany({
      where: { submissionId: id },
      orderBy: { createdAt: "asc" },
    });
    expect(sigs.map((x) => [x.userId, x.ip, x.userAgent, x.snapshotSha256])).toEqual([
      [a.kaja!.id, CLIENT.ip, CLIENT.userAgent, hash],
      [a.heidi!.id, CLIENT.ip, CLIENT.userAgent, hash],
    ]);
  });

  it("asks for the signed PDF in the last signature's own transaction: a queue that fails loses nothing", async () => {
    const hash = await approveAll();
    await reauth(a.kaja!);
    await reauth(a.heidi!);
    await sign(a.kaja!, hash);
    const asked: SubmissionJob[] = [];
    const down: JobQueue = {
      ...inlineJobs,
      finalizeSubmission: async () => {
        throw new Error("køen svarer ikke");
      },
    };
    // The queue fails: the last signature is not recorded either, so the letter is not «Signert» without its PDF.
    await expect(signSubmission(t.db, { id, snapshotSha256: hash }, a.heidi!, CLIENT, down)).rejects.toThrow(
      "køen svarer ikke",
    );
    expect((await view()).status).toBe("SIGNING");
    expect(await t.db.submissionSignature.count({ where: { submissionId: id, voidedAt: null } })).toBe(1);
    // Signing again once the queue answers: the job is asked for exactly once, with the signed hash.
    const up: JobQueue = { ...inlineJobs, finalizeSubmission: async (_tx, job) => void asked.push(job) };
    expect(await signSubmission(t.db, { id, snapshotSha256: hash }, a.heidi!, CLIENT, up)).toMatchObject({
      status: "SIGNED",
    });
    expect(asked).toEqual([{ submissionId: id, snapshotSha256: hash }]);
  });

  it("counts in the bell no request the leader has acted on: approving reads «godkjenn», signing «signer»", async () => {
    const unread = (who: Actor) =>
      t.db.notification.findMany({
        where: { userId: who.id, readAt: null, path: `/innspill/${id}/godkjenning` },
      });
    const hash = await putUpForApproval();
    expect((await unread(a.kaja!)).map((n) => n.kind)).toContain("submission.approvalRequested");
    await approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!);
    expect(await unread(a.kaja!)).toEqual([]);
    // Heidi, who has not approved, still has hers; Kaja's approval asks her to sign.
    expect((await unread(a.heidi!)).map((n) => n.kind).sort()).toEqual([
      "submission.approvalRequested",
      "submission.approved",
    ]);
    await reauth(a.kaja!);
    await sign(a.kaja!, hash);
    // Kaja signed first; Heidi is asked to sign next, and signing reads all of hers on the page.
    expect((await unread(a.heidi!)).map((n) => n.kind)).toContain("submission.sign");
    await reauth(a.heidi!);
    await sign(a.heidi!, hash);
    expect(await unread(a.heidi!)).toEqual([]);
    expect(await unread(a.kaja!)).toEqual([]);
  });

  it("accepts any order when the order is parallel", async () => {
    await save({ signingOrder: "PARALLEL" });
    const hash = await approveAll();
    await reauth(a.heidi!);
    await reauth(a.kaja!);
    expect(await sign(a.heidi!, hash)).toMatchObject({ status: "SIGNING" });
    expect(await sign(a.kaja!, hash)).toMatchObject({ status: "SIGNED" });
  });

  it("refuses to sign a voided hash", async () => {
    const hash = await approveAll();
    await reauth(a.kaja!);
    await sign(a.kaja!, hash);
    // The DB-level edit of a section would not pass save; an edit through save voids the signature too.
    await save({ closing: "Vennlig hilsen" });
    expect(await t.db.submissionSignature.count({ where: { submissionId: id, voidedAt: null } })).toBe(0);
    await expect(sign(a.kaja!, hash)).rejects.toMatchObject({ message: "submissionWrongStatus" });
  });

  it("ends in one consistent state when two leaders approve or sign at the same moment", async () => {
    await save({ signingOrder: "PARALLEL" });
    const hash = await putUpForApproval();
    const approvals = await Promise.allSettled([
      approveSubmission(t.db, { id, snapshotSha256: hash }, a.kaja!),
      approveSubmission(t.db, { id, snapshotSha256: hash }, a.heidi!),
    ]);
    expect(approvals.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect((await view()).status).toBe("APPROVED");

    await reauth(a.kaja!);
    await reauth(a.heidi!);
    const signatures = await Promise.allSettled([
      sign(a.kaja!, hash),
      sign(a.kaja!, hash),
      sign(a.heidi!, hash),
      sign(a.heidi!, hash),
    ]);
    expect(signatures.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await t.db.submissionSignature.count({ where: { submissionId: id, voidedAt: null } })).toBe(2);
    expect((await view()).status).toBe("SIGNED");
    const finalizing = signatures.filter((r) => r.status === "fulfilled" && r.value.finalize);
    expect(finalizing).toHaveLength(1);
  });

  it("locks the signed letter; sending moves the hearing to sendt; a new revision leaves the signed one", async () => {
    const hash = await approveAll();
    await reauth(a.kaja!);
    await reauth(a.heidi!);
    await sign(a.kaja!, hash);
    await sign(a.heidi!, hash);
    await expect(save({ title: "Endret etter signering" })).rejects.toMatchObject({
      message: "submissionLocked",
    });

    // Not before the signed PDF exists: a letter is sent as it was signed.
    const sending = {
      id,
      sentOn: "2026-11-24",
      channel: "REGJERINGEN_SKJEMA",
      recipient: "Helse- og omsorgsdepartementet",
    } as const;
    await expect(recordSending(t.db, sending, a.ingrid!)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "sendingNeedsSignedDocument",
    });
    await renderSignedDocument(
      t.db,
      { submissionId: id, snapshotSha256: hash },
      { publicUrl: "http://localhost:3000" },
    );

    await recordSending(
      t.db,
      {
        id,
        sentOn: "2026-11-24",
        channel: "REGJERINGEN_SKJEMA",
        recipient: "Helse- og omsorgsdepartementet",
        receiptUrl: "https://www.regjeringen.no/svar/123",
      },
      a.ingrid!,
    );
    expect((await view()).status).toBe("SENT");
    expect(await hearingStatus()).toBe("SENDT");
    // The letter is out: every milestone is done, and the signed letter is among the hearing's documents.
    const hearingId = (await t.db.submission.findUniqueOrThrow({ where: { id } })).hearingId;
    expect(await t.db.milestone.count({ where: { hearingId, doneAt: null } })).toBe(0);
    const detail = await getHearing(t.db, { id: hearingId }, a.ingrid!);
    expect(detail.signedLetters.map((l) => l.submissionId)).toEqual([id]);

    // Provenance: every position and block of the sent letter, with date, recipient and wording.
    const usages = await t.db.positionUsage.findMany({ where: { submissionId: id } });
    expect(usages.map((u) => [u.origin, u.recipient, u.usedOn.toISOString().slice(0, 10)])).toEqual(
      usages.map(() => ["composed", "Helse- og omsorgsdepartementet", "2026-11-24"]),
    );
    expect(usages.map((u) => u.wording).sort()).toEqual(
      [
        "Det må utdannes flere bioingeniører, og studieplassene må trappes opp i tråd med behovet fram mot 2035.",
        "Laboratoriene må få moderne IT-systemer.",
        "Ortopediingeniører må ha en toårig turnustjeneste med finansiering.",
      ].sort(),
    );
    const blocks = await t.db.blockUsage.findMany({
      where: { submissionId: id },
      include: { blockVersion: true },
    });
    expect(blocks.map((b) => b.blockVersion.heading).sort()).toEqual(
      ["Bioingeniører", "Helseteknologi og digital samhandling", "Om NITO"].sort(),
    );
    expect(blocks.find((b) => b.blockVersion.heading === "Om NITO")!.wording).toMatch(
      /over 116\u00a0000 medlemmer/,
    );

    const next = await createRevision(t.db, { id }, a.ingrid!);
    expect(next.revision).toBe(2);
    const revised = await getSubmission(t.db, { id: next.id }, a.ingrid!);
    expect(revised).toMatchObject({ status: "DRAFT", title: (await view()).title });
    expect((await view()).status).toBe("SENT");
  });
});

describe("letter template versions", () => {
  it("a letter approved under version 1 still signs after version 2 is released; a new letter renders with version 2", async () => {
    expect(LATEST_TEMPLATE_VERSION).toBeGreaterThanOrEqual(2);
    // A letter made before template versions: version 1 (what the migration gives every existing letter).
    await t.db.submission.update({ where: { id }, data: { templateVersion: 1 } });
    const hash = await approveAll();
    await renderSubmissionFiles(t.db, { submissionId: id, snapshotSha256: hash });
    const render = await t.db.submissionRender.findUniqueOrThrow({
      where: { submissionId_snapshotSha256: { submissionId: id, snapshotSha256: hash } },
    });
    const snapshot = JSON.parse(render.snapshot) as SubmissionSnapshot;
    // Its snapshot is as snapshots were before versions (so its hash and approvals are untouched) ...
    expect(snapshot).not.toHaveProperty("templateVersion");
    // ... and its PDF is version 1's, which version 2 (the letter's «NITO mener» lists are indented) would not give.
    const model = await letterModel(t.db, snapshot);
    const v1 = sha256(renderPdf({ ...model, templateVersion: 1 }));
    expect(render.pdfSha256).toBe(v1);
    expect(sha256(renderPdf({ ...model, templateVersion: 2 }))).not.toBe(v1);

    await reauth(a.kaja!);
    await reauth(a.heidi!);
    await sign(a.kaja!, hash);
    await sign(a.heidi!, hash);
    // The finalize job renders the approved letter again: the same bytes, so it signs.
    await renderSignedDocument(t.db, { submissionId: id, snapshotSha256: hash }, { publicUrl: "http://x" });
    const signed = await t.db.signedDocument.findUniqueOrThrow({ where: { submissionId: id } });
    expect(signed.letterPdfSha256).toBe(v1);
    expect((await t.db.submission.findUniqueOrThrow({ where: { id } })).signedDocumentError).toBeNull();

    // A new version of the letter is a new letter: version 2, named in its snapshot and used for its PDF.
    const next = await createRevision(t.db, { id }, a.ingrid!);
    const revised = await t.db.submission.findUniqueOrThrow({ where: { id: next.id } });
    expect(revised.templateVersion).toBe(LATEST_TEMPLATE_VERSION);
    const built = await buildSnapshot(t.db, await loadSubmission(t.db, next.id, a.ingrid!));
    expect(built.snapshot.templateVersion).toBe(LATEST_TEMPLATE_VERSION);
    const nextModel = await letterModel(t.db, built.snapshot);
    expect(nextModel.templateVersion).toBe(LATEST_TEMPLATE_VERSION);
    expect(sha256(renderPdf(nextModel))).not.toBe(sha256(renderPdf({ ...nextModel, templateVersion: 1 })));
  });
});

describe("the audit trail and signatures cannot be rewritten", () => {
  it("refuses UPDATE and DELETE on audit rows, signatures and approvals in the database itself", async () => {
    const hash = await approveAll();
    await reauth(a.kaja!);
    await sign(a.kaja!, hash);
    await expect(t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x'`)).rejects.toThrow();
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow();
    await expect(t.db.$executeRawUnsafe(`DELETE FROM "SubmissionSignature"`)).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(
      t.db.$executeRawUnsafe(`UPDATE "SubmissionSignature" SET "snapshotSha256" = 'forged'`),
    ).rejects.toThrow(/only be voided/);
    await expect(
      t.db.$executeRawUnsafe(`UPDATE "SubmissionApproval" SET "userId" = gen_random_uuid()`),
    ).rejects.toThrow();
    expect(await t.db.auditEvent.count({ where: { action: "submission.signed" } })).toBe(1);
  });
});
