import { getOverview } from "@innspill/domain";
import { protectedProcedure, router } from "../trpc";

export const overviewRouter = router({
  get: protectedProcedure.query(({ ctx }) => getOverview(ctx.db, ctx.actor)),
});
