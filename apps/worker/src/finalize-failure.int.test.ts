/**
 * When the signed document cannot be made (the approved letter no longer renders to the bytes that were approved),
 * nothing else is signed: the letter says why, the admins are told, the job is not retried, and a new revision is
 * the way on.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createRevision, getApprovalView, type Actor } from "@innspill/domain";
import { listSignedWithoutDocument } from "@innspill/domain/worker";
import { createDemoDatabase, signDemoLetter } from "@innspill/demo/testing";
import { processFinalizeSubmission } from "./processors/submission-finalize";

let t: TestDatabase;
let a: Record<string, Actor>;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
}, 60_000);
afterAll(async () => {
  await t?.close();
});

it("refuses to sign other bytes than were approved, says why on the letter, and tells the admins", async () => {
  const { id, snapshotSha256 } = await signDemoLetter(t.db, a);
  // As after an update that renders the same letter differently: the approved render's hash no longer matches.
  await t.db.submissionRender.updateMany({
    where: { submissionId: id },
    data: { pdfSha256: "0".repeat(64) },
  });

  await expect(
    processFinalizeSubmission({ db: t.db }, { submissionId: id, snapshotSha256 }),
  ).rejects.toMatchObject({
    code: "CONFLICT",
    message: "signedDocumentMismatch",
  });
  expect(await t.db.signedDocument.count({ where: { submissionId: id } })).toBe(0);
  const view = await getApprovalView(t.db, { id }, a.kaja!);
  expect(view.signedDocumentError).toBe("signedDocumentMismatch");

  // Every admin is told, in the app (linking to the letter) and by e-mail.
  const note = await t.db.notification.findFirstOrThrow({
    where: { userId: a.admin!.id, kind: "submission.signedDocumentFailed" },
  });
  expect(note.path).toBe(`/innspill/${id}/godkjenning`);
  expect(
    await t.db.outboxEmail.count({
      where: { userId: a.admin!.id, subject: { contains: "kunne ikke lages" } },
    }),
  ).toBe(1);
  // Not asked for again at every worker start: it waits for its recovery.
  expect((await listSignedWithoutDocument(t.db)).map((s) => s.id)).not.toContain(id);

  // The recovery: a new revision of the letter, to be approved and signed again.
  const revision = await createRevision(t.db, { id }, a.ingrid!);
  expect(revision).toMatchObject({ id: expect.any(String) });
}, 60_000);
