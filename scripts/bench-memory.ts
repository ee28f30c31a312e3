/**
 * Memory that stays flat: the production web server (the standalone build) and the worker under a mixed load for
 * `seconds` (600 in the real run; `--duration` for a shorter one), their resident memory (VmRSS from /proc) at the
 * start (after a warm-up of a tenth of the run, at least 20 s: the routes' code is loaded, the caches filled) and at
 * the end. Eight users take turns at: opening a screen (Oversikt, Høringer, a hearing, Innspill, Innsikt), the
 * register's first page and a library search through tRPC, saving their own letter (a paragraph changed each time),
 * asking for its rendering (the worker makes DOCX and PDF/A of each new text), proposing a letter import from a DOCX
 * (parsed in the web's child process) and verifying a PDF. The bound (README): each process ends within 25 % of where
 * it started, and under 1 GB.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@innspill/db";
import { createSubmission, getSubmission, type Actor } from "@innspill/domain";
import { saveInputOf } from "@innspill/domain/shared";
import { assemble, renderDocx, renderPdf } from "@innspill/documents";
import { buildWeb, child, login, waitFor, webServer } from "./bench-api";
import { snapshot as benchLetter } from "./bench-letter";
import type { Row } from "./bench-shared";
import { env } from "./env";

const root = path.resolve(import.meta.dirname, "..");
const WEB_PORT = env.BENCH_PORT + 5;
const WORKER_PORT = env.BENCH_PORT + 6;
const USERS = 8;
/** The bound the README states: end within 25 % of the start, and under 1 GB. */
const GROWTH = 1.25;
const CEILING_MB = 1024;

/** Resident memory of a process and its children (the worker's PDF process), MB. */
const rssMb = (pid: number): number => {
  let kb = 0;
  try {
    kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0; // gone meanwhile
  }
  const children = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    } catch {
      return [];
    }
  })();
  return kb / 1024 + children.reduce((sum, child) => sum + rssMb(child), 0);
};

export async function benchMemory(db: Db, actor: Actor, url: string, seconds: number): Promise<Row[]> {
  buildWeb();
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  // A draft letter for each user: on open hearings with a draft already (an earlier run's, with --keep) or without a
  // letter, one made there.
  const hearings = await db.hearing.findMany({
    where: {
      organisationId: actor.organisationId,
      status: "UNDER_ARBEID",
      OR: [{ submissions: { some: { status: "DRAFT" } } }, { submissions: { none: {} } }],
    },
    select: { id: true, submissions: { where: { status: "DRAFT" }, select: { id: true }, take: 1 } },
    orderBy: [{ submissions: { _count: "desc" } }, { id: "asc" }],
    take: USERS,
  });
  if (hearings.length < USERS) throw new Error("memory: too few open hearings for a draft letter");
  const letters: string[] = [];
  for (const h of hearings)
    letters.push(h.submissions[0]?.id ?? (await createSubmission(db, { hearingId: h.id }, actor)).id);
  const someHearing = hearings[0]!.id;
  // A letter renders with someone to sign it.
  const signatory =
    (await db.signatory.findFirst({
      where: { organisationId: actor.organisationId, active: true },
      select: { id: true },
    })) ??
    (await db.signatory.create({
      data: {
        organisationId: actor.organisationId,
        name: "Trond Markussen",
        titles: { create: { title: "President", validFrom: new Date("2000-01-01") } },
      },
      select: { id: true },
    }));
  const model = assemble(benchLetter);
  const docx = Buffer.from(await renderDocx(model)).toString("base64");
  const pdf = renderPdf(model);

  const env = { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, DATABASE_URL: url };
  // The servers' logs (JSON lines), kept: a failed request's cause is in them.
  const logs = mkdtempSync(path.join(tmpdir(), "innspill-bench-memory-"));
  const webLog = path.join(logs, "web.log");
  const workerLog = path.join(logs, "worker.log");
  const web = webServer(url, WEB_PORT, { RADAR_POLLING: "0", LOG_FORMAT: "json" }, webLog);
  const worker = child(
    process.execPath,
    ["--import", "tsx", path.join(root, "apps/worker/src/main.ts")],
    {
      ...env,
      NODE_ENV: "production",
      WORKER_PORT: String(WORKER_PORT),
      RADAR_POLLING: "0",
      LOG_FORMAT: "json",
    },
    workerLog,
  );
  const base = `http://127.0.0.1:${WEB_PORT}`;
  const counts = { requests: 0, failed: 0, renders: 0 };
  // In every text: a letter of an earlier run (with --keep) gets new texts to render, not its old ones again.
  const runId = Date.now().toString(36);
  const errors = new Map<string, number>();
  try {
    await Promise.all([
      waitFor(`${base}/api/health`, 60_000),
      waitFor(`http://127.0.0.1:${WORKER_PORT}/healthz`, 60_000),
    ]);
    // At rest: started, only its health check answered (Next.js loads a route's code at its first request).
    const idle = { web: rssMb(web.pid!), worker: rssMb(worker.pid!) };
    const cookie = await login(base, user.email, "innspill-demo");
    const headers = { cookie, "content-type": "application/json" };
    const call = async (what: string, res: Promise<Response>) => {
      counts.requests++;
      const r = await res;
      const body = await r.text();
      // 429: a slot was busy (three uploads, two parsers at once): the server said so, as it should.
      if (!r.ok && r.status !== 429) {
        counts.failed++;
        errors.set(`${what} ${r.status}`, (errors.get(`${what} ${r.status}`) ?? 0) + 1);
        if (counts.failed <= 3) console.error(`memory: ${what}: ${r.status} ${body.slice(0, 300)}`);
      }
      return body;
    };
    const get = (what: string, p: string) => call(what, fetch(`${base}${p}`, { headers: { cookie } }));
    const query = (procedure: string, input: unknown) =>
      get(procedure, `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
    const mutate = (procedure: string, input: unknown) =>
      call(
        procedure,
        fetch(`${base}/api/trpc/${procedure}`, {
          method: "POST",
          headers,
          body: JSON.stringify({ json: input }),
        }),
      );
    const screens = ["/", "/horinger", `/horinger/${someHearing}`, "/innspill", "/innsikt"];
    const words = ["kompetanse", "bioingeniører", "digitalisering", "beredskap", "utdanning"];

    let until = 0;
    const userLoop = async (u: number) => {
      const letter = letters[u]!;
      for (let i = 0; Date.now() < until; i++) {
        switch (i % 10) {
          case 0:
          case 1:
          case 5:
            await get("screen", screens[(i + u) % screens.length]!);
            break;
          case 2:
            await query("hearing.list", {});
            break;
          case 3:
            await query("library.search", { q: words[(i + u) % words.length] });
            break;
          case 4:
          case 8: {
            // Save the letter with one paragraph changed, then ask for its rendering.
            const s = await getSubmission(db, { id: letter }, actor);
            const input = saveInputOf(s, s.id, s.version);
            input.sections = [
              {
                kind: "FREE",
                heading: "Merknader",
                showHeading: true,
                body: {
                  type: "doc",
                  content: [
                    {
                      type: "paragraph",
                      content: [
                        { type: "text", text: `NITO mener at kompetansen må styrkes (${runId}-${u}-${i}).` },
                      ],
                    },
                  ],
                },
              },
            ];
            input.signatories = [{ signatoryId: signatory.id, note: null }];
            await mutate("submission.save", input);
            if (i % 10 === 8) {
              await mutate("submission.render", { id: letter });
              counts.renders++;
            }
            break;
          }
          case 6:
            await mutate("letterImport.propose", { file: { name: `brev-${u}.docx`, content: docx } });
            break;
          case 7: {
            const form = new FormData();
            form.set("file", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "brev.pdf");
            await call("verify", fetch(`${base}/api/verifiser`, { method: "POST", body: form }));
            break;
          }
          default:
            await query("overview.get", undefined);
        }
      }
    };
    const run = async (s: number) => {
      until = Date.now() + s * 1000;
      await Promise.all(Array.from({ length: USERS }, (_, u) => userLoop(u)));
    };
    const warmup = Math.max(20, Math.round(seconds / 10));
    console.log(`memory: warming up for ${warmup} s, then ${seconds} s of mixed load, ${USERS} users …`);
    await run(warmup);
    const start = { web: rssMb(web.pid!), worker: rssMb(worker.pid!) };
    const peak = { ...start };
    const sampler = setInterval(() => {
      peak.web = Math.max(peak.web, rssMb(web.pid!));
      peak.worker = Math.max(peak.worker, rssMb(worker.pid!));
    }, 2000);
    const before = { ...counts };
    await run(seconds);
    clearInterval(sampler);
    const end = { web: rssMb(web.pid!), worker: rssMb(worker.pid!) };
    const done = await db.submissionRender.count({
      where: { submissionId: { in: letters }, status: "DONE" },
    });
    console.log(
      `memory: ${counts.requests - before.requests} requests in ${seconds} s (${counts.failed} failed` +
        `${errors.size ? `: ${[...errors].map(([k, n]) => `${k} ×${n}`).join(", ")}` : ""}), ` +
        `${counts.renders} renders asked, ${done} done; web ${idle.web.toFixed(0)} MB at rest, ` +
        `${start.web.toFixed(0)} after the warm-up, peak ${peak.web.toFixed(0)}; worker ${idle.worker.toFixed(0)}, ` +
        `${start.worker.toFixed(0)}, peak ${peak.worker.toFixed(0)} MB`,
    );
    for (const [name, file] of [
      ["web", webLog],
      ["worker", workerLog],
    ] as const)
      for (const [line, n] of errorLines(file)) console.log(`memory: ${name} logged ×${n}: ${line}`);
    console.log(`memory: the servers' logs are in ${logs}`);
    const minutes = seconds >= 60 ? `${(seconds / 60).toFixed(0)} min` : `${seconds} s`;
    return (["web", "worker"] as const).map((p) => ({
      measure: `${p === "worker" ? "worker (with its PDF process)" : p} RSS at the end of ${minutes} of mixed load; baseline: at its start (MB)`,
      ours: end[p],
      baseline: start[p],
      goal: `≤ ${GROWTH}×, < ${CEILING_MB} MB`,
      pass: end[p] <= GROWTH * start[p] && end[p] < CEILING_MB && counts.failed === 0,
    }));
  } finally {
    web.kill("SIGTERM");
    worker.kill("SIGTERM");
  }
}

/** The errors a server logged (level 50 and up), by message and cause, with how often. */
function errorLines(file: string): [string, number][] {
  const seen = new Map<string, number>();
  for (const text of readFileSync(file, "utf8").split("\n")) {
    if (!text.startsWith("{")) continue;
    try {
      const e = JSON.parse(text) as {
        level?: number | string;
        msg?: string;
        err?: { message?: string };
        path?: string;
      };
      const level =
        typeof e.level === "number" ? e.level : e.level === "error" || e.level === "fatal" ? 50 : 0;
      if (level < 50) continue;
      const key = `${e.msg ?? ""}${e.path ? ` ${e.path}` : ""}: ${(e.err?.message ?? "").slice(0, 200)}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    } catch {
      // not a log line
    }
  }
  return [...seen].sort((a, b) => b[1] - a[1]);
}
