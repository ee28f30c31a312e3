/**
 * Vitest global setup for `*.int.test.ts`: a real PostgreSQL (embedded) in a temporary directory, with the
 * migrations applied to a template database. Each test file clones the template (see testing.ts).
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedPostgres } from "./embedded";
import { migrateDeploy } from "./migrate";

export const TEMPLATE_DB = "innspill_template";

import "./testing"; // the ProvidedContext types

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "innspill-test-pg-"));
  // Ours: as root, the `postgres` user that runs the server must pass through it (mkdtemp makes it 0700).
  chmodSync(dir, 0o711);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
  await ensureDatabase(pg.adminUrl, TEMPLATE_DB);
  await migrateDeploy(pg.urlFor(TEMPLATE_DB));
  project.provide("pgAdminUrl", pg.adminUrl);
  project.provide("pgTemplate", TEMPLATE_DB);
  return async () => {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
