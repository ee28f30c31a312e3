import { getSystemStatus, runOverdueCheck } from "@innspill/domain";
import { permissionProcedure, publicProcedure, router } from "../trpc";

export const systemRouter = router({
  /** Liveness of the web process; public so that load balancers can call it. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
  status: permissionProcedure("system.manage").query(({ ctx }) =>
    getSystemStatus(ctx.db, ctx.actor, ctx.jobs),
  ),
  /** Runs the overdue check now instead of waiting for the schedule. */
  runOverdueCheck: permissionProcedure("system.manage").mutation(({ ctx }) =>
    runOverdueCheck(ctx.actor, ctx.jobs),
  ),
});
