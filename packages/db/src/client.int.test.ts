import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "./generated/client";
import { queryRows } from "./client";
import { createTestDatabase, type TestDatabase } from "./testing";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe("queryRows", () => {
  it("reads every column as Prisma does, through pg and inside a transaction (through $queryRaw)", async () => {
    const org = await t.db.organisation.create({ data: { slug: "rows", name: "Rader", shortName: "R" } });
    const at = new Date("2026-03-29T00:30:00.123Z"); // the night Oslo moves its clocks
    await t.db.auditEvent.create({
      data: { organisationId: org.id, action: "test", entity: "Test", entityId: "1", data: { a: [1, "b"] } },
    });
    const query = Prisma.sql`
      SELECT o.id, o.name, ${at}::timestamp(3) AS at, '2026-03-29'::date AS day, e.id AS "eventId", e.data,
             count(*) OVER ()::int AS n, 'x' IS NOT NULL AS yes, NULL::text AS nothing
        FROM "Organisation" o JOIN "AuditEvent" e ON e."organisationId" = o.id
       WHERE o.id = ${org.id}::uuid`;
    const [direct] = await queryRows<Record<string, unknown>>(t.db, query);
    const [inTx] = await t.db.$transaction((tx) => queryRows<Record<string, unknown>>(tx, query));
    expect(direct).toEqual(inTx);
    expect(direct).toMatchObject({
      id: org.id,
      name: "Rader",
      at,
      day: new Date("2026-03-29T00:00:00Z"),
      data: { a: [1, "b"] },
      n: 1,
      yes: true,
      nothing: null,
    });
    expect(typeof direct!.eventId).toBe("bigint");
    // The same instant Prisma's model reads and writes.
    const stored = await t.db.auditEvent.create({
      data: { action: "test", entity: "Test", entityId: "2", createdAt: at },
    });
    const [back] = await queryRows<{ createdAt: Date }>(
      t.db,
      Prisma.sql`SELECT "createdAt" FROM "AuditEvent" WHERE id = ${stored.id}`,
    );
    expect(back!.createdAt).toEqual(stored.createdAt);
  });
});
