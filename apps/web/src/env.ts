import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/** The only place in the web app that reads process.env. */
export const env = createEnv({
  server: {
    DATABASE_URL: z.url(),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /**
     * Request bodies, in MB, refused with 413 while they stream in, whatever Content-Length says. tRPC carries a
     * letter import's file (base64), hence its size.
     */
    BODY_LIMIT_TRPC_MB: z.coerce.number().positive().max(200).default(32),
    BODY_LIMIT_UPLOAD_MB: z.coerce.number().positive().max(200).default(21),
    /** The public verifier takes a signed letter's PDF (tens of KB), hashed as it streams. */
    BODY_LIMIT_VERIFY_MB: z.coerce.number().positive().max(200).default(5),
  },
  client: {},
  experimental__runtimeEnv: {},
  // `next build` runs without a database; the values are checked when the server starts handling requests.
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
  emptyStringAsUndefined: true,
});
