/** For tests: the seeded demo users as actors, keyed by the local part of their e-mail ("ingrid", "admin", …). */
import type { Db } from "@innspill/db";
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import type { Actor } from "@innspill/domain";
import { seedDemoContent } from "./content";
import { seedDemoData } from "./data";

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
export async function createDemoDatabase(
  options: { content?: boolean } = {},
): Promise<{ t: TestDatabase; actors: Record<string, Actor> }> {
  const t = await createTestDatabase();
  await seedDemoData(t.db);
  // The demo library, signatories and letter (off by default: library tests count what they make).
  if (options.content) await seedDemoContent(t.db);
  return { t, actors: await demoActors(t.db) };
}
