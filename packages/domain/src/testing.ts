/** For tests: the seeded demo users as actors, keyed by the local part of their e-mail ("ingrid", "admin", …). */
import type { Db } from "@innspill/db";
import { seedDemoData } from "@innspill/db/seed";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import type { Actor } from "./actor";

export async function demoActors(db: Db): Promise<Record<string, Actor>> {
  const users = await db.user.findMany();
  return Object.fromEntries(
    users.map((u) => [
      u.email.split("@")[0]!,
      { id: u.id, organisationId: u.organisationId, role: u.role, name: u.name },
    ]),
  );
}

/** For integration tests: a database of the test file's own, with the demo data, and its users as actors. */
export async function createDemoDatabase(): Promise<{ t: TestDatabase; actors: Record<string, Actor> }> {
  const t = await createTestDatabase();
  await seedDemoData(t.db);
  return { t, actors: await demoActors(t.db) };
}
