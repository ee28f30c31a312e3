import { getSystemStatus, runOverdueCheck } from "@innspill/domain";
import { publicProcedure, roleProcedure, router } from "../trpc";

const admin = roleProcedure(["ADMIN"]);

export const systemRouter = router({
  /** Liveness of the web process; public so that load balancers can call it. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
  status: admin.query(({ ctx }) => getSystemStatus(ctx.db, ctx.actor, ctx.jobs)),
  /** Runs the overdue check now instead of waiting for the schedule. */
  runOverdueCheck: admin.mutation(({ ctx }) => runOverdueCheck(ctx.actor, ctx.jobs)),
});
