import { listWorkers } from "@innspill/domain";
import { enqueue, getQueueStats, listFailedJobs, markOverdueHearingsJob } from "@innspill/jobs";
import { publicProcedure, roleProcedure, router } from "../trpc";

const admin = roleProcedure(["ADMIN"]);

export const systemRouter = router({
  /** Liveness of the web process; public so that load balancers can call it. */
  ping: publicProcedure.query(() => ({ ok: true as const })),
  status: admin.query(async ({ ctx }) => {
    const boss = await ctx.getBoss();
    const [workers, queues, failedJobs] = await Promise.all([
      listWorkers(ctx.db, ctx.actor),
      getQueueStats(boss),
      listFailedJobs(boss, 20),
    ]);
    return { workers, queues, failedJobs, checkedAt: new Date() };
  }),
  /** Runs the overdue check now instead of waiting for the schedule. */
  runOverdueCheck: admin.mutation(async ({ ctx }) => {
    const jobId = await enqueue(await ctx.getBoss(), markOverdueHearingsJob, {});
    return { jobId };
  }),
});
