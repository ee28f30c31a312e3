/**
 * A hundred organisations in one database: every organisation-scoped list query keeps to an index that starts with
 * its organisation (or its user, or the rows the organisation's index found), and never reads a big table whole.
 *
 * The data is the bench's `tenants` shape (scripts/bench-tenants.ts) at a small size: 100 tenants of 60 hearings
 * (240 milestones), 200 positions, 12 letters, 10 blocks; 6 000 hearings and 20 000 positions in all. Each domain call
 * runs for the tenant in the middle while the statements Prisma sends are recorded at the `pg` driver; each SELECT is
 * then planned with EXPLAIN (FORMAT JSON) with its own parameters, by the planner as it is (statistics from ANALYZE):
 * no table that grows with the organisations' work may be read whole. The per-organisation registers of a few rows
 * each (users, issuing bodies, topics: 500 to 1 200 rows in all, a few pages) may be: the planner rightly reads them
 * whole rather than by index. This found Innsikt counting every organisation's position usages (a hash join over all
 * of PositionUsage), and its «unused» count doing the same; the bench's `tenants` part prints the plans at full size.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import {
  getInsight,
  getOverview,
  listBlocks,
  listHearings,
  listNotifications,
  listPositions,
  listSubmissions,
  searchLibrary,
  type Actor,
} from "@innspill/domain";
import { buildTenants } from "./bench-tenants";

/** Tables that grow with the organisations: none of them may be scanned whole. */
const BIG = [
  "Hearing",
  "IssuingBody",
  "Milestone",
  "HearingTopic",
  "Position",
  "PositionUsage",
  "TextBlock",
  "TextBlockVersion",
  "Submission",
  "SubmissionSection",
  "Notification",
  // Innsikt's topic counts (kept by triggers): a row per topic of each organisation. (Its status counts, at most
  // three rows per organisation, are a register like the users: read whole while they are a page or two.)
  "PositionTopicCount",
  // Innsikt's uses per used position and per topic, and decisions per quarter (kept by triggers).
  "PositionUsageSummary",
  "PositionTopicUsage",
  "HearingDecisionCount",
];

let t: TestDatabase;
let actor: Actor;
let tenants: string[];

beforeAll(async () => {
  t = await createTestDatabase();
  tenants = await buildTenants(t.db, { tenants: 100, hearings: 60, positions: 200, letters: 12, blocks: 10 });
  const admin = await t.db.user.findFirstOrThrow({
    where: { organisationId: tenants[50]!, role: "ADMIN" },
  });
  actor = { id: admin.id, organisationId: admin.organisationId, role: admin.role, name: admin.name };
}, 240_000);
afterAll(async () => {
  await t?.close();
});

type Statement = { text: string; values: unknown[] };

/** Every statement the call sends, recorded at the driver (what Prisma's adapter sends). */
async function recordSql(work: () => Promise<unknown>) {
  const statements: Statement[] = [];
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
  return statements.filter((s) => /^\s*(SELECT|WITH)/i.test(s.text));
}

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  Plans?: PlanNode[];
}

/** The indexes a statement's plan uses and the tables it reads whole. */
async function planOf(statement: Statement) {
  const client = new pg.Client({ connectionString: t.url });
  await client.connect();
  try {
    const { rows } = await client.query(`EXPLAIN (FORMAT JSON) ${statement.text}`, statement.values);
    const plan = (rows[0] as { "QUERY PLAN": [{ Plan: PlanNode }] })["QUERY PLAN"][0].Plan;
    const indexes: string[] = [];
    const seqScans: string[] = [];
    const walk = (n: PlanNode) => {
      if (n["Index Name"]) indexes.push(n["Index Name"]);
      if (n["Node Type"] === "Seq Scan" && BIG.includes(n["Relation Name"]!))
        seqScans.push(n["Relation Name"]!);
      n.Plans?.forEach(walk);
    };
    walk(plan);
    return { indexes, seqScans };
  } finally {
    await client.end();
  }
}

describe("a hundred organisations", () => {
  it("are built, each with its own rows", async () => {
    expect(tenants).toHaveLength(100);
    expect(await t.db.hearing.count({ where: { organisationId: actor.organisationId } })).toBe(60);
    expect(await t.db.hearing.count()).toBeGreaterThanOrEqual(6000);
    expect(await t.db.submission.count({ where: { organisationId: actor.organisationId } })).toBe(12);
    // Innsikt counts this organisation's uses only (two per letter): the usages' organisation is the trigger's.
    const insight = await getInsight(t.db, {}, actor);
    expect(insight.positions.reduce((n, p) => n + p.times, 0)).toBe(24);
    expect(await t.db.positionUsage.count({ where: { organisationId: null } })).toBe(0);
  });

  const calls: [string, (a: Actor) => Promise<unknown>, RegExp][] = [
    ["hearing list, open", (a) => listHearings(t.db, {}, a), /^Hearing_organisationId_/],
    ["hearing list, all", (a) => listHearings(t.db, { includeClosed: true }, a), /^Hearing_organisationId_/],
    [
      "hearing list, all, descending, second page",
      async (a) => {
        const first = await listHearings(t.db, { includeClosed: true, sort: "deadline_desc", limit: 20 }, a);
        return listHearings(
          t.db,
          { includeClosed: true, sort: "deadline_desc", limit: 20, cursor: first.nextCursor },
          a,
        );
      },
      /^Hearing_organisationId_/,
    ],
    ["library search", (a) => searchLibrary(t.db, { q: "kompetanse" }, a), /^(Position|TextBlock)_/],
    ["positions, a page", (a) => listPositions(t.db, {}, a), /^Position_organisationId_/],
    ["positions, picker words", (a) => listPositions(t.db, { q: "kompetanse sykehus" }, a), /^Position_/],
    ["text blocks, a page", (a) => listBlocks(t.db, {}, a), /^TextBlock_organisationId_/],
    ["letters, a page", (a) => listSubmissions(t.db, {}, a), /^Submission_organisationId_/],
    ["notifications", (a) => listNotifications(t.db, a), /^Notification_userId_/],
    ["Oversikt", (a) => getOverview(t.db, a), /^Hearing_organisationId_/],
    [
      "Innsikt",
      (a) => getInsight(t.db, {}, a),
      /^(PositionUsageSummary_|Position_unused_order_idx|PositionTopicCount_pkey|PositionStatusCount_pkey)/,
    ],
  ];

  it.each(calls)("%s keeps to the organisation's index", async (_name, call, index) => {
    await call(actor); // warm: nothing recorded from a first call's preparations
    const statements = await recordSql(() => call(actor));
    expect(statements.length).toBeGreaterThan(0);
    const plans = await Promise.all(statements.map(planOf));
    const report = statements.map((s, i) => ({ sql: s.text.slice(0, 160), ...plans[i]! }));
    for (const r of report) expect(r.seqScans, JSON.stringify(r)).toEqual([]);
    // The first statement (the list itself) starts from an index of the organisation's (or the user's).
    expect(
      plans.flatMap((p) => p.indexes).some((i) => index.test(i)),
      JSON.stringify(report),
    ).toBe(true);
  });
});
