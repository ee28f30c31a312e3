/**
 * The radar's tick through the real queue: a `radar.poll` job taken by the worker polls the due sources (a local
 * server with Stortinget's and regjeringen.no's recorded responses, packages/domain/src/radar/fixtures), and a source
 * that fails is told in its status while the job succeeds.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "@innspill/log";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase } from "@innspill/demo/testing";
import { radarConfig } from "@innspill/domain/worker";
import { pollRadarJob, queueName } from "@innspill/jobs";
import { startWorker, type RunningWorker } from "./worker";

const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../packages/domain/src/radar/fixtures",
);
const queue = queueName(pollRadarJob);

let t: TestDatabase;
let server: Server;
let worker: RunningWorker;

beforeAll(async () => {
  ({ t } = await createDemoDatabase({ content: true }));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const file: Record<string, string> = {
      "/eksport/sesjoner": "stortinget-sesjoner.xml",
      "/eksport/horinger": "stortinget-horinger.xml",
      "/eksport/sak": `stortinget-sak-${url.searchParams.get("sakid")}.xml`,
    };
    // regjeringen.no is down today.
    if (!file[url.pathname]) return void res.writeHead(503).end();
    res
      .writeHead(200, { "content-type": "text/xml" })
      .end(readFileSync(path.join(FIXTURES, file[url.pathname]!)));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  worker = await startWorker({
    db: t.db,
    databaseUrl: t.url,
    port: 0,
    schedules: false,
    pollingIntervalSeconds: 0.5,
    logger: silentLogger,
    radarConfig: radarConfig({
      stortingetUrl: base,
      regjeringenUrl: base,
      enabled: true,
      retries: 1,
      backoffMs: 10,
      timeoutMs: 2000,
    }),
  });
}, 60_000);
afterAll(async () => {
  await worker?.stop();
  server?.close();
  await t?.close();
});

describe("radar.poll", () => {
  it("polls every due source; a failing one is recorded, the others' hearings arrive", async () => {
    const id = await worker.boss.send(queue, {});
    let job;
    for (let i = 0; i < 100; i++) {
      job = await worker.boss.getJobById(queue, id!, { includeArchive: true });
      if (job && ["completed", "failed"].includes(job.state)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(job?.state).toBe("completed");
    expect(job?.output).toMatchObject({ polled: 2, created: 3 });
    const sources = await t.db.radarSource.findMany({ orderBy: { source: "asc" } });
    expect(sources.map((s) => [s.source, !!s.lastSuccessAt, s.itemsSeen])).toEqual([
      ["regjeringen", false, 0],
      ["stortinget", true, 4],
    ]);
    expect(sources[0]!.lastError).toMatch(/^httpStatus: 503/);
    expect(await t.db.radarItem.count({ where: { source: "stortinget", state: "NEW" } })).toBe(3);
  }, 60_000);
});
