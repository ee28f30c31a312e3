import {
  addHearingLink,
  addLinkInput,
  createHearing,
  createHearingInput,
  decideHearing,
  decideHearingInput,
  getHearing,
  getHearingFormOptions,
  hearingScreeningInput,
  hearingIdInput,
  listHearings,
  listHearingsInput,
  removeDocumentInput,
  removeHearingDocument,
  removeHearingLink,
  setHearingScreening,
  transitionHearing,
  transitionHearingInput,
  updateHearing,
  updateHearingInput,
  updateMilestone,
  updateMilestoneInput,
} from "@innspill/domain";
import { permissionProcedure, protectedProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";

export const hearingRouter = router({
  list: protectedProcedure
    .input(domainInput(listHearingsInput))
    .query(({ ctx, input }) => listHearings(ctx.db, input, ctx.actor)),
  byId: protectedProcedure
    .input(domainInput(hearingIdInput))
    .query(({ ctx, input }) => getHearing(ctx.db, input, ctx.actor)),
  formOptions: protectedProcedure.query(({ ctx }) => getHearingFormOptions(ctx.db, ctx.actor)),
  create: permissionProcedure("hearing.create")
    .input(domainInput(createHearingInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "hearing.create", input, () => createHearing(ctx.db, input, ctx.actor)),
    ),
  update: permissionProcedure("hearing.edit")
    .input(domainInput(updateHearingInput))
    .mutation(({ ctx, input }) => updateHearing(ctx.db, input, ctx.actor)),
  decide: permissionProcedure("hearing.decide")
    .input(domainInput(decideHearingInput))
    .mutation(({ ctx, input }) => decideHearing(ctx.db, input, ctx.actor)),
  // Each transition names its action (hearings/workflow.ts), so the use-case decides per step.
  transition: protectedProcedure
    .input(domainInput(transitionHearingInput))
    .mutation(({ ctx, input }) => transitionHearing(ctx.db, input, ctx.actor)),
  // Anyone may tick off a milestone they own; the domain checks planning and others' milestones.
  updateMilestone: permissionProcedure("milestone.markOwnDone")
    .input(domainInput(updateMilestoneInput))
    .mutation(({ ctx, input }) => updateMilestone(ctx.db, input, ctx.actor)),
  addLink: permissionProcedure("hearing.edit")
    .input(domainInput(addLinkInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "hearing.addLink", input, () => addHearingLink(ctx.db, input, ctx.actor)),
    ),
  removeLink: permissionProcedure("hearing.edit")
    .input(domainInput(removeDocumentInput))
    .mutation(({ ctx, input }) => removeHearingLink(ctx.db, input, ctx.actor)),
  // Skjerming: the legal basis and the public title the archive's public journal shows.
  setScreening: permissionProcedure("hearing.edit")
    .input(domainInput(hearingScreeningInput))
    .mutation(({ ctx, input }) => setHearingScreening(ctx.db, input, ctx.actor)),
  removeDocument: permissionProcedure("hearing.edit")
    .input(domainInput(removeDocumentInput))
    .mutation(({ ctx, input }) => removeHearingDocument(ctx.db, input, ctx.actor)),
});
