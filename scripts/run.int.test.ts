/**
 * `npm start`'s preparation (`scripts/run.ts migrate`) as a real process against a real database: demo data only on
 * request, and only into a database without users; the start log says which.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";

const open: TestDatabase[] = [];
afterAll(async () => {
  for (const t of open) await t.close();
});

function prepare(env: Record<string, string>) {
  // This Node (the project's), and only what the script needs from the environment.
  const res = spawnSync(
    process.execPath,
    [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/run.ts", "migrate"],
    {
      env: {
        PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
        INNSPILL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "run-")),
        ...env,
      },
      encoding: "utf8",
      timeout: 120_000,
    },
  );
  return { code: res.status, log: `${res.stdout}${res.stderr}` };
}

describe("npm start on a database of its own", () => {
  it("starts a production installation empty, and says how to bootstrap it", async () => {
    const t = await createTestDatabase();
    open.push(t);
    const run = prepare({ DATABASE_URL: t.url });
    expect(run.code, run.log).toBe(0);
    expect(run.log).toContain("demomodus: av (DATABASE_URL er satt");
    expect(run.log).toContain("innspill users add --organisation");
    expect(await t.db.user.count()).toBe(0);
    expect(await t.db.organisation.count()).toBe(0);
  });

  it("seeds the demo on request, once, and never into a database that has users", async () => {
    const t = await createTestDatabase();
    open.push(t);
    const first = prepare({ DATABASE_URL: t.url, INNSPILL_DEMO: "1" });
    expect(first.code, first.log).toBe(0);
    expect(first.log).toContain("demomodus: på (INNSPILL_DEMO=1)");
    expect(first.log).toContain("la inn demodata");
    const users = await t.db.user.count();
    expect(users).toBe(5);
    const again = prepare({ DATABASE_URL: t.url, INNSPILL_DEMO: "1" });
    expect(again.log).toContain("databasen har brukere: ingen demodata lagt inn");
    expect(await t.db.user.count()).toBe(users);
    // Milestones are planned for hearings being worked on, never back-filled into sent, archived or declined ones.
    const closed = await t.db.hearing.findMany({
      where: { status: { in: ["SENDT", "ARKIVERT", "SVARER_IKKE"] } },
      include: { _count: { select: { milestones: true } } },
    });
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((h) => h._count.milestones === 0)).toBe(true);
  });
});
