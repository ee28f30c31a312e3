/**
 * The API under load: the production server (the standalone build `npm run start:web` runs) against an organisation
 * with 10 000 hearings, 50 000 positions, 100 000 block versions and 2 000 letters, logged in, 50 connections
 * (autocannon). The baseline, in the same run: the very SQL statements each request runs (recorded at the `pg` driver
 * while the same domain calls run here), through `pg` behind a bare Node HTTP handler (bench-baseline-server.ts).
 * Ours and the baseline take turns (A, B, A, B) so that machine noise hits both.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import autocannon from "autocannon";
import pg from "pg";
import type { Db } from "@innspill/db";
import { getHearing, getOverview, listHearings, searchLibrary, type Actor } from "@innspill/domain";
import { getActiveActor, startSession } from "@innspill/domain/session";
import { percentile, type Row } from "./bench-shared";
import { env } from "./env";
import { webServerArgs } from "./web-server";

const root = path.resolve(import.meta.dirname, "..");
const WEB_PORT = env.BENCH_PORT;
const BASE_PORT = env.BENCH_PORT + 1;
const DEMO_PORT = env.BENCH_PORT + 2;
const TRPC_PORT = env.BENCH_PORT + 3;
const COLLAB_PORT = env.BENCH_PORT + 4;
const CONNECTIONS = 50;
const SECONDS = 5;

/** 10 000 hearings over twenty years (all but the last weeks' closed), their milestones and topics, 2 000 letters. */
export async function bigOrganisation(db: Db, actor: Actor, statements: string[]) {
  if ((await db.hearing.count({ where: { organisationId: actor.organisationId } })) >= 10_000) return;
  const org = actor.organisationId;
  const bodies = await db.issuingBody.findMany({ where: { organisationId: org }, select: { id: true } });
  const advisers = await db.user.findMany({ where: { organisationId: org }, select: { id: true } });
  const topics = await db.topic.findMany({ where: { organisationId: org }, select: { id: true } });
  const kinds = ["HORING", "HORING", "HORING", "INNSPILL", "BUDSJETTINNSPILL", "STORTINGSMELDING"] as const;
  const open = ["REGISTRERT", "VURDERES", "UNDER_ARBEID", "TIL_GJENNOMGANG"] as const;
  const closed = ["ARKIVERT", "ARKIVERT", "SENDT", "SVARER_IKKE"] as const;
  const day = 86_400_000;
  const last = Date.UTC(2027, 1, 28);
  const hearings = Array.from({ length: 10_000 }, (_, i) => {
    const deadline = new Date(last - Math.floor(i * 0.73) * day);
    const isOpen = deadline.getTime() > Date.now() - 7 * day;
    const words = statements[i % statements.length]!.split(" ");
    return {
      id: crypto.randomUUID(),
      organisationId: org,
      title: `Høring – ${words.slice(0, 8).join(" ")} (${i + 1})`,
      issuingBodyId: bodies[i % bodies.length]!.id,
      kind: kinds[i % kinds.length]!,
      deadline,
      receivedDate: new Date(deadline.getTime() - 42 * day),
      status: isOpen ? open[i % open.length]! : closed[i % closed.length]!,
      responsibleId: advisers[i % advisers.length]!.id,
      summary: statements[(i * 7) % statements.length]!,
    };
  });
  for (let i = 0; i < hearings.length; i += 2000)
    await db.hearing.createMany({ data: hearings.slice(i, i + 2000) });
  const milestones = hearings.flatMap((h) =>
    (["UTKAST", "GJENNOMGANG", "GODKJENNING", "SIGNERING"] as const).map((kind, k) => ({
      hearingId: h.id,
      kind,
      offsetDays: 10 - 3 * k,
      dueDate: new Date(h.deadline.getTime() - (14 - 4 * k) * day),
      doneAt: h.status === "ARKIVERT" || h.status === "SENDT" ? h.deadline : null,
    })),
  );
  for (let i = 0; i < milestones.length; i += 5000)
    await db.milestone.createMany({ data: milestones.slice(i, i + 5000) });
  if (topics.length)
    await db.hearingTopic.createMany({
      data: hearings.map((h, i) => ({ hearingId: h.id, topicId: topics[i % topics.length]!.id })),
    });
  // 2 000 letters, sent, with three sections each: every hearing that was answered, most recent first.
  const answered = hearings.filter((h) => h.status === "SENDT" || h.status === "ARKIVERT").slice(0, 2000);
  const letters = answered.map((h) => ({
    id: crypto.randomUUID(),
    organisationId: org,
    hearingId: h.id,
    status: "SENT" as const,
    title: `Høringssvar – ${h.title}`,
    place: "Oslo",
    date: new Date(h.deadline.getTime() - day),
    letterheadOrganisation: "NITO – Norges Ingeniør- og Teknologorganisasjon",
  }));
  await db.submission.createMany({ data: letters });
  const paragraph = (i: number) => ({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: statements[i % statements.length]! }] }],
  });
  await db.submissionSection.createMany({
    data: letters.flatMap((l, i) =>
      [0, 1, 2].map((position) => ({
        submissionId: l.id,
        position,
        kind: "FREE" as const,
        heading: position ? `Del ${position}` : null,
        body: paragraph(i * 3 + position),
      })),
    ),
  });
  await db.$executeRawUnsafe(`VACUUM ANALYZE`);
}

interface Endpoint {
  name: string;
  procedure: string;
  input: unknown;
  /** The same work in this process, through the domain: what the request's SQL is recorded from. */
  run: (db: Db, actor: Actor) => Promise<unknown>;
  /** Not logged in, and no goal: a measure of what the framework costs before any work. */
  floor?: boolean;
}

/** Every statement the domain call sends to PostgreSQL, recorded at the driver (what Prisma's adapter sends). */
export async function recordSql(work: () => Promise<unknown>) {
  const statements: { text: string; values: unknown[] }[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const config = args[0] as { text?: string; values?: unknown[] } | string;
    if (typeof config === "object" && config.text)
      statements.push({ text: config.text, values: config.values ?? [] });
    else if (typeof config === "string")
      statements.push({ text: config, values: (args[1] as unknown[]) ?? [] });
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return statements;
}

export async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Logs in through next-auth's credentials callback, as the login form does; the session cookie. */
export async function login(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = res.headers.getSetCookie().find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`login failed: ${res.status}`);
  return session.split(";")[0]!;
}

/** Latencies of every response in `seconds` at CONNECTIONS connections; throws on any non-2xx. */
async function load(url: string, cookie: string | null, seconds: number) {
  const latencies: number[] = [];
  let bad = 0;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, headers: cookie ? { cookie } : {} },
      (err) => (err ? reject(err) : resolve()),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else bad++;
    });
  });
  if (bad) throw new Error(`${url}: ${bad} responses were not 2xx`);
  return latencies;
}

/** The production web server (the standalone build) on `port` over the database at `url`, on 127.0.0.1. */
export function webServer(
  url: string,
  port: number,
  extra: Record<string, string> = {},
  logFile?: string,
): ChildProcess {
  return child(
    process.execPath,
    webServerArgs(root),
    {
      PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`,
      DATABASE_URL: url,
      NODE_ENV: "production",
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      AUTH_SECRET: randomBytes(32).toString("hex"),
      AUTH_TRUST_HOST: "true",
      ...extra,
    },
    logFile,
  );
}

/** A server for the bench; its log (stdout) goes to `logFile` when given, else nowhere. */
export function child(
  command: string,
  args: string[],
  env: Record<string, string>,
  logFile?: string,
): ChildProcess {
  const out = logFile ? openSync(logFile, "a") : "ignore";
  return spawn(command, args, { cwd: root, env, stdio: ["ignore", out, "inherit"] });
}

/**
 * EXPLAIN ANALYZE of every recorded statement on the large data set: its time, the indexes it uses and any
 * sequential scan of a big table, printed per endpoint (what docs/database.md's index table is checked against).
 */
export async function explain(url: string, recorded: Record<string, { text: string; values: unknown[] }[]>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [procedure, statements] of Object.entries(recorded)) {
      for (const [i, q] of statements.entries()) {
        if (!/^\s*(SELECT|WITH)/i.test(q.text)) continue;
        const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.values);
        const plan = (rows[0] as { "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] })[
          "QUERY PLAN"
        ][0];
        const indexes = new Set<string>();
        const scans = new Set<string>();
        const walk = (n: PlanNode) => {
          if (n["Index Name"]) indexes.add(n["Index Name"]);
          if (n["Node Type"] === "Seq Scan" && (n["Actual Rows"] ?? 0) * (n["Actual Loops"] ?? 1) > 1000)
            scans.add(n["Relation Name"]!);
          n.Plans?.forEach(walk);
        };
        walk(plan.Plan);
        const table = /FROM "public"\."(\w+)"|FROM "(\w+)"/.exec(q.text);
        console.log(
          `explain ${procedure} #${i + 1} (${table?.[1] ?? table?.[2] ?? "?"}): ${plan["Execution Time"].toFixed(1)} ms; ` +
            `indexes ${[...indexes].join(", ") || "—"}${scans.size ? `; seq scan ${[...scans].join(", ")}` : ""}`,
        );
      }
    }
  } finally {
    await client.end();
  }
}

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
}

interface PageLoad {
  /** JavaScript transferred (compressed), bytes. */
  js: number;
  /** When the page's content showed, relative to the load event (ms; negative: before it, in the first HTML). */
  contentAfterLoad: number;
}

/**
 * Opens a page in Chromium and measures what the user waits for: the JavaScript it transfers, and when its content
 * (the element `content` names, which the page shows only with its data) is there, against the load event.
 */
export async function loadPage(
  browserUrl: string,
  cookie: string | null,
  url: string,
  content: string,
): Promise<PageLoad> {
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
  try {
    const context = await browser.newContext();
    if (cookie) {
      const [name, value] = cookie.split(/=(.*)/s) as [string, string];
      await context.addCookies([{ name, value, url: browserUrl }]);
    }
    const page = await context.newPage();
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.addInitScript({
      content: `(() => {
        const check = () => {
          if (window.__contentAt === undefined && document.querySelector(${JSON.stringify(content)}))
            window.__contentAt = performance.now();
        };
        new MutationObserver(check).observe(document, { childList: true, subtree: true });
        document.addEventListener("DOMContentLoaded", check);
      })();`,
    });
    let js = 0;
    const sizes: Promise<void>[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() === "script")
        sizes.push(
          res
            .request()
            .sizes()
            .then((s) => void (js += s.responseBodySize)),
        );
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(
      () => (window as unknown as { __contentAt?: number }).__contentAt !== undefined,
      null,
      {
        timeout: 30_000,
      },
    );
    await page.waitForLoadState("networkidle");
    await Promise.all(sizes);
    const { contentAt, loadEnd } = await page.evaluate(() => ({
      contentAt: (window as unknown as { __contentAt: number }).__contentAt,
      loadEnd: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
    }));
    return { js, contentAfterLoad: contentAt - loadEnd };
  } finally {
    await browser.close();
  }
}

/** The production build of the web app (turbo, cached when unchanged). */
export function buildWeb() {
  console.log("building the web app (turbo, cached when unchanged) …");
  const build = spawnSync(
    path.join(root, "node_modules/.bin/turbo"),
    ["run", "build", "--filter=@innspill/web"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
  if (build.status !== 0) throw new Error("the build failed");
}

/**
 * `demoUrl`: the demo data's database, for the pages and screens measured against it; null measures the API rows
 * only, each row's name prefixed with `label` (the hundred-tenant part measures its tenant in the middle so).
 */
export async function benchApi(
  db: Db,
  actor: Actor,
  url: string,
  demoUrl: string | null,
  label = "",
): Promise<Row[]> {
  buildWeb();

  const user = await db.user.findUniqueOrThrow({ where: { id: actor.id } });
  const body = await db.issuingBody.findFirstOrThrow({ where: { organisationId: actor.organisationId } });
  const letter = await db.submission.findFirstOrThrow({
    where: { organisationId: actor.organisationId, status: "SENT" },
    orderBy: { date: "desc" },
  });
  const endpoints: Endpoint[] = [
    {
      name: "hearing list, filtered (one issuing body since 2020, closed too)",
      procedure: "hearing.list",
      input: { issuingBodyId: body.id, includeClosed: true, deadlineFrom: "2020-01-01" },
      run: (d, a) =>
        listHearings(d, { issuingBodyId: body.id, includeClosed: true, deadlineFrom: "2020-01-01" }, a),
    },
    {
      name: "a hearing page's data",
      procedure: "hearing.byId",
      input: { id: letter.hearingId },
      run: (d, a) => getHearing(d, { id: letter.hearingId }, a),
    },
    {
      name: "library search",
      procedure: "library.search",
      input: { q: "kompetanse" },
      run: (d, a) => searchLibrary(d, { q: "kompetanse" }, a),
    },
    { name: "Oversikt", procedure: "overview.get", input: undefined, run: (d, a) => getOverview(d, a) },
    {
      name: "an empty call (not logged in, no SQL): Next.js and tRPC alone",
      procedure: "system.ping",
      input: undefined,
      run: async () => undefined,
      floor: true,
    },
  ];

  const work = mkdtempSync(path.join(tmpdir(), "innspill-bench-api-"));
  const recorded: Record<string, { text: string; values: unknown[] }[]> = {};
  const session = { version: user.sessionVersion, id: await startSession(db, actor.id) };
  for (const e of endpoints) {
    if (e.floor) {
      recorded[e.procedure] = [];
      continue;
    }
    await e.run(db, actor); // warm: the first call prepares what later ones reuse
    recorded[e.procedure] = await recordSql(async () => {
      const a = await getActiveActor(db, actor.id, session);
      await e.run(db, a!);
    });
  }
  await explain(url, recorded);
  const sqlFile = path.join(work, "statements.json");
  writeFileSync(sqlFile, JSON.stringify(recorded));

  const env = { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, DATABASE_URL: url };
  const procs = [
    webServer(url, WEB_PORT),
    // The same build on the demo data, for the screens' baseline.
    ...(demoUrl
      ? [
          webServer(demoUrl, DEMO_PORT, {
            // Co-writing on, for the row of a co-written letter's JavaScript (its code is loaded whether or not its
            // server answers; none does here). A letter that cannot be edited, or COLLAB_URL unset, loads none.
            COLLAB_URL: `ws://127.0.0.1:${COLLAB_PORT}`,
          }),
        ]
      : []),
    // The router behind tRPC's own Node adapter, no Next.js: the empty call's alternative.
    child(process.execPath, ["--import", "tsx", path.join(root, "scripts/bench-trpc-server.ts")], {
      ...env,
      NODE_ENV: "production",
      PORT: String(TRPC_PORT),
    }),
    child(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts/bench-baseline-server.ts"), sqlFile],
      {
        ...env,
        PORT: String(BASE_PORT),
      },
    ),
  ];
  const rows: Row[] = [];
  try {
    const web = `http://127.0.0.1:${WEB_PORT}`;
    const base = `http://127.0.0.1:${BASE_PORT}`;
    const demo = `http://127.0.0.1:${DEMO_PORT}`;
    await Promise.all([
      waitFor(`${web}/api/health`, 60_000),
      demoUrl ? waitFor(`${demo}/api/health`, 60_000) : null,
      waitFor(`${base}/health`, 30_000),
      waitFor(`http://127.0.0.1:${TRPC_PORT}/api/trpc/system.ping`, 60_000),
    ]);
    const cookie = await login(web, user.email, "innspill-demo");
    for (const e of endpoints) {
      const input =
        e.input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: e.input }))}`;
      const ours = `${web}/api/trpc/${e.procedure}${input}`;
      const baseline = `${base}/${e.procedure}`;
      const as = e.floor ? null : cookie;
      const check = await fetch(ours, { headers: as ? { cookie: as } : {} });
      if (!check.ok) throw new Error(`${e.procedure}: ${check.status} ${await check.text()}`);
      await load(ours, as, 2); // warm-up
      await load(baseline, null, 2);
      // Concatenated, not spread: an empty call answers more often than a call's arguments may number.
      let a: number[] = [];
      let b: number[] = [];
      for (let round = 0; round < 2; round++) {
        a = a.concat(await load(ours, as, SECONDS));
        b = b.concat(await load(baseline, null, SECONDS));
      }
      a.sort((x, y) => x - y);
      b.sort((x, y) => x - y);
      const p95 = percentile(a, 95);
      const baseP95 = percentile(b, 95);
      console.log(
        `api: ${e.procedure}: ${recorded[e.procedure]!.length} statements; ` +
          `${Math.round(a.length / (2 * SECONDS))} req/s (baseline ${Math.round(b.length / (2 * SECONDS))}); ` +
          `p50 ${percentile(a, 50).toFixed(1)} ms (baseline ${percentile(b, 50).toFixed(1)})`,
      );
      rows.push({
        measure: `${label}API p95, ${e.name}, ${CONNECTIONS} connections (ms)`,
        ours: p95,
        baseline: baseP95,
        // The issue's absolute 50 ms was withdrawn (the bare SQL alone is above it on 2 cores); the ratio stays.
        goal: e.floor ? "—" : "≤ 2×",
        pass: e.floor || p95 <= 2 * baseP95,
      });
      if (e.floor) {
        // The same call through tRPC alone (its Node adapter), against the same bare handler, taking turns.
        const trpcOnly = `http://127.0.0.1:${TRPC_PORT}/api/trpc/${e.procedure}`;
        await load(trpcOnly, null, 2);
        let c: number[] = [];
        let d: number[] = [];
        for (let round = 0; round < 2; round++) {
          c = c.concat(await load(trpcOnly, null, SECONDS));
          d = d.concat(await load(baseline, null, SECONDS));
        }
        c.sort((x, y) => x - y);
        d.sort((x, y) => x - y);
        console.log(
          `api: ${e.procedure} through tRPC's Node adapter: ${Math.round(c.length / (2 * SECONDS))} req/s ` +
            `(baseline ${Math.round(d.length / (2 * SECONDS))})`,
        );
        rows.push({
          measure: `${label}API p95, the empty call through tRPC's Node adapter, no Next.js, ${CONNECTIONS} connections (ms)`,
          ours: percentile(c, 95),
          baseline: percentile(d, 95),
          goal: "—",
          pass: true,
        });
      }
    }
    if (!demoUrl) return rows;
    // Pages: the dashboard and the composer of a letter, logged in, in Chromium; the baseline is the login page, the
    // smallest page of the same build (what every page loads anyway).
    const loginPage = await loadPage(web, null, `${web}/login`, 'input[type="password"]');
    for (const [name, url, content, goal] of [
      ["Oversikt", `${web}/`, '[data-testid^="count-"]', 150],
      ["the composer", `${web}/innspill/${letter.id}`, '[data-testid="save-state"]', 250],
    ] as const) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await loadPage(web, cookie, url, content));
      const js = Math.min(...runs.map((r) => r.js)) / 1024;
      const after = runs.map((r) => r.contentAfterLoad).sort((x, y) => x - y)[1]!;
      rows.push({
        measure: `JavaScript of ${name}, gzip (KB)`,
        ours: js,
        baseline: loginPage.js / 1024,
        goal: `≤ ${goal} KB`,
        pass: js <= goal,
      });
      rows.push({
        measure: `${name}: content shown after the load event, median of 3 (ms)`,
        ours: Math.max(0, after),
        baseline: Math.max(0, loginPage.contentAfterLoad),
        goal: "≤ 300 ms",
        pass: after <= 300,
      });
    }
    // For information: a draft being co-written (the demo data, COLLAB_URL set) also loads the co-writing code
    // (Yjs, Hocuspocus), with import() after the page; the letter above (sent, so not editable) does not.
    const draft = await firstDraft(demoUrl);
    const cowritten = [];
    const demoCookie = await login(demo, "admin@nito.test", "innspill-demo");
    for (let i = 0; i < 3; i++)
      cowritten.push(
        await loadPage(demo, demoCookie, `${demo}/innspill/${draft}`, '[data-testid="presence"]'),
      );
    rows.push({
      measure: "JavaScript of the composer of a co-written draft, its co-writing code included, gzip (KB)",
      ours: Math.min(...cowritten.map((r) => r.js)) / 1024,
      baseline: loginPage.js / 1024,
      goal: "—",
      pass: true,
    });
    rows.push(await benchScreens({ web, url }, { web: demo, url: demoUrl }));
  } finally {
    for (const p of procs) p.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/** A draft letter of the demo data (which the admin may edit). */
async function firstDraft(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM "Submission" WHERE status = 'DRAFT' ORDER BY "updatedAt" DESC, id LIMIT 1`,
    );
    if (!rows[0]) throw new Error("the demo data has no draft letter");
    return rows[0].id;
  } finally {
    await client.end();
  }
}

/** A server and its database. */
interface Site {
  web: string;
  url: string;
}

/**
 * Every screen, rendered by the server for an admin (who sees them all), on the large organisation and on the demo
 * data, taking turns: the median of five, each screen against itself on the demo data. One row: the slowest screen at
 * scale; the log has them all.
 */
async function benchScreens(large: Site, demo: Site): Promise<Row> {
  const screens = async (site: Site) => {
    const client = new pg.Client({ connectionString: site.url });
    await client.connect();
    const id = async (sql: string, values: unknown[] = []) =>
      ((await client.query(sql, values)).rows[0] as { id: string }).id;
    try {
      const letter = await id(`SELECT id FROM "Submission" ORDER BY "updatedAt" DESC, id LIMIT 1`);
      const hearing = await id(`SELECT "hearingId" AS id FROM "Submission" WHERE id = $1`, [letter]);
      const block = await id(
        `SELECT id FROM "TextBlock" WHERE "publishedVersionId" IS NOT NULL ORDER BY "updatedAt" DESC, id LIMIT 1`,
      );
      const position = await id(
        `SELECT p.id FROM "Position" p LEFT JOIN "PositionUsage" u ON u."positionId" = p.id
          GROUP BY p.id ORDER BY count(u.id) DESC, p.id LIMIT 1`,
      );
      return [
        "/",
        "/horinger",
        `/horinger/${hearing}`,
        `/horinger/${hearing}/rediger`,
        "/horinger/ny",
        "/innspill",
        `/innspill/${letter}`,
        `/innspill/${letter}/godkjenning`,
        "/innspill/importer",
        "/tekstblokker",
        `/tekstblokker/${block}`,
        "/standpunkter",
        `/standpunkter/${position}`,
        "/innsikt",
        "/fakta",
        "/varsler",
        "/profil",
        "/admin",
        "/admin/avsendere",
        "/admin/underskrivere",
        "/admin/utboks",
        "/admin/system",
        "/admin/arkiv",
        "/admin/innstillinger",
      ];
    } finally {
      await client.end();
    }
  };
  const [largePaths, demoPaths] = [await screens(large), await screens(demo)];
  const [largeCookie, demoCookie] = [
    await login(large.web, "admin@nito.test", "innspill-demo"),
    await login(demo.web, "admin@nito.test", "innspill-demo"),
  ];
  const render = async (web: string, screen: string, cookie: string) => {
    const t0 = performance.now();
    const res = await fetch(`${web}${screen}`, { headers: { cookie }, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${screen}: ${res.status}`);
    return performance.now() - t0;
  };
  let slowest = { screen: "", ours: 0, baseline: 0 };
  for (const [i, screen] of largePaths.entries()) {
    const a: number[] = [];
    const b: number[] = [];
    await render(large.web, screen, largeCookie); // warm: the route's code loads on its first request
    await render(demo.web, demoPaths[i]!, demoCookie);
    for (let round = 0; round < 5; round++) {
      a.push(await render(large.web, screen, largeCookie));
      b.push(await render(demo.web, demoPaths[i]!, demoCookie));
    }
    const ours = percentile(
      a.sort((x, y) => x - y),
      50,
    );
    const baseline = percentile(
      b.sort((x, y) => x - y),
      50,
    );
    const name = screen.replace(/[0-9a-f-]{36}/, ":id");
    console.log(`screens: ${name}: ${ours.toFixed(0)} ms (demo data ${baseline.toFixed(0)} ms)`);
    if (ours > slowest.ours) slowest = { screen: name, ours, baseline };
  }
  return {
    measure: `slowest of ${largePaths.length} screens, server render, median (ms): ${slowest.screen}`,
    ours: slowest.ours,
    baseline: slowest.baseline,
    goal: "—",
    pass: true,
  };
}
