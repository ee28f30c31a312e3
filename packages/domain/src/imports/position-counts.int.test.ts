/**
 * Innsikt's topic chart and its count of active positions read counts the database keeps (`PositionTopicCount`,
 * `PositionStatusCount`, statement triggers on "Position"). Checked here: after inserts, updates and deletes (through
 * the use-cases and in bulk), in two organisations besides the demo one, inside the writer's transaction and after a
 * rollback, and under concurrent writers, the counts equal a count of every position, and Innsikt shows exactly what
 * it showed when it counted every position itself (the statements it used then are the reference here).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbTx } from "@innspill/db";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, createOtherOrganisation } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { addDaysToDateOnly, dateOnlyToDb, osloDate } from "../dates/dates";
import { createPosition, updatePosition } from "../library/positions";
import { getInsight } from "./insight";

let t: TestDatabase;
let nito: Actor;
let a: Actor;
let b: Actor;

beforeAll(async () => {
  let actors: Record<string, Actor>;
  ({ t, actors } = await createDemoDatabase());
  nito = actors.ingrid!;
  a = await createOtherOrganisation(t.db, "tellinger-a");
  b = await createOtherOrganisation(t.db, "tellinger-b");
}, 60_000);
afterAll(async () => {
  await t?.close();
});

type Counted = { organisationId: string; key: string; positions: number }[];

/** The kept counts, every organisation's. */
async function kept(db: Db | DbTx) {
  return {
    topics: await db.$queryRaw<Counted>`
      SELECT "organisationId"::text, topic AS key, positions FROM "PositionTopicCount" ORDER BY 1, 2`,
    statuses: await db.$queryRaw<Counted>`
      SELECT "organisationId"::text, status::text AS key, positions FROM "PositionStatusCount" ORDER BY 1, 2`,
  };
}

/** The same counts from every position, as Innsikt counted before (each topic of each position; none: "(uten tema)"). */
async function recounted(db: Db | DbTx) {
  return {
    topics: await db.$queryRaw<Counted>`
      SELECT p."organisationId"::text, t.topic AS key, count(*)::int AS positions
        FROM "Position" p
       CROSS JOIN LATERAL unnest(CASE WHEN cardinality(p.topics) = 0 THEN ARRAY['(uten tema)'] ELSE p.topics END)
             AS t(topic)
       GROUP BY 1, 2 ORDER BY 1, 2`,
    statuses: await db.$queryRaw<Counted>`
      SELECT "organisationId"::text, status::text AS key, count(*)::int AS positions
        FROM "Position" GROUP BY 1, 2 ORDER BY 1, 2`,
  };
}

/** Innsikt's topics and count of unused active positions by the statements it used before the counts were kept. */
async function insightBefore(actor: Actor, months = 12) {
  const org = actor.organisationId;
  const since = addDaysToDateOnly(osloDate(new Date()), -Math.round(months * 30.44));
  const topics = await t.db.$queryRaw<
    { topic: string; times: number; positions: number; lastUsed: string | null }[]
  >`
    WITH per AS (
      SELECT u."positionId", count(*)::int AS times, to_char(max(u."usedOn"), 'YYYY-MM-DD') AS "lastUsed"
        FROM "PositionUsage" u WHERE u."organisationId" = ${org}::uuid GROUP BY u."positionId")
    SELECT t.topic, coalesce(sum(per.times), 0)::int AS times, count(*)::int AS positions,
           max(per."lastUsed") AS "lastUsed"
      FROM "Position" p
     CROSS JOIN LATERAL unnest(CASE WHEN cardinality(p.topics) = 0 THEN ARRAY['(uten tema)'] ELSE p.topics END)
           AS t(topic)
      LEFT JOIN per ON per."positionId" = p.id
     WHERE p."organisationId" = ${org}::uuid
     GROUP BY t.topic
     ORDER BY 2 DESC, t.topic
     LIMIT 12`;
  const [counted] = await t.db.$queryRaw<{ n: number }[]>`
    SELECT ((SELECT count(*) FROM "Position" p WHERE p."organisationId" = ${org}::uuid AND p.status = 'ACTIVE')
          - (SELECT count(DISTINCT u."positionId") FROM "PositionUsage" u JOIN "Position" p ON p.id = u."positionId"
              WHERE u."organisationId" = ${org}::uuid AND u."usedOn" >= ${since}::date AND p.status = 'ACTIVE'))::int AS n`;
  return {
    topics: topics.sort((x, y) => y.times - x.times || x.topic.localeCompare(y.topic, "nb")),
    unusedActiveCount: counted!.n,
  };
}

/** The counts are exact, and Innsikt shows in each organisation what counting every position showed. */
async function expectExact() {
  expect(await kept(t.db)).toEqual(await recounted(t.db));
  for (const actor of [nito, a, b]) {
    const insight = await getInsight(t.db, { months: 12 }, actor);
    expect({ topics: insight.topics, unusedActiveCount: insight.unusedActiveCount }).toEqual(
      await insightBefore(actor),
    );
  }
}

const ofOrg = (actor: Actor, topics: string[], status: "DRAFT" | "ACTIVE" | "RETIRED", i: number) => ({
  organisationId: actor.organisationId,
  statement: `Standpunkt ${i} for ${actor.organisationId.slice(0, 8)}.`,
  topics,
  status,
});

async function use(positionId: string, daysAgo: number) {
  await t.db.positionUsage.create({
    data: {
      positionId,
      submissionId: randomUUID(),
      origin: "composed",
      usedOn: dateOnlyToDb(addDaysToDateOnly(osloDate(new Date()), -daysAgo)),
      recipient: "Departementet",
      wording: "…",
    },
  });
}

describe("the counts Innsikt reads", () => {
  it("stay exact through inserts, updates and deletes, in two organisations", async () => {
    // Through the use-cases (one row a statement) …
    const one = await createPosition(
      t.db,
      { statement: "Helse og utdanning henger sammen.", topics: ["helse", "utdanning"], status: "ACTIVE" },
      a,
    );
    const bare = await createPosition(t.db, { statement: "Uten tema.", topics: [], status: "ACTIVE" }, a);
    await createPosition(t.db, { statement: "Helse i B.", topics: ["helse"], status: "DRAFT" }, b);
    await expectExact();
    // … and in bulk (many rows, one statement): no topics, a topic twice, several, every status.
    const patterns = [[], ["helse"], ["helse", "helse"], ["energi", "helse"], ["Ærlig", "ørret", "arbeid"]];
    const statuses = ["ACTIVE", "ACTIVE", "DRAFT", "RETIRED"] as const;
    await t.db.position.createMany({
      data: Array.from({ length: 40 }, (_, i) =>
        ofOrg(i % 2 ? a : b, patterns[i % patterns.length]!, statuses[i % statuses.length]!, i),
      ),
    });
    await expectExact();
    const bulkA = await t.db.position.findMany({
      where: { organisationId: a.organisationId, statement: { startsWith: "Standpunkt" } },
      orderBy: { statement: "asc" },
    });
    const bulkB = await t.db.position.findMany({
      where: { organisationId: b.organisationId, statement: { startsWith: "Standpunkt" } },
      orderBy: { statement: "asc" },
    });
    // Uses, so that the chart's times and last use are compared too.
    await use(one.id, 3);
    await use(one.id, 400);
    await use(bulkA[0]!.id, 20);
    await use(bulkB[1]!.id, 5);
    await expectExact();

    // An update through the use-case: new topics and status.
    await updatePosition(
      t.db,
      {
        id: one.id,
        version: one.version,
        data: { statement: one.statement, topics: ["utdanning", "forskning"] },
        status: "RETIRED",
        reason: "Endret",
      },
      a,
    );
    await updatePosition(
      t.db,
      {
        id: bare.id,
        version: bare.version,
        data: { statement: bare.statement, topics: ["helse"] },
        status: "ACTIVE",
        reason: "Tema",
      },
      a,
    );
    await expectExact();
    // Bulk updates: topics of many, a status of many, one statement over both organisations, and one that changes
    // neither topics nor status.
    await t.db.position.updateMany({
      where: { id: { in: bulkA.slice(0, 8).map((p) => p.id) } },
      data: { topics: ["samferdsel"] },
    });
    await t.db.position.updateMany({
      where: { id: { in: bulkB.map((p) => p.id) }, status: "ACTIVE" },
      data: { status: "RETIRED" },
    });
    await t.db.$executeRaw`
      UPDATE "Position" SET topics = array_append(topics, 'felles')
       WHERE id = ANY (${[...bulkA.slice(8, 12), ...bulkB.slice(0, 4)].map((p) => p.id)}::uuid[])`;
    await t.db.position.updateMany({
      where: { organisationId: a.organisationId },
      data: { owningUnit: "Fagavdelingen" },
    });
    await expectExact();

    // Deletes: some of A's, and every one of B's bulk positions (B's topics that only they had disappear).
    await t.db.position.deleteMany({ where: { id: { in: bulkA.slice(12, 16).map((p) => p.id) } } });
    await t.db.positionUsage.deleteMany({ where: { positionId: bulkB[1]!.id } });
    await t.db.position.deleteMany({ where: { id: { in: bulkB.map((p) => p.id) } } });
    await expectExact();
    const bTopics = (await kept(t.db)).topics.filter((c) => c.organisationId === b.organisationId);
    expect(bTopics).toEqual([{ organisationId: b.organisationId, key: "helse", positions: 1 }]);
    // A's chart is its own: B's deletes took nothing from it.
    expect((await getInsight(t.db, {}, a)).topics.find((x) => x.topic === "samferdsel")?.positions).toBe(8);
  });

  it("are the writer's: seen in its transaction, gone with its rollback", async () => {
    const before = await kept(t.db);
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.position.create({ data: ofOrg(a, ["bare-i-transaksjonen"], "ACTIVE", 900) });
        const inside = await kept(tx);
        expect(inside.topics).toContainEqual({
          organisationId: a.organisationId,
          key: "bare-i-transaksjonen",
          positions: 1,
        });
        expect(inside).toEqual(await recounted(tx));
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await kept(t.db)).toEqual(before);
    await expectExact();
  });

  it("stay exact under concurrent writers, who wait for each other instead of losing a count", async () => {
    const opts = { maxWait: 60_000, timeout: 60_000 };
    // A writer holds the counts of its topics until it commits; a second one with the same topics (named in the other
    // order) waits for it, and neither deadlocks.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let firstIn!: () => void;
    const inserted = new Promise<void>((r) => (firstIn = r));
    const first = t.db.$transaction(async (tx) => {
      await tx.position.create({ data: ofOrg(a, ["kø-b", "kø-a"], "ACTIVE", 1000) });
      firstIn();
      await gate;
    }, opts);
    await inserted;
    const second = t.db.$transaction(async (tx) => {
      await tx.position.create({ data: ofOrg(a, ["kø-a", "kø-b"], "ACTIVE", 1001) });
    }, opts);
    // The second is waiting on a lock (the first's counts) before the first commits.
    for (const until = Date.now() + 20_000; ;) {
      const [lock] = await t.db.$queryRaw<{ waiting: number }[]>`
        SELECT count(*)::int AS waiting FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (lock!.waiting > 0) break;
      if (Date.now() > until) throw new Error("the second writer never waited");
      await new Promise((r) => setTimeout(r, 50));
    }
    release();
    await Promise.all([first, second]);
    expect((await kept(t.db)).topics).toContainEqual({
      organisationId: a.organisationId,
      key: "kø-a",
      positions: 2,
    });

    // Many writers at once in both organisations, each in its own (as the use-cases write): some as the editors
    // (existing positions changed, overlapping with the next writer's, then one deleted, then one added), some as
    // the imports (new positions only).
    const pool = await t.db.position.createManyAndReturn({
      data: Array.from({ length: 48 }, (_, i) => ofOrg(i % 2 ? a : b, ["helse"], "ACTIVE", 2000 + i)),
      select: { id: true, organisationId: true },
    });
    const topics = ["x", "y", "z", "helse"];
    const rot = (k: number) => [...topics.slice(k % 4), ...topics.slice(0, k % 4)].slice(0, 1 + (k % 3));
    await Promise.all(
      Array.from({ length: 16 }, (_, w) => {
        const org = w % 2 ? a : b;
        const mine = pool.filter((p) => p.organisationId === org.organisationId).map((p) => p.id);
        const k = w >> 1; // 0 … 7 in each organisation
        return t.db.$transaction(async (tx) => {
          if (k % 2 === 0) {
            await tx.position.updateMany({
              where: { id: { in: mine.slice(k * 2, k * 2 + 4) } },
              data: { topics: rot(w), status: k % 4 ? "ACTIVE" : "RETIRED" },
            });
            await tx.position.deleteMany({ where: { id: mine[16 + k]! } });
            await tx.position.create({ data: ofOrg(org, rot(w + 1), "DRAFT", 3000 + w) });
          } else {
            await tx.position.createMany({
              data: [ofOrg(org, rot(w), "ACTIVE", 3100 + w), ofOrg(org, rot(w + 3), "RETIRED", 3200 + w)],
            });
            await tx.position.create({ data: ofOrg(org, [], "ACTIVE", 3300 + w) });
          }
        }, opts);
      }),
    );
    await expectExact();
  });
});
