import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

/**
 * The deployment test (`npm run test:deploy`): Debian's PostgreSQL, two web servers and two workers, started by the
 * global setup (cluster.ts) and stopped by it, by process id.
 */
export default defineConfig({
  ...base,
  testDir: ".",
  testMatch: "*.spec.ts",
  testIgnore: [],
  globalSetup: "./cluster.ts",
  timeout: 240_000,
  webServer: undefined,
  use: { ...base.use, baseURL: undefined },
});
