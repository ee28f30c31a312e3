import { createCallerFactory, router } from "./trpc";
import { adminRouter } from "./routers/admin";
import { hearingRouter } from "./routers/hearing";
import { letterImportRouter } from "./routers/letterImport";
import { libraryRouter } from "./routers/library";
import { meRouter } from "./routers/me";
import { memoryRouter } from "./routers/memory";
import { overviewRouter } from "./routers/overview";
import { submissionRouter } from "./routers/submission";
import { systemRouter } from "./routers/system";
import { userRouter } from "./routers/user";
import { radarRouter } from "./routers/radar";
import { passkeyRouter } from "./routers/passkey";

export const appRouter = router({
  hearing: hearingRouter,
  overview: overviewRouter,
  user: userRouter,
  system: systemRouter,
  me: meRouter,
  admin: adminRouter,
  library: libraryRouter,
  submission: submissionRouter,
  letterImport: letterImportRouter,
  radar: radarRouter,
  memory: memoryRouter,
  passkey: passkeyRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
