/**
 * Ctrl+C on the worker (SIGINT, as a terminal sends it to `npm start`'s process group): it drains and exits 0, and its
 * log has no error and no stack trace.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";

let t: TestDatabase | undefined;
afterAll(async () => {
  await t?.close();
});

it("stops cleanly on Ctrl+C: exit code 0, no error in its output", async () => {
  t = await createTestDatabase();
  const root = path.resolve(import.meta.dirname, "../../..");
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "src/main.ts"], {
    cwd: path.join(root, "apps/worker"),
    env: {
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
      DATABASE_URL: t.url,
      WORKER_PORT: "0",
      // A terminal's log (text, not JSON), as a person pressing Ctrl+C reads it.
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // Running: its jobs registered, its first heartbeat written, and «ready» said (its Ctrl+C handler is set after).
  const deadline = Date.now() + 60_000;
  while (!(/\bready\b/.test(out) && (await t.db.workerHeartbeat.count())) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 200));
  expect(out, `${out}\n${err}`).toMatch(/\bready\b/);
  expect(await t.db.workerHeartbeat.count(), `${out}\n${err}`).toBeGreaterThan(0);
  // Let the job consumers start polling, where a stop used to throw.
  await new Promise((r) => setTimeout(r, 2_000));
  child.kill("SIGINT");
  const code = await exited;
  const log = `${out}\n${err}`;
  expect(code, log).toBe(0);
  expect(log).toContain("stopping");
  expect(log).not.toMatch(/Error|\n\s+at /);
}, 120_000);
