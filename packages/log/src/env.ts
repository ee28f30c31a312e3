import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The only place in @innspill/log that reads process.env. */
export const env = createEnv({
  server: {
    LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
    /** json: one JSON object per line (for a log collector); text: readable lines. Default: text on a terminal. */
    LOG_FORMAT: z.enum(["json", "text"]).optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});
