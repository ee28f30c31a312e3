/**
 * Innsikt counts in the database and sends a screen's worth: checked in an organisation of its own (so the figures are
 * exact) beside the demo organisation (so nothing crosses between them).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, createOtherOrganisation } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { addDaysToDateOnly, dateOnlyToDb, osloDate } from "../dates/dates";
import { getInsight, INSIGHT_SHOWN } from "./insight";

let t: TestDatabase;
let nito: Actor;
let other: Actor;

beforeAll(async () => {
  let a: Record<string, Actor>;
  ({ t, actors: a } = await createDemoDatabase());
  nito = a.ingrid!;
  other = await createOtherOrganisation(t.db, "innsikt");
}, 60_000);
afterAll(async () => {
  await t?.close();
});

const today = osloDate(new Date());
async function position(statement: string, topics: string[], status: "ACTIVE" | "RETIRED" = "ACTIVE") {
  return t.db.position.create({ data: { organisationId: other.organisationId, statement, topics, status } });
}
async function use(positionId: string, daysAgo: number, letter: string, recipient: string | null) {
  await t.db.positionUsage.create({
    data: {
      positionId,
      submissionId: letter,
      origin: "composed",
      usedOn: dateOnlyToDb(addDaysToDateOnly(today, -daysAgo)),
      recipient,
      wording: "…",
    },
  });
}

it("counts uses, letters, recipients and topics per position, and lists the active ones not used lately", async () => {
  const often = await position("Ørsmå saker teller.", ["utdanning", "helse"]);
  const once = await position("Ærlige tall.", ["helse"]);
  const never = await position("Aldri brukt.", []);
  await position("Utgått og ubrukt.", ["helse"], "RETIRED");
  const [l1, l2] = [randomUUID(), randomUUID()];
  await use(often.id, 10, l1, "Kunnskapsdepartementet");
  await use(often.id, 20, l1, "Kunnskapsdepartementet");
  await use(often.id, 30, l2, null);
  await use(once.id, 800, randomUUID(), "Helsedirektoratet");

  const insight = await getInsight(t.db, { months: 12 }, other);
  expect(insight.positions.map((p) => [p.statement, p.times, p.letters, p.recipients, p.lastUsed])).toEqual([
    ["Ørsmå saker teller.", 3, 2, ["Kunnskapsdepartementet"], addDaysToDateOnly(today, -10)],
    ["Ærlige tall.", 1, 1, ["Helsedirektoratet"], addDaysToDateOnly(today, -800)],
  ]);
  // Used two years ago or never; not the retired one.
  expect(insight.unusedActive.map((p) => p.id)).toEqual([once.id, never.id]);
  expect(insight.unusedActiveCount).toBe(2);
  expect(insight.topics).toEqual([
    { topic: "helse", times: 4, positions: 3, lastUsed: addDaysToDateOnly(today, -10) },
    { topic: "utdanning", times: 3, positions: 1, lastUsed: addDaysToDateOnly(today, -10) },
    { topic: "(uten tema)", times: 0, positions: 1, lastUsed: null },
  ]);
  // Over 36 months the older use counts as recent.
  expect((await getInsight(t.db, { months: 36 }, other)).unusedActive.map((p) => p.id)).toEqual([never.id]);

  // The demo organisation's insight has none of these, and this one none of the demo's.
  const theirs = await getInsight(t.db, { months: 12 }, nito);
  const ours = new Set([often.id, once.id, never.id]);
  expect([...theirs.positions, ...theirs.unusedActive].some((p) => ours.has(p.id))).toBe(false);
  const demoIds = new Set(
    (
      await t.db.position.findMany({ where: { organisationId: nito.organisationId }, select: { id: true } })
    ).map((p) => p.id),
  );
  expect([...insight.positions, ...insight.unusedActive].some((p) => demoIds.has(p.id))).toBe(false);
});

it("sends a screen's worth of unused positions and says how many there are", async () => {
  const before = (await getInsight(t.db, { months: 12 }, other)).unusedActiveCount;
  await t.db.position.createMany({
    data: Array.from({ length: INSIGHT_SHOWN + 10 }, (_, i) => ({
      organisationId: other.organisationId,
      statement: `Ubrukt ${String(i).padStart(3, "0")}.`,
      topics: ["mange"],
      status: "ACTIVE" as const,
    })),
  });
  const insight = await getInsight(t.db, { months: 12 }, other);
  expect(insight.unusedActive).toHaveLength(INSIGHT_SHOWN);
  expect(insight.unusedActiveCount).toBe(before + INSIGHT_SHOWN + 10);
});
