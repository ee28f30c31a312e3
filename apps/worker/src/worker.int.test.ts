import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "@innspill/log";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import { seedDemoData } from "@innspill/demo";
import { createBoss, ensureQueues, markOverdueHearingsJob, queueName } from "@innspill/jobs";
import { startWorker, type RunningWorker } from "./worker";

let t: TestDatabase;
let worker: RunningWorker;
const queue = queueName(markOverdueHearingsJob);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoData(t.db, { now: new Date("2026-11-23T12:00:00Z") });
  worker = await startWorker({
    db: t.db,
    databaseUrl: t.url,
    port: 0,
    schedules: false,
    pollingIntervalSeconds: 0.5,
    heartbeatSeconds: 1,
    logger: silentLogger,
  });
});
afterAll(async () => {
  await worker?.stop();
  await t?.close();
});

async function waitForJob(id: string, states: string[]) {
  for (let i = 0; i < 100; i++) {
    const job = await worker.boss.getJobById(queue, id, { includeArchive: true });
    if (job && states.includes(job.state)) return job;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`job ${id} never reached ${states.join("/")}`);
}

describe("worker", () => {
  it("runs a valid hearings.mark-overdue job", async () => {
    const id = await worker.boss.send(queue, { now: "2026-11-23T12:00:00Z" });
    const job = await waitForJob(id!, ["completed", "failed"]);
    expect(job.state).toBe("completed");
    // The seed has one open hearing two days past its deadline.
    expect(job.output).toMatchObject({ marked: 1, today: "2026-11-23" });
    expect(await t.db.hearing.count({ where: { overdueSince: { not: null } } })).toBe(1);
  });

  it("fails an invalid payload at once, without retry, and stores the reason", async () => {
    const id = await worker.boss.send(queue, { now: "i går", extra: true }, { retryLimit: 5 });
    const job = await waitForJob(id!, ["completed", "failed", "retry"]);
    expect(job.state).toBe("failed");
    expect(job.retryCount).toBe(0);
    expect(JSON.stringify(job.output)).toMatch(/Ugyldig jobbdata for hearings\.mark-overdue\.v1/);
  });

  it("reports a heartbeat and queue counts on /healthz", async () => {
    const res = await fetch(`http://127.0.0.1:${worker.port}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      queues: { queue: string; completed: number; failed: number }[];
    };
    expect(body.status).toBe("ok");
    expect(body.queues.find((q) => q.queue === queue)).toMatchObject({ completed: 1, failed: 1 });
    const beat = await t.db.workerHeartbeat.findUniqueOrThrow({ where: { id: worker.id } });
    expect(Date.now() - beat.lastSeenAt.getTime()).toBeLessThan(5_000);
  });
});

describe("a queue with jobs waiting", () => {
  it("is worked through one job after another, not one job per polling interval", async () => {
    const db = await createTestDatabase();
    const producer = createBoss(db.url, "producer");
    await producer.start();
    await ensureQueues(producer);
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push((await producer.send(queue, { now: "2026-11-23T12:00:00Z" }))!);
    await producer.stop({ graceful: false });
    // A long polling interval: waiting it after each job, the four would take 30 s.
    const slow = await startWorker({
      db: db.db,
      databaseUrl: db.url,
      port: 0,
      schedules: false,
      pollingIntervalSeconds: 10,
      heartbeatSeconds: 60,
      logger: silentLogger,
    });
    try {
      const until = Date.now() + 18_000;
      let states: string[] = [];
      while (Date.now() < until) {
        states = await Promise.all(
          ids.map(
            async (id) => (await slow.boss.getJobById(queue, id, { includeArchive: true }))?.state ?? "",
          ),
        );
        if (states.every((s) => s === "completed")) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(states).toEqual(["completed", "completed", "completed", "completed"]);
    } finally {
      await slow.stop();
      await db.close();
    }
  });
});
