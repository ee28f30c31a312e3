import { calendarMonthInput, getCalendarMonth, getOverview } from "@innspill/domain";
import { protectedProcedure, router, domainInput } from "../trpc";

export const overviewRouter = router({
  get: protectedProcedure.query(({ ctx }) => getOverview(ctx.db, ctx.actor)),
  calendar: protectedProcedure
    .input(domainInput(calendarMonthInput))
    .query(({ ctx, input }) => getCalendarMonth(ctx.db, input, ctx.actor)),
});
