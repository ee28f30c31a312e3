import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The only place in @innspill/auth that reads process.env. */
export const env = createEnv({
  server: {
    AUTH_SECRET: z.string().min(32).optional(),
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
