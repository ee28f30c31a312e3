import { z } from "zod";
import {
  SIGNATORY_EDITORS,
  SUBMISSION_EDITORS,
  createSignatory,
  createSignatoryInput,
  createSubmission,
  findSubmissionForHearing,
  getRender,
  getSubmission,
  latestRender,
  listSignatories,
  listSubmissions,
  previewSubmission,
  requestRender,
  saveSubmission,
  saveSubmissionInput,
  updateSignatory,
  updateSignatoryInput,
} from "@innspill/domain";
import { enqueue, renderSubmissionJob } from "@innspill/jobs";
import { protectedProcedure, roleProcedure, router } from "../trpc";

const editor = roleProcedure(SUBMISSION_EDITORS);
const byId = z.object({ id: z.uuid({ error: "invalid" }) });
const byHearing = z.object({ hearingId: z.uuid({ error: "invalid" }) });

export const submissionRouter = router({
  list: protectedProcedure.query(({ ctx }) => listSubmissions(ctx.db, ctx.actor)),
  forHearing: protectedProcedure
    .input(byHearing)
    .query(({ ctx, input }) => findSubmissionForHearing(ctx.db, input, ctx.actor)),
  byId: protectedProcedure.input(byId).query(({ ctx, input }) => getSubmission(ctx.db, input, ctx.actor)),
  preview: protectedProcedure
    .input(byId)
    .query(({ ctx, input }) => previewSubmission(ctx.db, input, ctx.actor)),
  create: editor.input(byHearing).mutation(({ ctx, input }) => createSubmission(ctx.db, input, ctx.actor)),
  save: editor
    .input(saveSubmissionInput)
    .mutation(({ ctx, input }) => saveSubmission(ctx.db, input, ctx.actor)),
  /** Freezes the saved letter and asks the worker for DOCX and PDF; the same snapshot reuses its files. */
  render: protectedProcedure.input(byId).mutation(async ({ ctx, input }) => {
    const { render, enqueue: needed } = await requestRender(ctx.db, input, ctx.actor);
    if (needed)
      await enqueue(
        await ctx.getBoss(),
        renderSubmissionJob,
        { submissionId: render.submissionId, snapshotSha256: render.snapshotSha256 },
        { singletonKey: render.snapshotSha256 },
      );
    return render;
  }),
  renderStatus: protectedProcedure.input(byId).query(({ ctx, input }) => getRender(ctx.db, input, ctx.actor)),
  latestRender: protectedProcedure
    .input(byId)
    .query(({ ctx, input }) => latestRender(ctx.db, input, ctx.actor)),
  signatories: protectedProcedure.query(({ ctx }) => listSignatories(ctx.db, ctx.actor)),
  createSignatory: roleProcedure(SIGNATORY_EDITORS)
    .input(createSignatoryInput)
    .mutation(({ ctx, input }) => createSignatory(ctx.db, input, ctx.actor)),
  updateSignatory: roleProcedure(SIGNATORY_EDITORS)
    .input(updateSignatoryInput)
    .mutation(({ ctx, input }) => updateSignatory(ctx.db, input, ctx.actor)),
});
