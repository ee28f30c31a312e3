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
    /** Where users open Innspill: a request from a page there is this site's own (server/same-origin.ts). */
    PUBLIC_URL: z.url().optional(),
    AUTH_URL: z.url().optional(),
    /** Read by @innspill/auth; here for the start-up check of the proxy setting (instrumentation.ts). */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * 1: the operator states that the web servers can only be reached through the trusted proxies (a firewall, a
     * container network, a port bound to 127.0.0.1). Without it production refuses to start with
     * TRUSTED_PROXY_HOPS > 0 on a server listening beyond this machine, where a client could write its own address.
     */
    TRUSTED_PROXY_ONLY: z.enum(["0", "1"]).default("0"),
    /**
     * The live co-writing server (`npm run start:collab`) as browsers reach it, ws:// or wss://. Unset: letters are
     * edited without live co-writing (saves under the optimistic lock only).
     */
    COLLAB_URL: z
      .string()
      .regex(/^wss?:\/\/[^\s]+$/)
      .optional(),
    /** The address the standalone server listens on (Next.js reads it; unset is all interfaces). */
    HOSTNAME: z.string().optional(),
  },
  client: {},
  experimental__runtimeEnv: {},
  // `next build` runs without a database; the values are checked when the server starts handling requests.
  skipValidation: process.env.NEXT_PHASE === "phase-production-build",
  emptyStringAsUndefined: true,
});
