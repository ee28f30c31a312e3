import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "@innspill/log";
import type { TestDatabase } from "@innspill/db/testing";
import { requestRender, type Actor } from "@innspill/domain";
import { createDemoDatabase } from "@innspill/demo/testing";
import { createBoss, createJobQueue, ensureQueues, type PgBoss } from "@innspill/jobs";
import { startWorker } from "./worker";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
let t: TestDatabase;
let actors: Record<string, Actor>;
let producer: PgBoss;
let submissionId: string;

beforeAll(async () => {
  ({ t, actors } = await createDemoDatabase({ content: true }));
  submissionId = (await t.db.submission.findFirstOrThrow()).id;
  producer = createBoss(t.url, "producer");
  await producer.start();
  await ensureQueues(producer);
});
afterAll(async () => {
  await producer?.stop({ graceful: false });
  await t?.close();
});

/** What the web does: freeze the letter; the job is sent in the same transaction when the files are not there yet. */
async function render() {
  const jobs = createJobQueue(async () => producer);
  const { render: r, enqueue: needed } = await requestRender(
    t.db,
    { id: submissionId },
    actors.ingrid!,
    jobs,
  );
  return { render: r, enqueued: needed };
}

async function waitFor<T>(what: string, check: () => Promise<T | null | undefined | false>, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const v = await check();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const renderRow = (id: string) => t.db.submissionRender.findUniqueOrThrow({ where: { id } });

describe("submission.render", () => {
  it("renders DOCX and PDF/A, stores them by content hash, and reuses them for the same snapshot", async () => {
    const worker = await startWorker({
      db: t.db,
      databaseUrl: t.url,
      port: 0,
      schedules: false,
      pollingIntervalSeconds: 0.5,
      logger: silentLogger,
    });
    try {
      const { render: r, enqueued } = await render();
      expect(enqueued).toBe(true);
      const done = await waitFor("the render", async () => {
        const row = await renderRow(r.id);
        return row.status === "DONE" && row;
      });
      expect(done.attempts).toBe(1);
      const pdf = await t.db.storedFile.findUniqueOrThrow({ where: { sha256: done.pdfSha256! } });
      const docx = await t.db.storedFile.findUniqueOrThrow({ where: { sha256: done.docxSha256! } });
      expect(createHash("sha256").update(pdf.content).digest("hex")).toBe(pdf.sha256);
      expect(Buffer.from(pdf.content).toString("latin1")).toMatch(/pdfaid:part(>|=")2/);
      const zip = await JSZip.loadAsync(docx.content);
      expect(await zip.file("word/document.xml")!.async("string")).toContain("Bioingeniører");

      // The same snapshot again: no new job, the same files.
      const again = await render();
      expect(again.enqueued).toBe(false);
      expect(again.render).toMatchObject({ id: r.id, status: "DONE", pdfSha256: done.pdfSha256 });
    } finally {
      await worker.stop();
    }
  }, 120_000);

  it("completes after the worker is killed mid-render, with exactly one PDF and one DOCX", async () => {
    // A new snapshot: change the letter.
    await t.db.submission.update({ where: { id: submissionId }, data: { title: "Etter krasj" } });
    const files = await t.db.storedFile.count();

    const spawnWorker = (extra: Record<string, string>): ChildProcess =>
      // `node --import tsx`, not the tsx launcher: the pid must be the worker itself, or SIGKILL leaves it running.
      spawn(process.execPath, ["--import", "tsx", path.join(root, "apps/worker/src/main.ts")], {
        cwd: root,
        env: {
          // Passed through to the child (PATH and the like), not read as configuration.
          // eslint-disable-next-line no-restricted-syntax
          ...process.env,
          DATABASE_URL: t.url,
          WORKER_PORT: "0",
          WORKER_MAINTENANCE_SECONDS: "1",
          WORKER_HEARTBEAT_SECONDS: "1",
          ...extra,
        },
        stdio: "ignore",
      });

    const first = spawnWorker({ WORKER_RENDER_DELAY_MS: "60000" });
    let second: ChildProcess | undefined;
    try {
      const { render: r } = await render();
      await waitFor("the first worker to start rendering", async () => {
        const row = await renderRow(r.id);
        return row.status === "RENDERING";
      });
      first.kill("SIGKILL");
      await new Promise((resolve) => first.once("exit", resolve));
      expect((await renderRow(r.id)).status).toBe("RENDERING");

      second = spawnWorker({});
      const done = await waitFor(
        "the render after restart",
        async () => {
          const row = await renderRow(r.id);
          return row.status === "DONE" && row;
        },
        90,
      );
      expect(done.attempts).toBe(2);
      expect(await t.db.storedFile.count()).toBe(files + 2);
      expect(
        await t.db.storedFile.count({ where: { sha256: { in: [done.pdfSha256!, done.docxSha256!] } } }),
      ).toBe(2);
    } finally {
      first.kill("SIGKILL");
      if (second) {
        second.kill("SIGTERM");
        await new Promise((resolve) => second!.once("exit", resolve));
      }
    }
  }, 120_000);
});
