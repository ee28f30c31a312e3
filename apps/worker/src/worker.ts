import { createServer, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import type { Db } from "@innspill/db";
import { PdfProcess } from "@innspill/documents";
import { createLogger, type Logger } from "@innspill/log";
import { isAppError } from "@innspill/domain";
import {
  listSignedWithoutDocument,
  recordWorkerHeartbeat,
  removeWorkerHeartbeat,
  type RadarConfig,
} from "@innspill/domain/worker";
import {
  allJobs,
  createBoss,
  ensureQueues,
  enqueue,
  exhaustRetries,
  finalizeSubmissionJob,
  getQueueStats,
  InvalidPayloadError,
  markOverdueHearingsJob,
  queueName,
  sendRemindersJob,
  type PgBoss,
} from "@innspill/jobs";
import { jobDoneLevel } from "./job-log";
import { processors, type ProcessorContext } from "./processors/index";

export interface WorkerOptions {
  db: Db;
  databaseUrl: string;
  mailer?: ProcessorContext["mailer"];
  /** Where users open Innspill, for links in e-mails (PUBLIC_URL). */
  publicUrl?: string;
  /** Port for /healthz; 0 picks a free one. */
  port: number;
  heartbeatSeconds?: number;
  /** Register cron schedules (off in tests that send jobs by hand). */
  schedules?: boolean;
  pollingIntervalSeconds?: number;
  /** How often pg-boss maintenance runs (it also expires jobs of a worker that died). */
  maintenanceIntervalSeconds?: number;
  renderDelayMs?: number;
  /** The hearing radar's sources; the configured ones (RADAR_* in the environment) when not given. */
  radarConfig?: RadarConfig;
  /** Structured logs (pino); tests pass a silent one. */
  logger?: Logger;
}

export interface RunningWorker {
  id: string;
  boss: PgBoss;
  port: number;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const id = `worker-${randomUUID().slice(0, 8)}`;
  const pdf = new PdfProcess();
  const log = (options.logger ?? createLogger("worker")).child({ worker: id });
  const startedAt = new Date();
  const boss = createBoss(options.databaseUrl, "worker", {
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds,
  });
  boss.on("error", (err) => log.error({ err }, "pg-boss error"));
  await boss.start();
  await ensureQueues(boss, { schedules: options.schedules ?? true });

  let inFlight = 0;
  /** The queues of the jobs running now (a queue once per running job), for /healthz. */
  const running: string[] = [];
  for (const p of processors) {
    const queue = queueName(p.job);
    if (!allJobs.includes(p.job)) throw new Error(`Processor for unknown job ${queue}`);
    // pg-boss waits its polling interval after every fetch, jobs found or not: one job per queue every two seconds
    // however many wait (a letter rendered in 0.1 s, then 1.9 s idle). After each job the queue is asked again at
    // once; only an empty queue waits the interval.
    let workerId: string | undefined = undefined;
    workerId = await boss.work(
      queue,
      { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
      async ([job]) => {
        if (!job) return;
        inFlight++;
        running.push(queue);
        const started = performance.now();
        const jobLog = log.child({ queue, jobId: job.id });
        try {
          const parsed = p.job.schema.safeParse(job.data);
          if (!parsed.success) {
            // No retry can fix a bad payload: make this attempt the last, then fail it with the reason.
            await exhaustRetries(boss, queue, job.id);
            throw new InvalidPayloadError(queue, parsed.error.message);
          }
          const result = await p.run(
            {
              db: options.db,
              mailer: options.mailer,
              publicUrl: options.publicUrl,
              renderDelayMs: options.renderDelayMs,
              radarConfig: options.radarConfig,
              pdf,
            },
            parsed.data,
          );
          jobLog[jobDoneLevel(p.job, result)](
            { result, ms: Math.round(performance.now() - started) },
            "job done",
          );
          return result;
        } catch (err) {
          // A domain error (unknown render, mismatched snapshot) is not fixed by trying again.
          if (isAppError(err)) await exhaustRetries(boss, queue, job.id);
          jobLog.warn({ err, ms: Math.round(performance.now() - started) }, "job failed");
          throw err;
        } finally {
          inFlight--;
          running.splice(running.indexOf(queue), 1);
          if (workerId) boss.notifyWorker(workerId);
        }
      },
    );
  }

  if (options.schedules ?? true) {
    // Catch up at start instead of waiting for the next scheduled run (the worker may have been down over midnight).
    // Once a minute at most: a worker restarted within the minute finds the job already sent, which is fine.
    for (const job of [markOverdueHearingsJob, sendRemindersJob])
      await boss.send(queueName(job), {}, { singletonKey: "startup", singletonSeconds: 60 });
  }
  // A signed letter always gets its document: any whose job was lost (a restored backup) is asked for again.
  for (const s of await listSignedWithoutDocument(options.db)) {
    await enqueue(
      boss,
      finalizeSubmissionJob,
      { submissionId: s.id, snapshotSha256: s.snapshotSha256! },
      { singletonKey: `finalize:${s.id}`, singletonSeconds: 60 },
    );
    log.warn({ submissionId: s.id }, "signed without its document; asked for it again");
  }

  const beat = () =>
    recordWorkerHeartbeat(options.db, {
      id,
      startedAt,
      info: { queues: processors.map((p) => queueName(p.job)), inFlight },
    }).catch((err: Error) => log.error({ err }, "heartbeat failed"));
  await beat();
  const timer = setInterval(beat, (options.heartbeatSeconds ?? 5) * 1000);

  let stopping = false;
  const server: Server = createServer(async (req, res) => {
    if (req.url !== "/healthz") {
      res.writeHead(404).end();
      return;
    }
    try {
      const queues = await getQueueStats(boss);
      res.writeHead(stopping ? 503 : 200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ status: stopping ? "stopping" : "ok", id, startedAt, inFlight, running, queues }),
      );
    } catch (err) {
      res.writeHead(503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: "error", error: (err as Error).message }));
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  log.info({ health: `http://127.0.0.1:${port}/healthz` }, "ready");

  return {
    id,
    boss,
    port,
    async stop() {
      if (stopping) return;
      stopping = true;
      log.info({ inFlight }, "draining: no new jobs; waiting for running jobs to finish");
      clearInterval(timer);
      // graceful: stop fetching, wait up to 30 s for active jobs, then close the pool.
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await removeWorkerHeartbeat(options.db, id).catch(() => undefined);
      await pdf.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      log.info("stopped");
    },
  };
}
