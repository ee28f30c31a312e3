/**
 * `npm run eval:reuse`: reuse detection measured on the labelled set in `fixtures/reuse` — precision, recall and F1
 * for positions and for blocks, and every confusion case. In a throwaway embedded PostgreSQL, through the real
 * import path.
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@innspill/db";
import { ensureDatabase, startEmbeddedPostgres } from "@innspill/db/embedded";
import { migrateDeploy } from "@innspill/db/migrate";
import { seedDemoContent, seedDemoData } from "@innspill/demo";
import { evaluateReuse, formatReuseReport, importReuseLibrary } from "@innspill/demo/reuse-evaluation";
import { demoActors } from "@innspill/demo/testing";

const dir = mkdtempSync(path.join(tmpdir(), "innspill-eval-"));
// Ours: as root, the `postgres` user that runs the server must pass through it (mkdtemp makes it 0700).
chmodSync(dir, 0o711);
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
try {
  await ensureDatabase(pg.adminUrl, "evaluation");
  const url = pg.urlFor("evaluation");
  await migrateDeploy(url);
  const db = createDb(url);
  await seedDemoData(db);
  await seedDemoContent(db);
  const adviser = (await demoActors(db)).ingrid!;
  await importReuseLibrary(db, adviser);
  console.log(formatReuseReport(await evaluateReuse(db, adviser)));
  await db.$disconnect();
} finally {
  await pg.stop();
  rmSync(dir, { recursive: true, force: true });
}
