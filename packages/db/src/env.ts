import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

/** The only place in @innspill/db that reads process.env. */
export const env = createEnv({
  server: {
    DATABASE_URL: z.url().optional(),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
});

/** The environment a child process (the Prisma CLI) runs with: this one's, with its own settings on top. */
export function childProcessEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...settings };
}
