import { defineConfig } from "vitest/config";

const exclude = ["**/node_modules/**", "**/.next/**", "e2e/**", "**/dist/**"];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: [...exclude, "**/*.int.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "int",
          include: ["**/*.int.test.ts"],
          exclude,
          environment: "node",
          // The hearing radar's schedule never reaches the internet from a test (its tests use a local server).
          env: { RADAR_POLLING: "0" },
          // One embedded PostgreSQL per run; one database per test file (see packages/db/src/testing.ts).
          globalSetup: ["packages/db/src/test-global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
    ],
  },
});
