import {
  HEARING_EDITORS,
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
import { protectedProcedure, roleProcedure, router, domainInput } from "../trpc";
import { once } from "../idempotency";

const editor = roleProcedure(HEARING_EDITORS);

export const hearingRouter = router({
  list: protectedProcedure
    .input(domainInput(listHearingsInput))
    .query(({ ctx, input }) => listHearings(ctx.db, input, ctx.actor)),
  byId: protectedProcedure
    .input(domainInput(hearingIdInput))
    .query(({ ctx, input }) => getHearing(ctx.db, input, ctx.actor)),
  formOptions: protectedProcedure.query(({ ctx }) => getHearingFormOptions(ctx.db, ctx.actor)),
  create: editor
    .input(domainInput(createHearingInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "hearing.create", input, () => createHearing(ctx.db, input, ctx.actor)),
    ),
  update: editor
    .input(domainInput(updateHearingInput))
    .mutation(({ ctx, input }) => updateHearing(ctx.db, input, ctx.actor)),
  decide: editor
    .input(domainInput(decideHearingInput))
    .mutation(({ ctx, input }) => decideHearing(ctx.db, input, ctx.actor)),
  // Leaders approve (TIL_GODKJENNING → TIL_SIGNERING); the state machine decides who may take which step.
  transition: protectedProcedure
    .input(domainInput(transitionHearingInput))
    .mutation(({ ctx, input }) => transitionHearing(ctx.db, input, ctx.actor)),
  // Leaders may tick off milestones they own; the domain checks the rest.
  updateMilestone: protectedProcedure
    .input(domainInput(updateMilestoneInput))
    .mutation(({ ctx, input }) => updateMilestone(ctx.db, input, ctx.actor)),
  addLink: editor
    .input(domainInput(addLinkInput))
    .mutation(({ ctx, input }) =>
      once(ctx, "hearing.addLink", input, () => addHearingLink(ctx.db, input, ctx.actor)),
    ),
  removeLink: editor
    .input(domainInput(removeDocumentInput))
    .mutation(({ ctx, input }) => removeHearingLink(ctx.db, input, ctx.actor)),
  // Skjerming: the legal basis and the public title the archive's public journal shows.
  setScreening: editor
    .input(domainInput(hearingScreeningInput))
    .mutation(({ ctx, input }) => setHearingScreening(ctx.db, input, ctx.actor)),
  removeDocument: editor
    .input(domainInput(removeDocumentInput))
    .mutation(({ ctx, input }) => removeHearingDocument(ctx.db, input, ctx.actor)),
});
