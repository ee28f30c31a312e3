/**
 * The production path on two web servers and two workers (cluster.ts): a hearing registered, a letter composed,
 * rendered, approved, signed and sent, each step on the other web server than the one before, with one session.
 * One worker is stopped with SIGTERM in the middle of a render and finishes it first; another is killed with SIGKILL
 * in the middle of one, which then completes on a worker still running, exactly once. Scheduled jobs run once per
 * schedule however many workers there are.
 */
import { readFileSync, appendFileSync } from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { freePort, readDeployment, startWorkerProcess, type Deployment } from "./cluster";

const PASSWORD = "innspill-demo";
let d: Deployment;
let db: pg.Client;

test.beforeAll(async () => {
  d = readDeployment();
  db = new pg.Client({ connectionString: d.ownerUrl });
  await db.connect();
});
test.afterAll(async () => {
  await db?.end();
});

/** Alternates between the two web servers: the n-th step goes to web server n mod 2. */
let step = 0;
const next = () => d.web[step++ % 2]!.url;

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ locale: "nb-NO", timezoneId: "Europe/Oslo" });
  const page = await context.newPage();
  await page.goto(`${next()}/login`);
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(PASSWORD);
  await page.getByRole("button", { name: "Logg inn", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Oversikt" })).toBeVisible();
  return page;
}

/** The same path on the other web server. */
const other = (page: Page, path?: string) => {
  const url = new URL(page.url());
  return `${next()}${path ?? `${url.pathname}${url.search}`}`;
};

interface Health {
  status: string;
  inFlight: number;
  /** The queues of the jobs running now. */
  running?: string[];
}
async function health(port: number): Promise<Health | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return (await res.json()) as Health;
  } catch {
    return null;
  }
}

/** The worker that has a job running now (renders take four seconds in this deployment). */
/** The worker rendering a letter now (not one busy with a scheduled job: archive copies, the radar, reminders). */
async function busyWorker(workers: Deployment["workers"]) {
  for (let i = 0; i < 80; i++) {
    for (const w of workers) if ((await health(w.port))?.running?.includes("submission.render.v1")) return w;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("Ingen worker fikk jobben");
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function renderJob(snapshotSha256: string) {
  const { rows } = await db.query<{ id: string; state: string; retry_count: number }>(
    `SELECT id, state, retry_count FROM pgboss.job WHERE name = 'submission.render.v1' AND data->>'snapshotSha256' = $1
     UNION ALL
     SELECT id, state, retry_count FROM pgboss.archive WHERE name = 'submission.render.v1' AND data->>'snapshotSha256' = $1`,
    [snapshotSha256],
  );
  return rows;
}

async function latestRender(submissionId: string) {
  const { rows } = await db.query<{ status: string; attempts: number; snapshotSha256: string }>(
    `SELECT status, attempts, "snapshotSha256" FROM "SubmissionRender" WHERE "submissionId" = $1
     ORDER BY "createdAt" DESC LIMIT 1`,
    [submissionId],
  );
  return rows[0]!;
}

/** How many workers logged the job as done (JSON lines). */
const doneLines = (jobId: string, workers: { log: string }[]) =>
  workers
    .flatMap((w) => readFileSync(w.log, "utf8").split("\n"))
    .filter((line) => line.includes(`"jobId":"${jobId}"`) && line.includes(`"msg":"job done"`)).length;

test("register, compose, render, approve, sign and send across two web servers and two workers that fail", async ({
  browser,
}) => {
  const workers = [...d.workers];

  // Ingrid logs in on one web server; her session is valid on the other.
  const adviser = await as(browser, "ingrid@nito.test");
  await adviser.goto(other(adviser, "/horinger/ny"));
  await expect(adviser.getByRole("button", { name: "Registrer høring" })).toBeVisible();

  // Register a hearing.
  const title = `Høring – driftstest ${Date.now()}`;
  await adviser.getByLabel("Tittel").fill(title);
  await adviser.getByLabel("Avsender (høringsinstans)").selectOption({ label: "Helsedirektoratet" });
  await adviser.getByLabel("Type").selectOption({ label: "Høring" });
  await adviser
    .getByLabel("Høringsfrist")
    .fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
  await adviser.getByLabel("Ansvarlig rådgiver").selectOption({ label: "Ingrid Solberg" });
  await adviser.getByRole("button", { name: "Registrer høring" }).click();
  await expect(adviser.getByRole("heading", { name: title })).toBeVisible();
  await adviser.goto(other(adviser, "/horinger"));
  await expect(adviser.getByTestId("hearing-row").filter({ hasText: title })).toHaveCount(1);

  // Compose: the demo letter, retitled, saved on the other server.
  await adviser.goto(other(adviser, "/innspill"));
  await adviser.getByRole("link", { name: "Høringssvar – Helsepersonellplan 2040" }).click();
  await expect(adviser).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const submissionId = adviser.url().split("/").pop()!;
  await adviser.goto(other(adviser));
  await adviser.getByTestId("letter-title").fill("Høringssvar – Helsepersonellplan 2040 (drift)");
  await expect(adviser.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // Render, and stop the worker that took it with SIGTERM mid-render: it finishes the render, then exits.
  await adviser.goto(other(adviser));
  await adviser.getByTestId("render").click();
  const drained = await busyWorker(workers);
  process.kill(drained.pid, "SIGTERM");
  await expect(adviser.getByTestId("render-status")).toHaveAttribute("data-status", "DONE", {
    timeout: 30_000,
  });
  await expect.poll(() => alive(drained.pid), { timeout: 40_000 }).toBe(false);
  const first = await latestRender(submissionId);
  expect(first).toMatchObject({ status: "DONE", attempts: 1 });
  const [firstJob] = await renderJob(first.snapshotSha256);
  expect(firstJob).toMatchObject({ state: "completed", retry_count: 0 });
  const drainedLog = readFileSync(drained.log, "utf8");
  expect(doneLines(firstJob!.id, [drained])).toBe(1);
  expect(drainedLog).toContain(`"msg":"stopped"`);
  workers.splice(workers.indexOf(drained), 1);

  // The orchestrator starts a replacement, so two workers run again.
  const port = await freePort();
  const replacementStartedAt = new Date();
  const replacement = startWorkerProcess(d, "worker-3", port);
  appendFileSync(d.pidsFile, `${replacement.pid}\n`);
  await expect.poll(async () => (await health(port))?.status, { timeout: 60_000 }).toBe("ok");
  workers.push({ name: "worker-3", pid: replacement.pid!, port, log: replacement.log });

  // A last change, then review and approval: the letter is frozen and rendered again. The worker rendering it is
  // killed outright.
  await adviser.goto(other(adviser));
  await adviser.getByTestId("letter-title").fill("Høringssvar – Helsepersonellplan 2040 (driftstest)");
  await expect(adviser.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  await adviser.goto(other(adviser));
  const status = adviser.getByTestId("workflow-status");
  await adviser.getByRole("button", { name: "Send til gjennomgang" }).click();
  await expect(status).toHaveAttribute("data-status", "IN_REVIEW");
  await adviser.goto(other(adviser));
  await adviser.getByTestId("request-approval").click();
  await expect(status).toHaveAttribute("data-status", "AWAITING_APPROVAL");
  const killed = await busyWorker(workers);
  process.kill(killed.pid, "SIGKILL");
  await expect.poll(() => alive(killed.pid)).toBe(false);
  const survivor = workers.find((w) => w !== killed)!;
  // The job expires (20 s) and is retried on the worker still running: done once, on the second try.
  await expect
    .poll(async () => (await latestRender(submissionId)).status, { timeout: 90_000, intervals: [1_000] })
    .toBe("DONE");
  const second = await latestRender(submissionId);
  expect(second.snapshotSha256).not.toBe(first.snapshotSha256);
  expect(second.attempts).toBe(2);
  const jobs = await renderJob(second.snapshotSha256);
  expect(jobs).toHaveLength(1);
  expect(jobs[0]).toMatchObject({ state: "completed", retry_count: 1 });
  expect(doneLines(jobs[0]!.id, [killed])).toBe(0);
  expect(doneLines(jobs[0]!.id, [survivor])).toBe(1);

  // Kaja approves and signs; Heidi signs. Each page load on the other server than the one before.
  const kaja = await as(browser, "kaja@nito.test");
  const approvalPath = `/innspill/${submissionId}/godkjenning`;
  await kaja.goto(`${next()}${approvalPath}`);
  await kaja.getByTestId("approve").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "APPROVED");
  await kaja.goto(other(kaja));
  await kaja.getByTestId("sign-password").fill(PASSWORD);
  await kaja.getByTestId("sign").click();
  await expect(kaja.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNING");
  const heidi = await as(browser, "heidi@nito.test");
  await heidi.goto(`${next()}${approvalPath}`);
  await heidi.getByTestId("sign-password").fill(PASSWORD);
  await heidi.getByTestId("sign").click();
  await expect(heidi.getByTestId("approval-status")).toHaveAttribute("data-status", "SIGNED");
  // The signed PDF/A, made by a worker, is there on either server.
  await heidi.goto(other(heidi));
  await expect(heidi.getByTestId("download-signed")).toBeVisible({ timeout: 60_000 });

  // Sent, recorded on the other server; the letter and its hearing say so.
  await adviser.goto(other(adviser, `/innspill/${submissionId}`));
  await adviser.locator("#sent-recipient").fill("Helse- og omsorgsdepartementet");
  await adviser.getByRole("button", { name: "Marker som sendt" }).click();
  await expect(status).toHaveAttribute("data-status", "SENT");
  await adviser.goto(other(adviser));
  await expect(adviser.getByTestId("workflow-status")).toHaveAttribute("data-status", "SENT");

  // Scheduled jobs: the e-mail delivery is scheduled every minute; with two or three workers it ran about once per
  // minute, not once per worker. The catch-up at start ran once for the two workers that started together.
  const { rows: deliveries } = await db.query<{ n: number; minutes: number }>(
    `SELECT count(*)::int AS n, extract(epoch FROM now() - min(created_on)) / 60 AS minutes FROM (
       SELECT created_on FROM pgboss.job WHERE name = 'email.deliver.v1'
       UNION ALL SELECT created_on FROM pgboss.archive WHERE name = 'email.deliver.v1') j`,
  );
  const { n, minutes } = deliveries[0]!;
  console.log(
    `email.deliver.v1: ${n} runs in ${Number(minutes).toFixed(1)} minutes with ${d.workers.length}+1 workers`,
  );
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(Math.floor(Number(minutes)) + 2);
  const { rows: startup } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT created_on FROM pgboss.job WHERE name = 'hearings.mark-overdue.v1' AND singleton_key = 'startup'
       UNION ALL
       SELECT created_on FROM pgboss.archive WHERE name = 'hearings.mark-overdue.v1' AND singleton_key = 'startup') j
     WHERE created_on < $1`,
    [replacementStartedAt],
  );
  expect(startup[0]!.n).toBe(1);

  // Both kinds of process log JSON lines; the web server's carry the request id it sent back.
  for (const w of d.web) {
    const lines = readFileSync(w.log, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { service?: string; reqId?: string; msg?: string; status?: number });
    const calls = lines.filter((l) => l.msg === "trpc");
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((l) => l.service === "web" && /^[0-9a-f-]{36}$/.test(l.reqId ?? ""))).toBe(true);
  }
});

test("two advisers on the two web servers co-write one section through the one co-writing server", async ({
  browser,
}) => {
  const text = (page: Page) =>
    page
      .getByTestId("section")
      .filter({ hasText: "Driftssamskriving" })
      .getByTestId("block-editor")
      .evaluate((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".ProseMirror-yjs-cursor").forEach((c) => c.remove());
        return copy.textContent ?? "";
      });
  const ingrid = await as(browser, "ingrid@nito.test");
  const martin = await as(browser, "martin@nito.test");
  const web = d.web.map((w) => w.url);

  // Ingrid, on web server 1, starts a letter for a new hearing with a free-text section.
  await ingrid.goto(`${web[0]}/horinger/ny`);
  const title = `Høring – samskriving i drift ${Date.now()}`;
  await ingrid.getByLabel("Tittel").fill(title);
  await ingrid.getByLabel("Avsender (høringsinstans)").selectOption({ label: "Helsedirektoratet" });
  await ingrid.getByLabel("Type").selectOption({ label: "Høring" });
  await ingrid
    .getByLabel("Høringsfrist")
    .fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
  await ingrid.getByRole("button", { name: "Registrer høring" }).click();
  await expect(ingrid.getByRole("heading", { name: title })).toBeVisible();
  await ingrid.getByTestId("start-submission").click();
  await expect(ingrid).toHaveURL(/\/innspill\/[0-9a-f-]{36}$/);
  const path = new URL(ingrid.url()).pathname;
  await ingrid.getByTestId("add-free-text").click();
  await ingrid
    .getByTestId("section")
    .last()
    .getByRole("textbox", { name: /Overskrift$/ })
    .fill("Driftssamskriving");
  await ingrid.getByTestId("section").last().getByTestId("block-editor").click();
  await ingrid.keyboard.type("Fra server 1.");
  await expect(ingrid.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });

  // Martin opens it on web server 2 and both write at once.
  await martin.goto(`${web[1]}${path}`);
  await martin
    .getByTestId("section")
    .filter({ hasText: "Driftssamskriving" })
    .getByTestId("section-text")
    .click();
  await expect.poll(() => text(martin)).toBe("Fra server 1.");
  await expect(martin.getByTestId("presence")).toContainText("Ingrid Solberg");
  await ingrid.keyboard.press("End");
  await martin.keyboard.press("Home");
  await Promise.all([
    ingrid.keyboard.type(" Ingrid på server 1.", { delay: 15 }),
    martin.keyboard.type("Martin på server 2. ", { delay: 15 }),
  ]);
  for (const page of [ingrid, martin]) {
    await expect.poll(() => text(page)).toContain("Ingrid på server 1.");
    await expect.poll(() => text(page)).toContain("Martin på server 2.");
    await expect(page.getByTestId("save-state")).toContainText("Lagret", { timeout: 15_000 });
  }

  // The saved letter, read on the other server, has both; the merged state is in PostgreSQL.
  const fresh = await as(browser, "martin@nito.test");
  await fresh.goto(`${web[0]}${path}`);
  const saved = fresh.getByTestId("section").filter({ hasText: "Driftssamskriving" });
  await expect(saved).toContainText("Ingrid på server 1.");
  await expect(saved).toContainText("Martin på server 2.");
  const id = path.split("/").pop();
  const { rows } = await db.query(
    `SELECT octet_length(state) AS n FROM "SubmissionCollab" WHERE "submissionId" = $1`,
    [id],
  );
  expect(Number(rows[0]?.n)).toBeGreaterThan(0);
});
