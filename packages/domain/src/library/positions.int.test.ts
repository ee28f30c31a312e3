/** The position register a page at a time, its filters, and the lookup of named positions, within one organisation. */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, createOtherOrganisation } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { createPosition, listPositions, lookupPositions } from "./positions";

let t: TestDatabase;
let nito: Actor;
let other: Actor;
let theirs: string;

beforeAll(async () => {
  let a: Record<string, Actor>;
  ({ t, actors: a } = await createDemoDatabase());
  nito = a.ingrid!;
  other = await createOtherOrganisation(t.db, "standpunkt");
  for (const n of [1, 2, 3, 4, 5])
    await createPosition(t.db, { statement: `Standpunkt nummer ${n}`, status: "ACTIVE" }, nito);
  theirs = (
    await createPosition(t.db, { statement: "Rekruttering av ingeniører er viktig", status: "ACTIVE" }, other)
  ).id;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

type Page = Awaited<ReturnType<typeof listPositions>>;

async function everyPage(actor: Actor, input: object) {
  const seen: string[] = [];
  const totals: (number | null)[] = [];
  let cursor: Page["nextCursor"] = null;
  do {
    const page: Page = await listPositions(t.db, { ...input, cursor }, actor);
    seen.push(...page.items.map((p) => p.id));
    totals.push(page.total);
    cursor = page.nextCursor;
  } while (cursor);
  return { seen, totals };
}

it("pages through the positions two at a time, most recently changed first, with the total on the first page", async () => {
  const all = await t.db.position.findMany({ where: { organisationId: nito.organisationId } });
  expect(all.length).toBeGreaterThan(4);
  // Positions changed in the same millisecond: the id decides, and a page may end between them.
  const [latest] = all;
  await t.db
    .$executeRaw`UPDATE "Position" SET "updatedAt" = '2026-01-01T10:00:00Z' WHERE "organisationId" = ${nito.organisationId}::uuid`;
  await t.db
    .$executeRaw`UPDATE "Position" SET "updatedAt" = '2026-02-01T10:00:00Z' WHERE id = ${latest!.id}::uuid`;
  const expected = [
    latest!.id,
    ...all
      .map((p) => p.id)
      .filter((id) => id !== latest!.id)
      .sort()
      .reverse(),
  ];

  const { seen, totals } = await everyPage(nito, { limit: 2 });
  expect(seen).toEqual(expected);
  expect(totals[0]).toBe(all.length);
  expect(totals.slice(1).every((x) => x === null)).toBe(true);
  expect(seen).not.toContain(theirs);

  // The other organisation sees its own position only.
  const mine = await listPositions(t.db, {}, other);
  expect(mine.items.map((p) => p.id)).toEqual([theirs]);
  expect(mine.total).toBe(1);
});

it("finds positions by words of their statement, in any case and order, and by status", async () => {
  const draft = await createPosition(
    t.db,
    { statement: "Etter- og videreutdanning for BIOINGENIØRER må styrkes", status: "DRAFT" },
    nito,
  );
  const retired = await createPosition(
    t.db,
    { statement: "Bioingeniører skal ha etter- og videreutdanning", status: "RETIRED" },
    nito,
  );
  const ids = async (input: object) => (await listPositions(t.db, input, nito)).items.map((p) => p.id);

  expect(new Set(await ids({ q: "videreutdanning bioingeniører" }))).toEqual(new Set([draft.id, retired.id]));
  // What a text may still name: drafts and active positions, not retired ones.
  expect(await ids({ q: "videreutdanning bioingeniører", usable: true })).toEqual([draft.id]);
  expect(await ids({ q: "videreutdanning", status: "RETIRED" })).toEqual([retired.id]);
  expect(await ids({ q: "videreutdanning", status: "ACTIVE" })).toEqual([]);
  // Another organisation's statement is never found.
  expect(await ids({ q: "rekruttering av ingeniører er viktig" })).toEqual([]);
});

it("looks up the positions a text names, never another organisation's", async () => {
  const [a, b] = await t.db.position.findMany({ where: { organisationId: nito.organisationId }, take: 2 });
  const found = await lookupPositions(t.db, { ids: [a!.id, b!.id, a!.id, theirs] }, nito);
  expect(new Map(found.map((p) => [p.id, p.statement]))).toEqual(
    new Map([
      [a!.id, a!.statement],
      [b!.id, b!.statement],
    ]),
  );
  expect(await lookupPositions(t.db, { ids: [] }, nito)).toEqual([]);
});

it("refuses an invalid cursor, a page over the limit and too many ids with a clear error", async () => {
  await expect(listPositions(t.db, { cursor: { updatedAt: "i går", id: "x" } }, nito)).rejects.toMatchObject({
    code: "BAD_REQUEST",
  });
  await expect(listPositions(t.db, { limit: 101 }, nito)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  await expect(listPositions(t.db, { q: "x".repeat(201) }, nito)).rejects.toMatchObject({
    code: "BAD_REQUEST",
  });
  const ids = Array.from({ length: 501 }, () => crypto.randomUUID());
  await expect(lookupPositions(t.db, { ids }, nito)).rejects.toMatchObject({ code: "BAD_REQUEST" });
});
