/**
 * The block register a page at a time, and the topics of the published blocks: in an organisation of its own beside the
 * demo organisation, so that nothing crosses between them.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Prisma } from "@innspill/db";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, createOtherOrganisation } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { emptyBody as empty } from "./body";

const emptyBody = () => empty() as Prisma.InputJsonValue;
import { listBlocks, listBlockTopics } from "./blocks";

let t: TestDatabase;
let nito: Actor;
let other: Actor;
const published = new Map<string, string>(); // block id → its published version id

beforeAll(async () => {
  let a: Record<string, Actor>;
  ({ t, actors: a } = await createDemoDatabase());
  nito = a.ingrid!;
  await t.db.textBlock.create({
    data: {
      organisationId: nito.organisationId,
      heading: "Arbeidsliv",
      topics: ["skatt"],
      body: emptyBody(),
    },
  });
  other = await createOtherOrganisation(t.db, "blokker");
  // Two with the same heading, so a page can end between them.
  const blocks: [string, string[], boolean][] = [
    ["Skatt", ["skatt"], true],
    ["Lik", ["skatt"], false],
    ["Lik", [], false],
    ["Arbeidsliv", ["arbeid", "skatt"], true],
    ["Utdanning", ["utdanning"], false],
    ["Helse", [], false],
    ["Beredskap", ["beredskap"], false],
  ];
  for (const [heading, topics, publish] of blocks) {
    const b = await t.db.textBlock.create({
      data: { organisationId: other.organisationId, heading, topics, body: emptyBody() },
    });
    if (!publish) continue;
    const v = await t.db.textBlockVersion.create({
      data: {
        blockId: b.id,
        number: 1,
        heading,
        body: emptyBody(),
        plainText: heading,
        topics,
        reason: "Første",
      },
    });
    await t.db.textBlock.update({ where: { id: b.id }, data: { publishedVersionId: v.id } });
    published.set(b.id, v.id);
  }
}, 60_000);
afterAll(async () => {
  await t?.close();
});

it("pages through the register by heading, three at a time, with the total on the first page", async () => {
  const seen: { id: string; heading: string }[] = [];
  let cursor: { heading: string; id: string } | null = null;
  const totals: (number | null)[] = [];
  do {
    const page: Awaited<ReturnType<typeof listBlocks>> = await listBlocks(t.db, { limit: 3, cursor }, other);
    seen.push(...page.items);
    totals.push(page.total);
    cursor = page.nextCursor;
  } while (cursor);
  expect(totals).toEqual([7, null, null]);
  expect(seen.map((b) => b.heading)).toEqual([
    "Arbeidsliv",
    "Beredskap",
    "Helse",
    "Lik",
    "Lik",
    "Skatt",
    "Utdanning",
  ]);
  expect(new Set(seen.map((b) => b.id)).size).toBe(7);

  // Nothing of the demo organisation's, and the demo organisation sees none of these.
  const demo = await listBlocks(t.db, { limit: 100 }, nito);
  expect(demo.items.map((b) => b.heading)).toContain("Arbeidsliv");
  const ours = new Set(seen.map((b) => b.id));
  expect(demo.items.some((b) => ours.has(b.id))).toBe(false);
});

it("filters by topic and to the published blocks, with their published version", async () => {
  const skatt = await listBlocks(t.db, { topic: "skatt" }, other);
  expect(skatt.items.map((b) => b.heading)).toEqual(["Arbeidsliv", "Lik", "Skatt"]);
  const usable = await listBlocks(t.db, { topic: "skatt", published: true }, other);
  expect(usable.items.map((b) => [b.heading, b.latest?.id])).toEqual([
    ["Arbeidsliv", published.get(usable.items[0]!.id)],
    ["Skatt", published.get(usable.items[1]!.id)],
  ]);
  expect(usable.total).toBe(2);
  // The topics a letter can use: those of the published blocks only.
  expect(await listBlockTopics(t.db, other)).toEqual(["arbeid", "skatt"]);
});

it("refuses a page size over the limit with a clear error", async () => {
  await expect(listBlocks(t.db, { limit: 10_000 }, other)).rejects.toMatchObject({ code: "BAD_REQUEST" });
});
