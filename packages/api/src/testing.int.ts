// Helpers for this package's integration tests.
import { createTestDatabase, type TestDatabase } from "@innspill/db/testing";
import { DEMO_USERS, seedDemoData } from "@innspill/demo";
import { createBoss, createJobQueue, ensureQueues, type PgBoss } from "@innspill/jobs";
import type { Actor } from "@innspill/domain";
import { demoActors } from "@innspill/demo/testing";
import type { Role } from "@innspill/db";
import type { Context } from "./trpc";

export interface Fixture {
  tdb: TestDatabase;
  boss: PgBoss;
  actors: Record<Role, Actor>;
  ctx(role: Role | null): Context;
  close(): Promise<void>;
}

export async function setupFixture(): Promise<Fixture> {
  const tdb = await createTestDatabase();
  await seedDemoData(tdb.db);
  const boss = createBoss(tdb.url, "producer");
  await boss.start();
  await ensureQueues(boss);
  const jobs = createJobQueue(async () => boss);
  const demo = await demoActors(tdb.db);
  const actors = {} as Record<Role, Actor>;
  for (const role of ["ADVISER", "LEADER", "ADMIN"] as const) {
    actors[role] = demo[DEMO_USERS.find((u) => u.role === role)!.email.split("@")[0]!]!;
  }
  return {
    tdb,
    boss,
    actors,
    ctx: (role) => ({ db: tdb.db, actor: role ? actors[role] : null, jobs }),
    close: async () => {
      await boss.stop({ graceful: false, wait: true });
      await tdb.close();
    },
  };
}
