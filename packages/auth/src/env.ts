import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The only place in @innspill/auth that reads process.env. */
export const env = createEnv({
  server: {
    AUTH_SECRET: z.string().min(32).optional(),
    /**
     * How many reverse proxies in front of Innspill append to X-Forwarded-For. The client's address is the entry
     * that many from the right; with 0 (no proxy) the header is the client's own word and is not used.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    // Microsoft Entra ID (OIDC). Switched on only when all three are set.
    AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
    AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.url().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

export const oidcEnabled = Boolean(
  env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET && env.AUTH_MICROSOFT_ENTRA_ID_ISSUER,
);
