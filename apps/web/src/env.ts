import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** The only place in the web app that reads process.env. */
export const env = createEnv({
  server: {
    DATABASE_URL: z.url(),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  },
  client: {},
  experimental__runtimeEnv: {},
  // `next build` runs without a database; the values are checked when the server starts handling requests.
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
  emptyStringAsUndefined: true,
});
