import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The only place in @innspill/auth that reads process.env. */
export const env = createEnv({
  server: {
    AUTH_SECRET: z.string().min(32).optional(),
    /** Where users open Innspill. Sign-in redirects (and the identity provider's callback) are built on it. */
    PUBLIC_URL: z.url().optional(),
    AUTH_URL: z.url().optional(),
    /**
     * How many reverse proxies in front of Innspill append to X-Forwarded-For. The client's address is the entry
     * that many from the right; with 0 (no proxy) the header is the client's own word and is not used.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    /**
     * Single sign-on with any OpenID Connect provider (Entra ID: issuer https://login.microsoftonline.com/<tenant>/v2.0).
     * Switched on only when issuer, client id and secret are set.
     */
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
    /**
     * The organisations (slugs, comma-separated) whose people log in with the provider. A person's first single
     * sign-on links them by their verified address to a user of one of these, never of another organisation.
     */
    AUTH_OIDC_ORGANISATIONS: z.string().max(2000).default(""),
    /** The provider's name on the login button: «Logg inn med …». */
    AUTH_OIDC_NAME: z.string().max(60).default("Microsoft"),
    // The earlier names for an Entra ID configuration, still read.
    AUTH_MICROSOFT_ENTRA_ID_ID: z.string().optional(),
    AUTH_MICROSOFT_ENTRA_ID_SECRET: z.string().optional(),
    AUTH_MICROSOFT_ENTRA_ID_ISSUER: z.url().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

/** The single sign-on provider's settings, or null when it is not configured. */
export const oidc = (() => {
  const issuer = env.AUTH_OIDC_ISSUER ?? env.AUTH_MICROSOFT_ENTRA_ID_ISSUER;
  const clientId = env.AUTH_OIDC_CLIENT_ID ?? env.AUTH_MICROSOFT_ENTRA_ID_ID;
  const clientSecret = env.AUTH_OIDC_CLIENT_SECRET ?? env.AUTH_MICROSOFT_ENTRA_ID_SECRET;
  return issuer && clientId && clientSecret
    ? {
        issuer,
        clientId,
        clientSecret,
        name: env.AUTH_OIDC_NAME,
        organisations: env.AUTH_OIDC_ORGANISATIONS.split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      }
    : null;
})();

export const oidcEnabled = oidc !== null;

// next-auth reads AUTH_URL itself. Without it, it builds the single sign-on callback from the request, which behind
// a proxy or on a server bound to 0.0.0.0 is not the address the browser used: the one setting is PUBLIC_URL.
if (!env.AUTH_URL && env.PUBLIC_URL) process.env.AUTH_URL = env.PUBLIC_URL;
