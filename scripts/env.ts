import { createEnv } from "@t3-oss/env-core";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The only place in scripts/ that reads process.env. */
export const env = createEnv({
  server: {
    /** An external PostgreSQL ≥ 15. Unset: an embedded PostgreSQL is started with data in <data dir>/postgres. */
    DATABASE_URL: z.url().optional(),
    AUTH_SECRET: z.string().min(32).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /**
     * The address the web server listens on. Default: 127.0.0.1 in demo mode (its accounts, an admin among them, have
     * a published password), all interfaces (0.0.0.0) otherwise.
     */
    HOST: z.string().max(100).optional(),
    WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** The live co-writing server's port (default PORT + 2), and its address as browsers reach it (default ws://…). */
    COLLAB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
    COLLAB_URL: z
      .string()
      .regex(/^wss?:\/\/\S+$/)
      .optional(),
    /** Where embedded Postgres data and the generated AUTH_SECRET live. */
    INNSPILL_DATA_DIR: z.string().default(path.join(root, ".data")),
    /** Skip `next build` in `npm start` (used by the e2e run, which builds first). */
    INNSPILL_SKIP_BUILD: z.enum(["0", "1"]).default("0"),
    /**
     * Demo mode: demo data is seeded into a database without any users. On by default for the embedded database; off
     * when DATABASE_URL is set or NODE_ENV=production. 1 or 0 overrides.
     */
    INNSPILL_DEMO: z.enum(["0", "1"]).optional(),
    /** Older name: INNSPILL_NO_SEED=1 is INNSPILL_DEMO=0. */
    INNSPILL_NO_SEED: z.enum(["0", "1"]).optional(),
    /**
     * With DATABASE_URL (the owner's): the role the web server and the worker connect as, given access to the rows
     * (not to altering the tables) after every migration.
     */
    INNSPILL_APP_ROLE: z.string().optional(),
    /** Where users open Innspill: links in e-mails (default http://localhost:<PORT>) and, when set, sign-in redirects. */
    PUBLIC_URL: z.url().optional(),
    NODE_ENV: z.string().optional(),
    /** `npm run bench`: the first of the seven ports its servers listen on (3190–3196 by default). */
    BENCH_PORT: z.coerce.number().int().min(1024).max(65000).default(3190),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
