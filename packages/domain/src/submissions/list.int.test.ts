/** The letters list a page at a time, most recently edited first, within the organisation only. */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestDatabase } from "@innspill/db/testing";
import { createDemoDatabase, createOtherOrganisation } from "@innspill/demo/testing";
import type { Actor } from "../access/actor";
import { createSubmission, listSubmissions } from "./submissions";

let t: TestDatabase;
let nito: Actor;
let other: Actor;

beforeAll(async () => {
  let a: Record<string, Actor>;
  ({ t, actors: a } = await createDemoDatabase());
  nito = a.ingrid!;
  const hearings = await t.db.hearing.findMany({ where: { organisationId: nito.organisationId }, take: 3 });
  for (const h of hearings) await createSubmission(t.db, { hearingId: h.id }, nito);
  other = await createOtherOrganisation(t.db, "brev");
}, 60_000);
afterAll(async () => {
  await t?.close();
});

it("pages through the letters one at a time, most recently edited first, with the total on the first page", async () => {
  // Two letters edited in the same millisecond: the id decides, and a page may end between them.
  const [first] = await t.db.submission.findMany({ where: { organisationId: nito.organisationId }, take: 2 });
  const all = await t.db.submission.findMany({ where: { organisationId: nito.organisationId } });
  expect(all.length).toBeGreaterThanOrEqual(2);
  await t.db
    .$executeRaw`UPDATE "Submission" SET "updatedAt" = '2026-01-01T10:00:00Z' WHERE "organisationId" = ${nito.organisationId}::uuid`;
  await t.db
    .$executeRaw`UPDATE "Submission" SET "updatedAt" = '2026-02-01T10:00:00Z' WHERE id = ${first!.id}::uuid`;
  const expected = [
    first!.id,
    ...all
      .map((s) => s.id)
      .filter((id) => id !== first!.id)
      .sort()
      .reverse(),
  ];

  const seen: string[] = [];
  const totals: (number | null)[] = [];
  let cursor: { updatedAt: string; id: string } | null = null;
  do {
    const page: Awaited<ReturnType<typeof listSubmissions>> = await listSubmissions(
      t.db,
      { limit: 1, cursor },
      nito,
    );
    seen.push(...page.items.map((s) => s.id));
    totals.push(page.total);
    cursor = page.nextCursor;
  } while (cursor);
  expect(seen).toEqual(expected);
  expect(totals[0]).toBe(all.length);
  expect(totals.slice(1).every((x) => x === null)).toBe(true);

  // Another organisation has none, and sees none of these.
  expect(await listSubmissions(t.db, {}, other)).toEqual({ items: [], total: 0, nextCursor: null });
});

it("refuses a cursor that is not one with a clear error", async () => {
  await expect(
    listSubmissions(t.db, { cursor: { updatedAt: "i går", id: "x" } }, nito),
  ).rejects.toMatchObject({ code: "BAD_REQUEST" });
});
