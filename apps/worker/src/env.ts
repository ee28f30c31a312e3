import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The only place in the worker that reads process.env. */
export const env = createEnv({
  server: {
    DATABASE_URL: z.url(),
    WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** The live co-writing server's port (`npm run start:collab`, one per installation). */
    COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
    /** The address it listens on (unset: all interfaces). */
    COLLAB_HOST: z.string().max(100).optional(),
    WORKER_HEARTBEAT_SECONDS: z.coerce.number().positive().default(5),
    /** smtp(s)://user:pass@host:port — unset: e-mails stay in the outbox table (Admin → Utgående e-post). */
    SMTP_URL: z.url().optional(),
    SMTP_FROM: z.string().default("Innspill <innspill@localhost>"),
    /** 1: send only over a connection upgraded with STARTTLS (or smtps://). */
    SMTP_REQUIRE_TLS: z.enum(["0", "1"]).default("0"),
    /** A PEM file with the CA that signed the relay's certificate, when it is not one the system trusts. */
    SMTP_CA_FILE: z.string().optional(),
    /** The address users open Innspill at: e-mails and the signed document's verification page point under it. */
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    WORKER_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(30),
    /** Crash drills only: hold each render this long, so a test can kill the worker mid-render. */
    WORKER_RENDER_DELAY_MS: z.coerce.number().int().min(0).default(0),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
