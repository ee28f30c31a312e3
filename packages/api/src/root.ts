import { createCallerFactory, router } from "./trpc";
import { hearingRouter } from "./routers/hearing";
import { overviewRouter } from "./routers/overview";
import { systemRouter } from "./routers/system";
import { userRouter } from "./routers/user";

export const appRouter = router({
  hearing: hearingRouter,
  overview: overviewRouter,
  user: userRouter,
  system: systemRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
