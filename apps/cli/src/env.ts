import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The only place in the command line that reads process.env. */
export const env = createEnv({
  server: {
    /** An external PostgreSQL; unset: the embedded one in the data directory (as `npm start`). */
    DATABASE_URL: z.url().optional(),
    /** The data directory of the embedded database; unset: `.data` in the checkout, as `npm start`. */
    INNSPILL_DATA_DIR: z.string().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
