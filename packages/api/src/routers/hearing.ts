import {
  HEARING_EDITORS,
  createHearing,
  createHearingInput,
  getHearing,
  getHearingFormOptions,
  hearingIdInput,
  listHearings,
  listHearingsInput,
  updateHearing,
  updateHearingInput,
} from "@innspill/domain";
import { protectedProcedure, roleProcedure, router } from "../trpc";

const editor = roleProcedure(HEARING_EDITORS);

export const hearingRouter = router({
  list: protectedProcedure
    .input(listHearingsInput)
    .query(({ ctx, input }) => listHearings(ctx.db, input, ctx.actor)),
  byId: protectedProcedure
    .input(hearingIdInput)
    .query(({ ctx, input }) => getHearing(ctx.db, input, ctx.actor)),
  formOptions: protectedProcedure.query(({ ctx }) => getHearingFormOptions(ctx.db, ctx.actor)),
  create: editor
    .input(createHearingInput)
    .mutation(({ ctx, input }) => createHearing(ctx.db, input, ctx.actor)),
  update: editor
    .input(updateHearingInput)
    .mutation(({ ctx, input }) => updateHearing(ctx.db, input, ctx.actor)),
});
