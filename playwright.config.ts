import { defineConfig } from "@playwright/test";

/**
 * e2e against the real app: production build, embedded PostgreSQL with a fresh data directory, the worker.
 * Ports differ from `npm start` (3000/3001) so a running instance does not get in the way.
 * Browser: Debian's Chromium (`apt-get install -y chromium`); Playwright's own download is not reachable here.
 */
const PORT = 3100;
const dataDir = ".data-e2e";

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // The deployment test has its own configuration and servers (e2e/deploy/playwright.config.ts).
  testIgnore: "deploy/**",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    // The build is done by `npm run test:e2e` before Playwright starts.
    command: `rm -rf ${dataDir} && node_modules/.bin/tsx scripts/run.ts start`,
    url: `http://localhost:${PORT}/login`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      WORKER_PORT: "3101",
      INNSPILL_DATA_DIR: dataDir,
      INNSPILL_SKIP_BUILD: "1",
      // Request lines would drown the test report; warnings and errors still show.
      LOG_LEVEL: "warn",
    },
  },
});
