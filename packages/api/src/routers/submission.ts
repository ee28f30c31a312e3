import { z } from "zod";
import {
  collabTicketInput,
  issueCollabTicket,
  createSignatory,
  createSignatoryInput,
  createSubmission,
  findSubmissionForHearing,
  getRender,
  getSubmission,
  latestRender,
  listSignatories,
  listSubmissions,
  listSubmissionsInput,
  previewSubmission,
  requestRender,
  saveSubmission,
  saveSubmissionInput,
  updateSignatory,
  updateSignatoryInput,
  addReviewComment,
  approveSubmission,
  createRevision,
  getApprovalView,
  listReviewThreads,
  reauthenticate,
  recordSending,
  recordSendingInput,
  requestApproval,
  resolveReviewThread,
  returnForChanges,
  returnToDraft,
  sendForReview,
  passkeySigningChallenge,
  signSubmission,
  signSubmissionWithPasskey,
  signWithPasskeyInput,
  idVersionInput,
  requestApprovalInput,
  snapshotHashInput,
  returnForChangesInput,
  reauthenticateInput,
  reviewCommentInput,
} from "@innspill/domain";
import { permissionProcedure, protectedProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";
import { relyingParty } from "./passkey";

const byId = z.object({ id: z.uuid({ error: "invalid" }) });
const byHearing = z.object({ hearingId: z.uuid({ error: "invalid" }) });

export const submissionRouter = router({
  list: protectedProcedure
    .input(domainInput(listSubmissionsInput))
    .query(({ ctx, input }) => listSubmissions(ctx.db, input, ctx.actor)),
  forHearing: protectedProcedure
    .input(domainInput(byHearing))
    .query(({ ctx, input }) => findSubmissionForHearing(ctx.db, input, ctx.actor)),
  byId: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => getSubmission(ctx.db, input, ctx.actor)),
  preview: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => previewSubmission(ctx.db, input, ctx.actor)),
  create: permissionProcedure("submission.edit")
    .input(domainInput(byHearing))
    .mutation(({ ctx, input }) => createSubmission(ctx.db, input, ctx.actor)),
  save: permissionProcedure("submission.edit")
    .input(domainInput(saveSubmissionInput))
    .mutation(({ ctx, input }) => saveSubmission(ctx.db, input, ctx.actor)),
  /** A one-time pass for the letter's live co-writing (the collaboration server's WebSocket). */
  collabTicket: permissionProcedure("submission.edit")
    .input(domainInput(collabTicketInput))
    .mutation(({ ctx, input }) => issueCollabTicket(ctx.db, input, ctx.actor)),
  /** Freezes the saved letter and asks the worker for DOCX and PDF; the same snapshot reuses its files. */
  render: protectedProcedure
    .input(domainInput(byId))
    .mutation(async ({ ctx, input }) => (await requestRender(ctx.db, input, ctx.actor, ctx.jobs)).render),
  sendForReview: permissionProcedure("submission.sendForReview")
    .input(domainInput(idVersionInput))
    .mutation(({ ctx, input }) => sendForReview(ctx.db, input, ctx.actor)),
  returnToDraft: permissionProcedure("submission.returnToDraft")
    .input(domainInput(idVersionInput))
    .mutation(({ ctx, input }) => returnToDraft(ctx.db, input, ctx.actor)),
  /** Freezes the letter for approval; its documents are made at once, so approvers can read the PDF too. */
  requestApproval: permissionProcedure("submission.requestApproval")
    .input(domainInput(requestApprovalInput))
    .mutation(async ({ ctx, input }) => ({
      snapshotSha256: (await requestApproval(ctx.db, input, ctx.actor, ctx.jobs)).snapshotSha256,
    })),
  approvalView: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => getApprovalView(ctx.db, input, ctx.actor)),
  approve: permissionProcedure("submission.approve")
    .input(domainInput(snapshotHashInput))
    .mutation(({ ctx, input }) => approveSubmission(ctx.db, input, ctx.actor)),
  returnForChanges: permissionProcedure("submission.returnForChanges")
    .input(domainInput(returnForChangesInput))
    .mutation(({ ctx, input }) => returnForChanges(ctx.db, input, ctx.actor)),
  reauthenticate: protectedProcedure
    .input(domainInput(reauthenticateInput))
    .mutation(({ ctx, input }) => reauthenticate(ctx.db, input, ctx.actor, { ip: ctx.client?.ip })),
  /** The last signature has the worker make the final, signed PDF/A. */
  sign: permissionProcedure("submission.sign")
    .input(domainInput(snapshotHashInput))
    .mutation(({ ctx, input }) =>
      signSubmission(ctx.db, input, ctx.actor, ctx.client ?? { ip: null, userAgent: null }, ctx.jobs),
    ),
  /** «Signer med passnøkkel»: the challenge, bound to this session, letter and hash. */
  passkeyOptions: permissionProcedure("submission.sign")
    .input(domainInput(snapshotHashInput))
    .mutation(({ ctx, input }) => passkeySigningChallenge(ctx.db, input, ctx.actor, relyingParty(ctx))),
  /** Signs with the passkey's assertion as the re-authentication; the signature records the credential. */
  signWithPasskey: permissionProcedure("submission.sign")
    .input(domainInput(signWithPasskeyInput))
    .mutation(({ ctx, input }) =>
      signSubmissionWithPasskey(
        ctx.db,
        input,
        ctx.actor,
        ctx.client ?? { ip: null, userAgent: null },
        ctx.jobs,
        relyingParty(ctx),
      ),
    ),
  recordSending: permissionProcedure("submission.recordSending")
    .input(domainInput(recordSendingInput))
    .mutation(({ ctx, input }) => recordSending(ctx.db, input, ctx.actor)),
  createRevision: permissionProcedure("submission.createRevision")
    .input(domainInput(byId))
    .mutation(({ ctx, input }) => createRevision(ctx.db, input, ctx.actor)),
  threads: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => listReviewThreads(ctx.db, input, ctx.actor)),
  comment: protectedProcedure
    .input(domainInput(reviewCommentInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "submission.comment", input, () => addReviewComment(ctx.db, input, ctx.actor)),
    ),
  resolveThread: protectedProcedure
    .input(domainInput(z.object({ threadId: z.uuid({ error: "invalid" }) })))
    .mutation(({ ctx, input }) => resolveReviewThread(ctx.db, input, ctx.actor)),
  renderStatus: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => getRender(ctx.db, input, ctx.actor)),
  latestRender: protectedProcedure
    .input(domainInput(byId))
    .query(({ ctx, input }) => latestRender(ctx.db, input, ctx.actor)),
  signatories: protectedProcedure.query(({ ctx }) => listSignatories(ctx.db, ctx.actor)),
  createSignatory: permissionProcedure("signatory.edit")
    .input(domainInput(createSignatoryInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "submission.createSignatory", input, () => createSignatory(ctx.db, input, ctx.actor)),
    ),
  updateSignatory: permissionProcedure("signatory.edit")
    .input(domainInput(updateSignatoryInput))
    .mutation(({ ctx, input }) => updateSignatory(ctx.db, input, ctx.actor)),
});
