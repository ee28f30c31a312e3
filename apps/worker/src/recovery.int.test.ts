/**
 * A signed letter always gets its document, even when its job was lost (a database restored from a backup has no
 * queue): the worker asks for it again when it starts.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { silentLogger } from "@innspill/log";
import type { TestDatabase } from "@innspill/db/testing";
import type { Actor } from "@innspill/domain";
import { createDemoDatabase, signDemoLetter } from "@innspill/demo/testing";
import { startWorker, type RunningWorker } from "./worker";

let t: TestDatabase;
let a: Record<string, Actor>;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  ({ t, actors: a } = await createDemoDatabase({ content: true }));
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

it("makes the signed document of a letter signed without one when the worker starts", async () => {
  // Signed by both, with no job queued.
  const { id } = await signDemoLetter(t.db, a);
  expect(await t.db.signedDocument.count({ where: { submissionId: id } })).toBe(0);
  worker = await startWorker({
    db: t.db,
    databaseUrl: t.url,
    port: 0,
    schedules: false,
    pollingIntervalSeconds: 0.5,
    logger: silentLogger,
  });
  let doc = null;
  for (let i = 0; i < 150 && !doc; i++) {
    doc = await t.db.signedDocument.findUnique({ where: { submissionId: id } });
    if (!doc) await new Promise((r) => setTimeout(r, 200));
  }
  expect(doc).not.toBeNull();
  expect(doc!.auditPdfSha256).toMatch(/^[0-9a-f]{64}$/);
}, 60_000);
