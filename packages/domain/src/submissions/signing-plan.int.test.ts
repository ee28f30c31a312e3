/**
 * The approval covers who signs and in which order (plan.ts): a change of order or of a signatory's login after
 * approval voids the approvals or is refused, a signature is only taken from the user the approved plan names, and the
 * signed PDF prints the approved names over the signatures of exactly those people. Against real Postgres, the real
 * renderer and pdftotext.
 */
import { execFileSync } from "node:child_process";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { canonicalJson, type SubmissionSnapshot } from "@innspill/documents/preview";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, withSession } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { sha256 } from "../common/hash";
import { inlineJobs } from "../common/jobs";
import { hashPassword } from "../users/password";
import { renderSignedDocument, renderSubmissionFiles } from "../worker";
import { approveSubmission, requestApproval, returnForChanges } from "./approval";
import { getApprovalView } from "./approval-view";
import { getSubmission, saveSubmission } from "./submissions";
import { listSignatories, updateSignatory, type SignatoryView } from "./signatories";
import { reauthenticate, signSubmission } from "./signing";
import { saveInputOf, type SaveSubmissionInput } from "./schemas";
import { sendForReview } from "./review";

const CLIENT = { ip: "192.0.2.10", userAgent: "vitest" };
let t: TestDatabase;
let a: Record<string, Actor>;
let id: string;
/** A third leader, linked to no signatory: the one an admin links «Heidi Andersen» to. */
let lars: Actor;

beforeEach(async () => {
  await t?.close();
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
  id = (await t.db.submission.findFirstOrThrow()).id;
  const user = await t.db.user.create({
    data: {
      organisationId: a.kaja!.organisationId,
      name: "Lars Leder",
      email: "lars@nito.test",
      role: "LEADER",
      passwordHash: await hashPassword("innspill-demo"),
    },
  });
  // A session of his own: re-authentication belongs to a session.
  lars = await withSession(t.db, {
    id: user.id,
    organisationId: user.organisationId,
    role: "LEADER",
    name: user.name,
  });
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const view = () => getSubmission(t.db, { id }, a.ingrid!);
const save = async (changes: Partial<SaveSubmissionInput>) => {
  const s = await view();
  return saveSubmission(t.db, { ...saveInputOf(s, s.id, s.version), ...changes }, a.ingrid!);
};
async function putUpForApproval() {
  let s = await view();
  if (s.status === "DRAFT") {
    await sendForReview(t.db, { id, version: s.version }, a.ingrid!);
    s = await view();
  }
  return (
    await requestApproval(
      t.db,
      { id, version: s.version, acknowledgeOpenThreads: true },
      a.ingrid!,
      inlineJobs,
    )
  ).snapshotSha256;
}
const approve = (who: Actor, hash: string) => approveSubmission(t.db, { id, snapshotSha256: hash }, who);
const sign = async (who: Actor, hash: string) => {
  await reauthenticate(t.db, { password: "innspill-demo" }, who);
  return signSubmission(t.db, { id, snapshotSha256: hash }, who, CLIENT, inlineJobs);
};
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string; message: string }) => `${e.code}:${e.message}`,
  );
const heidiSignatory = async () =>
  (await listSignatories(t.db, a.admin!)).find((x) => x.name === "Heidi Andersen")!;
const relink = (s: SignatoryView, changes: Partial<SignatoryView> = {}) => {
  const next = { ...s, ...changes };
  return updateSignatory(
    t.db,
    {
      id: next.id,
      version: next.version,
      name: next.name,
      userId: next.userId,
      active: next.active,
      titles: next.titles.map(({ title, validFrom, validTo }) => ({ title, validFrom, validTo })),
    },
    a.admin!,
  );
};
const pdfText = (file: Uint8Array) =>
  execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: Buffer.from(file) })
    .toString("utf8")
    .replace(/\s+/g, " ");
async function signedPdf() {
  const doc = await t.db.signedDocument.findUniqueOrThrow({ where: { submissionId: id } });
  return (await t.db.storedFile.findUniqueOrThrow({ where: { sha256: doc.pdfSha256 } })).content;
}

describe("the signing order is part of what is approved", () => {
  it("voids the approvals when an approved letter is saved with the order set to parallel", async () => {
    const hash = await putUpForApproval();
    await approve(a.kaja!, hash);
    expect((await view()).status).toBe("APPROVED");
    // Heidi is second: not her turn.
    expect(await codeOf(sign(a.heidi!, hash))).toBe("BAD_REQUEST:notYourTurn");

    await save({ signingOrder: "PARALLEL" });
    const s = await view();
    expect(s.status).toBe("IN_REVIEW");
    expect(s.snapshotSha256).toBeNull();
    const approvals = await t.db.submissionApproval.findMany({ where: { submissionId: id } });
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ voidReason: "signingPlanChanged" });
    expect(approvals[0]!.voidedAt).not.toBeNull();
    // The second signatory cannot sign before the first under the old approval.
    expect(await codeOf(sign(a.heidi!, hash))).toBe("BAD_REQUEST:submissionWrongStatus");

    // The save's audit event records the plan before and after.
    const saved = await t.db.auditEvent.findFirstOrThrow({
      where: { entityId: id, action: "submission.saved" },
      orderBy: { id: "desc" },
    });
    expect(saved.data).toMatchObject({
      signing: {
        before: {
          order: "SEQUENTIAL",
          signatories: [{ name: "Kaja Marienborg" }, { name: "Heidi Andersen" }],
        },
        after: { order: "PARALLEL" },
      },
    });

    // Approved again, in parallel: another hash, and now Heidi may sign first.
    const parallel = await putUpForApproval();
    expect(parallel).not.toBe(hash);
    const frozen = await t.db.submissionRender.findUniqueOrThrow({
      where: { submissionId_snapshotSha256: { submissionId: id, snapshotSha256: parallel } },
    });
    expect((JSON.parse(frozen.snapshot) as SubmissionSnapshot).signing).toEqual({
      order: "PARALLEL",
      signatories: [
        { signatoryId: expect.any(String), userId: a.kaja!.id },
        { signatoryId: expect.any(String), userId: a.heidi!.id },
      ],
    });
    await approve(a.kaja!, parallel);
    expect(await sign(a.heidi!, parallel)).toMatchObject({ status: "SIGNING" });
  });

  it("voids the approvals when the signatories change order, and keeps them for a save that changes nothing", async () => {
    const hash = await putUpForApproval();
    await approve(a.kaja!, hash);
    await save({});
    expect((await view()).status).toBe("APPROVED");
    const s = await view();
    await save({ signatories: [...s.signatories].reverse() });
    expect((await view()).status).toBe("IN_REVIEW");
  });
});

describe("the signatories' logins are part of what is approved", () => {
  it("refuses to link a signatory to another user while a letter naming it awaits approval or signing", async () => {
    const hash = await putUpForApproval();
    const heidi = await heidiSignatory();
    // Awaiting approval, approved, signing: refused with a message that says why and what to do.
    expect(await codeOf(relink(heidi, { userId: lars.id }))).toBe("CONFLICT:signatoryInFlight");
    await approve(a.kaja!, hash);
    expect(await codeOf(relink(heidi, { userId: lars.id }))).toBe("CONFLICT:signatoryInFlight");
    expect(await codeOf(relink(heidi, { userId: null }))).toBe("CONFLICT:signatoryInFlight");
    await sign(a.kaja!, hash);
    expect((await view()).status).toBe("SIGNING");
    expect(await codeOf(relink(heidi, { userId: lars.id }))).toBe("CONFLICT:signatoryInFlight");
    const { signatoryInFlight } = (await import("../i18n/messages")).domainMessages.nb;
    expect(signatoryInFlight).toMatch(/kan ikke endres nå.*send det tilbake til gjennomgang/);
    // Lars cannot sign for Heidi.
    expect(await codeOf(sign(lars, hash))).toBe("FORBIDDEN:notASignatory");

    // Sent back to review: the relink is allowed, and its audit event records the change of user.
    await returnForChanges(t.db, { id, comment: "Heidi er på reise; Lars signerer." }, a.kaja!);
    await relink(heidi, { userId: lars.id });
    const event = await t.db.auditEvent.findFirstOrThrow({
      where: { entityId: heidi.id, action: "signatory.updated" },
      orderBy: { id: "desc" },
    });
    expect(event.data).toMatchObject({
      before: { name: "Heidi Andersen", userId: a.heidi!.id },
      after: { name: "Heidi Andersen", userId: lars.id },
    });
    // The next approval names Lars: Heidi cannot sign it.
    const again = await putUpForApproval();
    expect(again).not.toBe(hash);
    await approve(a.kaja!, again);
    expect((await getApprovalView(t.db, { id }, lars)).signatories[1]).toMatchObject({
      name: "Heidi Andersen",
      userId: lars.id,
    });
    await sign(a.kaja!, again);
    expect(await codeOf(sign(a.heidi!, again))).toBe("FORBIDDEN:notASignatory");

    // Lars signs for «Heidi Andersen» as approved: the approval view and the signed PDF say it is Lars who signed.
    expect((await getApprovalView(t.db, { id }, lars)).signatories[1]).toMatchObject({
      signer: "Lars Leder",
    });
    expect(await sign(lars, again)).toMatchObject({ status: "SIGNED" });
    await renderSignedDocument(
      t.db,
      { submissionId: id, snapshotSha256: again },
      { publicUrl: "https://x.test" },
    );
    const text = pdfText(await signedPdf());
    expect(text).toMatch(/Heidi Andersen .*Elektronisk godkjent av Lars Leder \d{1,2}\. \p{L}+ \d{4}/u);
    expect(text).toMatch(/Signert av Kaja Marienborg, .* Signert av Lars Leder, /);
    // Kaja signs under her own name: no «av».
    expect(text).not.toContain("godkjent av Kaja");
  });

  it("takes a signature only from the user the approved plan names, whatever the live link says, and the PDF's names match the signers", async () => {
    const hash = await putUpForApproval();
    await approve(a.kaja!, hash);
    // A link changed behind the application's back (by hand in the database, or before this check existed).
    const heidi = await heidiSignatory();
    await t.db.signatory.update({ where: { id: heidi.id }, data: { userId: lars.id } });

    expect(await codeOf(sign(lars, hash))).toBe("FORBIDDEN:notASignatory");
    await sign(a.kaja!, hash);
    expect(await codeOf(sign(lars, hash))).toBe("FORBIDDEN:notASignatory");
    // Heidi, whom the approval named, signs.
    expect(await sign(a.heidi!, hash)).toMatchObject({ status: "SIGNED", finalize: true });
    await renderSignedDocument(
      t.db,
      { submissionId: id, snapshotSha256: hash },
      { publicUrl: "https://x.test" },
    );

    const text = pdfText(await signedPdf());
    expect(text).toMatch(/Kaja Marienborg .*Heidi Andersen/);
    expect(text.match(/Elektronisk godkjent/g)).toHaveLength(2);
    expect(text).toMatch(/Signert av Kaja Marienborg, .* Signert av Heidi Andersen, /);
    expect(text).not.toContain("Lars");
    const signatures = await t.db.submissionSignature.findMany({ where: { submissionId: id } });
    expect(signatures.map((x) => x.userId).sort()).toEqual([a.kaja!.id, a.heidi!.id].sort());
  });

  it("never makes a signed document from a signature by another user than the plan names", async () => {
    const hash = await putUpForApproval();
    await approve(a.kaja!, hash);
    await sign(a.kaja!, hash);
    await sign(a.heidi!, hash);
    // A signature row that names Lars for Heidi's place (only by hand: the application refuses it).
    await t.db.$executeRaw`ALTER TABLE "SubmissionSignature" DISABLE TRIGGER USER`;
    await t.db
      .$executeRaw`UPDATE "SubmissionSignature" SET "userId" = ${lars.id}::uuid WHERE "userId" = ${a.heidi!.id}::uuid`;
    await t.db.$executeRaw`ALTER TABLE "SubmissionSignature" ENABLE TRIGGER USER`;
    await expect(
      renderSignedDocument(t.db, { submissionId: id, snapshotSha256: hash }, { publicUrl: "https://x.test" }),
    ).rejects.toMatchObject({ message: "signedDocumentSignerMismatch" });
    expect(await t.db.signedDocument.count()).toBe(0);
    expect((await t.db.submission.findUniqueOrThrow({ where: { id } })).signedDocumentError).toBe(
      "signedDocumentSignerMismatch",
    );
  });

  it("signs the title that was approved when a signatory's dated titles change afterwards", async () => {
    const hash = await putUpForApproval();
    await approve(a.kaja!, hash);
    const heidi = await heidiSignatory();
    // A change of name or titles is allowed: it does not reach the frozen letter.
    await relink(heidi, {
      titles: [{ id: "", title: "Avdelingsdirektør", validFrom: "2000-01-01", validTo: null }],
    });
    await sign(a.kaja!, hash);
    await sign(a.heidi!, hash);
    // The approved letter's PDF is rendered first, so the final document is checked against its bytes.
    await renderSubmissionFiles(t.db, { submissionId: id, snapshotSha256: hash });
    await renderSignedDocument(
      t.db,
      { submissionId: id, snapshotSha256: hash },
      { publicUrl: "https://x.test" },
    );
    const text = pdfText(await signedPdf());
    expect(text).toContain("Instituttleder, NITO BFI");
    expect(text).not.toContain("Avdelingsdirektør");
  });
});

describe("letters frozen before the plan was hashed", () => {
  /** The letter as frozen by the previous version: the same snapshot without `signing`, under its own hash. */
  async function freezeAsBefore(hash: string) {
    const render = await t.db.submissionRender.findUniqueOrThrow({
      where: { submissionId_snapshotSha256: { submissionId: id, snapshotSha256: hash } },
    });
    const old = canonicalJson({ ...(JSON.parse(render.snapshot) as SubmissionSnapshot), signing: undefined });
    const oldHash = sha256(old);
    await t.db.submissionRender.create({
      data: { submissionId: id, snapshotSha256: oldHash, snapshot: old },
    });
    await t.db.submission.update({ where: { id }, data: { snapshotSha256: oldHash } });
    return oldHash;
  }

  it("stay signable, keep their approvals through a save that changes nothing, and render to the same bytes", async () => {
    const hash = await putUpForApproval();
    const pdfOf = async (snapshotSha256: string) => {
      await renderSubmissionFiles(t.db, { submissionId: id, snapshotSha256 });
      const render = await t.db.submissionRender.findUniqueOrThrow({
        where: { submissionId_snapshotSha256: { submissionId: id, snapshotSha256 } },
      });
      return render.pdfSha256!;
    };
    const current = await pdfOf(hash);
    const old = await freezeAsBefore(hash);
    const before = await pdfOf(old);
    // The plan is not printed: the letter's PDF is the same bytes with or without it.
    expect(before).toBe(current);

    await approve(a.kaja!, old);
    await save({});
    expect((await view()).status).toBe("APPROVED");
    await sign(a.kaja!, old);
    expect(await sign(a.heidi!, old)).toMatchObject({ status: "SIGNED" });
    const made = await renderSignedDocument(
      t.db,
      { submissionId: id, snapshotSha256: old },
      { publicUrl: "https://x.test" },
    );
    expect(made).toMatchObject({ reused: false, letterPdfSha256: before });
    expect(pdfText(await signedPdf())).toMatch(/Signert av Kaja Marienborg, .* Signert av Heidi Andersen, /);
  });

  it("are voided by a change of order", async () => {
    const old = await freezeAsBefore(await putUpForApproval());
    await approve(a.kaja!, old);
    await save({ signingOrder: "PARALLEL" });
    expect((await view()).status).toBe("IN_REVIEW");
    expect(await codeOf(sign(a.heidi!, old))).toBe("BAD_REQUEST:submissionWrongStatus");
  });
});
