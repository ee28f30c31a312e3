import { defineConfig } from "@playwright/test";
import { OIDC_PORT, PORT, WORKER_PORT } from "./e2e/env";

/**
 * e2e against the real app: production build, embedded PostgreSQL with a fresh data directory, the worker.
 * Ports differ from `npm start` (3000/3001) so a running instance does not get in the way.
 * Browser: Debian's Chromium (`apt-get install -y chromium`); Playwright's own download is not reachable here.
 */
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
  webServer: [
    {
      // A real OpenID Connect provider for the single sign-on tests (e2e/oidc/).
      command: `node_modules/.bin/tsx e2e/oidc/provider.ts ${OIDC_PORT} http://localhost:${PORT}`,
      url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
    },
    {
      // The build is done by `npm run test:e2e` before Playwright starts.
      command: `rm -rf ${dataDir} && node_modules/.bin/tsx scripts/run.ts start`,
      url: `http://localhost:${PORT}/login`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        WORKER_PORT: String(WORKER_PORT),
        INNSPILL_DATA_DIR: dataDir,
        INNSPILL_SKIP_BUILD: "1",
        // Request lines would drown the test report; warnings and errors still show.
        LOG_LEVEL: "warn",
        // Single sign-on builds its callback on PUBLIC_URL.
        PUBLIC_URL: `http://localhost:${PORT}`,
        AUTH_OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
        AUTH_OIDC_CLIENT_ID: "innspill",
        AUTH_OIDC_CLIENT_SECRET: "innspill-e2e-hemmelighet",
        AUTH_OIDC_NAME: "Testleverandøren",
        // The hearing radar polls nothing: the e2e suite never reaches the internet.
        RADAR_POLLING: "0",
        // The demo organisation's people log in with it (a first link looks in no other organisation).
        AUTH_OIDC_ORGANISATIONS: "nito",
      },
    },
  ],
});
