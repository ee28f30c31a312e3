/**
 * What Innsikt reads is kept by the database (migration `insight_counts`): the uses per position
 * (`PositionUsageSummary`, with the position's status, statement and topics copied), per topic (`PositionTopicUsage`)
 * and the decided hearings per quarter (`HearingDecisionCount`). Checked here, in two organisations besides the demo
 * one: after inserts, updates and deletes of usages, positions and hearings (one row and in bulk, through the
 * use-cases and in SQL), in and after a rolled-back transaction and under concurrent writers, the kept rows equal a
 * count of every row, and Innsikt and Oversikt show exactly what the statements they used before showed (those
 * statements are the reference here). The retired positions still in drafts, now read in SQL, are compared with the
 * code that read every draft's sections before.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db, DbTx, Prisma } from "@innspill/db";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, createOtherOrganisation } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { addDaysToDateOnly, dateOnlyToDb, osloDate } from "../dates/dates";
import { countDecisionsByQuarter } from "../hearings/overview";
import { blockBody, bodyPositionIds } from "../library/body";
import { createPosition, updatePosition } from "../library/positions";
import { getInsight } from "./insight";

let t: TestDatabase;
let nito: Actor;
let a: Actor;
let b: Actor;

beforeAll(async () => {
  let actors: Record<string, Actor>;
  ({ t, actors } = await createDemoDatabase({ content: true }));
  nito = actors.ingrid!;
  a = await createOtherOrganisation(t.db, "innsikt-a");
  b = await createOtherOrganisation(t.db, "innsikt-b");
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const today = osloDate(new Date());

// ── References: the kept rows counted from every row, and Innsikt's statements before the rows were kept ───────────

async function keptUses(db: Db | DbTx) {
  return {
    positions: await db.$queryRaw<unknown[]>`
      SELECT "positionId"::text AS id, "organisationId"::text AS org, status::text AS status, statement, topics, times,
             to_char("lastUsed", 'YYYY-MM-DD') AS last
        FROM "PositionUsageSummary" ORDER BY 1`,
    topics: await db.$queryRaw<unknown[]>`
      SELECT "organisationId"::text AS org, topic, times, to_char("lastUsed", 'YYYY-MM-DD') AS last
        FROM "PositionTopicUsage" ORDER BY 1, 2`,
  };
}

async function recountedUses(db: Db | DbTx) {
  return {
    positions: await db.$queryRaw<unknown[]>`
      SELECT p.id::text AS id, p."organisationId"::text AS org, p.status::text AS status, p.statement, p.topics,
             count(*)::int AS times, to_char(max(u."usedOn"), 'YYYY-MM-DD') AS last
        FROM "PositionUsage" u JOIN "Position" p ON p.id = u."positionId"
       GROUP BY p.id ORDER BY 1`,
    topics: await db.$queryRaw<unknown[]>`
      SELECT p."organisationId"::text AS org, t.topic, count(*)::int AS times,
             to_char(max(u."usedOn"), 'YYYY-MM-DD') AS last
        FROM "PositionUsage" u JOIN "Position" p ON p.id = u."positionId"
       CROSS JOIN LATERAL unnest(CASE WHEN cardinality(p.topics) = 0 THEN ARRAY['(uten tema)'] ELSE p.topics END)
             AS t(topic)
       WHERE t.topic IS NOT NULL
       GROUP BY 1, 2 ORDER BY 1, 2`,
  };
}

interface Use {
  id: string;
  statement: string;
  status: string;
  topics: string[];
  times: number;
  lastUsed: string | null;
  recipients: string[];
  letters: number;
}

/** Innsikt's lists by the statements it sent before the uses were kept (every usage aggregated). */
async function insightBefore(actor: Actor, months: number) {
  const org = actor.organisationId;
  const since = addDaysToDateOnly(today, -Math.round(months * 30.44));
  const per = `SELECT u."positionId", count(*)::int AS times, max(u."usedOn") AS last
                 FROM "PositionUsage" u WHERE u."organisationId" = $1::uuid GROUP BY u."positionId"`;
  const details = (row: string) => `
    CROSS JOIN LATERAL (
      SELECT array_remove(array_agg(DISTINCT u.recipient), NULL) AS recipients,
             count(DISTINCT coalesce(u."submissionId", u."importedLetterId", u.id))::int AS letters
        FROM "PositionUsage" u WHERE u."organisationId" = $1::uuid AND u."positionId" = ${row}) d`;
  const used = await t.db.$queryRawUnsafe<Use[]>(
    `WITH per AS (${per}),
     top AS (SELECT p.id, p.statement, p.status, p.topics, per.times, per.last
               FROM per JOIN "Position" p ON p.id = per."positionId"
              ORDER BY per.times DESC, p.statement, p.id LIMIT 50)
     SELECT top.id::text, top.statement, top.status::text AS status, top.topics, top.times,
            to_char(top.last, 'YYYY-MM-DD') AS "lastUsed", d.recipients, d.letters
       FROM top ${details("top.id")}`,
    org,
  );
  const unused = await t.db.$queryRawUnsafe<Use[]>(
    `WITH per AS (${per}),
     stale AS (SELECT p.id, p.statement, p.status, p.topics, per.times, per.last
                 FROM per JOIN "Position" p ON p.id = per."positionId"
                WHERE p.status = 'ACTIVE' AND per.last < $2::date
                ORDER BY per.times DESC, p.statement, p.id LIMIT 50),
     stale_shown AS (SELECT stale.id, stale.statement, stale.status, stale.topics, stale.times,
                            to_char(stale.last, 'YYYY-MM-DD') AS "lastUsed", d.recipients, d.letters
                       FROM stale ${details("stale.id")}),
     never AS (SELECT p.id, p.statement, p.status, p.topics, 0 AS times, NULL::text AS "lastUsed",
                      '{}'::text[] AS recipients, 0 AS letters
                 FROM "Position" p
                WHERE p."organisationId" = $1::uuid AND p.status = 'ACTIVE'
                  AND NOT EXISTS (SELECT 1 FROM "PositionUsage" u WHERE u."positionId" = p.id)
                ORDER BY p.statement, p.id LIMIT 50)
     SELECT id::text, statement, status::text AS status, topics, times::int, "lastUsed", recipients, letters::int
       FROM (SELECT *, 0 AS part FROM stale_shown UNION ALL SELECT *, 1 AS part FROM never) x
      ORDER BY part, times DESC, statement, id LIMIT 50`,
    org,
    since,
  );
  const topics = await t.db.$queryRawUnsafe<
    { topic: string; times: number; positions: number; lastUsed: string | null }[]
  >(
    `WITH per AS (${per})
     SELECT t.topic, coalesce(sum(per.times), 0)::int AS times, count(*)::int AS positions,
            to_char(max(per.last), 'YYYY-MM-DD') AS "lastUsed"
       FROM "Position" p
      CROSS JOIN LATERAL unnest(CASE WHEN cardinality(p.topics) = 0 THEN ARRAY['(uten tema)'] ELSE p.topics END)
            AS t(topic)
       LEFT JOIN per ON per."positionId" = p.id
      WHERE p."organisationId" = $1::uuid AND t.topic IS NOT NULL
      GROUP BY t.topic ORDER BY 2 DESC, t.topic LIMIT 12`,
    org,
  );
  const [count] = await t.db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT ((SELECT count(*) FROM "Position" p WHERE p."organisationId" = $1::uuid AND p.status = 'ACTIVE')
           - (SELECT count(DISTINCT u."positionId") FROM "PositionUsage" u JOIN "Position" p ON p.id = u."positionId"
               WHERE u."organisationId" = $1::uuid AND u."usedOn" >= $2::date AND p.status = 'ACTIVE'))::int AS n`,
    org,
    since,
  );
  const nb =
    <T extends { times: number }>(key: (x: T) => string) =>
    (x: T, y: T) =>
      y.times - x.times || key(x).localeCompare(key(y), "nb");
  return {
    positions: used.sort(nb((p) => p.statement)),
    topics: topics.sort(nb((x) => x.topic)),
    unusedActive: unused.sort(nb((p) => p.statement)),
    unusedActiveCount: count!.n,
  };
}

/** The kept uses equal a count of every usage, and Innsikt shows in each organisation what it showed before. */
async function expectUsesExact() {
  expect(await keptUses(t.db)).toEqual(await recountedUses(t.db));
  for (const actor of [nito, a, b])
    for (const months of [1, 12, 120]) {
      const insight = await getInsight(t.db, { months }, actor);
      expect({
        positions: insight.positions,
        topics: insight.topics,
        unusedActive: insight.unusedActive,
        unusedActiveCount: insight.unusedActiveCount,
      }).toEqual(await insightBefore(actor, months));
    }
}

async function use(positionId: string, daysAgo: number, recipient = "Departementet", db: Db | DbTx = t.db) {
  return db.positionUsage.create({
    data: {
      positionId,
      submissionId: randomUUID(),
      origin: "composed",
      usedOn: dateOnlyToDb(addDaysToDateOnly(today, -daysAgo)),
      recipient,
      wording: "…",
    },
  });
}

const position = (actor: Actor, statement: string, topics: string[], status = "ACTIVE" as const) =>
  createPosition(t.db, { statement, topics, status }, actor);

describe("the uses Innsikt reads", () => {
  it("stay exact through inserts, updates and deletes of usages and positions, in two organisations", async () => {
    const helse = await position(a, "Helse først.", ["helse"]);
    const both = await position(a, "Helse og utdanning.", ["helse", "utdanning"]);
    const bare = await position(a, "Uten tema.", []);
    const twice = await position(a, "To ganger helse.", ["helse", "helse"]);
    const inB = await position(b, "Helse i B.", ["helse"]);
    await position(a, "Aldri brukt.", ["helse"]);
    await expectUsesExact();

    // One usage a statement (as a letter is sent) …
    await use(helse.id, 10, "Helsedirektoratet");
    await use(helse.id, 500);
    await use(both.id, 40);
    await use(inB.id, 3);
    await expectUsesExact();
    // … and many in one statement, over both organisations.
    await t.db.positionUsage.createMany({
      data: [
        ...[bare, twice, both, helse].flatMap((p, i) =>
          [5, 50, 400].map((d) => ({
            positionId: p.id,
            submissionId: randomUUID(),
            origin: "imported",
            usedOn: dateOnlyToDb(addDaysToDateOnly(today, -(d + i))),
            recipient: `Mottaker ${i}`,
            wording: "…",
          })),
        ),
        {
          positionId: inB.id,
          origin: "imported",
          usedOn: dateOnlyToDb(addDaysToDateOnly(today, -1)),
          wording: "…",
        },
      ],
    });
    await expectUsesExact();

    // A used position moves status (active → retired and back), changes statement, and its topics: the latest use
    // of "utdanning" goes with the topic taken off (the topic's last use is read again).
    const retired = await updatePosition(
      t.db,
      {
        id: helse.id,
        version: helse.version,
        data: { statement: helse.statement, topics: helse.topics },
        status: "RETIRED",
        reason: "Utgått",
      },
      a,
    );
    await expectUsesExact();
    await updatePosition(
      t.db,
      {
        id: helse.id,
        version: retired.version,
        data: { statement: "Helse først, alltid.", topics: helse.topics },
        status: "ACTIVE",
        reason: "Tilbake",
      },
      a,
    );
    await updatePosition(
      t.db,
      {
        id: both.id,
        version: both.version,
        data: { statement: both.statement, topics: ["helse"] },
        status: "ACTIVE",
        reason: "Tema",
      },
      a,
    );
    await expectUsesExact();
    // In bulk: topics of several, one statement over both organisations; and an update that changes nothing kept.
    await t.db.$executeRaw`
      UPDATE "Position" SET topics = array_append(topics, 'felles') WHERE id = ANY (${[twice.id, bare.id, inB.id]}::uuid[])`;
    await t.db.position.updateMany({
      where: { organisationId: a.organisationId },
      data: { owningUnit: "Fag" },
    });
    await expectUsesExact();

    // Usages moved: a day moved back (the position's last use read again), a use moved to another position.
    const latest = await t.db.positionUsage.findFirstOrThrow({
      where: { positionId: bare.id },
      orderBy: { usedOn: "desc" },
    });
    await t.db.positionUsage.update({
      where: { id: latest.id },
      data: { usedOn: dateOnlyToDb(addDaysToDateOnly(today, -900)) },
    });
    await expectUsesExact();
    const moved = await t.db.positionUsage.findFirstOrThrow({ where: { positionId: twice.id } });
    await t.db.positionUsage.update({ where: { id: moved.id }, data: { positionId: bare.id } });
    await t.db.positionUsage.updateMany({
      where: { positionId: both.id },
      data: { recipient: "Ny mottaker" },
    });
    await expectUsesExact();

    // Deletes: a position's latest use (its last use goes back), then every use of another (it becomes unused; its
    // topic "felles" keeps the others'), and B's.
    const helseLatest = await t.db.positionUsage.findFirstOrThrow({
      where: { positionId: helse.id },
      orderBy: { usedOn: "desc" },
    });
    await t.db.positionUsage.delete({ where: { id: helseLatest.id } });
    await expectUsesExact();
    await t.db.positionUsage.deleteMany({ where: { positionId: twice.id } });
    await t.db.positionUsage.deleteMany({ where: { positionId: inB.id } });
    await expectUsesExact();
    expect((await keptUses(t.db)).positions.map((p) => (p as { id: string }).id)).not.toContain(twice.id);
    expect((await getInsight(t.db, { months: 120 }, b)).topics.every((x) => x.times === 0)).toBe(true);
    // A unused now, and listed so.
    expect((await getInsight(t.db, { months: 12 }, a)).unusedActive.map((p) => p.id)).toContain(twice.id);
  });

  it("are the writer's: seen in its transaction, gone with its rollback", async () => {
    const p = await position(a, "Bare i transaksjonen.", ["rulles-tilbake"]);
    const before = await keptUses(t.db);
    await expect(
      t.db.$transaction(async (tx) => {
        await use(p.id, 2, "X", tx);
        await tx.position.update({ where: { id: p.id }, data: { topics: ["annet"] } });
        expect(await keptUses(tx)).toEqual(await recountedUses(tx));
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await keptUses(t.db)).toEqual(before);
    await expectUsesExact();
  });

  it("stay exact under concurrent writers, who wait for each other instead of losing a use", async () => {
    const opts = { maxWait: 60_000, timeout: 60_000 };
    const pool = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        position(i % 2 ? a : b, `Samtidig ${i}.`, i % 3 ? ["helse", "kø"] : ["kø"]),
      ),
    );
    // Letters sent at once in both organisations, each using the organisation's positions one statement at a time in
    // its own order (a deadlock without the lock), while the positions' topics are edited.
    await Promise.all(
      Array.from({ length: 12 }, (_, w) => {
        const org = w % 2 ? a : b;
        const mine = pool.filter((p) => p.organisationId === org.organisationId);
        const order = w % 4 < 2 ? mine : [...mine].reverse();
        return t.db.$transaction(async (tx) => {
          if (w % 3 === 0)
            await tx.position.update({ where: { id: order[0]!.id }, data: { topics: [`tema-${w}`] } });
          for (const [i, p] of order.entries()) await use(p.id, w + i, `Mottaker ${w}`, tx);
        }, opts);
      }),
    );
    await expectUsesExact();
    expect(
      (await keptUses(t.db)).positions.filter((p) => pool.some((x) => x.id === (p as { id: string }).id)),
    ).toHaveLength(8);
  });
});

// ── Decisions per quarter ─────────────────────────────────────────────────────────────────────────────────────────

/** The statement Oversikt and Innsikt used before the counts were kept, and its reading. */
async function decisionsBefore(actor: Actor) {
  const rows = await t.db.$queryRaw<{ period: string; decision: string; n: number }[]>`
    SELECT to_char(q, 'YYYY-"K"Q') AS period, decision, n
      FROM (SELECT date_trunc('quarter', ("decidedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Oslo') AS q,
                   decision::text AS decision, count(*)::int AS n
              FROM "Hearing"
             WHERE "organisationId" = ${actor.organisationId}::uuid AND decision IS NOT NULL
               AND "decidedAt" IS NOT NULL
             GROUP BY 1, 2) x
     ORDER BY q DESC, decision`;
  const periods = new Map<string, { period: string; answered: number; declined: number }>();
  for (const r of rows) {
    const p = periods.get(r.period) ?? { period: r.period, answered: 0, declined: 0 };
    if (r.decision === "SVARER") p.answered += r.n;
    else p.declined += r.n;
    periods.set(r.period, p);
  }
  return [...periods.values()].slice(0, 8);
}

async function keptDecisions(db: Db | DbTx) {
  return db.$queryRaw<unknown[]>`
    SELECT "organisationId"::text AS org, quarter::text AS quarter, decision::text AS decision, hearings
      FROM "HearingDecisionCount" ORDER BY 1, 2, 3`;
}

async function recountedDecisions(db: Db | DbTx) {
  return db.$queryRaw<unknown[]>`
    SELECT "organisationId"::text AS org,
           date_trunc('quarter', ("decidedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/Oslo')::date::text AS quarter,
           decision::text AS decision, count(*)::int AS hearings
      FROM "Hearing" WHERE decision IS NOT NULL AND "decidedAt" IS NOT NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
}

async function expectDecisionsExact() {
  expect(await keptDecisions(t.db)).toEqual(await recountedDecisions(t.db));
  for (const actor of [nito, a, b]) {
    const now = await countDecisionsByQuarter(t.db, actor);
    expect(now).toEqual(await decisionsBefore(actor));
    expect((await getInsight(t.db, {}, actor)).decisions).toEqual(now);
  }
}

describe("the decisions per quarter", () => {
  it("stay exact as hearings are made, decided, changed and deleted, in two organisations", async () => {
    const bodies = await Promise.all(
      [a, b].map((x) =>
        t.db.issuingBody.create({
          data: { organisationId: x.organisationId, name: "Dep", type: "DEPARTEMENT" },
        }),
      ),
    );
    const hearing = (
      x: Actor,
      i: number,
      decidedAt: Date | null,
      decision: "SVARER" | "SVARER_IKKE" | null,
    ) => ({
      organisationId: x.organisationId,
      title: `Høring ${i}`,
      issuingBodyId: bodies[x === a ? 0 : 1]!.id,
      kind: "HORING" as const,
      deadline: new Date("2026-12-31"),
      decision,
      decidedAt,
    });
    // Twelve quarters and more, some with one kind of decision only; the quarter is Oslo's (the last half hour of
    // March in UTC is April in Oslo).
    await t.db.hearing.createMany({
      data: Array.from({ length: 60 }, (_, i) =>
        hearing(
          i % 5 === 4 ? b : a,
          i,
          new Date(Date.UTC(2023, (i * 7) % 40, 15 - (i % 3), 12)),
          i % 7 === 0 ? "SVARER_IKKE" : i % 11 === 0 ? null : "SVARER",
        ),
      ),
    });
    const edge = await t.db.hearing.create({
      data: hearing(a, 100, new Date("2027-03-31T22:30:00Z"), "SVARER"),
    });
    const undecided = await t.db.hearing.create({ data: hearing(a, 101, null, null) });
    await expectDecisionsExact();
    expect((await countDecisionsByQuarter(t.db, a))[0]).toMatchObject({ period: "2027-K2", answered: 1 });

    // Decided (as decideHearing writes it), its decision changed, withdrawn, its time moved to another quarter.
    await t.db.hearing.update({
      where: { id: undecided.id },
      data: { decision: "SVARER", decidedAt: new Date("2026-06-01T10:00:00Z") },
    });
    await expectDecisionsExact();
    await t.db.hearing.update({ where: { id: undecided.id }, data: { decision: "SVARER_IKKE" } });
    await t.db.hearing.update({
      where: { id: edge.id },
      data: { decidedAt: new Date("2027-03-31T21:30:00Z") },
    });
    await expectDecisionsExact();
    await t.db.hearing.update({ where: { id: edge.id }, data: { decision: null, decidedAt: null } });
    // In bulk, and an update that changes no decision.
    await t.db.hearing.updateMany({
      where: { organisationId: a.organisationId, decision: "SVARER_IKKE" },
      data: { decision: "SVARER" },
    });
    await t.db.hearing.updateMany({
      where: { organisationId: b.organisationId },
      data: { summary: "Endret" },
    });
    await expectDecisionsExact();
    // Deleted: some of A's, every one of B's.
    const someOfA = await t.db.hearing.findMany({ where: { organisationId: a.organisationId }, take: 10 });
    await t.db.hearing.deleteMany({ where: { id: { in: someOfA.map((h) => h.id) } } });
    await t.db.hearing.deleteMany({ where: { organisationId: b.organisationId } });
    await expectDecisionsExact();
    expect(await countDecisionsByQuarter(t.db, b)).toEqual([]);

    // Gone with a rollback.
    const before = await keptDecisions(t.db);
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.hearing.create({ data: hearing(a, 200, new Date("2020-01-01T12:00:00Z"), "SVARER") });
        expect(await keptDecisions(tx)).toEqual(await recountedDecisions(tx));
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await keptDecisions(t.db)).toEqual(before);
  });
});

// ── Retired positions in drafts ───────────────────────────────────────────────────────────────────────────────────

/** What Innsikt read before: every unsent letter's sections, their bodies parsed in Node. */
async function retiredInDraftsBefore(actor: Actor) {
  const drafts = await t.db.submission.findMany({
    where: { organisationId: actor.organisationId, status: { notIn: ["SIGNED", "SENT"] } },
    select: {
      id: true,
      title: true,
      sections: { select: { kind: true, body: true, blockVersion: { select: { body: true } } } },
    },
  });
  const rows = [];
  for (const d of drafts) {
    const ids = new Set(
      d.sections.flatMap((s) => {
        const body = blockBody.safeParse(s.kind === "BLOCK" ? s.blockVersion?.body : s.body);
        return body.success ? bodyPositionIds(body.data) : [];
      }),
    );
    for (const id of ids) {
      const p = await t.db.position.findFirst({
        where: { id, organisationId: actor.organisationId, status: "RETIRED" },
      });
      if (p) rows.push({ submissionId: d.id, letter: d.title, positionId: id, statement: p.statement });
    }
  }
  return rows;
}

describe("retired positions still in drafts", () => {
  it("are read from the unsent letters' bodies, as they were", async () => {
    const mk = (actor: Actor, statement: string, status: "ACTIVE" | "RETIRED") =>
      t.db.position.create({ data: { organisationId: actor.organisationId, statement, topics: [], status } });
    const [gone, gone2, live, theirs] = await Promise.all([
      mk(a, "Utgått A.", "RETIRED"),
      mk(a, "Utgått i blokk.", "RETIRED"),
      mk(a, "Gjeldende A.", "ACTIVE"),
      mk(b, "Utgått B.", "RETIRED"),
    ]);
    const doc = (...content: object[]) => ({ type: "doc", content }) as Prisma.InputJsonValue;
    const list = (...ids: string[]) => ({ type: "positionList", attrs: { positionIds: ids } });
    const para = { type: "paragraph", content: [{ type: "text", text: "Tekst." }] };
    const block = await t.db.textBlock.create({
      data: { organisationId: a.organisationId, heading: "Blokk", body: doc(), topics: [] },
    });
    const version = await t.db.textBlockVersion.create({
      data: {
        blockId: block.id,
        number: 1,
        heading: "Blokk",
        body: doc(para, list(gone2.id, live.id)),
        plainText: "",
        topics: [],
        reason: "Første",
      },
    });
    const body = await t.db.issuingBody.create({
      data: { organisationId: a.organisationId, name: "Utkastdep", type: "DEPARTEMENT" },
    });
    const h = await t.db.hearing.create({
      data: {
        organisationId: a.organisationId,
        title: "Utkastshøring",
        issuingBodyId: body.id,
        kind: "HORING",
        deadline: new Date("2026-12-31"),
      },
    });
    const letter = (
      revision: number,
      title: string,
      status: "DRAFT" | "IN_REVIEW" | "SENT",
      sections: { kind: "FREE" | "LOCAL" | "BLOCK"; body?: unknown; blockVersionId?: string }[],
    ) =>
      t.db.submission.create({
        data: {
          organisationId: a.organisationId,
          hearingId: h.id,
          revision,
          title,
          status,
          place: "Oslo",
          date: new Date("2026-12-01"),
          letterheadOrganisation: "A",
          sections: {
            create: sections.map((s, position) => ({
              position,
              kind: s.kind,
              body: s.body as object | undefined,
              blockVersionId: s.blockVersionId,
            })),
          },
        },
      });
    // Named twice in one letter (listed once), in a block's version, in a local copy, and in a letter in review;
    // not a sent letter's, an active position, another organisation's position or a body that is not a document.
    await letter(1, "Utkast én", "DRAFT", [
      { kind: "FREE", body: doc(para, list(gone.id, live.id, theirs.id)) },
      { kind: "BLOCK", blockVersionId: version.id },
      { kind: "LOCAL", body: doc(list(gone.id)) },
      { kind: "FREE", body: "ikke et dokument" },
    ]);
    await letter(2, "Til gjennomgang", "IN_REVIEW", [{ kind: "LOCAL", body: doc(para, list(gone2.id)) }]);
    await letter(3, "Sendt", "SENT", [{ kind: "FREE", body: doc(list(gone.id, gone2.id)) }]);

    const order = (rows: { letter: string; statement: string }[]) =>
      [...rows].sort((x, y) => x.letter.localeCompare(y.letter) || x.statement.localeCompare(y.statement));
    for (const actor of [nito, a, b]) {
      const now = (await getInsight(t.db, {}, actor)).retiredInDrafts;
      expect(order(now)).toEqual(order(await retiredInDraftsBefore(actor)));
    }
    expect((await getInsight(t.db, {}, a)).retiredInDrafts.map((r) => [r.letter, r.statement])).toEqual([
      ["Til gjennomgang", "Utgått i blokk."],
      ["Utkast én", "Utgått A."],
      ["Utkast én", "Utgått i blokk."],
    ]);
  });
});
